"""Score: criterion scores into category and overall scores, coverage, and the verdict.

The four scoring models of XCCDF 1.2 (NISTIR 7275r4, section 3.3), with partial credit
(a criterion's score s in [0, 1] stands where XCCDF has 0 or 1):

  xccdf_default    category = 100 × Σ(w·s) / Σw over its criteria with evidence;
                   overall  = Σ(W_c × category_c) / ΣW_c over categories with a score
                   (W_c: the framework's category weight, 1 unless given)
  flat             overall  = 100 × Σ(w·s) / Σw over all criteria with evidence
  flat_unweighted  overall  = 100 × Σs / n
  absolute         overall  = 100 if every criterion with evidence passes, else 0

Criteria without evidence (unknown, error) are left out of the score — never counted as
fails — and the coverage says how much was left out: coverage = Σw(with evidence) /
Σw(applicable, not waived). Below the framework's coverage floor the verdict is
"not assessable".

A plan framework (`kind: plan`) is judged as plans are evaluated (规划中期/总结评估), target by
target (`result.achievement`), and its verdict is in the same vocabulary (`plan_verdict`):
  judged   = the targets met, on track, behind or missed (not: without evidence, or with a
             figure but no base to draw a path from);
  not_assessable      Σw(judged) / Σw(targets) below the coverage floor;
  plan_on_track       no judged target behind or missed (总体符合预期);
  plan_partly_behind  behind or missed carry less than half of Σw(judged) (部分滞后);
  plan_behind         they carry half of it or more (总体滞后).
The score (the achievement index) stays beside it, second.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from . import formulas as f
from .result import (
    ACHIEVEMENTS,
    CategoryScore,
    CriterionResult,
    FixFirst,
    FrameworkResult,
    Listed,
    Measurement,
    Reason,
    Score,
    Share,
    say,
)
from .units import CTX

EVIDENCE = ("pass", "partial", "fail")
NO_EVIDENCE = ("unknown", "error")
HUNDRED = Decimal(100)


def leaf_status(ms: Measurement, decided: str | None) -> tuple[str, Decimal | None]:
    """A measured value's status and score from its decision: pass 1, fail 0, partial by goalposts."""
    if ms.state != "measured":
        return ms.state, None
    if decided is None:
        return "error", None
    if decided == "pass":
        return "pass", Decimal(1)
    if decided == "fail":
        return "fail", Decimal(0)
    score = f.on_grid(f.goalpost(ms.value, ms.target, ms.baseline, ms.higher_is_better))  # type: ignore[arg-type]
    # Only a strict target (> or <) met with equality lands here with a full goalpost; it
    # is not met, so it scores the largest value below 1 on the grid.
    return "partial", min(score, f.ONE - f.QUANTUM)


def _w(r: CriterionResult, model: str) -> Decimal:
    return Decimal(1) if model == "flat_unweighted" else r.weight


def _average(results: Iterable[CriterionResult], model: str) -> Decimal | None:
    rs = [r for r in results if r.status in EVIDENCE]
    if model == "absolute":
        return (HUNDRED if all(r.status == "pass" for r in rs) else Decimal(0)) if rs else None
    total = sum((_w(r, model) for r in rs), Decimal(0))
    if total == 0:
        return None
    return CTX.divide(CTX.multiply(sum((_w(r, model) * r.score for r in rs), Decimal(0)), HUNDRED), total)  # type: ignore[operator]


def coverage(results: Iterable[CriterionResult], model: str) -> Decimal:
    """Share of the applicable, unwaived weight whose criteria had evidence (0 when none applies)."""
    rs = [r for r in results if r.status in EVIDENCE + NO_EVIDENCE]
    total = sum((_w(r, model) for r in rs), Decimal(0))
    if total == 0:
        return Decimal(0)
    return CTX.divide(sum((_w(r, model) for r in rs if r.status in EVIDENCE), Decimal(0)), total)


def category_scores(results: list[CriterionResult], categories: tuple[str, ...], model: str,
                    weights: dict[str, Decimal]) -> tuple[CategoryScore, ...]:
    """Each category's score and coverage under `model` (see the module docstring)."""
    out = []
    for c in categories:
        rs = [r for r in results if r.category == c]
        if not rs:
            continue
        applicable = [r for r in rs if r.status in EVIDENCE + NO_EVIDENCE]
        out.append(CategoryScore(category=c, score=_average(rs, model),
                                 coverage=coverage(rs, model) if applicable else None,
                                 weight=weights.get(c, Decimal(1))))
    return tuple(out)


def overall(results: list[CriterionResult], cats: tuple[CategoryScore, ...], model: str) -> Decimal | None:
    """The overall score, 0–100, under `model` (see the module docstring)."""
    if model != "xccdf_default":
        return _average(results, model)
    scored = [c for c in cats if c.score is not None and c.weight > 0]
    total = sum((c.weight for c in scored), Decimal(0))
    if total == 0:
        return None
    return CTX.divide(sum((c.weight * c.score for c in scored), Decimal(0)), total)  # type: ignore[operator]


