"""Sensitivity of a score to its weights and goalposts (as the OECD/JRC handbook and COINr do).

Each of N draws multiplies every criterion weight and every category weight by (1 + u),
u uniform in [−w, w], and every measured target by (1 + v), v uniform in [−g, g]; statuses
and partial scores are then decided again with the reference semantics (pass when the value
meets the moved target, else partial or fail by goalposts), and the score and verdict
recomputed with the framework's model. Composite criteria keep their result. Draws come
from random.Random(seed): the same seed gives the same figures. The score interval is the
5th–95th percentile (nearest rank) of the draws.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from decimal import Decimal

from . import formulas as f
from .decide import PythonDecider, leaf
from .result import CriterionResult, FrameworkResult
from .score import leaf_status, rescore

STEPS = 10**6


@dataclass(frozen=True)
class Sensitivity:
    """How a framework's score and verdict move when weights and targets are perturbed."""
    draws: int
    seed: int
    weight_range: Decimal
    goalpost_range: Decimal
    score_p5: Decimal | None
    score_p95: Decimal | None
    verdict_kept: Decimal           # share of draws with the same verdict
    scores: tuple[Decimal | None, ...]
    verdicts: tuple[str, ...]


def _u(rnd: random.Random, span: Decimal) -> Decimal:
    """A uniform draw in [−span, span] on a 10^-6 grid, exactly."""
    return span * Decimal(rnd.randint(-STEPS, STEPS)) / STEPS


_REFERENCE = PythonDecider()


def _redecide(r: CriterionResult, factor: Decimal) -> CriterionResult:
    """The criterion decided again with its target moved by `factor` (the reference semantics)."""
    ms = r.measurement
    if r.status not in ("pass", "partial", "fail") or ms.combine or ms.state != "measured" or ms.is_mechanism:
        return r
    moved = dataclasses.replace(ms, target=f.on_grid(ms.target * factor))  # type: ignore[operator]
    decision = _REFERENCE.decide([leaf("x", moved.value, moved.target, moved.baseline, moved.op)])["x"]  # type: ignore[arg-type]
    status, score = leaf_status(moved, decision)
    return dataclasses.replace(r, status=status, score=score)


def draw_once(res: FrameworkResult, rnd: random.Random, w: Decimal, g: Decimal) -> tuple[Decimal | None, str]:
    """One perturbed evaluation: (score, verdict)."""
    results = [dataclasses.replace(_redecide(r, 1 + _u(rnd, g)), weight=r.weight * (1 + _u(rnd, w)))
               for r in res.results]
    v, score, _ = rescore(res, results, {c.category: c.weight * (1 + _u(rnd, w)) for c in res.categories})
    return score, v


def percentile(values: list[Decimal], p: int) -> Decimal:
    """Nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted values."""
    ordered = sorted(values)
    rank = max(1, -(-p * len(ordered) // 100))
    return ordered[rank - 1]


def sensitivity(res: FrameworkResult, draws: int, seed: int = 1, weight_range: Decimal = Decimal("0.2"),
                goalpost_range: Decimal = Decimal("0.1")) -> Sensitivity:
    """The score interval and verdict stability over `draws` perturbed evaluations (formula in the module docstring)."""
    rnd = random.Random(seed)
    outs = [draw_once(res, rnd, weight_range, goalpost_range) for _ in range(draws)]
    scores = [s for s, _ in outs if s is not None]
    kept = Decimal(sum(1 for _, v in outs if v == res.verdict)) / Decimal(draws) if draws else Decimal(0)
    return Sensitivity(draws, seed, weight_range, goalpost_range,
                       percentile(scores, 5) if scores else None, percentile(scores, 95) if scores else None,
                       f.on_grid(kept), tuple(s for s, _ in outs), tuple(v for _, v in outs))


def rank_intervals(per_city: dict[str, Sensitivity]) -> dict[str, tuple[int, int]]:
    """For each city, the best and worst rank it takes across the draws (1 = highest score).

    Draw i of every city uses that city's own i-th perturbation; cities without a score in a
    draw rank last. Ties share the better rank.
    """
    ids = sorted(per_city)
    n = min((s.draws for s in per_city.values()), default=0)
    ranks: dict[str, list[int]] = {c: [] for c in ids}
    for i in range(n):
        scores = {c: per_city[c].scores[i] for c in ids}
        for c in ids:
            mine = scores[c]
            ranks[c].append(1 + sum(1 for o in ids if o != c and scores[o] is not None
                                    and (mine is None or scores[o] > mine)))
    return {c: (min(r), max(r)) if r else (0, 0) for c, r in ranks.items()}
