"""flow: the yearly increase of a stock ("年新增"): value(year) − value(year − 1)."""

from __future__ import annotations

from typing import Literal

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Cmp, Measurement, Missing, Q, Reason, say
from .base import EXACT_BOTH, Kind, Resolver, exact, label, own_indicator, pair, q, unknown


class Flow(CheckModel):
    """The yearly increase of a stock ("年新增"): value(year) − value(year − 1)."""
    kind: Literal["flow"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    target: Raw
    year: Year | None = None


def resolve(c: Flow, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.convert("target", r.numeric("indicator", ("stock",)))


def measure(c: Flow, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    judged = c.year or year
    y0 = min(judged, year)  # a target not yet due: the latest change, as a projection
    hit = pair(facts, c.indicator, y0)
    if isinstance(hit, Missing):
        return unknown(say("flow.needs") + hit.why, hit)
    y, prev, cur = hit
    used = (facts.used(c.indicator, y - 1), facts.used(c.indicator, y))
    if not exact(prev, cur):
        return unknown(say("flow.bounds"), Missing(c.indicator, (y - 1, y), EXACT_BOTH), facts=used)
    value = q(cur.value - prev.value)
    unit = facts.unit(c.indicator)
    reason = say("flow.rose", ind=facts.names(c.indicator), a=Q(prev.value, unit), y0=y - 1, b=Q(cur.value, unit), y=y,
                 d=Q(value, unit))
    if judged > year:
        reason += say("projection", year=judged)
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator}[{y}] − {c.indicator}[{y - 1}]",
                       value=value, unit=unit, year=y, target=q(c.target), target_year=judged, op=c.op,
                       facts=used, projection=judged > year)


def describe(c: Flow, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    return say("describe.flow", op=Cmp(c.op), v=Q(c.target, cat.unit_text(c.indicator)), y=c.year or year)


KIND = Kind("flow", Flow, resolve, measure, describe, lambda c: [c.indicator], label("年增量", "yearly increase"),
            trend_indicator=own_indicator)