def verdict(score: Decimal | None, cov: Decimal, floor: Decimal, ready: Decimal, nearly: Decimal,
            results: list[CriterionResult]) -> tuple[str, Reason]:
    """ready / nearly_ready / not_ready / not_assessable, and the reason in words."""
    if score is None or cov < floor:
        if cov == 0:
            return "not_assessable", say("verdict.no_evidence", floor=Share(floor))
        return "not_assessable", say("verdict.coverage", cov=Share(cov), floor=Share(floor))
    gates = [r for r in results if r.required and r.status not in ("not_applicable", "waived")]
    failed = [r.id for r in gates if r.status == "fail"]
    open_ = [r.id for r in gates if r.status != "pass"]
    s = Score(score)
    if score >= ready and not open_:
        return "ready", say("verdict.ready", s=s, ready=ready)
    if score >= nearly and not failed:
        if score >= ready:
            return "nearly_ready", say("verdict.nearly_open", s=s, nearly=nearly, ids=Listed(tuple(open_), "codes"))
        return "nearly_ready", say("verdict.nearly", s=s, nearly=nearly, ready=ready)
    if failed:
        return "not_ready", say("verdict.required_fail", ids=Listed(tuple(failed), "codes"))
    return "not_ready", say("verdict.below", s=s, nearly=nearly)


def _short_of_target(results: list[CriterionResult], named: tuple[str, ...] = ()) -> Reason:
    """'; with evidence but short of the target: A, B' — every criterion with evidence that fails its
    target (fail or partial), named beside any verdict (those `named` by the verdict already left out)."""
    ids = tuple(r.id for r in results if r.status in ("fail", "partial") and r.id not in named)
    return say("verdict.short", ids=Listed(ids, "codes")) if ids else Reason()


def readiness_verdict(score: Decimal | None, cov: Decimal, floor: Decimal, ready: Decimal, nearly: Decimal,
                      results: list[CriterionResult]) -> tuple[str, Reason]:
    """`verdict`, its reason followed by the criteria with evidence that fail their targets."""
    v, why = verdict(score, cov, floor, ready, nearly, results)
    named = tuple(r.id for r in results if r.required and r.status == "fail") if v == "not_ready" else ()
    return v, why + _short_of_target(results, named)


PLAN_LEVELS = ("not_assessable", "plan_behind", "plan_partly_behind", "plan_on_track")
JUDGED = ("met", "on_track", "behind", "missed")


def achievement_counts(results: Iterable[CriterionResult]) -> dict[str, int]:
    """How many targets of a plan framework stand at each achievement (ACHIEVEMENTS, in that order)."""
    marks = [r.achievement for r in results]
    return {a: marks.count(a) for a in ACHIEVEMENTS}


def plan_verdict(results: list[CriterionResult], floor: Decimal, model: str) -> tuple[str, Reason]:
    """A plan framework's verdict from its targets' achievements (the rule in the module docstring)."""
    counted = [r for r in results if r.achievement is not None]
    judged = [r for r in counted if r.achievement in JUDGED]
    total = sum((_w(r, model) for r in counted), Decimal(0))
    weight = sum((_w(r, model) for r in judged), Decimal(0))
    cov = CTX.divide(weight, total) if total else Decimal(0)
    if not judged or weight == 0 or cov < floor:
        return "not_assessable", say("plan.verdict.coverage", cov=Share(cov), floor=Share(floor))
    short = [r for r in judged if r.achievement in ("behind", "missed")]
    if not short:
        return "plan_on_track", say("plan.verdict.on_track", n=len(judged))
    share = CTX.divide(sum((_w(r, model) for r in short), Decimal(0)), weight)
    code = "plan_partly_behind" if share * 2 < 1 else "plan_behind"
    return code, say(f"plan.verdict.{code[5:]}", n=len(short), m=len(judged), share=Share(share),
                     ids=Listed(tuple(r.id for r in short), "codes"))


def judge(kind: str, score: Decimal | None, cov: Decimal, floor: Decimal, ready: Decimal, nearly: Decimal,
          results: list[CriterionResult], model: str) -> tuple[str, Reason]:
    """The verdict of a framework of `kind`: a plan's (`plan_verdict`), else readiness (`readiness_verdict`)."""
    if kind == "plan":
        return plan_verdict(results, floor, model)
    return readiness_verdict(score, cov, floor, ready, nearly, results)


def evidence_counts(results: Iterable[CriterionResult]) -> tuple[int, int]:
    """(criteria without evidence, applicable and unwaived criteria)."""
    rs = [r for r in results if r.status in EVIDENCE + NO_EVIDENCE]
    return sum(1 for r in rs if r.status in NO_EVIDENCE), len(rs)


