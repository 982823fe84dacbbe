"""The engine on hand-worked cases: scoring models, coverage, verdicts, trajectories,
composites, waivers, stale data, zero bases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import city, crit, framework
from ipcheck.engine.evaluate import evaluate
from ipcheck.engine.load import load_waivers
from ipcheck.engine.result import say
from ipcheck.reports.words import text

THREE = (
    crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}", weight=2)
    + crit("B", "{kind: threshold, indicator: pct_applications, target: 10件}")
    + crit("C", "{kind: exists, indicator: patent_insurance}", category="protection")
    + crit("D", "{kind: threshold, indicator: valid_trademarks, target: 10件}", category="protection", weight=3)
)
FACTS = {"valid_patents": {2023: 50}, "pct_applications": {2023: 10}, "patent_insurance": {2023: False}}


def run(cat, deciders, criteria, facts, decider="python", **kw):
    fw_kw = {k: kw.pop(k) for k in ("model", "year", "ready", "nearly", "floor") if k in kw}
    return evaluate(framework(criteria, cat, **fw_kw), city(facts, cat), cat, deciders[decider], **kw)


# NISTIR 7275r4 models, worked by hand for THREE:
#   scores: A 0.5 (w2, creation), B 1 (w1, creation), C 0 (w1, protection), D unknown (w3)
#   default: creation 100(2·0.5 + 1·1)/3 = 66.67, protection 0 → (66.67 + 0)/2 = 33.33
#   flat: 100(1 + 1 + 0)/4 = 50; flat_unweighted: 100(0.5 + 1 + 0)/3 = 50; absolute: 0
@pytest.mark.parametrize("model,score,coverage", [
    ("xccdf_default", "33.333333", "0.571429"),
    ("flat", "50", "0.571429"),
    ("flat_unweighted", "50", "0.75"),
    ("absolute", "0", "0.571429"),
])
def test_scoring_models_hand_worked(catalogue, deciders, model, score, coverage):
    res = run(catalogue, deciders, THREE, FACTS, model=model)
    assert res.score == Decimal(score)
    assert res.coverage == Decimal(coverage)
    assert [r.status for r in res.results] == ["partial", "pass", "fail", "unknown"]


def test_absolute_is_100_when_all_evidence_passes(catalogue, deciders):
    facts = {"valid_patents": {2023: 100}, "pct_applications": {2023: 10}, "patent_insurance": {2023: True}}
    assert run(catalogue, deciders, THREE, facts, model="absolute").score == 100


def test_unknown_is_neither_a_fail_nor_dropped_silently(catalogue, deciders):
    res = run(catalogue, deciders, THREE, {}, floor="0")
    assert res.score is None and res.coverage == 0
    assert res.verdict == "not_assessable"
    assert all(r.status == "unknown" and r.measurement.missing for r in res.results)


def test_verdicts(catalogue, deciders):
    one = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}", required=True) + crit(
        "B", "{kind: threshold, indicator: pct_applications, target: 100件}")
    v = lambda facts: run(catalogue, deciders, one, facts, model="flat", floor="0.5")  # noqa: E731
    assert v({"valid_patents": {2023: 100}, "pct_applications": {2023: 100}}).verdict == "ready"
    # score (100 + 50)/2 = 75: between the thresholds
    assert v({"valid_patents": {2023: 100}, "pct_applications": {2023: 50}}).verdict == "nearly_ready"
    # a failing gate: not ready whatever the score
    r = v({"valid_patents": {2023: 0}, "pct_applications": {2023: 100}})
    assert r.verdict == "not_ready" and "A" in text(r.verdict_reason, "en")
    # a gate with no evidence: coverage 50% is at the floor, score 100, but the gate is open
    r = v({"pct_applications": {2023: 100}})
    assert r.verdict == "nearly_ready" and "A" in text(r.verdict_reason, "en")
    assert v({"pct_applications": {2023: 10}}).verdict == "not_ready"


def test_a_verdict_the_missing_evidence_could_lower_is_provisional(catalogue, deciders):
    two = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}") + crit(
        "B", "{kind: threshold, indicator: pct_applications, target: 100件}")
    v = lambda facts: run(catalogue, deciders, two, facts, model="flat", floor="0.5")  # noqa: E731
    # B met, A unknown: coverage 50% is at the floor, score 100: ready — but were A unmet, (100 + 0)/2 = 50
    r = v({"pct_applications": {2023: 100}})
    assert r.verdict == "ready" and r.verdict_low == "not_ready" and r.score_low == 50 and r.provisional
    # every criterion known: the verdict stands
    r = v({"pct_applications": {2023: 100}, "valid_patents": {2023: 100}})
    assert r.verdict == r.verdict_low == "ready" and not r.provisional
    # a verdict the missing evidence cannot lower is not provisional: B failed, A unknown: not ready either way
    r = v({"pct_applications": {2023: 0}})
    assert r.verdict == r.verdict_low == "not_ready" and r.lacking == 1 and not r.provisional
    # not assessable is never provisional (there is no verdict to lower), though it says what the worst would be
    r = v({})
    assert r.verdict == "not_assessable" and r.verdict_low == "not_ready" and not r.provisional


def test_trajectory_hand_worked(catalogue, deciders):
    c = crit("T", "{kind: trajectory, indicator: valid_patents, base_year: 2020, base: 100, target_year: 2025, "
                  "target: 200}")
    res = run(catalogue, deciders, c, {"valid_patents": {2023: 150}}, year=2023)  # before 2025: on the path?
    r = res.results[0]
    assert r.measurement.projection
    t = r.measurement.trajectory
    # path in 2023: 100 × 2^(3/5) = 151.571657; observed (1.5)^(1/3) − 1; needed (200/150)^(1/2) − 1
    assert t.expected_now == Decimal("151.571657")
    assert t.observed_cagr_pct == Decimal("14.471424")
    assert t.needed_cagr_pct == Decimal("15.470054")
    assert not t.on_track and r.status == "partial"
    assert t.projected_year == 2026  # ln(4/3) / ln(1.144714) = 2.13 years → 2026
    assert r.score == Decimal("0.969525")  # (150 − 100) / (151.571657 − 100)
    assert r.gap == Decimal(-50)  # against the final target


def test_a_trajectory_is_judged_in_its_target_year_against_that_years_figure(catalogue, deciders):
    c = crit("T", "{kind: trajectory, indicator: valid_patents, base_year: 2020, base: 100, target_year: 2025, "
                  "target: 200}")
    # issue 11: a figure on track in 2023 does not meet the 2025 target in 2025
    r = run(catalogue, deciders, c, {"valid_patents": {2023: 190}}, year=2025).results[0]
    assert r.status == "unknown" and r.measurement.freshness == "too_old" and r.measurement.value == 190
    assert "too old" in text(r.reason, "en") and "过旧" in text(r.reason, "zh")
    r = run(catalogue, deciders, c, {"valid_patents": {2023: 190, 2025: 180}}, year=2025).results[0]
    assert r.status == "partial" and not r.measurement.projection and r.measurement.target == 200
    assert r.score == Decimal("0.8")  # goalposts from the base: (180 − 100) / (200 − 100)
    r = run(catalogue, deciders, c, {"valid_patents": {2025: 200}}, year=2026).results[0]
    assert r.status == "pass" and r.measurement.year == 2025  # after 2025, still the 2025 figure


def test_trajectory_needs_a_year_after_the_base(catalogue, deciders):
    c = crit("T", "{kind: trajectory, indicator: valid_patents, base_year: 2020, base: 100, target_year: 2025, "
                  "target: 200}")
    r = run(catalogue, deciders, c, {"valid_patents": {2020: 100}}, year=2023).results[0]
    assert (r.status == "unknown" and "after the 2020 base" in text(r.reason, "en")
            and "基期2020年之后" in text(r.reason, "zh"))


def test_stale_data_is_used_and_flagged(catalogue, deciders):
    c = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}")
    r = run(catalogue, deciders, c, {"valid_patents": {2022: 120, 2025: 1}}, year=2023).results[0]
    assert r.status == "pass" and r.measurement.year == 2022 and r.measurement.stale
    assert "stale" in text(r.reason, "en") and "已陈旧" in text(r.reason, "zh")


def test_data_age_rule_hand_worked(catalogue, deciders):
    """engine/age.py: a stock may be one year older than the year judged; a yearly flow must be of
    that year (the previous year's is shown, indicative only); older is unknown, shown as context."""
    stock = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}")
    r = run(catalogue, deciders, stock, {"valid_patents": {2019: 120}}, year=2023).results[0]
    assert r.status == "unknown" and r.measurement.freshness == "too_old" and r.measurement.value == 120
    assert r.measurement.missing[0].years == (2023,) and "latest figure too old (2019)" in text(r.reason, "en")
    assert "最新数据过旧（2019年）" in text(r.reason, "zh") and "2019年为120" in text(r.reason, "zh")
    flow = crit("F", "{kind: threshold, indicator: pct_applications, target: 100件}")
    r = run(catalogue, deciders, flow, {"pct_applications": {2022: 667}}, year=2023).results[0]
    assert r.status == "unknown" and r.measurement.freshness == "previous_year" and "indicative" in text(r.reason, "en")
    assert "2022年为667" in text(r.reason, "zh")
    r = run(catalogue, deciders, flow, {"pct_applications": {2023: 667}}, year=2023).results[0]
    assert r.status == "pass" and not r.measurement.stale
    # a framework's own limit, and a criterion's, replace the default
    older = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}").replace("  check:",
                                                                                        "  max_age: 4\n  check:")
    r = run(catalogue, deciders, older, {"valid_patents": {2019: 120}}, year=2023).results[0]
    assert r.status == "pass" and r.measurement.stale


