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
    achievement,
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


def weight_of(r: CriterionResult, model: str) -> Decimal:
    """A criterion's weight in the sums: its own, or 1 under flat_unweighted."""
    return Decimal(1) if model == "flat_unweighted" else r.weight


_w = weight_of


class Sums:
    """Σw, Σw·s, how many and how many not passed, over criteria with evidence: what every score formula reads.

    A category's score, the flat overall score and the coverage are formulas of these sums
    (`mean`, `coverage_of`); evaluating fills them in one pass over the results, and planning
    updates them as criteria are met (`met`) instead of rescoring every criterion."""

    __slots__ = ("weight", "weighted", "count", "not_passed")

    def __init__(self, weight: Decimal = Decimal(0), weighted: Decimal = Decimal(0), count: int = 0,
                 not_passed: int = 0):
        self.weight, self.weighted, self.count, self.not_passed = weight, weighted, count, not_passed

    def add(self, w: Decimal, s: Decimal, passed: bool) -> None:
        """Count one more criterion with evidence: weight `w`, score `s`."""
        self.weight += w
        self.weighted += w * s
        self.count += 1
        self.not_passed += not passed

    def met(self, w: Decimal, s: Decimal | None) -> Sums:
        """These sums once a criterion not passed (score `s`, None without evidence) is met: pass, score 1."""
        if s is None:
            return Sums(self.weight + w, self.weighted + w, self.count + 1, self.not_passed)
        return Sums(self.weight, self.weighted - w * s + w, self.count, self.not_passed - 1)

    def copy(self) -> Sums:
        """The same sums, to add to separately."""
        return Sums(self.weight, self.weighted, self.count, self.not_passed)

    def mean(self, model: str) -> Decimal | None:
        """The score of these criteria, 0–100: 100 × Σ(w·s) / Σw (absolute: 100 if all passed, else 0)."""
        if model == "absolute":
            return None if self.count == 0 else (HUNDRED if self.not_passed == 0 else Decimal(0))
        if self.weight == 0:
            return None
        return CTX.divide(CTX.multiply(self.weighted, HUNDRED), self.weight)


def coverage_of(evidence: Decimal, applicable: Decimal) -> Decimal:
    """Coverage: the weight with evidence over the applicable, unwaived weight (0 when none applies)."""
    return Decimal(0) if applicable == 0 else CTX.divide(evidence, applicable)


def overall_of(model: str, cats: Iterable[tuple[Decimal, Decimal | None]], total: Sums) -> Decimal | None:
    """The overall score from the categories' (weight W_c, score) — xccdf_default — or from the overall sums."""
    if model != "xccdf_default":
        return total.mean(model)
    scored = [(w, a) for w, a in cats if a is not None and w > 0]
    weight = sum((w for w, _ in scored), Decimal(0))
    if weight == 0:
        return None
    return CTX.divide(sum((w * a for w, a in scored), Decimal(0)), weight)  # type: ignore[operator]


