"""Properties of criteria and the engine, over generated frameworks and cities (hypothesis).

The CI profile runs fewer cases than the local one (see conftest.py); the statistics
printed at the end of a run say how many each property tried.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from hypothesis import assume, given, note
from hypothesis import strategies as st
from ipcheck.engine import formulas as f
from ipcheck.engine.evaluate import evaluate
from ipcheck.engine.load import load_waivers
from ipcheck.engine.units import CTX
from ipcheck.reports import json_report
from ipcheck.reports.words import text
from strategies import EVAL_YEAR, MECHANISMS, NUMERIC, case, indicators_of, load_case, single_case


def run(fw, city, cat, decider, **kw):
    lf, lc = load_case(fw, city, cat)
    return evaluate(lf, lc, cat, decider, year=EVAL_YEAR, **kw)


def by_id(res):
    return {r.id: r for r in res.results}


# ---------------------------------------------------------------- bounds and equivalence

@given(case())
def test_scores_stay_in_bounds(catalogue, deciders, data):
    fw, city = data
    res = run(fw, city, catalogue, deciders["python"])
    for r in res.results:
        assert r.score is None or 0 <= r.score <= 1
        assert (r.score is None) == (r.status not in ("pass", "partial", "fail"))
        if r.status == "pass":
            assert r.score == 1
        if r.status == "fail":
            assert r.score == 0
    for c in res.categories:
        assert c.score is None or 0 <= c.score <= 100
        assert c.coverage is None or 0 <= c.coverage <= 1
    assert res.score is None or 0 <= res.score <= 100
    assert 0 <= res.coverage <= 1


@given(case())
def test_durable_and_python_deciders_agree(catalogue, deciders, data):
    """The main guard against durable-rules' silent failures."""
    fw, city = data
    a = run(fw, city, catalogue, deciders["python"])
    b = run(fw, city, catalogue, deciders["durable"])
    assert ([(r.id, r.status, r.score, r.reason) for r in a.results]
            == [(r.id, r.status, r.score, r.reason) for r in b.results])
    assert (a.score, a.coverage, a.verdict) == (b.score, b.coverage, b.verdict)


# ---------------------------------------------------------------- monotonicity

def _improvable(r, fw_criteria):
    """(indicator, year) of the figure a criterion reads as its current value, if one can be improved."""
    ms = r.measurement
    if ms.state != "measured" or ms.combine:
        return None
    chk = fw_criteria[r.id]["check"]
    if chk["kind"] in ("exists",):
        return None
    ind = {"ratio": chk.get("numerator"), "per_capita": "valid_invention_patents"}.get(chk["kind"],
                                                                                      chk.get("indicator"))
    used = [u for u in ms.facts if u.year == ms.year]
    if not used or used[0].indicator != ind and chk["kind"] not in ("ratio", "per_capita"):
        return None
    fact = next((u for u in ms.facts if u.year == ms.year and u.indicator in (ind, chk.get("published"))), None)
    return None if fact is None else (fact.indicator, fact.year)


@given(case(), st.data())
def test_improving_a_fact_never_lowers_a_score(catalogue, deciders, data, draw):
    fw, city = data
    res = run(fw, city, catalogue, deciders["python"])
    crit = {c["id"]: c for c in fw["criteria"]}
    targets = [(r, _improvable(r, crit)) for r in res.results]
    targets = [(r, t) for r, t in targets if t]
    assume(targets)
    r, (ind, year) = draw.draw(st.sampled_from(targets))
    unit = NUMERIC[ind][0]
    old = Decimal(city["facts"][ind][year]["value"].removesuffix(unit))
    step = draw.draw(st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2))
    new = old - step if ind in ("rights_protection_cycle_days",) else old + step
    assume(Decimal(0) <= new <= NUMERIC[ind][1])
    better = copy.deepcopy(city)
    better["facts"][ind][year]["value"] = f"{new}{unit}"
    res2 = run(fw, better, catalogue, deciders["python"])
    note(f"{r.id}: {ind}[{year}] {old} → {new}")
    after = by_id(res2)[r.id]
    assert after.score >= r.score
    assert not (r.status == "pass" and after.status in ("fail", "partial"))
    # A better figure can unsettle a combined criterion elsewhere: a component that failed (which settles
    # an all_of whatever its other, unknown, components show) may now be partly met, and the criterion is
    # then unknown. The score is then a range, and that range may not lie below the score before.
    before_cats = {c.category: c.score for c in res.categories}
    for c in res2.categories:
        if c.category == r.category and before_cats.get(c.category) is not None and c.score is not None:
            assert c.score >= before_cats[c.category]
    if res.score is not None:
        assert res2.score >= res.score if res2.score is not None else res2.score_high >= res.score


