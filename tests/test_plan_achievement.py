"""issue 25: a plan is judged as a plan, target by target; a readiness verdict names what falls short.

The achievements are worked by hand (with and without a base, before and after the target year);
a property holds that a met target turned missed never improves a plan's verdict; the issue's own
example (a district plan of six targets) is run through every output as a user would.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import textwrap
from decimal import Decimal

import pytest
import yaml
from click.testing import CliRunner
from conftest import CITY_FILES
from conftest import city as shipped_city
from helpers import city, crit
from hypothesis import given, settings
from hypothesis import strategies as st
from ipcheck import CRITERIA_DIR
from ipcheck.cli import main
from ipcheck.engine.evaluate import evaluate
from ipcheck.engine.load import load_framework
from ipcheck.engine.plan import plan
from ipcheck.engine.score import PLAN_LEVELS, plan_verdict
from ipcheck.reports import labels as L

PLAN_HEADER = """
framework:
  id: p
  version: 1
  kind: {kind}
{city}  title: {{zh: 测试规划, en: test plan}}
  issuer: test
  source: {{file: test.txt, title: test}}
  target_year: 2025
  base_year: 2020
  scoring: flat
  thresholds: {{ready: 85, nearly_ready: 60}}
  coverage_floor: 0.5
criteria:
"""


def fw(criteria: str, cat, kind: str = "plan"):
    head = PLAN_HEADER.format(kind=kind, city="  city: c\n" if kind == "plan" else "")  # a plan names its city
    text = head + textwrap.indent(textwrap.dedent(criteria), "  ")
    return load_framework("test-plan.yaml", text.encode(), cat)


OWN_BASE = crit("P1", "{kind: threshold, indicator: valid_patents, target: 200件, baseline: 100件}")
CITY_BASE = crit("P2", "{kind: threshold, indicator: valid_trademarks, target: 200件}")
NO_BASE = crit("P3", "{kind: threshold, indicator: pct_applications, target: 200件}")
TRAJECTORY = crit("P4", "{kind: trajectory, indicator: valid_invention_patents, base_year: 2020, base: 100件, "
                        "target_year: 2025, target: 200件}")
MECHANISM = crit("P5", "{kind: exists, indicator: leadership_group}")


def judged(cat, deciders, criteria: str, facts: dict, year: int):
    res = evaluate(fw(criteria, cat), city(facts, cat), cat, deciders["python"], year=year)
    return res, {r.id: r for r in res.results}


# ---------------------------------------------------------------- the cases, by hand

# The compound path from 100 (2020) to 200 (2025) stands in 2023 at 100 × 2^(3/5) = 151.571657 (to the grid).
PATH_2023 = Decimal("151.571657")


@pytest.mark.parametrize("value, want", [(150, "behind"), (152, "on_track"), (200, "met")])
def test_before_its_year_with_the_plans_own_base(catalogue, deciders, value, want):
    res, r = judged(catalogue, deciders, OWN_BASE, {"valid_patents": {2023: value}}, 2023)
    assert r["P1"].achievement == want
    assert r["P1"].plan.base == 100 and r["P1"].plan.base_year == 2020 and not r["P1"].plan.due
    assert r["P1"].plan.expected == PATH_2023
    assert r["P1"].early == (want == "met")  # met before 2025: 提前完成
    assert L.status_words(r["P1"], "zh").endswith({"behind": "进度滞后", "on_track": "进度符合预期",
                                                    "met": "提前完成"}[want])


@pytest.mark.parametrize("value, want", [(150, "behind"), (160, "on_track")])
def test_before_its_year_with_the_citys_base_year_figure(catalogue, deciders, value, want):
    # no 基期值 in the plan: the city's own 2020 figure (100) is the base of the path
    res, r = judged(catalogue, deciders, CITY_BASE, {"valid_trademarks": {2020: 100, 2023: value}}, 2023)
    assert r["P2"].achievement == want and r["P2"].plan.base == 100 and r["P2"].plan.expected == PATH_2023


def test_before_its_year_without_a_base_there_is_no_path(catalogue, deciders):
    res, r = judged(catalogue, deciders, NO_BASE, {"pct_applications": {2023: 150}}, 2023)
    assert r["P3"].achievement == "no_path" and r["P3"].plan.expected is None
    assert r["P3"].plan.share == Decimal("0.75")  # 150 / 200 of the target reached
    assert "已达目标的75%" in L.progress_note(r["P3"], "zh")
    # no path is never on track: alone it gives no verdict
    assert res.achievement["no_path"] == 1 and res.achievement["on_track"] == 0
    assert res.verdict == "not_assessable"


@pytest.mark.parametrize("value, want", [(190, "missed"), (200, "met")])
@pytest.mark.parametrize("criteria, ind, base", [(OWN_BASE, "valid_patents", {}),
                                                  (NO_BASE, "pct_applications", {})])
def test_in_its_year_a_target_is_met_or_missed(catalogue, deciders, value, want, criteria, ind, base):
    res, r = judged(catalogue, deciders, criteria, {ind: {2025: value}}, 2025)
    (only,) = r.values()
    assert only.achievement == want and only.plan.due and not only.early


def test_a_trajectory_carries_its_own_path(catalogue, deciders):
    for value, want in ((150, "behind"), (152, "on_track"), (201, "met")):
        _, r = judged(catalogue, deciders, TRAJECTORY, {"valid_invention_patents": {2023: value}}, 2023)
        assert r["P4"].achievement == want, value
    _, r = judged(catalogue, deciders, TRAJECTORY, {"valid_invention_patents": {2025: 199}}, 2025)
    assert r["P4"].achievement == "missed"


def test_a_mechanism_is_met_or_missed_and_no_evidence_is_unknown(catalogue, deciders):
    _, r = judged(catalogue, deciders, MECHANISM + NO_BASE, {"leadership_group": {2023: False}}, 2023)
    assert r["P5"].achievement == "missed" and r["P3"].achievement == "unknown"
    _, r = judged(catalogue, deciders, MECHANISM, {"leadership_group": {2023: True}}, 2023)
    assert r["P5"].achievement == "met"


def test_a_readiness_framework_carries_no_achievement(catalogue, deciders):
    res = evaluate(fw(OWN_BASE, catalogue, kind="reference"), city({"valid_patents": {2023: 150}}, catalogue),
                   catalogue, deciders["python"], year=2023)
    assert res.achievement is None and res.results[0].achievement is None


# ---------------------------------------------------------------- the verdict

ALL_FIVE = OWN_BASE + CITY_BASE + NO_BASE + TRAJECTORY + MECHANISM


def test_the_verdict_counts_targets_and_names_those_short(catalogue, deciders):
    facts = {"valid_patents": {2025: 200}, "valid_trademarks": {2025: 200}, "pct_applications": {2025: 100},
             "valid_invention_patents": {2025: 250}, "leadership_group": {2025: True}}
    res, _ = judged(catalogue, deciders, ALL_FIVE, facts, 2025)
    assert res.achievement == {"met": 4, "on_track": 0, "behind": 0, "missed": 1, "no_path": 0, "unknown": 0}
    assert res.verdict == "plan_partly_behind"  # 1 of 5 (20% of the weight) short of its target
    assert "P3" in L.verdict_text(res, "zh") and L.targets_text(res, "zh") == "5项目标：已完成4项、未完成1项"
    facts["valid_patents"] = {2025: 120}
    facts["valid_trademarks"] = {2025: 120}
    res, _ = judged(catalogue, deciders, ALL_FIVE, facts, 2025)
    assert res.verdict == "plan_behind"  # 3 of 5: half or more
    assert L.verdict_name(res, "zh") == "总体滞后" and L.verdict_name(res, "en") == "behind overall"
    facts.update(valid_patents={2025: 200}, valid_trademarks={2025: 200}, pct_applications={2025: 200})
    res, _ = judged(catalogue, deciders, ALL_FIVE, facts, 2025)
    assert res.verdict == "plan_on_track" and L.verdict_name(res, "zh") == "总体符合预期"


@settings(max_examples=60, deadline=None)
@given(marks=st.lists(st.sampled_from(["met", "on_track", "behind", "missed", "no_path", "unknown"]),
                      min_size=1, max_size=8),
       weights=st.lists(st.integers(0, 5), min_size=9, max_size=9), pick=st.integers(0, 8),
       floor=st.sampled_from(["0", "0.3", "0.5", "1"]))
def test_a_met_target_made_missed_never_improves_the_verdict(catalogue, deciders, marks, weights, pick, floor):
    """Whatever the other targets, their weights and the coverage floor, turning one met target into a missed
    one never raises a plan's verdict."""
    if "met" not in marks:
        marks = marks + ["met"]
    base = _with_marks(catalogue, deciders, marks, weights)
    met_ids = [r.id for r in base if r.achievement == "met"]
    flip = met_ids[pick % len(met_ids)]
    missed = _with_marks(catalogue, deciders, ["missed"], weights)[0]
    worse = [dataclasses.replace(missed, id=r.id, weight=r.weight) if r.id == flip else r for r in base]
    before, _ = plan_verdict(base, Decimal(floor), "xccdf_default")
    after, _ = plan_verdict(worse, Decimal(floor), "xccdf_default")
    assert PLAN_LEVELS.index(after) <= PLAN_LEVELS.index(before)