class Tally:
    """The sums of one framework's results, per category and overall, made in one pass.

    `cats` and `total` are over criteria with evidence; `applicable` (and per category
    `cat_applicable`, `cat_seen`) over criteria applicable and not waived."""

    def __init__(self, results: Iterable[CriterionResult], model: str):
        self.model = model
        self.cats: dict[str, Sums] = {}
        self.cat_applicable: dict[str, tuple[int, Decimal]] = {}
        self.total = Sums()
        self.applicable = Decimal(0)
        self.missing: list[CriterionResult] = []
        self.cat_missing: dict[str, tuple[Decimal, int]] = {}  # per category: Σw and how many without evidence
        for r in results:
            sums = self.cats.get(r.category)
            if sums is None:
                sums = self.cats[r.category] = Sums()
                self.cat_applicable[r.category] = (0, Decimal(0))
            if r.status in EVIDENCE or r.status in NO_EVIDENCE:
                w = _w(r, model)
                n, a = self.cat_applicable[r.category]
                self.cat_applicable[r.category] = (n + 1, a + w)
                self.applicable += w
                if r.status in EVIDENCE:
                    passed = r.status == "pass"
                    sums.add(w, r.score, passed)  # type: ignore[arg-type]
                    self.total.add(w, r.score, passed)  # type: ignore[arg-type]
                else:
                    self.missing.append(r)
                    mw, mn = self.cat_missing.get(r.category, (Decimal(0), 0))
                    self.cat_missing[r.category] = (mw + w, mn + 1)

    def categories(self, categories: tuple[str, ...], weights: dict[str, Decimal]) -> tuple[CategoryScore, ...]:
        """Each category's score and coverage (in the order of `categories`, those with criteria)."""
        out = []
        for c in categories:
            sums = self.cats.get(c)
            if sums is None:
                continue
            n, applicable = self.cat_applicable[c]
            out.append(CategoryScore(category=c, score=sums.mean(self.model),
                                     coverage=coverage_of(sums.weight, applicable) if n else None,
                                     weight=weights.get(c, Decimal(1))))
        return tuple(out)

    def overall(self, cats: tuple[CategoryScore, ...]) -> Decimal | None:
        """The overall score, 0–100, under the model (see the module docstring)."""
        return overall_of(self.model, ((c.weight, c.score) for c in cats), self.total)

    def coverage(self) -> Decimal:
        """Share of the applicable, unwaived weight whose criteria had evidence."""
        return coverage_of(self.total.weight, self.applicable)

    def with_missing_as(self, score: Decimal, categories: tuple[str, ...],
                        weights: dict[str, Decimal]) -> Decimal | None:
        """The overall score were every criterion without evidence given `score` (0: failed, 1: met)."""
        cats = {c: s.copy() for c, s in self.cats.items()}
        total = self.total.copy()
        for c, (w, n) in self.cat_missing.items():  # n criteria of weight Σw, all at `score`, at once
            for sums in (cats[c], total):
                sums.weight += w
                sums.weighted += w * score
                sums.count += n
                sums.not_passed += 0 if score == 1 else n
        return overall_of(self.model, ((weights.get(c, Decimal(1)), cats[c].mean(self.model))
                                       for c in categories if c in cats), total)


def _average(results: Iterable[CriterionResult], model: str) -> Decimal | None:
    return Tally(results, model).total.mean(model)


def coverage(results: Iterable[CriterionResult], model: str) -> Decimal:
    """Share of the applicable, unwaived weight whose criteria had evidence (0 when none applies)."""
    return Tally(results, model).coverage()


def category_scores(results: list[CriterionResult], categories: tuple[str, ...], model: str,
                    weights: dict[str, Decimal]) -> tuple[CategoryScore, ...]:
    """Each category's score and coverage under `model` (see the module docstring)."""
    return Tally(results, model).categories(categories, weights)


def overall(results: list[CriterionResult], cats: tuple[CategoryScore, ...], model: str) -> Decimal | None:
    """The overall score, 0–100, under `model` (see the module docstring)."""
    return overall_of(model, ((c.weight, c.score) for c in cats), Tally(results, model).total)


def gates(results: Iterable[CriterionResult], missing_fail: bool = False) -> tuple[list[str], list[str]]:
    """The required criteria (applicable, not waived) that fail, and those not passed; with `missing_fail`,
    those without evidence count as failed."""
    gs = [r for r in results if r.required and r.status not in ("not_applicable", "waived")]
    fails = ("fail", *NO_EVIDENCE) if missing_fail else ("fail",)
    return [r.id for r in gs if r.status in fails], [r.id for r in gs if r.status != "pass"]


def verdict(score: Decimal | None, cov: Decimal, floor: Decimal, ready: Decimal, nearly: Decimal,
            results: list[CriterionResult]) -> tuple[str, Reason]:
    """ready / nearly_ready / not_ready / not_assessable, and the reason in words."""
    return verdict_of(score, cov, floor, ready, nearly, *gates(results))


def verdict_of(score: Decimal | None, cov: Decimal, floor: Decimal, ready: Decimal, nearly: Decimal,
               failed: list[str], open_: list[str]) -> tuple[str, Reason]:
    """The verdict from the score, the coverage and the required criteria that fail (`failed`) or are not
    passed (`open_`)."""
    if score is None or cov < floor:
        if cov == 0:
            return "not_assessable", say("verdict.no_evidence", floor=Share(floor))
        return "not_assessable", say("verdict.coverage", cov=Share(cov), floor=Share(floor))
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


