"""The terminal table at the terminal's real width (issue 13): readable from 80 columns, no word broken."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main
from ipcheck.reports.labels import SHORT
from ipcheck.reports.terminal import terminal_width
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
        n = wide.count(SHORT[status][lang])
        assert out.count(SHORT[status][lang]) == n
    assert lines[1].strip() in wide and "—" not in lines[1] and "—" in lines[0]
    # one row for each criterion, as on a wide terminal
    row = re.compile(r"^[✔◐✘?!–W] \S+\s+(NB|REF|TJ)-\d+", re.M)
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