def test_a_month_figure_is_never_read_as_year_end(catalogue, deciders):
    import yaml
    from ipcheck.engine.load import load_city
    c = crit("A", "{kind: threshold, indicator: valid_invention_patents, target: 14000件}")
    doc = {"city": {"id": "c", "name": {"zh": "城", "en": "city"}, "level": "municipality"},
           "sources": {"s": {"title": "t", "publisher": "p", "read": "2024-01-01"}},
           "facts": {"valid_invention_patents": {2014: {"value": 14108, "source": "s", "as_of": "2014-09"}}}}
    city = load_city("c.yaml", yaml.safe_dump(doc).encode(), catalogue)
    fw = framework(c, catalogue, year=2014)
    r = evaluate(fw, city, catalogue, deciders["python"], year=2014).results[0]
    assert r.status == "pass" and r.measurement.stale and r.measurement.as_of == "2014-09"
    assert "as of September 2014" in text(r.reason, "en") and "截至2014年9月" in text(r.reason, "zh")
    r = evaluate(fw, city, catalogue, deciders["python"], year=2015).results[0]
    assert r.status == "unknown" and r.measurement.freshness == "too_old"  # two years short of the end of 2015
    # the month is said as a month, never as a year
    assert "too old (as of September 2014)" in text(r.reason, "en") and "was 14,108 as of" in text(r.reason, "en")
    assert "as of September 2014;" in text(r.reason, "en") and "截至2014年9月为14,108" in text(r.reason, "zh")


