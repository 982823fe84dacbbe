"""growth: year-on-year growth into the year, or compound average yearly growth since `base_year`."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .. import formulas as f
from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Cmp, Measurement, Missing, Q, Reason, say
from ..units import PERCENT, parse_unit
from .base import EXACT_BOTH, UNBOUNDED, Kind, Resolver, exact, label, own_indicator, pair, q, the_year_judged, unknown


class Growth(CheckModel):
    """Year-on-year growth, or compound average yearly growth since `base_year`."""
    kind: Literal["growth"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    min_growth: Raw  # a percentage, e.g. "50%"
    year: Year | None = None
    base_year: Year | None = None


def resolve(c: Growth, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.numeric("indicator")
    r.convert("min_growth", parse_unit(PERCENT))
    if c.base_year is not None and c.year is not None and c.base_year >= c.year:
        raise r.error("base_year", say("check.base_before_year"))


def measure(c: Growth, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    judged = c.year or year
    y0 = min(judged, year)  # a target not yet due: the latest growth, as a projection
    name = facts.names(c.indicator)
    if c.base_year is None:
        hit = pair(facts, c.indicator, y0)
        if isinstance(hit, Missing):
            return unknown(say("growth.needs") + hit.why, hit)
        y, prev, cur = hit
        start_year, start, end = y - 1, prev, cur
        formula = f"({c.indicator}[{y}] − {c.indicator}[{y - 1}]) / {c.indicator}[{y - 1}] × 100"
    else:
        end_fact = facts.get(c.indicator, y0)
        hit2 = (y0, end_fact) if end_fact is not None and end_fact.as_of is None else None
        start = facts.get(c.indicator, c.base_year)
        if start is None or start.as_of is not None or hit2 is None or y0 <= c.base_year:
            why = say("need.base_and_later", ind=name, base=c.base_year, year=y0)
            return unknown(say("cagr.needs") + why, Missing(c.indicator, (c.base_year, y0), why))
        y, end = hit2
        start_year = c.base_year
        formula = f"(({c.indicator}[{y}] / {c.indicator}[{c.base_year}])^(1/{y - c.base_year}) − 1) × 100"
    used = (facts.used(c.indicator, start_year), facts.used(c.indicator, y))
    if not exact(start, end):
        return unknown(say("growth.bounds"), Missing(c.indicator, (start_year, y), EXACT_BOTH), facts=used)
    unit = facts.unit(c.indicator)
    a, b = start.value, end.value
    if a == 0:
        if b == 0:
            value, words = Decimal(0), say("growth.zero")
        else:
            value, words = UNBOUNDED, say("growth.from_zero", b=Q(b, unit))
    else:
        value = f.growth_pct(b, a) if c.base_year is None else f.cagr_pct(a, b, y - start_year)
        words = say("growth.went" if c.base_year is None else "cagr.went", a=Q(a, unit), y0=start_year, b=Q(b, unit),
                    y=y, g=Q(q(value), PERCENT))
    reason = say("ind", ind=name) + words
    if judged > year:
        reason += say("projection", year=judged)
    return Measurement(state="measured", reason=reason, formula=formula,
                       value=q(value), unit=PERCENT, year=y, target=q(c.min_growth), target_year=judged,
                       baseline=Decimal(0), op=c.op, facts=used, projection=judged > year)


def describe(c: Growth, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    g, y = Q(c.min_growth, PERCENT), c.year or year
    if c.base_year:
        return say("describe.cagr", op=Cmp(c.op), g=g, base=c.base_year, y=y)
    return say("describe.growth", op=Cmp(c.op), g=g, y=y)


KIND = Kind("growth", Growth, resolve, measure, describe, lambda c: [c.indicator], label("增长率", "growth"),
            trend_indicator=own_indicator, evidence_until=the_year_judged)