# ---------------------------------------------------------------- goalposts

@given(st.decimals(min_value=0, max_value=10**6, places=2), st.decimals(min_value=1, max_value=10**6, places=2),
       st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2)))
def test_goalposts(value, target, baseline):
    assume(baseline is None or baseline < target)
    s = f.goalpost(value, target, baseline, True)
    low = Decimal(0) if baseline is None else baseline
    if value <= low:
        assert s == 0
    elif value >= target:
        assert s == 1
    else:
        assert s == CTX.divide(value - low, target - low)  # linear between the goalposts
        mid = low + (target - low) / 2
        assert f.goalpost(mid, target, baseline, True) == Decimal("0.5")


@given(st.decimals(min_value=0, max_value=10**5, places=2), st.decimals(min_value=1, max_value=10**5, places=2),
       st.booleans())
def test_threshold_status_matches_goalposts(catalogue, deciders, value, target, with_baseline):
    baseline = (target / 2).quantize(Decimal("0.01")) if with_baseline else None
    chk = {"kind": "threshold", "indicator": "valid_patents", "target": f"{target}件"}
    if baseline is not None:
        chk["baseline"] = f"{baseline}件"
    fw, city = single_case(chk, {"valid_patents": {EVAL_YEAR: f"{value}件"}})
    for d in deciders.values():
        r = run(fw, city, catalogue, d).results[0]
        if value >= target:
            assert (r.status, r.score) == ("pass", 1)
        elif value <= (baseline or 0):
            assert (r.status, r.score) == ("fail", 0)
        else:
            # partial never scores 1: a value a hair below the target keeps the largest score below it
            assert r.status == "partial" and r.score == min(f.on_grid(f.goalpost(value, target, baseline, True)),
                                                            1 - f.QUANTUM)


# ---------------------------------------------------------------- determinism

def _evaluations(res):
    return json_report.render([res], [], "test")


@given(case(), st.randoms(use_true_random=False))
def test_order_of_criteria_and_facts_changes_nothing(catalogue, deciders, data, rnd):
    fw, city = data
    base = run(fw, city, catalogue, deciders["durable"])
    assert _evaluations(base) == _evaluations(run(fw, city, catalogue, deciders["durable"]))  # byte-identical
    fw2 = copy.deepcopy(fw)
    rnd.shuffle(fw2["criteria"])
    city2 = copy.deepcopy(city)
    items = list(city2["facts"].items())
    rnd.shuffle(items)
    city2["facts"] = {k: dict(sorted(v.items(), key=lambda _: rnd.random())) for k, v in items}
    other = run(fw2, city2, catalogue, deciders["durable"])
    assert ({r.id: (r.status, r.score, r.reason) for r in other.results}
            == {r.id: (r.status, r.score, r.reason) for r in base.results})
    assert (other.score, other.coverage, other.verdict) == (base.score, base.coverage, base.verdict)
    assert _evaluations(run(fw, city2, catalogue, deciders["durable"])) == _evaluations(base)


# ---------------------------------------------------------------- unit invariance

_ALT = {"件": ("万件", Decimal(10_000)), "亿元": ("万元", Decimal("0.0001")), "家": ("万家", Decimal(10_000)),
        "次": ("次", Decimal(1)), "天": ("天", Decimal(1)), "件/万人": ("件", Decimal(1))}