def test_growth_is_the_growth_into_the_year_judged(catalogue, deciders):
    g = crit("G", "{kind: growth, indicator: patent_enforcement_cases, min_growth: 50%}")
    # issue 11: 100 (2011) → 160 (2012) is no evidence of growth into 2014
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2011: 100, 2012: 160}}, year=2014).results[0]
    assert r.status == "unknown" and r.measurement.missing[0].years == (2013, 2014)
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2013: 100, 2014: 160}}, year=2014).results[0]
    assert r.status == "pass" and r.measurement.value == 60


def test_growth_asks_only_for_the_year_it_lacks(catalogue, deciders):
    """A growth with one of its two years known asks for the other only (Ningbo's REF-10 asked for 2020 and
    2021 while 2021's figure was in the file)."""
    g = crit("G", "{kind: growth, indicator: patent_enforcement_cases, min_growth: 50%}")
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2014: 160}}, year=2014).results[0]
    assert r.status == "unknown" and r.measurement.missing[0].years == (2013,)
    assert "2013" in text(r.measurement.missing[0].why, "en") and "2014" not in text(r.measurement.missing[0].why, "en")
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2013: 100}}, year=2014).results[0]
    assert r.measurement.missing[0].years == (2014,)


def test_a_better_figure_can_unsettle_an_all_of_but_never_lowers_its_range(catalogue, deciders):
    """Found by hypothesis: all_of(threshold ≥ 1, growth) with the threshold's figure 0 fails, whatever the
    growth; raised to 0.01 the threshold is partly met and the growth, unknown, decides: unknown, with a
    range whose top is not below the score before."""
    c = crit("A", "{kind: all_of, checks: [{kind: threshold, indicator: valid_patents, op: '>=', target: 1件}, "
                  "{kind: growth, indicator: valid_patents, min_growth: 0%}]}")
    before = run(catalogue, deciders, c, {"valid_patents": {2022: "0件", 2023: "0件"}}, year=2024)
    after = run(catalogue, deciders, c, {"valid_patents": {2022: "0件", 2023: "0.01件"}}, year=2024)
    assert before.results[0].status == "fail" and before.score == 0
    assert after.results[0].status == "unknown" and after.score is None and after.score_high >= before.score


