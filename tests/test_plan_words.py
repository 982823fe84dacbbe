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


def _compare(framework: str, lang: str, fmt: str) -> list[str]:
    """The lines of `ipcheck compare` over every shipped city against `framework`."""
    r = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["compare", *(str(CITIES / f"{c}.yaml") for c in PLANS),
                                                        "--framework", framework, "--lang", lang, "--format", fmt],
                                                  catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout.splitlines()


def _heads(lines: list[str], fmt: str) -> tuple[list[str], list[str]]:
    """(the section headings, the column heads of the tables) of a compare output."""
    if fmt == "markdown":
        return ([line for line in lines if line.startswith("## ")],
                [line for line, below in zip(lines, lines[1:]) if below.startswith("|---")])
    heads = [line for line, below in zip(lines, lines[1:]) if below.startswith("─")]
    return [below for line, below in zip(lines, lines[1:]) if not line.strip() and below.strip()], heads


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("framework", ["tianjin-2017", "ningbo-2020"])
def test_compare_over_a_plan_reads_as_a_plan_and_leads_with_target_counts(framework, lang, fmt):
    lines = _compare(framework, lang, fmt)
    headings, heads = _heads(lines, fmt)
    assert len(heads) == 3 and len(headings) >= 3, (headings, heads)
    assert [line for line in headings + heads if READINESS[lang].search(line)] == []
    # the ranking leads with each city's targets by achievement, then its plan verdict, then the index
    cols = [c.strip() for c in re.split(r"\||\s{2,}", heads[0]) if c.strip()]
    words = {"zh": ["目标完成情况", "结论", "达成指数", "达成指数可能区间", "覆盖率"],
             "en": ["Target achievement", "Verdict", "Achievement index", "Possible index", "Coverage"]}[lang]
    assert cols[3:] == words, cols
    counts = {"zh": r"\d+项目标：已完成\d+项", "en": r"\d+ targets: \d+ met"}[lang]
    ranking = lines[lines.index(heads[0]) + 2:]
    assert all(re.search(counts, row) for row in ranking[:len(PLANS)]), ranking[:len(PLANS)]
    assert any({"zh": "分类达成指数", "en": "Achievement index by category"}[lang] in h for h in headings)
    assert any({"zh": "各目标完成情况", "en": "Each target's achievement"}[lang] in h for h in headings)
    # each target's cell says its achievement, not a bare readiness mark
    matrix = "\n".join(lines[lines.index(heads[2]):])
    assert {"zh": "? 缺少证据", "en": "? no evidence"}[lang] in matrix
    assert re.search({"zh": "✔ (提前)?完成|✔ 已完成", "en": r"✔ met"}[lang], matrix)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_over_the_reference_framework_keeps_its_readiness_words(lang):
    lines = _compare("reference", lang, "table")
    headings, heads = _heads(lines, "table")
    assert {"zh": "得分", "en": "Score"}[lang] in heads[0]
    assert any({"zh": "分类得分热力图", "en": "Category scores"}[lang] in h for h in headings)
    assert not any({"zh": "目标完成情况", "en": "Target achievement"}[lang] in line for line in lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_of_many_cities_over_a_plan_counts_them_per_achievement(lang, monkeypatch):
    from ipcheck.reports import analysis
    limit = list(analysis.compare_doc.__defaults__)
    limit[-1] = 2  # past this many cities, a count per target instead of a column per city
    monkeypatch.setattr(analysis.compare_doc, "__defaults__", tuple(limit))
    lines = _compare("tianjin-2017", lang, "table")
    headings, heads = _heads(lines, "table")
    assert {"zh": "各目标完成情况城市数", "en": "Cities per achievement, per target"}[lang] in headings
    assert heads[2].split()[-6:] == ["✔", "↗", "◐", "✘", "~", "?"]
    counts = lines[lines.index(heads[2]) + 2:]
    tj01 = next(line for line in counts if line.startswith("TJ-01"))
    assert sum(map(int, tj01.split()[-6:])) == len(PLANS)  # every city counted once, under one achievement
    assert [line for line in headings + heads if READINESS[lang].search(line)] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_over_a_plan_and_the_reference_says_each_way_of_ranking(lang):
    r = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["compare", *(str(CITIES / f"{c}.yaml") for c in PLANS),
                                                        "--framework", "tianjin-2017", "--framework", "reference",
                                                        "--lang", lang], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    plan = {"zh": "排名：按达成指数从高到低", "en": "Ranking: by achievement index"}[lang]
    score = {"zh": "排名：按总分从高到低", "en": "Ranking: by overall score"}[lang]
    assert r.stdout.count(plan) == 1 and r.stdout.count(score) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plan_of_a_plan_without_enough_evidence_gives_the_index_range_not_the_index(lang):
    """Ningbo's plan is not assessable (26 of 32 targets without evidence): `ipcheck plan` says so with the
    range the index may take, never "achievement index 100.0" beside "not assessable" (issue 11)."""
    r = CliRunner(env={"COLUMNS": "250"}).invoke(main, ["plan", str(CITIES / "ningbo.yaml"), "--lang", lang,
                                                         "--framework", "ningbo-2020"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    now = next(line for line in r.stdout.splitlines() if line.startswith(("现状", "Now")))
    assert {"zh": "证据不足，无法评定", "en": "not assessable"}[lang] in now, now
    assert re.search({"zh": r"达成指数取决于缺失的证据，介于\d+\.\d与100\.0之间",
                      "en": r"achievement index between \d+\.\d and 100\.0 depending on the missing evidence"}[lang],
                     now), now
    assert not re.search(r"(达成指数|achievement index )100\.0", now), now