def _rewrite(city: dict) -> dict:
    """The same quantities in other units: 件 → 万件, 亿元 → 万元, 95% → 0.95."""
    out = copy.deepcopy(city)
    for ind, years in out["facts"].items():
        if ind in MECHANISMS:
            continue
        for e in years.values():
            v = e["value"]
            if ind == "population":
                e["value"] = f"{Decimal(v.removesuffix('人')).scaleb(-4):f}万人"
                continue
            unit = NUMERIC[ind][0]
            num = Decimal(v.removesuffix(unit))
            if unit == "%":
                e["value"] = format(num.scaleb(-2), "f")
            else:
                alt, div = _ALT[unit]
                e["value"] = f"{(num / div) if div != 1 else num:f}{alt}"
    return out


@given(case())
def test_unit_invariance(catalogue, deciders, data):
    fw, city = data
    a = run(fw, city, catalogue, deciders["python"])
    b = run(fw, _rewrite(city), catalogue, deciders["python"])
    assert _evaluations(a) == _evaluations(b)


# ---------------------------------------------------------------- missing data

@given(case(), st.data())
def test_removing_an_indicator_makes_its_criteria_unknown(catalogue, deciders, data, draw):
    """Removing an indicator's figures: criteria that read only it become unknown (never pass
    or fail), the others do not change, nothing raises, and coverage does not rise.

    One stated exception: a rate with two routes (published, or derived from two counts) may
    fall back to the other route, and older figures on it can then settle a composite that
    was undecided — found by this property (HYPOTHESIS_PROFILE=long) and judged correct, so
    coverage is only required not to rise when no rate with a published route reads the
    removed indicator. (It also found a real bug, fixed: a zero denominator hid the published
    rate.)"""
    fw, city = data
    assume(city["facts"])
    ind = draw.draw(st.sampled_from(sorted(city["facts"])))
    before = run(fw, city, catalogue, deciders["durable"])
    fewer = copy.deepcopy(city)
    del fewer["facts"][ind]
    after = run(fw, fewer, catalogue, deciders["durable"])
    two_routes = any(ind in indicators_of(c) and c.get("published") for c in _leaf_checks(fw))
    if not two_routes:
        assert after.coverage <= before.coverage
    crit = {c["id"]: c for c in fw["criteria"]}
    for b, a in zip(before.results, after.results):
        reads = indicators_of(crit[b.id]["check"])
        if ind not in reads:
            assert (a.status, a.score, a.reason) == (b.status, b.score, b.reason)
            continue
        simple = crit[b.id]["check"]["kind"] not in ("all_of", "any_of", "ratio", "per_capita")
        if simple and b.status != "not_applicable":
            assert a.status == "unknown" and a.measurement.missing


def _leaf_checks(fw: dict) -> list[dict]:
    out, todo = [], [c["check"] for c in fw["criteria"]]
    while todo:
        c = todo.pop()
        if c["kind"] in ("all_of", "any_of"):
            todo += c["checks"]
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------- scoring models

def _expected_score(res, model, category_weights=None):
    """NISTIR 7275r4 §3.3, recomputed here independently of engine/score.py."""
    ev = [r for r in res.results if r.status in ("pass", "partial", "fail")]
    if not ev:
        return None
    if model == "absolute":
        return Decimal(100) if all(r.status == "pass" for r in ev) else Decimal(0)
    if model == "flat_unweighted":
        return sum((r.score for r in ev), Decimal(0)) * 100 / len(ev)
    if model == "flat":
        tw = sum((r.weight for r in ev), Decimal(0))
        return None if tw == 0 else sum((r.weight * r.score for r in ev), Decimal(0)) * 100 / tw
    cats = {}
    for r in ev:
        cats.setdefault(r.category, []).append(r)
    scores = []
    for rs in cats.values():
        tw = sum((r.weight for r in rs), Decimal(0))
        if tw:
            scores.append(sum((r.weight * r.score for r in rs), Decimal(0)) * 100 / tw)
    return None if not scores else sum(scores, Decimal(0)) / len(scores)


@given(case())
def test_scoring_models_match_their_formulas(catalogue, deciders, data):
    fw, city = data
    res = run(fw, city, catalogue, deciders["python"])
    want = _expected_score(res, fw["framework"]["scoring"])
    if want is None:
        assert res.score is None
    else:
        assert res.score is not None and abs(res.score - want) <= Decimal("0.000001")