def test_growth_from_zero_and_division_by_zero(catalogue, deciders):
    g = crit("G", "{kind: growth, indicator: patent_enforcement_cases, min_growth: 50%}")
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2022: 0, 2023: 4}}).results[0]
    assert r.status == "pass" and "zero base" in text(r.reason, "en") and r.gap is None
    r = run(catalogue, deciders, g, {"patent_enforcement_cases": {2022: 0, 2023: 0}}).results[0]
    assert r.status == "fail"
    ratio = crit("R", "{kind: ratio, numerator: patent_enforcement_cases_closed, "
                      "denominator: patent_enforcement_cases, target: 95%}")
    r = run(catalogue, deciders, ratio,
            {"patent_enforcement_cases": {2023: 0}, "patent_enforcement_cases_closed": {2023: 0}}).results[0]
    assert r.status == "error" and "division by zero" in text(r.reason, "en") and "除数为零" in text(r.reason, "zh")


@pytest.mark.parametrize("decider", ["python", "durable"])
def test_a_part_in_error_is_the_composites_answer_not_missing_evidence(catalogue, deciders, decider):
    """Found by the forms property: a rate over zero cases inside an all_of made the criterion "unknown" with
    nothing to collect, so a filled-in form could never settle it. An error in a part that the other parts
    do not settle is the criterion's error; a failing or passing part still settles it."""
    rate = ("{kind: ratio, numerator: patent_enforcement_cases_closed, denominator: patent_enforcement_cases, "
            "target: 1%}")
    have = "{kind: threshold, indicator: valid_patents, target: 1件}"
    zero = {"patent_enforcement_cases": {2023: 0}, "patent_enforcement_cases_closed": {2023: 0}}
    for kind, patents, status in (("all_of", 5, "error"), ("all_of", 0, "fail"), ("any_of", 0, "error"),
                                  ("any_of", 5, "pass")):
        c = crit("X", f"{{kind: {kind}, checks: [{have}, {rate}]}}")
        r = run(catalogue, deciders, c, {**zero, "valid_patents": {2023: patents}}, decider=decider).results[0]
        assert r.status == status, (kind, patents, r.status)
        if status == "error":
            assert not r.measurement.missing and "division by zero" in text(r.reason, "en")
    c = crit("X", f"{{kind: all_of, checks: [{have}, {rate}]}}")  # a part unknown, one in error: still an error
    assert run(catalogue, deciders, c, zero, decider=decider).results[0].status == "error"