_TARGET = {  # a criterion and the 2023 facts that give each achievement (judged in 2023, due in 2025 or 2023)
    "met": ("{kind: threshold, indicator: valid_patents, target: 200件, baseline: 100件}", {"valid_patents": 250}),
    "on_track": ("{kind: threshold, indicator: valid_patents, target: 200件, baseline: 100件}",
                 {"valid_patents": 160}),
    "behind": ("{kind: threshold, indicator: valid_patents, target: 200件, baseline: 100件}", {"valid_patents": 120}),
    "missed": ("{kind: threshold, indicator: valid_patents, target: 200件, year: 2023}", {"valid_patents": 120}),
    "no_path": ("{kind: threshold, indicator: valid_patents, target: 200件}", {"valid_patents": 120}),
    "unknown": ("{kind: threshold, indicator: pct_applications, target: 200件}", {}),
}
_CACHE: dict = {}


def _with_marks(cat, deciders, marks, weights):
    """Criterion results with the given achievements (each evaluated once, on its own), weighted."""
    out = []
    for i, mark in enumerate(marks):
        if mark not in _CACHE:
            check, facts = _TARGET[mark]
            res = evaluate(fw(crit("X", check), cat), city({k: {2023: v} for k, v in facts.items()}, cat), cat,
                           deciders["python"], year=2023)
            assert res.results[0].achievement == mark
            _CACHE[mark] = res.results[0]
        out.append(dataclasses.replace(_CACHE[mark], id=f"T{i}", weight=Decimal(weights[i])))
    return out