class _Mark:
    """What a plan's verdict reads of a target's result: its id, weight and achievement (worked out once)."""

    __slots__ = ("id", "weight", "achievement")

    def __init__(self, id: str, weight: Decimal, mark: str | None):
        self.id, self.weight, self.achievement = id, weight, mark


def _marks(results: Iterable[CriterionResult], missing_failed: bool = False) -> list[_Mark]:
    """Each target's mark; with `missing_failed`, a target without evidence as though it failed (score 0)."""
    return [_Mark(r.id, r.weight, achievement("fail", r.measurement, r.plan)
                  if missing_failed and r.status in NO_EVIDENCE else r.achievement) for r in results]


def plan_verdict(results: list[CriterionResult], floor: Decimal, model: str) -> tuple[str, Reason]:
    """A plan framework's verdict from its targets' achievements (the rule in the module docstring)."""
    return _plan_verdict(_marks(results), floor, model)


def _plan_verdict(marks: list[_Mark], floor: Decimal, model: str) -> tuple[str, Reason]:
    counted = [r for r in marks if r.achievement is not None]
    judged = [r for r in counted if r.achievement in JUDGED]
    total = sum((_w(r, model) for r in counted), Decimal(0))  # type: ignore[arg-type]
    weight = sum((_w(r, model) for r in judged), Decimal(0))  # type: ignore[arg-type]
    cov = CTX.divide(weight, total) if total else Decimal(0)
    if not judged or weight == 0 or cov < floor:
        return "not_assessable", say("plan.verdict.coverage", cov=Share(cov), floor=Share(floor))
    short = [r for r in judged if r.achievement in ("behind", "missed")]
    if not short:
        return "plan_on_track", say("plan.verdict.on_track", n=len(judged))
    share = CTX.divide(sum((_w(r, model) for r in short), Decimal(0)), weight)  # type: ignore[arg-type]
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
                            given: str, kind: str = "reference", tally: Tally | None = None
                            ) -> tuple[Decimal | None, Decimal | None, str]:
    """The lowest and the highest overall score the missing evidence allows, and the verdict at the low
    end: the verdict were every criterion without evidence unmet. A verdict (`given`) that the missing
    evidence could so lower is provisional.

    low  = overall with every criterion without evidence (unknown, error) failed (score 0);
    high = overall with every one of them met (score 1). The score on the criteria with
    evidence lies between the two; with nothing applicable both are None. `kind`: the framework's
    (a plan's verdict is its targets'); `tally`: the results' sums, when the caller has them already."""
    t = tally or Tally(results, model)
    if not t.missing:  # nothing missing: the verdict given is the only one
        score = t.overall(t.categories(categories, weights))
        return score, score, given
    low = t.with_missing_as(Decimal(0), categories, weights)
    high = t.with_missing_as(Decimal(1), categories, weights)
    if kind == "plan":  # a plan's verdict stands on its targets' achievements, every one without evidence missed
        v, _ = _plan_verdict(_marks(results, missing_failed=True), floor, model)
        return low, high, v
    # at the low end every criterion is known: the coverage is whole, and a required one without evidence fails
    v, _ = verdict_of(low, coverage_of(t.applicable, t.applicable), floor, ready, nearly,
                      *gates(results, missing_fail=True))
    return low, high, v


def _ends(results: list[CriterionResult], model: str, weights: dict[str, Decimal],
          categories: tuple[str, ...]) -> tuple[Decimal | None, Decimal | None, list[CriterionResult]]:
    """(low, high, the results at the low end), as `range_and_worst_verdict` describes them."""
    t = Tally(results, model)
    if not t.missing:
        score = t.overall(t.categories(categories, weights))
        return score, score, results
    return (t.with_missing_as(Decimal(0), categories, weights), t.with_missing_as(Decimal(1), categories, weights),
            _missing_as(results, "fail", Decimal(0)))


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
    t = Tally(results, res.model)
    score = t.overall(t.categories(tuple(weights), weights))
    cov = t.coverage()
    v, _ = judge(res.framework_kind, score, cov, res.coverage_floor, res.ready_threshold, res.nearly_threshold,
                 results, res.model)
    return v, None if score is None else f.on_grid(score), f.on_grid(cov)
