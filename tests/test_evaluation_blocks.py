"""`evaluate`'s terminal table and Markdown, and `explain`, as documents of blocks laid out by the generic writers."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import CITIES
from ipcheck import __version__
from ipcheck.app.library import Selection, evaluate_selection
from ipcheck.engine.sensitivity import sensitivity
from ipcheck.reports import evaluation, explain, markdown, outputs, terminal
from ipcheck.reports.blocks import Bullets, Grid
from ipcheck.reports.labels import shown_status, status_words
from rich.cells import cell_len

ESC = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def ningbo():
    """Ningbo against its own plan (32 targets) and the reference framework (22 criteria)."""
    return evaluate_selection(Selection(CITIES / "ningbo.yaml"))


def _grids(doc) -> list[Grid]:
    return [it for s in doc.sections for it in s.items if it.kind == "grid"]


def test_each_criterion_row_keeps_its_status_run_and_lead_unit(ningbo):
    doc = evaluation.doc(ningbo.results, "zh", {}, "markdown")
    grids = _grids(doc)
    assert [len(g.rows) for g in grids] == [len(res.results) for res in ningbo.results]
    for g, res in zip(grids, ningbo.results):
        for row, r in zip(g.rows, res.results):
            (status,), = row.cells[0].lines
            assert (status.text, status.style, status.keep) == (status_words(r, "zh"), f"s-{shown_status(r)}", True)
            assert row.cls == f"s-{shown_status(r)}"
            lead = row.cells[7]
            assert lead.cls == "lead" and "".join(run.text for run in lead.lines[0]) == r.lead_unit
    text = markdown.document(doc)
    # every criterion a row of the Markdown table, its lead unit whole in its cell
    for res in ningbo.results:
        for r in res.results:
            assert re.search(rf"^\| [^|]+ \| {re.escape(r.id)} \|.*\| {re.escape(r.lead_unit)} \|", text, re.M)


def test_a_wide_terminal_shows_a_row_a_criterion_in_its_colour(ningbo):
    doc = evaluation.doc(ningbo.results, "zh", {}, "wide")
    out = terminal.document(doc, "zh", color=True, width=160)
    plain = ESC.sub("", out)
    lines = plain.splitlines()
    met = [r for r in ningbo.results[0].results if r.achievement == "met"]
    assert met
    for r in met:
        row = next(line for line in lines if f" {r.id} " in line)
        assert row.startswith("✔ 已完成") and "100.0" in row
        # the row in green: the passed criterion's status, id and figures alike
        raw = next(line for line in out.splitlines() if f" {r.id} " in ESC.sub("", line))
        assert raw.startswith("\x1b[32m✔ 已完成") and f"\x1b[32m{r.id}\x1b[0m" in raw
    assert "\x1b[1m结论：\x1b[0m" in out  # each header line's label in bold, its text not
    assert not plain.startswith("\n") and plain.endswith("\n\n")  # a blank line after each framework, none before


def test_a_narrow_terminal_puts_the_figures_under_the_title_then_cards(ningbo):
    res = ningbo.results[0]
    doc = evaluation.doc([res], "en", {}, "wide")
    at60 = terminal.document(doc, "en", width=60)  # too narrow for seven columns: two lines a criterion
    assert all(len(line) <= 60 for line in at60.splitlines())
    assert re.search(r"^✔ met +NB-01 +Valid invention", at60, re.M)
    assert re.search(r"^ +38,289 \(2021, stale\) → ≥ 36,000", at60, re.M)
    at30 = terminal.document(doc, "en", width=30)  # too narrow for the columns: a card per criterion
    card = at30[at30.index("NB-01 "):at30.index("NB-02 ")].splitlines()
    assert card[0].startswith("NB-01 Valid invention")
    assert "   ✔ met" in card and all(line.startswith("   ") for line in card[1:])


def test_markdown_sensitivity_lines_stand_apart_each_on_its_line(ningbo):
    sens = {r.framework_id: sensitivity(r, 20, 1, Decimal("0.2"), Decimal("0.1")) for r in ningbo.results}
    view = outputs.EvaluationView(ningbo.results, ningbo.inputs, __version__, sens)
    text = outputs.render(view, "markdown", "en")
    first = text.index("ningbo-2020 sensitivity:")
    assert text[first - 2:first] == "\n\n"  # a paragraph of its own, not the end of the last follow-up line
    tail = text[first:].splitlines()
    assert len(tail) == 2 and all(line.endswith("  ") for line in tail)
    table = outputs.render(view, "table", "en")  # on the terminal each stays one line, as read whole
    assert any(line.startswith("reference sensitivity:") and line.endswith("draws") for line in table.splitlines())


def test_explain_is_a_section_with_its_facts_as_a_list(ningbo):
    res = ningbo.results[0]
    r = next(x for x in res.results if x.id == "NB-01")
    doc = explain.doc(res, r, "zh")
    (section,) = doc.sections
    assert section.heading.startswith("NB-01  ")
    facts = [it for it in section.items if isinstance(it, Bullets)]
    assert len(facts) == 1 and len(facts[0].items) == len(r.measurement.facts)
    out = explain.render(res, r, "zh", width=50)
    lines = out.splitlines()
    assert lines[0] == section.heading and "" not in lines  # no blank line: the heading opens the text
    items = [i for i, line in enumerate(lines) if line.startswith("  - ")]
    assert len(items) == len(r.measurement.facts)
    # an item's further lines under its text, four cells in; every line within the width
    after = lines[items[0] + 1]
    assert after.startswith("    ") and not after.startswith("     ")
    assert all(cell_len(line) <= 50 for line in lines)
