"""Planning: the smallest set of criteria to meet for the verdict to move up a level
(from not ready or not assessable to nearly ready, from nearly ready to ready).

Meeting a criterion means its status becomes pass (score 1); the verdict is then recomputed
with the framework's own model, thresholds and coverage floor. The search tries every set of
1, 2, 3, … criteria (exhaustive) while that stays under a budget of evaluations, and picks,
among the smallest sets that reach the goal, the one with the highest resulting score; past
the budget it adds, one at a time, the criterion that raises the verdict, then the score,
then the coverage most (greedy) and says so. Trials update running sums (`_Tally`) instead
of rescoring every criterion; the figures a plan reports come from `score.rescore`.

A plan framework (`kind: plan`) is planned in its own vocabulary (`score.PLAN_LEVELS`): to be on
track overall, every target behind or missed must be met; to be no more than partly behind, those
of the largest weight first until they weigh less than half of the targets judged. Then, while the
targets judged weigh less than the coverage floor, the targets without a judgement (no evidence,
or no path), largest weight first. Each step is checked with `score.rescore`.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from decimal import Decimal
from math import comb

from . import formulas as f
from .checks import kind_of
from .result import Cmp, CriterionResult, FrameworkResult, Listed, Q, Reason, Share, When, say
from .score import (
    EVIDENCE,
    NO_EVIDENCE,
    PLAN_LEVELS,
    Sums,
    coverage_of,
    overall_of,
    rescore,
    verdict_of,
    weight_of,
)
from .units import CTX

LEVELS = ("not_assessable", "not_ready", "nearly_ready", "ready")
BUDGET = 20_000


@dataclass(frozen=True)
class Step:
    """One criterion of a plan to meet: its status now, what meeting it takes, and who leads."""

    criterion: str
    status: str
    need: Reason                    # what meeting it takes
    improvement: Decimal | None     # how much the value must move, in `unit` (None: evidence or a yes/no)
    unit: str
    lead_unit: str


@dataclass(frozen=True)
class Plan:
    """A city's plan under one framework: the goal verdict, the steps that reach it, and the result after them."""

    framework_id: str
    city_id: str
    from_verdict: str
    goal: str
    reached: bool
    method: str                     # exhaustive | greedy | none needed
    steps: tuple[Step, ...]
    score_after: Decimal | None
    coverage_after: Decimal
    verdict_after: str


def context(r: CriterionResult) -> Reason | None:
    """Where a criterion without evidence stands on its latest figure, for an evidence request: '2021年119 亿元，
    已为目标的3倍' (issue 25). Only for a kind whose figure is read against the target in its own unit (its
    `figure_is_level` hook); None when there is no such figure."""
    ms, t = r.measurement, r.trend
    if (r.status != "unknown" or not kind_of(r.check_kind).figure_is_level or ms.value is None
            or ms.year is None or ms.is_mechanism or t is None or t.target is None or t.target <= 0):
        return None
    when, v = When.of(ms.year, ms.as_of), Q(ms.value, ms.unit)
    if not ms.higher_is_better:
        return say("context.was", y=when, v=v)
    ratio = CTX.divide(ms.value, t.target)
    if ratio >= 2:
        return say("context.times", y=when, v=v, k=Q(ratio.quantize(Decimal("0.1"))))
    if ratio >= 1:
        return say("context.above", y=when, v=v, t=Q(t.target, ms.unit))
    return say("context.share", y=when, v=v, share=Share(f.on_grid(ratio)))


def step(r: CriterionResult) -> Step:
    """What meeting one criterion takes: the evidence to publish, the mechanism to set up, or how far its
    value must move."""
    ms = r.measurement
    goal = r.target_summary
    if r.status == "unknown" or ms.state != "measured" or ms.combine:
        whys = tuple(dict.fromkeys(m.why for m in ms.missing))  # (a rate's two figures are one need)
        why = say("items", items=Listed(whys, "clauses")) if whys else say("plan.evidence")
        ctx = context(r)
        if r.status != "unknown":
            what = say("plan.meet", goal=goal)
        elif ctx is not None:
            what = say("plan.publish_context", why=why, ctx=ctx)
        elif kind_of(r.check_kind).yes_no:
            what = say("plan.publish", why=why)
        else:
            what = say("plan.publish_showing", why=why, goal=goal)
        return Step(r.id, r.status, what, None, ms.unit, r.lead_unit)
    if ms.is_mechanism:
        return Step(r.id, r.status, say("plan.mechanism"), None, ms.unit, r.lead_unit)
    higher = ms.higher_is_better
    move = (ms.target - ms.value) if higher else (ms.value - ms.target)  # type: ignore[operator]
    what = say("plan.raise" if higher else "plan.lower", frm=Q(ms.value, ms.unit), op=Cmp(ms.op),  # type: ignore[arg-type]
               to=Q(ms.target, ms.unit), by=Q(move, ms.unit))  # type: ignore[arg-type]
    if ms.op in (">", "<"):
        what += say("plan.strict")
    return Step(r.id, r.status, what, move, ms.unit, r.lead_unit)


