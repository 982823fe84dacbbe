"""The readiness report's layout holds for every shipped city in both languages (issue 13):
no text over other text or past the margin, no page ending with a heading or a table's header,
page 1 for leadership on one page, lead units and statuses never broken inside a word."""

from __future__ import annotations

import pdfcheck
import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES, CITY_FILES
from ipcheck.cli import main
from ipcheck.reports import document
from ipcheck.reports.labels import STATUSES, head, short_word
from ipcheck.reports.linebreak import name_pieces as unit_pieces
from ipcheck.reports.readiness import clause_runs

THREE = ("--framework", "ningbo-2020", "--framework", "reference", "--framework", "national-2025")
SIX = ("--framework", "tianjin-2017", "--framework", "reference", "--framework", "national-2025", "--framework",
       "ningbo-2020", "--framework", "heze-2022", "--framework", "yinchuan-2023", "--year", "2017")
CASES = [(p.stem, lang, ()) for p in CITY_FILES for lang in ("zh", "en")] + [
    ("tianjin", lang, ("--framework", "tianjin-2017", "--year", "2017")) for lang in ("zh", "en")] + [
    ("ningbo", lang, THREE) for lang in ("zh", "en")] + [("tianjin", "en", SIX)]  # page 1 holds up to six


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    out = {}
    for city, lang, extra in CASES:
        path = folder / f"{city}-{lang}-{len(extra)}.pdf"  # (several cases of a city differ in their options)
        r = CliRunner().invoke(main, ["evaluate", str(CITIES / f"{city}.yaml"), "--lang", lang, "--pdf", str(path),
                                      "--format", "json", *extra], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        import json
        out[(city, lang, extra)] = (path, json.loads(r.stdout)["evaluations"])
    return out


def _lines(path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line.replace(" ", "") for line in (p.extract_text() or "").split("\n")] for p in pdf.pages]


@pytest.mark.parametrize("city,lang,extra", CASES, ids=[f"{c}-{lang}-{e.count('--framework')}" for c, lang, e in CASES])
def test_layout_holds(reports, city, lang, extra):
    path, evaluations = reports[(city, lang, extra)]
    assert pdfcheck.problems(path) == []
    assert pdfcheck.wrong_headers(path) == []
    pages = _lines(path)
    first, second = "".join(pages[0]), "".join(pages[1])
    # page 1 holds every framework's block (in two columns from four frameworks); the contents start page 2
    with pdfplumber.open(path) as pdf:
        p = pdf.pages[0]
        halves = "".join((p.crop(box).extract_text() or "") for box in ((0, 0, p.width / 2, p.height),
                                                                         (p.width / 2, 0, p.width, p.height)))
    halves = halves.replace("\n", "").replace(" ", "")
    for ev in evaluations:
        title = ev["framework"]["title"][lang].replace(" ", "")
        assert title in first or title in halves, title
    assert ("目录" if lang == "zh" else "Contents") in pages[1][1]
    assert ("目录" if lang == "zh" else "Contents") not in first
    # a lead unit's parts, a clause's citations, a status and a figure's freshness are each on one line
    pieces = {p for ev in evaluations for c in ev["criteria"] for p in unit_pieces(c["lead_unit"])}
    citations = {r.text.strip() for ev in evaluations for c in ev["criteria"] for r in clause_runs(c["clause"])
                 if r.keep}
    statuses = {short_word(s, lang) for s in STATUSES}
    assert pdfcheck.broken(path, pieces | citations | statuses | {"陈旧）", "过旧）"}) == []
    # under a chart, "目标：≥ 650 件": a label is never broken nor last on a line, a sign never apart from its figure
    labels = {head(k, lang).replace(" ", "") + ("：" if lang == "zh" else ":") for k in ("value", "target", "gap")}
    assert pdfcheck.broken(path, labels) == []
    assert [line for page in pages for line in page if line.endswith((*labels, "≥", "≤"))] == []
    assert second  # the body follows


def test_the_checks_find_what_they_look_for(tmp_path):
    """The layout checks can fail: text drawn over text, a heading and a table header at a page's foot."""
    css = ("@page { size: A4; margin: 17mm 15mm 16mm 15mm }"
           "html { font-family: 'Noto Sans CJK SC'; font-size: 9pt } h3 { font-size: 10.5pt; margin: 0 }"
           "td { white-space: nowrap } table { table-layout: fixed; width: 60mm }")
    page = (f"<html><head><style>{css}</style></head><body>"
            "<table><tr><td style='width: 10mm'>市知识产权工作领导小组办公室</td><td>牵头单位</td></tr></table>"
            "<div style='height: 235mm'></div><h3>差距分析</h3>"
            "<div style='page-break-before: always'></div><div style='height: 240mm'></div>"
            "<div style='color: white; background: #1f4e79'>状态 指标</div>"  # a table header's look, alone
            "<p style='page-break-before: always'>后文</p></body></html>")
    pdf = tmp_path / "bad.pdf"
    pdf.write_bytes(document.render_pdf(page))
    found = pdfcheck.problems(pdf)
    assert any("overlapping text" in f for f in found), found
    assert any("page 1: ends with a heading '差距分析'" in f for f in found), found
    assert any("page 2: ends with a table header '状态指标'" in f for f in found), found
    # a lead unit in a cell too narrow for it breaks inside '（起草单位）'
    narrow = tmp_path / "narrow.pdf"
    narrow.write_bytes(document.render_pdf("<html><body style=\"font-family: 'Noto Sans CJK SC'\">"
                                           "<div style='width: 30mm; font-size: 9pt'>"
                                           "市市场监管局（起草单位）</div></body></html>"))
    assert pdfcheck.broken(narrow, set(unit_pieces("市市场监管局（起草单位）"))) == ["（起草单位）"]


@pytest.mark.parametrize("chars", [7, 8, 11, 15, 17])
def test_a_lead_unit_breaks_alike_in_the_terminal_and_the_pdf(tmp_path, chars):
    """One break rule for a lead unit (issue 24): in a column `chars` Chinese characters wide, the terminal's
    table and the PDF's cell break "市市场监管局、市科技局（起草单位）" into the same lines — after "、", before
    the bracket, where the width needs it, never inside a unit's name."""
    import io

    from ipcheck.reports.document import _runs
    from ipcheck.reports.readiness import lead_runs
    from ipcheck.reports.terminal import grid
    from rich.console import Console
    unit = "市市场监管局、市科技局（起草单位）"
    buf = io.StringIO()
    Console(file=buf, width=2 * chars, color_system=None).print(grid(["单位"], [[unit]], 2 * chars,
                                                                      names=[[True]]))
    terminal = [line.strip() for line in buf.getvalue().splitlines()[2:] if line.strip()]
    page = ("<html><body style=\"font-family: 'Noto Sans CJK SC'; font-size: 9pt; margin: 0\">"
            f"<div style='width: {chars}em'>{_runs(lead_runs(unit, fit=chars), screen=False)}</div></body></html>")
    pdf = tmp_path / "unit.pdf"
    pdf.write_bytes(document.render_pdf(page))
    with pdfplumber.open(pdf) as doc:
        printed = [line.replace(" ", "") for line in doc.pages[0].extract_text().split("\n") if line.strip()]
    assert printed == terminal
    assert "".join(terminal) == unit and len(terminal) == {7: 3, 8: 3, 11: 2, 15: 2, 17: 1}[chars]
    whole = ("市市场监管局、", "市科技局", "（起草单位）", "市市场监管局、市科技局", unit)  # never inside a name
    assert all(line in whole for line in terminal)
