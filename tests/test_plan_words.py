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


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("cid", ["TJ-01", "TJ-03", "TJ-06"])  # met, missed, without evidence
def test_explain_of_a_plan_target_says_its_achievement_and_index_not_a_readiness_status(cid, lang):
    r = CliRunner().invoke(main, ["explain", str(CITIES / "tianjin.yaml"), cid, "--lang", lang],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    head = r.stdout.split("\n所用数据" if lang == "zh" else "\nfacts used")[0].splitlines()
    ours = [line for line in head[1:] if not line.startswith(("评价框架", "framework", "  公式", "  formula"))]
    assert [line for line in ours if re.search(r"状态|部分达标|未达标|\bstatus\b|\bpartly meets", line)] == [], ours
    assert any(line.startswith(("目标完成情况", "Target achievement")) for line in ours)
