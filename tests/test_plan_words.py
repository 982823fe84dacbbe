"""issue 25 on evaluate's text: a plan framework's terminal and Markdown output says targets, achievements and
its achievement index — never a readiness framework's criteria, statuses and score — while the reference framework
keeps its readiness words. Run on the shipped cities with plans of their own, in both languages."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

PLANS = ("ningbo", "tianjin", "heze", "shaoxing", "yinchuan")
# the words a readiness evaluation uses for what a plan evaluation says otherwise
READINESS = {"zh": re.compile(r"指标|得分|达标|具备条件|总分"),
             "en": re.compile(r"\bcriteri|\bscore|\bready\b|\bpass\b|\bfail\b", re.IGNORECASE)}


def _blocks(city: str, lang: str, fmt: str) -> tuple[list[str], list[str]]:
    """(the plan framework's lines, the reference framework's lines) of `ipcheck evaluate CITY`."""
    r = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["evaluate", str(CITIES / f"{city}.yaml"), "--lang", lang,
                                                         "--format", fmt], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    cut = next(i for i, line in enumerate(lines) if re.search(r"— reference (v|第)", line))
    return lines[:cut], lines[cut:]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("city", PLANS)
def test_a_plan_reads_as_a_plan_and_the_reference_as_readiness(city, lang, fmt):
    plan, reference = _blocks(city, lang, fmt)
    # the framework's and the targets' own titles are the documents' words ("2025年预期指标"): not ipcheck's
    ours = [line for line in plan[1:] if not re.match(r"^[\|\s]*(✔|↗|◐|✘|~|\?)", line)]
    assert [line for line in ours if READINESS[lang].search(line)] == []
    head = {"zh": "完成情况", "en": "Achievement"}[lang]
    assert any(head in line for line in plan)
    if city == "heze":  # a combined target's parts counted in plan words, not "达标1，未知1"
        parts = {"zh": "2项子条件：已满足1，缺少证据1", "en": "2 parts: 1 met, 1 no evidence"}[lang]
        assert any(parts in line for line in plan)
    # the reference framework keeps ready / score / criteria
    assert any({"zh": "分类得分", "en": "Categories"}[lang] in line for line in reference)
    assert sum(bool(READINESS[lang].search(line)) for line in reference) >= 3