def test_per_capita_derived_exactly(catalogue, deciders):
    c = crit("P", "{kind: per_capita, indicator: valid_invention_patents, target: 40件/万人}")
    r = run(catalogue, deciders, c, {"valid_invention_patents": {2021: 38289}, "population": {2021: "954.4万人"}},
            year=2021).results[0]
    assert r.measurement.value == Decimal("40.118399")  # 38289 / 954.4, on the 10^-6 grid
    assert r.status == "pass"


def test_a_rate_too_old_asks_for_the_figure_the_year_lacks(catalogue, deciders):
    # the patents of the year judged are known, the population only of an older year: the rate of that
    # older year is too old, and what is missing is the population for the year judged (the data forms
    # ask for what is missing; asking again for the patents would leave the criterion unknown after filling)
    c = crit("P", "{kind: per_capita, indicator: valid_invention_patents, published: invention_patents_per_10k, "
                  "target: 40件/万人}")
    r = run(catalogue, deciders, c, {"valid_invention_patents": {2019: 100, 2024: 120},
                                     "population": {2019: "10万人"}}, year=2024).results[0]
    assert r.status == "unknown" and r.measurement.freshness == "too_old"
    assert {(m.indicator, m.years) for m in r.measurement.missing} == {
        ("population", (2024,)), ("invention_patents_per_10k", (2024,))}
    r = run(catalogue, deciders, c, {"valid_invention_patents": {2019: 100, 2024: 120},
                                     "population": {2019: "10万人", 2024: "1万人"}}, year=2024).results[0]
    assert r.status == "pass" and r.measurement.value == 120  # 120 件 per 1万人


def test_lower_is_better(catalogue, deciders):
    c = crit("L", "{kind: threshold, indicator: patent_enforcement_cases, op: '<=', target: 100件, baseline: 200件}")
    for value, status, score in [(80, "pass", 1), (150, "partial", Decimal("0.5")), (200, "fail", 0), (300, "fail", 0)]:
        r = run(catalogue, deciders, c, {"patent_enforcement_cases": {2023: value}}).results[0]
        assert (r.status, r.score) == (status, score), value


def test_composites(catalogue, deciders):
    both = ("{kind: all_of, checks: [{kind: exists, indicator: patent_insurance}, "
            "{kind: threshold, indicator: valid_patents, target: 100件}]}")
    either = both.replace("all_of", "any_of")
    cases = [
        ({"patent_insurance": {2023: True}, "valid_patents": {2023: 50}}, "partial", "pass"),
        ({"patent_insurance": {2023: False}, "valid_patents": {2023: 100}}, "fail", "pass"),
        ({"patent_insurance": {2023: False}}, "fail", "unknown"),
        ({"patent_insurance": {2023: True}}, "unknown", "pass"),
    ]
    for facts, all_status, any_status in cases:
        res = run(catalogue, deciders, crit("X", both) + crit("Y", either), facts)
        assert [r.status for r in res.results] == [all_status, any_status], facts


def test_applicability_by_city_level(catalogue, deciders):
    c = (crit("M", "{kind: threshold, indicator: valid_patents, target: 1件}")
         + "  applies_if: {level: [municipality]}\n")
    res = run(catalogue, deciders, c, {"valid_patents": {2023: 5}}, floor="0")
    assert res.results[0].status == "not_applicable"


