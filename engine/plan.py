"""Planning: the smallest set of criteria to meet for the verdict to move up a level
(from not ready or not assessable to nearly ready, from nearly ready to ready).

Meeting a criterion means its status becomes pass (score 1); the verdict is then recomputed
with the framework's own model, thresholds and coverage floor. The search tries every set of
1, 2, 3, … criteria (exhaustive) while that stays under a budget of evaluations, and picks,
among the smallest sets that reach the goal, the one with the highest resulting score; past
the budget it adds, one at a time, the criterion that raises the verdict, then the score,
then the coverage most (greedy) and says so.
"""

from __future__ import annotations

import dataclasses
import itertools
from math import comb
from dataclasses import dataclass
from decimal import Decimal

from .result import Cmp, CriterionResult, FrameworkResult, Listed, Q, Reason, say
from .score import rescore

LEVELS = ("not_assessable", "not_ready", "nearly_ready", "ready")
BUDGET = 20_000


@dataclass(frozen=True)
class Step:
    criterion: str
    status: str
    need: Reason                    # what meeting it takes
    improvement: Decimal | None     # how much the value must move, in `unit` (None: evidence or a yes/no)
    unit: str
    lead_unit: str


@dataclass(frozen=True)
class Plan:
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


def step(r: CriterionResult) -> Step:
    """What meeting one criterion takes: the evidence to publish, the mechanism to set up, or how far its
    value must move."""
    ms = r.measurement
    goal = r.target_summary
    if r.status == "unknown" or ms.state != "measured" or ms.combine:
        why = (say("items", items=Listed(tuple(m.why for m in ms.missing), "clauses")) if ms.missing
               else say("plan.evidence"))
        if r.status != "unknown":
            what = say("plan.meet", goal=goal)
        elif r.check_kind == "exists":
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


def _verdict_with(res: FrameworkResult, met: frozenset[str]) -> tuple[str, Decimal | None, Decimal]:
    return rescore(res, [dataclasses.replace(r, status="pass", score=Decimal(1)) if r.id in met else r
                         for r in res.results])


def plan(res: FrameworkResult, goal: str | None = None) -> Plan:
    """The smallest set of criteria whose meeting takes the verdict to `goal` (default: one level up)."""
    now = LEVELS.index(res.verdict)
    # One level up; from "not assessable" the first level worth planning for is "nearly ready".
    goal = goal or ("ready" if res.verdict in ("nearly_ready", "ready") else "nearly_ready")
    want = LEVELS.index(goal)
    if now >= want:
        return Plan(res.framework_id, res.city_id, res.verdict, goal, True, "none needed", (), res.score,
                    res.coverage, res.verdict)
    candidates = [r for r in res.results if r.status in ("partial", "fail", "unknown", "error")]
    by_id = {r.id: r for r in candidates}
    ids = [r.id for r in candidates]

    def reaches(met: frozenset[str]) -> tuple[bool, str, Decimal | None, Decimal]:
        v, s, c = _verdict_with(res, met)
        return LEVELS.index(v) >= want, v, s, c

    evaluations = 0
    for k in range(1, len(ids) + 1):
        combos = comb(len(ids), k)
        if evaluations + combos > BUDGET:
            break
        best = None
        for combo in itertools.combinations(ids, k):
            evaluations += 1
            ok, v, s, c = reaches(frozenset(combo))
            if ok and (best is None or (s or 0, c) > (best[2] or 0, best[3])):
                best = (combo, v, s, c)
        if best:
            combo, v, s, c = best
            return Plan(res.framework_id, res.city_id, res.verdict, goal, True, "exhaustive",
                        tuple(step(by_id[i]) for i in combo), s, c, v)
    # Greedy past the budget: each time the criterion that raises (verdict, score, coverage) most.
    met: frozenset[str] = frozenset()
    order: list[str] = []
    v, s, c = _verdict_with(res, met)
    while LEVELS.index(v) < want and len(order) < len(ids):
        trials = [(i, *_verdict_with(res, met | {i})) for i in ids if i not in met]
        pick, v, s, c = min(trials, key=lambda t: (-LEVELS.index(t[1]), -(t[2] or 0), -t[3], t[0]))
        met = met | {pick}
        order.append(pick)
    return Plan(res.framework_id, res.city_id, res.verdict, goal, LEVELS.index(v) >= want, "greedy",
                tuple(step(by_id[i]) for i in order), s, c, v)
