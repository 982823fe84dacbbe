"""Measure: each criterion's value from a city's facts, or why it cannot be measured.

Plain Python with Decimal. Nothing here decides pass or fail; each check kind (`checks/`)
says what the value is, against which target and goalposts, from which facts, or that it is
unknown (which fact for which year is missing), not applicable, or an error in the data.
"""

from __future__ import annotations

from typing import Any

from . import formulas as f
from . import models as m
from .checks import kind_of, measure_check
from .facts import Facts
from .result import Listed, Measurement, Term, Trend, say


def applies(criterion: m.Criterion, level: str) -> bool:
    """True when the criterion applies to a city of that level (it has no `applies_if`, or names the level)."""
    return not criterion.applies_if or level in criterion.applies_if.level


def measure(criterion: m.Criterion, facts: Facts, year: int) -> Measurement:
    """Measure a criterion: not applicable for the city's level, or its check's measurement."""
    if not applies(criterion, facts.city.city.level):
        return Measurement(state="not_applicable", reason=say(
            "not_applicable.level", levels=Listed(tuple(Term("level", x) for x in criterion.applies_if.level), "list"),
            level=Term("level", facts.city.city.level)))
    return measure_check(criterion.check, facts, year)


def trend(check: Any, ms: Measurement, facts: Facts, year: int) -> Trend | None:
    """The history of a single-indicator check's indicator up to the year judged, with observed and needed growth.

    Figures after `year` are left out: a report judging 2017 draws nothing published later as if known.
    observed = ((last / first)^(1/(last year − first year)) − 1) × 100 over exact figures;
    needed   = ((target / last)^(1/(target year − last year)) − 1) × 100, when the target year
    lies ahead of the last figure and of the year judged; projected year = last year
    + ⌈ln(target / last) / ln(1 + observed)⌉ when the target is still ahead and the observed growth is
    positive. Only for levels the target applies to directly (not for growth rates or yearly increases,
    whose target is not in the indicator's unit). Which indicator, and whether its target is such a
    level, the check's kind says (`Kind.trend_indicator`, `Kind.trend_target`).
    """
    kind = kind_of(check.kind)
    ind = kind.trend_indicator(check)
    if ind is None or facts.cat.is_mechanism(ind):
        return None
    points, observed = facts.history(ind)
    if points and points[-1][0] > year:
        points = tuple(p for p in points if p[0] <= year)
        observed = None
        if len(points) > 1 and points[0][1] > 0:
            (y0, v0), (y1, v1) = points[0], points[-1]
            observed = f.on_grid(f.cagr_pct(v0, v1, y1 - y0))
    if not points:
        return None
    target = target_year = None
    if kind.trend_target is not None and ms.state == "measured":
        target = ms.trajectory.target if ms.trajectory else ms.target
        target_year = ms.trajectory.target_year if ms.trajectory else ms.target_year
    elif kind.trend_target is not None:  # not measured (e.g. the latest figure is too old): the check's own target
        target, target_year = kind.trend_target(check, year)
    needed = None
    y1, v1 = points[-1]
    # growth still needed only over a period still ahead: not once the target's year is the year judged or past
    if target is not None and target_year is not None and target_year > max(y1, year) and v1 > 0 and target > 0:
        needed = f.on_grid(f.cagr_pct(v1, target, target_year - y1))
    projected = None
    if target is not None and observed is not None and target > v1:
        yrs = f.years_to_reach(v1, target, observed)
        projected = None if yrs is None else y1 + int(yrs.to_integral_value(rounding="ROUND_CEILING"))
    return Trend(indicator=ind, unit=facts.unit(ind), history=points, target=target, target_year=target_year,
                 observed_cagr_pct=observed, needed_cagr_pct=needed, projected_year=projected)
