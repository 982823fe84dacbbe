"""Evaluate: load → measure → decide → score, for one city against one framework."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable

from . import formulas as f
from . import models as m
from .age import STALE
from .catalogue import Catalogue
from .checks import check_indicators, describe, evidence_until, kind_of
from .checks.base import UNBOUNDED
from .decide import Decider, DeciderError, Leaf, PythonDecider, leaf
from .errors import InputError
from .facts import Facts
from .load import LoadedCity, LoadedFramework
from .measure import applies, measure, trend
from .result import (
    MUST_EXIST,
    NO_REASON,
    Cmp,
    CriterionResult,
    FrameworkResult,
    LaterYear,
    Listed,
    Measurement,
    Missing,
    PlanTarget,
    Q,
    Reason,
    WaiverNote,
    meets,
    say,
)
from .score import (
    Tally,
    achievement_counts,
    coverage,
    evidence_counts,
    fix_first,
    judge,
    leaf_status,
    range_and_worst_verdict,
)
from .units import CTX

# The largest magnitude a measured value, target or baseline may have to be decided: growth from
# a zero base stands at UNBOUNDED, and a perturbed target (sensitivity, at most doubled) must
# still fit the decider's 64-bit fixed point (2^63 / 10^6 ≈ 9.2 × 10^12).
DECIDABLE = UNBOUNDED


def _within_range(ms: Measurement) -> Measurement:
    """The arithmetic guard between measuring and deciding: a measured value, target or baseline
    beyond DECIDABLE becomes status error with the reason, never a crash of the decider."""
    if ms.combine:
        parts = tuple(_within_range(p) for p in ms.parts)
        return ms if parts == ms.parts else replace(ms, parts=parts)
    if ms.state != "measured":
        return ms
    big = [x for x in (ms.value, ms.target, ms.baseline) if x is not None and abs(x) > DECIDABLE]
    if not big:
        return ms
    return Measurement(state="error", reason=say("error.out_of_range", v=Q(big[0], ms.unit), most=Q(DECIDABLE)),
                       facts=ms.facts, formula=ms.formula)


def _measure(c: m.Criterion, facts: Facts, year: int) -> Measurement:
    """Measure one criterion; arithmetic that fails (a result beyond Decimal's 34 digits) is an error."""
    try:
        return _within_range(measure(c, facts, year))
    except ArithmeticError:
        return Measurement(state="error", reason=say("error.arithmetic"))


def _leaves(key: str, ms: Measurement, out: list[Leaf]) -> None:
    if ms.combine:
        for i, part in enumerate(ms.parts):
            _leaves(f"{key}/{i}", part, out)
    elif ms.state == "measured":
        out.append(leaf(key, ms.value, ms.target, ms.baseline, ms.op))  # type: ignore[arg-type]


def _status(key: str, ms: Measurement, decisions: dict[str, str]) -> tuple[str, Decimal | None, tuple[str, ...]]:
    if not ms.combine:
        status, score = leaf_status(ms, decisions.get(key))
        return status, score, ()
    parts = [_status(f"{key}/{i}", p, decisions) for i, p in enumerate(ms.parts)]
    status, score = kind_of(ms.combine).combine([(s, sc) for s, sc, _ in parts])  # type: ignore[misc]
    return status, score, tuple(s for s, _, _ in parts)


def target_of(ms: Measurement) -> Reason:
    """What a measured check was held against: 'target ≥ 36,000 件 (2022)'."""
    if ms.trajectory:
        t = ms.trajectory
        return say("target.by", v=Q(t.target, ms.unit), year=t.target_year)
    if ms.is_mechanism:
        return MUST_EXIST
    return say("target.at", op=Cmp(ms.op), v=Q(ms.target, ms.unit), year=ms.target_year)  # type: ignore[arg-type]


def _reason(status: str, ms: Measurement) -> Reason:
    """The reason for a result: status, what was measured, against which target."""
    if ms.combine:
        parts = tuple(_reason("", p) for p in ms.parts)
        return say(f"reason.{ms.combine}", head=say(f"status.{status}"), parts=Listed(parts, "numbered"))
    head = say(f"status.{status}") + say("sep.colon") if status else NO_REASON
    if ms.state == "measured":
        return head + ms.reason + say("sep.semicolon") + target_of(ms)
    return head + ms.reason


def _gap(ms: Measurement) -> tuple[Decimal | None, Decimal | None]:
    if ms.state != "measured" or ms.is_mechanism or ms.value is None or ms.value >= UNBOUNDED:
        return None, None
    target = ms.trajectory.target if ms.trajectory else ms.target
    gap = ms.value - target  # type: ignore[operator]
    pct = f.on_grid(CTX.multiply(CTX.divide(gap, target), f.HUNDRED)) if target else None
    return gap, pct


def _due_year(check, h: m.FrameworkHeader, year: int) -> int:
    """The year a plan's target is due: its own year (a trajectory's target year, a path's last year, a
    check's `year`), else the plan's target year, else the year judged."""
    return kind_of(check.kind).due_year(check) or h.target_year or year


def _due_figure(ms: Measurement, due: int, year: int, facts: Facts) -> Measurement:
    """A plan target judged in or after its year on a figure older than that year: when the figure does not meet
    the target, whether the target is met is not known yet (unknown, the figure kept as context), never missed.

    The data-age rule lets a stock of the year before stand for the year judged (flagged stale), which suits a
    readiness check; a plan's target is set for its year, and a figure from before it says nothing of how that
    year ended. A stale figure that already meets the target is kept: met. A combined target's parts are taken
    one by one, and its status follows from theirs."""
    if ms.combine:
        parts = tuple(_due_figure(p, due, year, facts) for p in ms.parts)
        return ms if parts == ms.parts else replace(ms, parts=parts)
    if (year < due or ms.state != "measured" or ms.year is None or ms.year >= due or ms.value is None
            or ms.target is None or meets(ms.value, ms.target, ms.op) or not ms.facts):
        return ms
    ind = ms.facts[0].indicator
    need = say("need.for_due_year", ind=facts.names(ind), year=due)
    return replace(ms, state="unknown", reason=ms.reason + say("plan.stale_figure", due=due), target=None,
                   baseline=None, missing=(Missing(ind, (due,), need),), stale=True, freshness=STALE)


def _plan_target(c: m.Criterion, ms: Measurement, h: m.FrameworkHeader, facts: Facts, year: int) -> PlanTarget:
    """A plan criterion's target year and, before it, the path its figure is held against.

    The base is the plan's own (a check's `baseline`, for the plan's `base_year`), else the city's
    figure for the plan's base year (a threshold's indicator); the path from it to the target is
    `formulas.path_value` (compound, as a trajectory's; linear from 0), taken in the figure's year.
    A trajectory carries its own path (ms.trajectory). Without a base: the share of the target reached."""
    kind = kind_of(c.check.kind)
    due = _due_year(c.check, h, year)
    plan = PlanTarget(target_year=due, year=year,
                      final=kind.final_target(c.check, due) if kind.final_target and year < due else None)
    if (year >= due or ms.state != "measured" or ms.combine or ms.is_mechanism or ms.trajectory
            or ms.value is None or ms.target is None):
        return plan
    base, by = getattr(c.check, "baseline", None), h.base_year
    base_of = kind.base_indicator(c.check)
    if base is None and by is not None and base_of is not None:
        fact = facts.get(base_of, by)
        if fact is not None and fact.bound == "exact" and fact.as_of is None and not isinstance(fact.value, bool):
            base = fact.value
    if base is not None and by is not None and by < due and ms.year is not None and ms.year > by:
        expected = f.on_grid(f.path_value(Decimal(base), ms.target, by, due, ms.year))
        return replace(plan, base_year=by, base=Decimal(base), expected=expected)
    higher = ms.higher_is_better
    if (ms.target if higher else ms.value) <= 0:
        return plan
    share = CTX.divide(ms.value, ms.target) if higher else CTX.divide(ms.target, ms.value)
    return replace(plan, share=f.on_grid(share))


def _waiver_for(c: m.Criterion, fw_id: str, city_id: str, waivers: Iterable[m.Waiver],
                as_of: dt.date) -> WaiverNote | None:
    for w in waivers:
        if w.criterion == c.id and w.framework in (None, fw_id) and w.city in (None, city_id):
            return WaiverNote(criterion=c.id, justification=w.justification, expires=w.expires,
                              active=as_of < w.expires)
    return None


def evaluate(fw: LoadedFramework, city: LoadedCity, cat: Catalogue, decider: Decider, *,
             year: int | None = None, waivers: Iterable[m.Waiver] = (), as_of: dt.date | None = None,
             detail: bool = True) -> FrameworkResult:
    """Evaluate `city` against `fw` for `year`.

    The year defaults to the framework's target year or, for a framework without one, the
    year of the city's facts whose evidence covers the most weight (`best_year`). `detail=False`
    skips what a comparison of many cities does not show: the fix-first ranking, and each
    criterion's trend, reason and target summary.

    `as_of` is the date waivers are judged on (default: 31 December of the year), so the
    same inputs always give the same result; nothing here reads the clock.
    """
    return evaluate_frameworks([fw], city, cat, decider, year=year, waivers=waivers, as_of=as_of,
                               detail=detail)[0]


def evaluate_frameworks(fws: list[LoadedFramework], city: LoadedCity, cat: Catalogue, decider: Decider, *,
                        year: int | None = None, waivers: Iterable[m.Waiver] = (), as_of: dt.date | None = None,
                        detail: bool = True, default_year: int | None = None) -> list[FrameworkResult]:
    """Evaluate one city against several frameworks, with one decision batch for all of them.

    The same as calling `evaluate` for each framework; it measures every framework first and
    hands all measured values to the decider at once (one durable-rules session per city).
    `default_year`: the year a framework without a target year is judged in when the city has no
    figure for it at all (a new fact file: the last full year, where `collect` asks for figures).
    """
    facts = Facts(city.model, cat)
    waivers = list(waivers)
    plans = []
    leaves: list[Leaf] = []
    for i, fw in enumerate(fws):
        h = fw.model.framework
        fw_facts = facts.with_limits(dict(h.max_age))
        measured = None
        if year or h.target_year:
            y, basis = (year, "given") if year else (h.target_year, "target_year")
        else:  # the year with the most evidence, measured already while choosing it
            best = _best_year(fw, fw_facts)
            y, measured, basis = best[0] if best else None, best[1] if best else None, "most_evidence"
        if y is None and default_year is not None:
            y, basis = default_year, "no_evidence"
        if y is None:
            raise InputError(city.name, 0, 0, say("evaluate.no_year", fw=h.id))
        measured = measured or _measure_all(fw, fw_facts, y)
        if h.kind == "plan":
            measured = [(c, _due_figure(ms, _due_year(c.check, h, y), y, fw_facts)) for c, ms in measured]
        for c, ms in measured:
            _leaves(f"{i}|{c.id}", ms, leaves)
        plans.append((fw, y, basis, measured))
    engine_error = None
    try:
        decisions = decider.decide(leaves)
    except DeciderError as exc:
        decisions, engine_error = {}, str(exc)
    return [replace(_result(fw, city, cat, facts, decider.name, y, as_of or dt.date(y, 12, 31), measured, waivers,
                            {k.split("|", 1)[1]: v for k, v in decisions.items() if k.startswith(f"{i}|")},
                            engine_error, detail), year_basis=basis,
                    later=later_year(fw, facts, y) if detail and basis == "most_evidence" else None)
            for i, (fw, y, basis, measured) in enumerate(plans)]


def _fact_years(ms: Measurement) -> set[int]:
    """The years of every figure a measurement rests on, its parts' included."""
    return {u.year for u in ms.facts}.union(*(_fact_years(p) for p in ms.parts))


def later_year(fw: LoadedFramework, facts: Facts, year: int) -> LaterYear | None:
    """What a framework judged in its most-evidence `year` leaves unsaid: the latest later year in which
    some criterion rests on a figure newer than `year`, with those criteria and the ones of them not met
    (fail or partial) in that year; None when no later figure gives any criterion evidence.

    Only a report needs it (`detail`): a comparison of many cities never pays for it. Decided by the
    Python decider, as `best_year` decides its candidate years (the same decisions as durable-rules)."""
    fw_facts = facts.with_limits(dict(fw.model.framework.max_age))
    later = sorted({y for ys in facts.city.facts.values() for y in ys if y > year}, reverse=True)
    for y in later:
        measured = [(c, ms) for c, ms in _measure_all(fw, fw_facts, y) if max(_fact_years(ms), default=0) > year]
        leaves: list[Leaf] = []
        for c, ms in measured:
            _leaves(c.id, ms, leaves)
        decisions = PythonDecider().decide(leaves)
        status = {c.id: _status(c.id, ms, decisions)[0] for c, ms in measured}
        judged = tuple(c for c, s in status.items() if s in ("pass", "partial", "fail"))
        if judged:
            return LaterYear(year=y, criteria=judged, unmet=tuple(c for c in judged if status[c] != "pass"))
    return None


def _measure_all(fw: LoadedFramework, fw_facts: Facts, year: int) -> list[tuple[m.Criterion, Measurement]]:
    return _measure_some(fw.model.criteria, fw_facts, year)


def _measure_some(criteria: Iterable[m.Criterion], fw_facts: Facts, year: int) -> list[tuple[m.Criterion, Measurement]]:
    return [(c, _measure(c, fw_facts if c.max_age is None else fw_facts.with_limits(None, c.max_age), year))
            for c in criteria]


@dataclass(frozen=True)
class _Weighed:
    """What coverage reads of a criterion's result: its status and weight (score.Tally also files it under a
    category and adds a score, neither of which coverage reads)."""
    status: str
    weight: Decimal
    category: str = ""
    score: Decimal = Decimal(0)


def best_year(fw: LoadedFramework, fw_facts: Facts) -> int | None:
    """The year a framework without a target year is judged in: of the years the city has facts for,
    the one whose evidence covers the most weight (the latest of equals); None without facts.

    Not merely the latest year with any figure: one recent figure would otherwise move the year
    to where almost nothing else is known (issue 25). Coverage is counted as the evaluation
    counts it, the parts of a combined check decided by the Python decider (the same decisions
    as durable-rules, without a rules session per candidate year)."""
    best = _best_year(fw, fw_facts)
    return best[0] if best else None


def _best_year(fw: LoadedFramework, fw_facts: Facts
               ) -> tuple[int, list[tuple[m.Criterion, Measurement]]] | None:
    """`best_year`, with the framework's measurements in that year (the evaluation measures nothing twice).

    A criterion none of whose indicators has a single fact in the city has no evidence in any year:
    it is measured once for its status (unknown, or not applicable to the city's level) and that status
    counts in every year; it is measured again only in the year chosen. Likewise a criterion has no
    evidence in a year when none of its indicators has a figure up to the latest year that can give it
    evidence (`checks.evidence_until`): it is not measured in that year. The years are taken latest
    first, and a year is passed over when even with evidence for every criterion that could have some,
    its coverage would not exceed the best so far."""
    years = sorted({y for ys in fw_facts.city.facts.values() for y in ys})
    if not years:
        return None
    criteria, model, decider = fw.model.criteria, fw.model.framework.scoring, PythonDecider()
    first = {ind: min(ys) for ind, ys in fw_facts.city.facts.items() if ys}
    blind: dict[str, str] = {}  # criterion id -> its status in every year
    for c in criteria:
        if not first.keys() & set(check_indicators(c.check)):
            ms = _measure(c, fw_facts if c.max_age is None else fw_facts.with_limits(None, c.max_age), years[0])
            if ms.state != "measured" and not ms.combine:
                blind[c.id] = ms.state
    level = fw_facts.city.city.level
    seen = [c for c in criteria if c.id not in blind]
    earliest = {c.id: min((first[i] for i in check_indicators(c.check) if i in first), default=None) for c in seen}
    applicable = {c.id for c in seen if applies(c, level)}
    best: tuple[Decimal, int, list[tuple[m.Criterion, Measurement]]] | None = None
    for y in reversed(years):
        live = []
        for c in seen:
            until = evidence_until(c.check, y) if c.id in applicable else None
            if until is None or earliest[c.id] is None or earliest[c.id] <= until:
                live.append(c)
        if best is not None:  # the most this year's coverage could be: every live criterion with evidence
            could = {c.id: "pass" if c.id in applicable else "not_applicable" for c in live}
            most = coverage([_Weighed(blind.get(c.id) or could.get(c.id) or "unknown", c.weight) for c in criteria],
                            model)
            if most <= best[0]:
                continue
        measured = _measure_some(live, fw_facts, y)
        leaves: list[Leaf] = []
        for c, ms in measured:
            _leaves(c.id, ms, leaves)
        decisions = decider.decide(leaves)
        status = {c.id: _status(c.id, ms, decisions)[0] for c, ms in measured}
        cov = coverage([_Weighed(status.get(c.id) or blind.get(c.id) or "unknown", c.weight) for c in criteria], model)
        if best is None or cov > best[0]:  # latest first: the latest of equals wins
            best = (cov, y, measured)
    _, year, measured = best  # type: ignore[misc]
    if len(measured) < len(criteria):
        done = {c.id for c, _ in measured}
        again = {c.id: ms for c, ms in measured + _measure_some([c for c in criteria if c.id not in done], fw_facts,
                                                                 year)}
        measured = [(c, again[c.id]) for c in criteria]
    return year, measured


def _result(fw: LoadedFramework, city: LoadedCity, cat: Catalogue, facts: Facts, engine: str, year: int,
            as_of: dt.date, measured: list, waivers: list[m.Waiver], decisions: dict[str, str],
            engine_error: str | None, detail: bool) -> FrameworkResult:
    h = fw.model.framework
    results: list[CriterionResult] = []
    notes: list[WaiverNote] = []
    for c, ms in measured:
        status, score, part_statuses = _status(c.id, ms, decisions)
        reason = _reason(status, ms) if detail else NO_REASON
        if status == "error" and engine_error and ms.state == "measured":
            reason = say("reason.engine_error", msg=engine_error)
        note = _waiver_for(c, h.id, city.id, waivers, as_of) if waivers else None
        if note:
            notes.append(note)
            if note.active:
                status, score = "waived", None
                reason = say("reason.waived", expires=note.expires, why=note.justification, measured=reason)
            else:
                reason += say("reason.waiver_expired", expires=note.expires)
        gap, gap_pct = _gap(ms)
        results.append(CriterionResult(
            id=c.id, title_zh=c.title.zh, title_en=c.title.en, category=c.category, weight=c.weight,
            required=c.required, clause=c.clause, lead_unit=c.lead_unit, check_kind=c.check.kind,
            status=status, score=score, measurement=ms, gap=gap, gap_pct=gap_pct, reason=reason,
            target_summary=describe(c.check, cat, year) if detail else NO_REASON,
            trend=trend(c.check, ms, facts, year) if detail else None,
            waiver=note, part_statuses=part_statuses, aspirational=c.aspirational,
            plan=_plan_target(c, ms, h, facts, year) if h.kind == "plan" else None))

    model = h.scoring
    tally = Tally(results, model)  # the sums every score formula reads, made once
    cats = tally.categories(m.CATEGORIES, dict(h.category_weights))
    score = tally.overall(cats)
    cov = tally.coverage()
    v, why = judge(h.kind, score, cov, h.coverage_floor, h.thresholds.ready, h.thresholds.nearly_ready, results,
                   model)
    tallied = Counter(r.status for r in results)
    counts = {s: tallied[s] for s in m.STATUSES}
    gains = tuple(type(g)(g.criterion, f.on_grid(g.gain), f.on_grid(g.score_if_met), g.status,
                          f.on_grid(g.coverage_gain), f.on_grid(g.range_narrowing))
                  for g in fix_first(results, model, dict(h.category_weights), m.CATEGORIES)) if detail else ()
    low, high, worst = range_and_worst_verdict(results, model, dict(h.category_weights), m.CATEGORIES,
                                               h.coverage_floor, h.thresholds.ready, h.thresholds.nearly_ready, v,
                                               h.kind, tally)
    lacking, applicable = evidence_counts(results)
    return FrameworkResult(
        framework_id=h.id, framework_version=h.version, framework_title_zh=h.title.zh, framework_title_en=h.title.en,
        framework_kind=h.kind, source_file=h.source.file, source_title=h.source.title, issuer=h.issuer,
        city_id=city.id, city_zh=city.model.city.name.zh, city_en=city.model.city.name.en,
        city_level=city.model.city.level, year=year, as_of=as_of, engine=engine, model=model,
        score=None if score is None else f.on_grid(score), coverage=f.on_grid(cov), coverage_floor=h.coverage_floor,
        ready_threshold=h.thresholds.ready, nearly_threshold=h.thresholds.nearly_ready, verdict=v, verdict_reason=why,
        verdict_low=worst,
        categories=tuple(type(c)(c.category, None if c.score is None else f.on_grid(c.score),
                                 None if c.coverage is None else f.on_grid(c.coverage), c.weight) for c in cats),
        results=tuple(results), counts=counts, waivers=tuple(notes), fix_first=gains,
        score_low=None if low is None else f.on_grid(low), score_high=None if high is None else f.on_grid(high),
        lacking=lacking, applicable=applicable, source_number=h.source.number, source_date=h.source.date,
        derived_from=tuple(h.derived_from),
        indicator_names={ind: cat.indicators[ind].name for c, _ in measured for ind in check_indicators(c.check)}
        if detail else {},
        achievement=achievement_counts(results) if h.kind == "plan" else None)


def example_city(fw: LoadedFramework, ex: m.Example) -> m.City:
    """A throwaway city holding one criterion example's facts (for tests and `validate`)."""
    src = m.Source(title="criterion example", publisher="ipcheck", read=dt.date(2000, 1, 1))
    facts = {ind: {y: m.Fact(value=x.value, source="example", bound=x.bound, attributes=x.attributes)
                   for y, x in ys.items()} for ind, ys in ex.facts.items()}
    return m.City(city=m.CityHeader(id="example", name=m.Names(zh="示例", en="example"),
                                    level=ex.level or "prefecture"),
                  sources={"example": src}, facts=facts)  # type: ignore[arg-type]


def run_example(fw: LoadedFramework, c: m.Criterion, ex: m.Example, cat: Catalogue, decider: Decider) -> str:
    """The status one criterion gives on one of its examples."""
    city = LoadedCity(example_city(fw, ex), "example", "")
    single = LoadedFramework(fw.model.model_copy(update={"criteria": [c]}), fw.name, fw.sha256, fw.doc)
    return evaluate(single, city, cat, decider, year=ex.year).results[0].status