def test_waiver_applies_before_expiry_and_not_from_it(catalogue, deciders):
    c = crit("A", "{kind: threshold, indicator: valid_patents, target: 100件}")
    waivers = load_waivers("w.yaml",
                           b"waivers:\n  - {criterion: A, justification: merged districts, expires: 2023-06-01}\n")
    before = run(catalogue, deciders, c, {"valid_patents": {2023: 1}}, waivers=waivers, as_of=dt.date(2023, 5, 31))
    on = run(catalogue, deciders, c, {"valid_patents": {2023: 1}}, waivers=waivers, as_of=dt.date(2023, 6, 1))
    assert before.results[0].status == "waived" and before.waivers[0].active
    assert on.results[0].status == "partial" and "expired on 2023-06-01" in text(on.results[0].reason, "en")


def test_durable_and_python_agree_on_shipped_cities(library, deciders):
    from conftest import CITY_FILES
    from ipcheck.engine.load import load_city
    for path in CITY_FILES:
        c = load_city(str(path), path.read_bytes(), library.catalogue)
        for fw in library.frameworks.values():
            a = evaluate(fw, c, library.catalogue, deciders["python"])
            b = evaluate(fw, c, library.catalogue, deciders["durable"])
            assert [(r.status, r.score) for r in a.results] == [(r.status, r.score) for r in b.results]


def test_durable_survives_more_sessions_than_its_limit(deciders):
    """durable-rules holds at most 1,024 live sessions per ruleset: each batch deletes its own."""
    from ipcheck.engine.decide import leaf
    d = deciders["durable"]
    x = [leaf("a", Decimal(5), Decimal(10), None, ">="), leaf("b", Decimal(10), Decimal(10), None, ">=")]
    for _ in range(1500):
        assert d.decide(x) == {"a": "partial", "b": "pass"}


def test_falls_back_to_python_when_durable_cannot_be_imported(monkeypatch):
    import sys

    from ipcheck.engine.decide import PythonDecider, make_decider
    monkeypatch.setitem(sys.modules, "durable.engine", None)
    decider, notice = make_decider("durable")
    assert isinstance(decider, PythonDecider)
    from ipcheck.reports.words import text
    assert text(notice, "en").startswith("durable-rules cannot be imported (")
    assert text(notice, "en").endswith("); deciding with the Python reference decider")
    assert text(notice, "zh").startswith("无法导入 durable-rules（")


def test_deciders_agree_at_the_boundaries(deciders):
    from ipcheck.engine.decide import leaf
    cases = []
    for op in (">=", ">", "<=", "<"):
        for v in ("0", "9.999999", "10", "10.000001", "20", "30"):
            for base in (None, "0", "20") if op in ("<=", "<") else (None, "0", "5"):
                if op in ("<=", "<") and base == "0":
                    continue
                cases.append(leaf(f"{op}|{v}|{base}", Decimal(v), Decimal(10),
                                  None if base is None else Decimal(base), op))
    assert deciders["durable"].decide(cases) == deciders["python"].decide(cases)