def first_action(r: CriterionResult) -> Reason:
    """What a report's first action on a criterion asks: its evidence to collect when it has none and no
    figure to set it against, else what meeting it takes (`step`)."""
    if r.status == "unknown" and r.measurement.missing and context(r) is None:
        return say("action.collect", what=r.measurement.missing[0].why)
    return step(r).need


def first_actions(res: FrameworkResult) -> dict[str, Reason]:
    """`first_action` of every criterion of an evaluation that is not met, by criterion id."""
    return {r.id: first_action(r) for r in res.results if r.status not in ("pass", "not_applicable", "waived")}


def _verdict_with(res: FrameworkResult, met: frozenset[str]) -> tuple[str, Decimal | None, Decimal]:
    return rescore(res, [dataclasses.replace(r, status="pass", score=Decimal(1)) if r.id in met else r
                         for r in res.results])


class _Tally:
    """What `rescore` gives for the framework's result with some criteria met, kept as running sums.

    Meeting a criterion changes only its category's sums, the overall sums and the required
    gates, so a trial costs a few operations per category instead of a pass over every
    criterion. The figures come from score.py's own formulas over those sums (`Sums.mean`,
    `overall_of`, `coverage_of`, `verdict_of`); the plan's reported figures are `rescore`'s."""

    def __init__(self, res: FrameworkResult, candidates: list[CriterionResult]):
        self.res, self.model, self.candidates = res, res.model, candidates
        self.weights = {c.category: c.weight for c in res.categories}
        self.cats = {c: Sums() for c in self.weights}
        self.total = Sums()
        self.applicable = Decimal(0)
        self.w = [self._weight(r) for r in candidates]
        for r in res.results:
            if r.status in EVIDENCE + NO_EVIDENCE:
                self.applicable += self._weight(r)
            if r.status in EVIDENCE:
                for sums in (self.cats.get(r.category), self.total):
                    if sums is not None:
                        sums.add(self._weight(r), r.score, r.status == "pass")  # type: ignore[arg-type]
        gates = [r for r in res.results if r.required and r.status not in ("not_applicable", "waived")]
        self.failed = {r.id for r in gates if r.status == "fail"}
        self.open = {r.id for r in gates if r.status != "pass"}

    def _weight(self, r: CriterionResult) -> Decimal:
        return weight_of(r, self.model)

    def key(self, i: int) -> tuple:
        """Candidates with the same key change every figure alike when met."""
        r = self.candidates[i]
        return r.category, self.w[i], r.status, r.score, r.required

    def meet(self, i: int) -> None:
        """From now on, candidate `i` is met."""
        r = self.candidates[i]
        if r.category in self.cats:
            self.cats[r.category] = self.cats[r.category].met(self.w[i], r.score)
        self.total = self.total.met(self.w[i], r.score)
        self.failed.discard(r.id)
        self.open.discard(r.id)

    def outcome(self, extra: tuple[int, ...] = ()) -> tuple[int, Decimal | None, Decimal]:
        """(verdict level, score, coverage), as `rescore` gives them, with the candidates `extra` met as well."""
        cats, total = self.cats, self.total
        if extra:
            cats = dict(cats)
            for i in extra:
                r = self.candidates[i]
                if r.category in cats:
                    cats[r.category] = cats[r.category].met(self.w[i], r.score)
                total = total.met(self.w[i], r.score)
        score = overall_of(self.model, ((self.weights[c], sums.mean(self.model)) for c, sums in cats.items()), total)
        cov = coverage_of(total.weight, self.applicable)
        # The verdict reads the gates only for whether one fails and whether one is open: one of each stands for all.
        gone = {self.candidates[i].id for i in extra}
        failed, open_ = ([] if g is None else [g] for g in (next((g for g in ids if g not in gone), None)
                                                             for ids in (self.failed, self.open)))
        res = self.res
        v, _ = verdict_of(score, cov, res.coverage_floor, res.ready_threshold, res.nearly_threshold, failed, open_)
        return LEVELS.index(v), None if score is None else f.on_grid(score), f.on_grid(cov)