# ---------------------------------------------------------------- a readiness framework of every kind

@pytest.mark.parametrize("kind", ["reference", "benchmark", "plan"])
def test_a_failed_required_criterion_caps_the_verdict_and_is_named(catalogue, deciders, kind):
    """Every framework kind: a required criterion with evidence that fails keeps the verdict below its top, and
    a criterion with evidence short of its target is named beside the verdict, in both languages."""
    criteria = (crit("R1", "{kind: threshold, indicator: valid_patents, target: 200件, year: 2025}", required=True,
                     weight=1)
                + crit("R2", "{kind: threshold, indicator: valid_trademarks, target: 100件, year: 2025}", weight=50)
                + crit("R3", "{kind: threshold, indicator: pct_applications, target: 100件, year: 2025}", weight=1))
    facts = {"valid_patents": {2025: 10}, "valid_trademarks": {2025: 100}, "pct_applications": {2025: 90}}
    res = evaluate(fw(criteria, catalogue, kind=kind), city(facts, catalogue), catalogue, deciders["python"],
                   year=2025)
    assert res.score > 85  # the score alone would say "ready"
    assert res.verdict not in ("ready", "plan_on_track")
    for lang in ("zh", "en"):
        why = L.verdict_text(res, lang)
        assert "R1" in why and "R3" in why and "R2" not in why, why


# ---------------------------------------------------------------- the issue's example, as a user runs it

