"""The terminal table at the terminal's real width (issue 13): readable from 80 columns, no word broken."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main
from ipcheck.reports.labels import short_word
from ipcheck.reports.linebreak import units
from ipcheck.reports.terminal import terminal_width
from ipcheck.reports.words import text as say
from rich.cells import cell_len

TIANJIN_2016 = (str(CITIES / "tianjin.yaml"), "--framework", "tianjin-2017", "--year", "2016")


def table(columns: int, *args) -> str:
    r = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, ["evaluate", *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_the_width_is_the_terminals(monkeypatch):
    monkeypatch.setenv("COLUMNS", "93")
    assert terminal_width() == 93  # shutil.get_terminal_size honours $COLUMNS, then asks the terminal


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("args", [(str(CITIES / "ningbo.yaml"),), TIANJIN_2016])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_narrow_terminal_gets_a_compact_table(columns, args, lang):
    out = table(columns, *args, "--lang", lang)
    lines = out.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= columns
    wide = table(1000, *args, "--lang", lang)
    # no word is broken: each English word on the narrow screen is a word of the unwrapped output
    words = set(re.findall(r"[A-Za-z]{2,}", out))
    assert words <= set(re.findall(r"[A-Za-z]{2,}", wide)), words - set(re.findall(r"[A-Za-z]{2,}", wide))
    # statuses whole, and the framework's title on a line of its own, under the city and framework id
    for status in ("pass", "partial", "unknown"):
        n = wide.count(short_word(status, lang))
        assert out.count(short_word(status, lang)) == n
    assert lines[1].strip() in wide and "—" not in lines[1] and "—" in lines[0]
    # one row for each criterion, as on a wide terminal
    # (a plan target's achievement may be words: "✘ missed", "↗ on track", "? no evidence")
    row = re.compile(r"^[✔◐✘?!–W↗~] \S+(?: \S+)*\s{2,}(NB|REF|TJ)-\d+", re.M)
    assert len(row.findall(out)) == len(row.findall(wide)) > 10


def test_a_wide_terminal_keeps_one_row_per_criterion():
    out = table(160, str(CITIES / "ningbo.yaml"), "--lang", "en")
    nb01 = next(line for line in out.splitlines() if "NB-01" in line)
    assert "38,289 (2021, stale)" in nb01 and "≥ 36,000" in nb01 and "100.0" in nb01


@pytest.mark.parametrize("command", [("compare", str(CITIES), "--jobs", "1"),
                                     ("plan", str(CITIES / "ningbo.yaml")),
                                     ("progress", *TIANJIN_2016[:3], "--from", "2015", "--to", "2018")])
def test_planning_and_comparison_tables_break_no_word_at_80_columns(command):
    def run(columns: int) -> str:
        r = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, [*command, "--lang", "en"], catch_exceptions=False)
        return r.stdout
    narrow, wide = run(80), run(1000)
    assert max(cell_len(line.rstrip()) for line in narrow.splitlines()) <= 80
    words = set(re.findall(r"[A-Za-z]{2,}", narrow))
    assert words <= set(re.findall(r"[A-Za-z]{2,}", wide)), words - set(re.findall(r"[A-Za-z]{2,}", wide))


# ------------------------------------------------ Chinese lines: broken between characters, never inside

def _steps(city: str) -> list:
    from ipcheck.app.library import Selection, evaluate_selection
    from ipcheck.engine.plan import plan
    return [s for r in evaluate_selection(Selection(CITIES / city)).results for s in plan(r, None).steps]


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("city", ["ningbo.yaml", "heze.yaml", "yinchuan.yaml"])
def test_a_chinese_plan_keeps_lead_units_numbers_and_years_whole(columns, city):
    r = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, ["plan", str(CITIES / city)], catch_exceptions=False)
    lines = r.stdout.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= columns
    steps = _steps(city)
    assert steps
    for s in steps:  # a lead unit breaks only at a space or before its bracket: "市市场监管局" / "（起草单位）"
        for piece in units(s.lead_unit, name=True):
            assert any(piece.strip() in line for line in lines), (piece, r.stdout)
    # a number keeps its digits and its measure word, a year its 年 ("4 / 500件", "（202 / 2年）" were seen)
    for number in set(re.findall(r"\d[\d,.]*\d年?", "".join(say(s.need, "zh") for s in steps))):
        assert any(number in line for line in lines), number


@pytest.mark.parametrize("columns", [60, 80])
def test_a_chinese_label_keeps_its_text_beside_it(columns):
    out = table(columns, str(CITIES / "ningbo.yaml"))
    for label in ("依据", "可能得分", "结论"):
        line = next(line for line in out.splitlines() if line.startswith(label))
        assert line.startswith(label + "：") and len(line) > len(label) + 3, line  # not "依据: " alone on a line
    assert ": " not in out.split("状态")[0]  # the labels' colon is the full-width one


def test_a_terminal_too_narrow_for_columns_gets_a_card_per_criterion():
    out = table(30, str(CITIES / "ningbo.yaml"), "--lang", "en")
    assert max(cell_len(line.rstrip()) for line in out.splitlines()) <= 30
    assert out.count("NB-0") >= 9 and "Valid invention" in out