def range_and_worst_verdict(results: list[CriterionResult], model: str, weights: dict[str, Decimal],
                            categories: tuple[str, ...], floor: Decimal, ready: Decimal, nearly: Decimal,
                            given: str, kind: str = "reference") -> tuple[Decimal | None, Decimal | None, str]:
    """The lowest and the highest overall score the missing evidence allows (`_ends`), and the verdict at
    the low end: the verdict were every criterion without evidence unmet. A verdict (`given`) that the
    missing evidence could so lower is provisional."""
    low, high, worst = _ends(results, model, weights, categories)
    if worst is results:  # nothing missing: the verdict given is the only one
        return low, high, given
    v, _ = judge(kind, low, coverage(worst, model), floor, ready, nearly, worst, model)
    return low, high, v


def _ends(results: list[CriterionResult], model: str, weights: dict[str, Decimal],
          categories: tuple[str, ...]) -> tuple[Decimal | None, Decimal | None, list[CriterionResult]]:
    """(low, high, the results at the low end): the lowest and the highest overall score the missing
    evidence allows.

    low  = overall with every criterion without evidence (unknown, error) failed (score 0);
    high = overall with every one of them met (score 1). The score on the criteria with
    evidence lies between the two; with nothing applicable both are None."""
    if not any(r.status in NO_EVIDENCE for r in results):
        score = overall(results, category_scores(results, categories, model, weights), model)
        return score, score, results
    worst, best = _missing_as(results, "fail", Decimal(0)), _missing_as(results, "pass", Decimal(1))
    return (overall(worst, category_scores(worst, categories, model, weights), model),
            overall(best, category_scores(best, categories, model, weights), model), worst)


def _missing_as(results: list[CriterionResult], status: str, score: Decimal) -> list[CriterionResult]:
    """The results with every criterion without evidence given `status` and `score`."""
    import dataclasses

    return [dataclasses.replace(r, status=status, score=score) if r.status in NO_EVIDENCE else r for r in results]


def fix_first(results: list[CriterionResult], model: str, weights: dict[str, Decimal],
              categories: tuple[str, ...]) -> list[FixFirst]:
    """For each applicable criterion not passed, the overall score if it alone were met.

    gain = overall(with that criterion at status pass, score 1) − overall(as it is), under the
    framework's model; an unknown criterion met also adds its weight to the evidence
    (coverage_gain), and knowing it narrows the score range by
    range_narrowing = (high − low now) − (high − low with that criterion known).
    Sorted by gain, then coverage gain, then range narrowing (largest first), then by id.
    """
    import dataclasses

    base = overall(results, category_scores(results, categories, model, weights), model) or Decimal(0)
    base_cov = coverage(results, model)
    low, high, worst = _ends(results, model, weights, categories)
    width = (high - low) if low is not None and high is not None else Decimal(0)
    out = []
    for i, r in enumerate(results):
        if r.status in ("pass", "not_applicable", "waived"):
            continue
        met = list(results)
        met[i] = dataclasses.replace(r, status="pass", score=Decimal(1))
        new = overall(met, category_scores(met, categories, model, weights), model) or Decimal(0)
        narrowing = Decimal(0)
        if r.status in NO_EVIDENCE:
            # with it met, the range's top is the same (every criterion without evidence met already);
            # its low end is the worst case with this one met instead of failed
            lows = list(worst)
            lows[i] = met[i]
            lo = overall(lows, category_scores(lows, categories, model, weights), model)
            narrowing = width - ((high - lo) if lo is not None and high is not None else Decimal(0))
        out.append(FixFirst(criterion=r.id, gain=new - base, score_if_met=new, status=r.status,
                            coverage_gain=coverage(met, model) - base_cov, range_narrowing=narrowing))
    out.sort(key=lambda x: (-x.gain, -x.coverage_gain, -x.range_narrowing, x.criterion))
    return out


def rescore(res: FrameworkResult, results: list[CriterionResult],
            category_weights: dict[str, Decimal] | None = None) -> tuple[str, Decimal | None, Decimal]:
    """Verdict, score and coverage (on the 10^-6 grid) of `res` with its criterion results replaced
    by `results` (and, optionally, its category weights): what planning and sensitivity ask."""
    weights = category_weights if category_weights is not None else {c.category: c.weight for c in res.categories}
    cats = category_scores(results, tuple(weights), res.model, weights)
    score = overall(results, cats, res.model)
    cov = coverage(results, res.model)
    v, _ = judge(res.framework_kind, score, cov, res.coverage_floor, res.ready_threshold, res.nearly_threshold,
                 results, res.model)
    return v, None if score is None else f.on_grid(score), f.on_grid(cov)