def plan(res: FrameworkResult, goal: str | None = None, budget: int = BUDGET) -> Plan:
    """The smallest set of criteria whose meeting takes the verdict to `goal` (default: one level up).

    Sets of 1, 2, 3, … criteria are tried while the evaluations stay within `budget`; past
    it, the greedy search. Each trial updates the running sums of `_Tally` (a few operations
    per category), so the greedy search makes at most n trials a step, n steps: 400 criteria
    take about a second where recomputing every score took 49 s."""
    if res.framework_kind == "plan":
        return _plan_targets(res, "plan_partly_behind" if goal == "nearly_ready" else "plan_on_track")
    now = LEVELS.index(res.verdict)
    # One level up; from "not assessable" the first level worth planning for is "nearly ready".
    goal = goal or ("ready" if res.verdict in ("nearly_ready", "ready") else "nearly_ready")
    want = LEVELS.index(goal)
    if now >= want:
        return Plan(res.framework_id, res.city_id, res.verdict, goal, True, "none needed", (), res.score,
                    res.coverage, res.verdict)
    candidates = [r for r in res.results if r.status in ("partial", "fail", "unknown", "error")]
    tally = _Tally(res, candidates)
    n = len(candidates)

    evaluations = 0
    for k in range(1, n + 1):
        combos = comb(n, k)
        if evaluations + combos > budget:
            break
        best = None
        for combo in itertools.combinations(range(n), k):
            evaluations += 1
            level, s, c = tally.outcome(combo)
            if level >= want and (best is None or (s or 0, c) > (best[1] or 0, best[2])):
                best = (combo, s, c)
        if best:
            steps = [candidates[i] for i in best[0]]
            v, s, c = _verdict_with(res, frozenset(r.id for r in steps))
            return Plan(res.framework_id, res.city_id, res.verdict, goal, True, "exhaustive",
                        tuple(step(r) for r in steps), s, c, v)
    # Greedy past the budget: each time the criterion that raises (verdict, score, coverage) most,
    # the smallest id among equals. Interchangeable candidates (same category, weight, status,
    # score and gate) are tried once, by the smallest id among them.
    remaining = sorted(range(n), key=lambda i: candidates[i].id)
    order: list[int] = []
    level = tally.outcome()[0]
    while level < want and remaining:
        stand_ins: dict[tuple, int] = {}
        for i in remaining:
            stand_ins.setdefault(tally.key(i), i)
        trials = [(i, *tally.outcome((i,))) for i in stand_ins.values()]
        pick, level, _, _ = min(trials, key=lambda t: (-t[1], -(t[2] or 0), -t[3], candidates[t[0]].id))
        tally.meet(pick)
        remaining.remove(pick)
        order.append(pick)
    v, s, c = _verdict_with(res, frozenset(candidates[i].id for i in order))
    return Plan(res.framework_id, res.city_id, res.verdict, goal, LEVELS.index(v) >= want, "greedy",
                tuple(step(candidates[i]) for i in order), s, c, v)


def _plan_targets(res: FrameworkResult, goal: str) -> Plan:
    """A plan framework's plan: the targets behind or missed, then the targets without a judgement, to meet
    for the plan verdict `goal` (the order in the module docstring)."""
    want = PLAN_LEVELS.index(goal)
    if PLAN_LEVELS.index(res.verdict) >= want:
        return Plan(res.framework_id, res.city_id, res.verdict, goal, True, "none needed", (), res.score,
                    res.coverage, res.verdict)
    order = {r.id: k for k, r in enumerate(res.results)}
    short = sorted((r for r in res.results if r.achievement in ("behind", "missed")),
                   key=lambda r: (-r.weight, order[r.id]))
    open_ = sorted((r for r in res.results if r.achievement in ("unknown", "no_path")),
                   key=lambda r: (-r.weight, order[r.id]))
    picked: list[CriterionResult] = []
    v, s, c = res.verdict, res.score, res.coverage
    for r in short + open_:
        if PLAN_LEVELS.index(v) >= want:
            break
        picked.append(r)
        v, s, c = _verdict_with(res, frozenset(x.id for x in picked))
    return Plan(res.framework_id, res.city_id, res.verdict, goal, PLAN_LEVELS.index(v) >= want, "targets",
                tuple(step(r) for r in sorted(picked, key=lambda r: order[r.id])), s, c, v)