# ---------------------------------------------------------------- waivers

@given(case(n_min=1, n_max=3), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
       st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_waivers_apply_before_expiry_only(catalogue, deciders, data, expires, as_of):
    fw, city = data
    raw = f"waivers:\n  - {{criterion: C00, justification: test, expires: {expires.isoformat()}}}\n".encode()
    res = run(fw, city, catalogue, deciders["python"], waivers=load_waivers("w.yaml", raw), as_of=as_of)
    r = by_id(res)["C00"]
    if as_of < expires:
        assert r.status == "waived" and r.score is None
    else:
        assert r.status != "waived" and "expired" in text(r.reason, "en")


# ---------------------------------------------------------------- trajectories

@given(st.decimals(min_value=1, max_value=10**5, places=0), st.decimals(min_value=1, max_value=10**5, places=0),
       st.decimals(min_value=1, max_value=10**5, places=0), st.integers(2020, 2025))
def test_trajectory_growth_needed(catalogue, deciders, base, extra, value, year):
    target = base + extra
    chk = {"kind": "trajectory", "indicator": "valid_patents", "base_year": 2019, "base": f"{base}件",
           "target_year": 2026, "target": f"{target}件"}
    fw, city = single_case(chk, {"valid_patents": {year: f"{value}件"}}, target_year=2026)
    lf, lc = load_case(fw, city, catalogue)
    r = evaluate(lf, lc, catalogue, deciders["durable"], year=year).results[0]  # before 2026: a projection
    t = r.measurement.trajectory
    needed = (target / value) ** (Decimal(1) / (2026 - year)) - 1
    assert abs(t.needed_cagr_pct - needed * 100) <= Decimal("0.000001")
    path_rate = (target / base) ** (Decimal(1) / (2026 - 2019)) - 1
    # on track ⇔ the value is on or above the path ⇔ what is still needed is no more than the path's rate
    if abs(needed - path_rate) > Decimal("0.0000001"):
        assert t.on_track == (needed <= path_rate)
    assert (r.status == "pass") == t.on_track


# ---------------------------------------------------------------- data age and the honest headline

def _has_trajectory(chk: dict) -> bool:
    return chk["kind"] == "trajectory" or any(_has_trajectory(c) for c in chk.get("checks", []))


@given(case(), st.integers(1, 3))
def test_making_the_facts_older_never_raises_a_status(catalogue, deciders, data, k):
    """issue 11: the same figures, k years older, never give a better status or score, and never
    give evidence where there was none (older figures are stale, then too old: unknown).

    Trajectories are left out on purpose: before the target year they ask whether the figure is on
    the path in its own year, and the same figure reached earlier is rightly further ahead."""
    fw, city = data
    # only figures up to the evaluation year: a later one moved back would be a new current figure
    city = {**city, "facts": {ind: {y: f for y, f in ys.items() if y <= EVAL_YEAR}
                              for ind, ys in city["facts"].items()}}
    older = copy.deepcopy(city)
    older["facts"] = {ind: {y - k: f for y, f in ys.items()} for ind, ys in city["facts"].items()}
    before = by_id(run(fw, city, catalogue, deciders["python"]))
    after = by_id(run(fw, older, catalogue, deciders["python"]))
    for c in fw["criteria"]:
        if _has_trajectory(c["check"]):
            continue
        b, a = before[c["id"]], after[c["id"]]
        note(f"{c['id']}: {b.status} → {a.status}")
        if b.score is None:
            assert a.score is None
        else:
            assert a.score is None or a.score <= b.score
        assert not (a.status == "pass" and b.status != "pass")


@given(case())
def test_the_score_range_holds_the_score_on_the_known_part(catalogue, deciders, data):
    """issue 11: low (every criterion without evidence failed) ≤ the score on the criteria with
    evidence ≤ high (every one of them met); with nothing missing the three are one."""
    fw, city = data
    res = run(fw, city, catalogue, deciders["python"])
    doc = json_report.evaluation_dict(res)
    assert doc["score_range"] == {"low": json_report.plain_values(res.score_low),
                                  "high": json_report.plain_values(res.score_high)}
    if res.score_low is None or res.score_high is None:
        # no score to range over: nothing applicable, or (a weighted model) only criteria of weight 0
        assert res.score_low is None and res.score_high is None and res.score is None
        assert not [r for r in res.results if r.status not in ("not_applicable", "waived") and r.weight > 0]
        return
    assert res.applicable > 0
    assert 0 <= res.score_low <= res.score_high <= 100
    if res.score is not None:
        assert res.score_low <= res.score <= res.score_high
    if res.lacking == 0:
        assert res.score_low == res.score_high == (res.score if res.score is not None else res.score_low)


@given(case())
def test_a_verdict_is_provisional_exactly_when_the_missing_evidence_could_lower_it(catalogue, deciders, data):
    """The verdict were every criterion without evidence unmet is never better than the verdict given; they
    differ only when evidence is missing, and then the verdict given is marked provisional."""
    from ipcheck.engine.plan import LEVELS
    fw, city = data
    res = run(fw, city, catalogue, deciders["python"])
    doc = json_report.evaluation_dict(res)
    assert doc["verdict_provisional"] == res.provisional and doc["verdict_if_missing_unmet"] == res.verdict_low
    if res.assessable:
        assert LEVELS.index(res.verdict_low) <= LEVELS.index(res.verdict)
    if res.lacking == 0:
        assert not res.provisional and (res.verdict_low == res.verdict or not res.assessable)
    assert res.provisional == (res.assessable and res.verdict_low != res.verdict)


# ---------------------------------------------------------------- arithmetic extremes (issue 12)

_EXTREME = st.sampled_from(["0", "1", "0." + "0" * 29 + "1", "0.000001", "999999999999", "1000000000000", "5"])


@given(st.sampled_from(["growth", "ratio", "per_capita", "flow", "threshold"]), _EXTREME, _EXTREME, _EXTREME)
def test_arithmetic_extremes_give_a_status_never_a_crash(catalogue, deciders, kind, a, b, c):
    """Values each within the documented limits, whose arithmetic overflows, end as status error with
    a reason (or a proper status), in both deciders: never an exception."""
    checks = {
        "growth": ({"kind": "growth", "indicator": "patent_enforcement_cases", "min_growth": "50%"},
                   {"patent_enforcement_cases": {EVAL_YEAR - 1: f"{a}件", EVAL_YEAR: f"{b}件"}}),
        "ratio": ({"kind": "ratio", "numerator": "patent_enforcement_cases_closed",
                   "denominator": "patent_enforcement_cases", "target": "95%"},
                  {"patent_enforcement_cases_closed": {EVAL_YEAR: f"{a}件"},
                   "patent_enforcement_cases": {EVAL_YEAR: f"{b}件"}}),
        "per_capita": ({"kind": "per_capita", "indicator": "valid_invention_patents", "target": "12件/万人"},
                       {"valid_invention_patents": {EVAL_YEAR: f"{a}件"}, "population": {EVAL_YEAR: f"{b}人"}}),
        "flow": ({"kind": "flow", "indicator": "valid_patents", "target": f"{c}件"},
                 {"valid_patents": {EVAL_YEAR - 1: f"{a}件", EVAL_YEAR: f"{b}件"}}),
        "threshold": ({"kind": "threshold", "indicator": "valid_patents", "target": f"{c}件", "baseline": f"{a}件"},
                      {"valid_patents": {EVAL_YEAR: f"{b}件"}}),
    }
    chk, facts = checks[kind]
    try:
        fw, city = single_case(chk, facts)
        lf, lc = load_case(fw, city, catalogue)
    except Exception as exc:  # a refusal of the file itself (e.g. a baseline above the target) is fine
        from ipcheck.engine.errors import InputError
        assert isinstance(exc, InputError), exc
        return
    for name in ("python", "durable"):
        r = evaluate(lf, lc, catalogue, deciders[name], year=EVAL_YEAR).results[0]
        assert r.status in ("pass", "partial", "fail", "unknown", "error")
        if r.status == "error":
            assert text(r.reason, "en") and text(r.reason, "zh")