def test_durable_decides_batches_larger_than_one_consequence_call(deciders):
    """Each rule's consequence takes up to CAP facts at once; a bigger batch takes several calls."""
    from ipcheck.engine.decide import CAP, leaf
    cases = [leaf(f"k{i}", Decimal(i), Decimal(CAP), Decimal(CAP // 2), ">=") for i in range(2 * CAP + 500)]
    got = deciders["durable"].decide(cases)
    assert got == deciders["python"].decide(cases)
    assert sorted(set(got.values())) == ["fail", "partial", "pass"] and len(got) == len(cases)


def test_durable_runs_no_timer_thread(deciders):
    """durable-rules' Host ran consequences from its own timer threads too: with a batch bigger than one
    consequence call, a decision could come after the batch was read, or the C engine crashed the process
    (a segmentation fault in 300 batches of 2,500 facts). No thread of it may run."""
    import threading
    deciders["durable"].decide([])
    timers = [t for t in threading.enumerate() if "dispatch" in getattr(getattr(t, "function", None), "__name__", "")]
    assert timers == []


def test_durable_asserts_again_what_its_hash_took_for_a_duplicate(deciders, monkeypatch):
    """durable-rules refuses a fact whose hash equals one already in the session ("observed") though the
    two differ; the batch is asserted again in a new session, salted, and decided in full."""
    from ipcheck.engine.decide import DurableDecider, leaf
    d = deciders["durable"]
    real, calls = DurableDecider._host.assert_facts, []

    class MessageObservedException(Exception):
        pass

    def assert_facts(ruleset, facts):
        calls.append(facts[0]["salt"])
        if len(calls) == 1:
            raise MessageObservedException("a false duplicate")
        return real(ruleset, facts)
    monkeypatch.setattr(DurableDecider._host, "assert_facts", assert_facts)
    cases = [leaf(f"k{i}", Decimal(i), Decimal(10), Decimal(5), ">=") for i in range(20)]
    assert d.decide(cases) == deciders["python"].decide(cases) and calls == [0, 1]


def test_an_uncomputable_derived_rate_falls_back_to_the_published_one(catalogue, deciders):
    """Found by the missing-data property: a zero denominator in 2020 hid the published 2019 rate,
    so removing the denominator's figures raised coverage."""
    c = crit("R", "{kind: per_capita, indicator: valid_invention_patents, published: invention_patents_per_10k, "
                  "target: 12}")
    facts = {"valid_invention_patents": {2020: 100}, "population": {2020: 0},
             "invention_patents_per_10k": {2019: 15}}  # a rate of a stock: one year older is allowed
    r = run(catalogue, deciders, c, facts, year=2020).results[0]
    assert r.status == "pass" and r.measurement.year == 2019
    assert "division by zero" in text(r.reason, "en") and "官方公布值" in text(r.reason, "zh")


def test_results_beyond_the_deciders_range_are_errors_not_crashes(catalogue, deciders):
    """issue 12: values within the documented limits whose arithmetic overflows give status error."""
    growth = crit("G", "{kind: growth, indicator: patent_enforcement_cases, min_growth: 50%}")
    ratio = crit("R", "{kind: ratio, numerator: patent_enforcement_cases_closed, "
                      "denominator: patent_enforcement_cases, target: 95%}")
    per_capita = crit("P", "{kind: per_capita, indicator: valid_invention_patents, target: 12}")
    cases = [
        (growth, {"patent_enforcement_cases": {2022: 1, 2023: 10**12}}),                   # 10^14 %
        (ratio, {"patent_enforcement_cases_closed": {2023: 10**12}, "patent_enforcement_cases": {2023: 1}}),
        (ratio, {"patent_enforcement_cases_closed": {2023: 5},
                 "patent_enforcement_cases": {2023: "0." + "0" * 29 + "1"}}),
        (per_capita, {"valid_invention_patents": {2023: 10**12}, "population": {2023: 1}}),  # 10^16 per 10k
    ]
    for c, facts in cases:
        for name in ("python", "durable"):
            r = run(catalogue, deciders, c, facts, decider=name).results[0]
            assert r.status == "error", (c, facts, r.status)
            assert "check" in text(r.reason, "en") and "核对" in text(r.reason, "zh")


def test_rates_convert_units_before_dividing(catalogue, deciders):
    """issue 12: 1亿元 in 万元 over 1亿元 in 亿元 is 100%, not 1,000,000%."""
    c = crit("R", "{kind: ratio, numerator: ip_budget, denominator: ip_pledge_financing, target: 50%}")
    r = run(catalogue, deciders, c, {"ip_budget": {2023: "1亿元"}, "ip_pledge_financing": {2023: "1亿元"}}).results[0]
    assert r.status == "pass" and r.measurement.value == 100


def test_a_published_rate_must_be_a_rate(catalogue):
    from ipcheck.engine.errors import InputError
    bad = crit("R", "{kind: ratio, numerator: patent_enforcement_cases_closed, denominator: patent_enforcement_cases, "
                    "published: leadership_group, target: 95%}")
    with pytest.raises(InputError, match="published rate here must be in %"):
        framework(bad, catalogue)
    bad = crit("P", "{kind: per_capita, indicator: valid_invention_patents, published: valid_patents, target: 12}")
    with pytest.raises(InputError, match="must be in 件/万人"):
        framework(bad, catalogue)


# ---------------------------------------------------------------- the year judged (issue 25, item 3)
YEARLY = (
    crit("P", "{kind: threshold, indicator: pct_applications, target: 10件}", weight=2)
    + crit("G", "{kind: threshold, indicator: invention_patent_grants, target: 100件}", weight=2)
    + crit("I", "{kind: exists, indicator: patent_insurance}", category="protection")
)


def test_without_a_target_year_the_year_judged_is_the_one_whose_figures_cover_the_most_weight(catalogue, deciders):
    """One recent figure does not move the year to where almost nothing is known: 2019's two flows
    (weight 4 of 5) beat 2024's one mechanism (weight 1), so the city is judged in 2019, and says why."""
    facts = {"pct_applications": {2019: 12}, "invention_patent_grants": {2019: 80}, "patent_insurance": {2024: True}}
    res = run(catalogue, deciders, YEARLY, facts, year="null")
    assert (res.year, res.year_basis) == (2019, "most_evidence")
    assert res.coverage == Decimal("0.8") and res.verdict != "not_assessable"
    assert text(say("year." + res.year_basis, year=res.year), "zh") == "2019年（证据覆盖权重最多的年份）"
    # with equal coverage the later year is taken; a year given or a target year is kept as it is, and says so
    even = {"pct_applications": {2019: 12, 2022: 9}, "invention_patent_grants": {2019: 80, 2022: 120}}
    assert run(catalogue, deciders, YEARLY, even, year="null").year == 2022
    given = evaluate(framework(YEARLY, catalogue, year="null"), city(facts, catalogue), catalogue, deciders["durable"],
                     year=2024)
    assert (given.year, given.year_basis, given.coverage) == (2024, "given", Decimal("0.2"))
    planned = run(catalogue, deciders, YEARLY, facts, year=2019)
    assert (planned.year, planned.year_basis) == (2019, "target_year")


def test_a_count_added_over_a_plan_period_is_the_stock_at_its_end_less_the_stock_at_its_start(catalogue, deciders):
    """新增/培育 … N以上 (issue 25, item 6): 4 institutions at the end of 2019 and 10 at the end of 2022 are 6
    fostered, so the target is met; a stock of 12 at the end alone says nothing of how many were added."""
    added = crit("F", "{kind: flow, indicator: ip_operating_institutions, since: 2019, target: 6家}")
    met = run(catalogue, deciders, added, {"ip_operating_institutions": {2019: 4, 2022: 10}}, year=2022)
    r = met.results[0]
    assert (r.status, r.measurement.value, r.gap) == ("pass", Decimal(6), Decimal(0))
    assert "由4 家（2019年末）增至10 家（2022年），新增6 家" in text(r.reason, "zh")
    assert text(r.target_summary, "zh") == "2019年以来新增≥ 6 家（2022年）"
    half = run(catalogue, deciders, added, {"ip_operating_institutions": {2019: 4, 2022: 7}}, year=2022).results[0]
    assert (half.status, half.score) == ("partial", Decimal("0.5"))
    stock = run(catalogue, deciders, added, {"ip_operating_institutions": {2022: 12}}, year=2022).results[0]
    assert stock.status == "unknown" and [m.years for m in stock.measurement.missing] == [(2019,)]