DISTRICT_PLAN = """\
framework:
  id: district-2025
  version: 1
  kind: plan
  city: district
  title: {zh: 某区知识产权强区建设规划, en: A district IP plan}
  issuer: 某区人民政府
  source: {file: plan.txt, title: 某区知识产权强区建设规划}
  target_year: 2025
  scoring: flat
  thresholds: {ready: 85, nearly_ready: 60}
  coverage_floor: 0.5
criteria:
"""
DISTRICT_TARGETS = [
    ("D-01", "有效专利达到1000件", "{kind: threshold, indicator: valid_patents, target: 1000件}"),
    ("D-02", "有效注册商标达到500件", "{kind: threshold, indicator: valid_trademarks, target: 500件}"),
    ("D-03", "PCT申请达到50件", "{kind: threshold, indicator: pct_applications, target: 50件}"),
    ("D-04", "质押融资达到2亿元", "{kind: threshold, indicator: ip_pledge_financing, target: 2亿元}"),
    ("D-05", "有效发明专利达到300件", "{kind: threshold, indicator: valid_invention_patents, target: 300件}"),
    ("D-06", "建立知识产权工作领导小组", "{kind: exists, indicator: leadership_group}"),
]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """A district plan of six targets — two measured and missed (by 7% and by 24%), three without data, one
    mechanism in place — with its fact file, in a folder of their own."""
    folder = tmp_path_factory.mktemp("district")
    crits = "".join(
        f"  - id: {i}\n    title: {{zh: {zh}, en: {i}}}\n    category: creation\n    clause: 一\n"
        f"    lead_unit: 区市场监管局\n    check: {check}\n" for i, zh, check in DISTRICT_TARGETS)
    (folder / "criteria").mkdir()
    shutil.copy(CRITERIA_DIR / "indicators.yaml", folder / "criteria" / "indicators.yaml")
    (folder / "criteria" / "district-2025.yaml").write_text(DISTRICT_PLAN + crits, encoding="utf-8")
    facts = {"valid_patents": {2025: {"value": 930, "source": "s"}},            # 7% short of 1,000
             "valid_trademarks": {2025: {"value": 380, "source": "s"}},         # 24% short of 500
             "leadership_group": {2025: {"value": True, "source": "s"}}}
    doc = {"city": {"id": "district", "name": {"zh": "某区", "en": "A district"}, "level": "prefecture"},
           "sources": {"s": {"title": "区统计公报", "publisher": "区统计局", "read": "2026-01-05"}}, "facts": facts}
    (folder / "district.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return folder


def run(folder, *args):
    r = CliRunner(env={"COLUMNS": "80"}).invoke(
        main, [args[0], str(folder / "district.yaml"), "--criteria", str(folder / "criteria"), *args[1:]],
        catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_the_issues_district_plan_no_longer_reads_ready(district):
    out = run(district, "evaluate")
    lines = out.splitlines()
    # its first lines: the targets by achievement, then the verdict in the plan's words; the score second
    assert lines[2] == "目标完成情况：6项目标：已完成1项、未完成2项、缺少证据3项"
    assert lines[3].startswith("结论：总体滞后") and "D-01" in lines[3] + lines[4]
    assert "已具备条件" not in out and "89.7" in out  # (0.93 + 0.76 + 1) / 3: the achievement index stays, second
    assert out.index("89.7") > out.index("总体滞后")
    en = run(district, "evaluate", "--lang", "en")
    assert en.splitlines()[2] == "Target achievement: 6 targets: 1 met, 2 missed, 3 without evidence"
    assert "BEHIND OVERALL" in en and "ready" not in en.lower().replace("already", "")


def test_the_issues_district_plan_in_json_markdown_and_plan(district):
    doc = json.loads(run(district, "evaluate", "--format", "json"))
    ev = doc["evaluations"][0]
    assert ev["verdict"] == "plan_behind" and ev["score"] == "89.666667"
    assert ev["achievement"] == {"met": 1, "on_track": 0, "behind": 0, "missed": 2, "no_path": 0, "unknown": 3}
    assert [c["achievement"] for c in ev["criteria"]] == ["missed", "missed", "unknown", "unknown", "unknown", "met"]
    md = run(district, "evaluate", "--format", "markdown")
    assert "6项目标：已完成1项、未完成2项、缺少证据3项" in md.split("|")[0] and "已具备条件" not in md
    p = run(district, "plan")
    assert "已达到目标，无需改进" not in p and "总体滞后" in p and "D-01" in p and "D-02" in p
    assert "The goal is already reached" not in run(district, "plan", "--lang", "en")


def test_the_issues_district_plan_page_one(district, tmp_path):
    run(district, "evaluate", "--framework", "district-2025", "--html", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    page1 = body[:body.index("</section>")] if "</section>" in body else body
    assert 'class="verdict v-plan_behind"' in page1 and 'class="block b-plan_behind"' in page1
    assert 'v-ready"' not in body and 'b-ready"' not in body  # no green "ready" badge anywhere
    assert "总体滞后" in page1 and "6项目标：已完成1项、未完成2项、缺少证据3项" in page1
    assert "已具备条件" not in html


def test_planning_a_plan_meets_every_target_short(catalogue, deciders):
    facts = {"valid_patents": {2025: 120}, "valid_trademarks": {2025: 120}, "pct_applications": {2025: 200},
             "valid_invention_patents": {2025: 250}, "leadership_group": {2025: False}}
    res, _ = judged(catalogue, deciders, ALL_FIVE, facts, 2025)
    assert res.verdict == "plan_behind"
    p = plan(res)
    assert p.goal == "plan_on_track" and p.reached and p.verdict_after == "plan_on_track"
    assert [s.criterion for s in p.steps] == ["P1", "P2", "P5"]
    # no more than partly behind: the heaviest first until under half — 3 of 5 short (60%); one met leaves 40%
    p = plan(res, "nearly_ready")
    assert p.verdict_after == "plan_partly_behind" and [s.criterion for s in p.steps] == ["P1"]


# ---------------------------------------------------------------- every shipped framework and city

@pytest.mark.parametrize("city_file", CITY_FILES, ids=lambda p: p.stem)
def test_no_shipped_plan_reads_on_track_while_a_target_is_short(library, catalogue, deciders, city_file):
    """Every shipped plan framework against every shipped city, in its own year and the years before it: the top
    verdict never stands beside a target with evidence that is missed or behind, and the counts add up."""
    c = shipped_city(catalogue, city_file.stem)
    plans = [f for f in library.frameworks.values() if f.model.framework.kind == "plan"]
    for f in plans:
        due = f.model.framework.target_year
        for year in (due - 1, due):
            res = evaluate(f, c, catalogue, deciders["python"], year=year)
            marks = [r.achievement for r in res.results]
            assert sum(res.achievement.values()) == sum(1 for a in marks if a is not None)
            if res.verdict == "plan_on_track":
                assert not {"missed", "behind"} & set(marks), (f.model.framework.id, year)
            if {"missed", "behind"} & set(marks):
                assert res.verdict != "plan_on_track"
                short = [r.id for r in res.results if r.achievement in ("missed", "behind")]
                if res.verdict != "not_assessable":  # each one is named beside the verdict
                    assert all(i in L.verdict_text(res, "zh") for i in short)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("city_file", CITY_FILES, ids=lambda p: p.stem)
def test_a_shipped_plans_first_lines_are_its_targets_and_verdict(city_file, lang):
    """`ipcheck evaluate` on each shipped city at 80 columns: its plan's block opens (after the city, framework
    and title) with the target counts and the verdict in the plan's words; its JSON counts the achievements."""
    r = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["evaluate", str(city_file), "--lang", lang],
                                                catch_exceptions=False)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    head = {"zh": ("目标完成情况：", "结论："), "en": ("Target achievement: ", "Verdict: ")}[lang]
    first = next(k for k, line in enumerate(lines) if line.startswith(head[0]))  # after the title (1–2 lines)
    assert first <= 3 and lines[first][len(head[0]):][0].isdigit(), lines[:5]
    verdict = lines[first + 1]
    assert verdict.startswith(head[1]), lines[:6]
    words = {code: L.verdict_word(code, lang) for code in PLAN_LEVELS}
    assert any(verdict[len(head[1]):].upper().startswith(w.upper()) for w in words.values()), verdict
    doc = json.loads(CliRunner().invoke(main, ["evaluate", str(city_file), "--format", "json"]).stdout)
    own, ref = doc["evaluations"][0], doc["evaluations"][-1]
    assert own["framework"]["kind"] == "plan" and set(own["achievement"]) == set(ACHIEVEMENT_KEYS)
    assert all(c["achievement"] in ACHIEVEMENT_KEYS for c in own["criteria"])
    assert ref["framework"]["kind"] == "reference" and ref["achievement"] is None


ACHIEVEMENT_KEYS = ("met", "on_track", "behind", "missed", "no_path", "unknown")


def test_a_plans_yearly_targets_are_its_path(catalogue, deciders):
    """Yinchuan-style yearly targets (2023, 2024, 2025): before 2025 the year's own target is the path, and only
    the last one is the target met."""
    yearly = crit("P6", "{kind: path, indicator: valid_patents, targets: {2023: 100件, 2024: 150件, 2025: 200件}}")
    for value, want in ((120, "behind"), (150, "on_track"), (210, "met")):
        _, r = judged(catalogue, deciders, yearly, {"valid_patents": {2024: value}}, 2024)
        assert r["P6"].achievement == want, value
    _, r = judged(catalogue, deciders, yearly, {"valid_patents": {2025: 190}}, 2025)
    assert r["P6"].achievement == "missed"
