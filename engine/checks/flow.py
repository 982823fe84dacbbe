"""flow: the yearly increase of a stock ("年新增"): value(year) − value(year − 1); with `since`, the
count added over a plan period ("新增/培育 … N以上"): value(year) − value(since), never the stock itself."""

from __future__ import annotations

from typing import Literal

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Cmp, Measurement, Missing, Q, Reason, say
from .base import EXACT_BOTH, Kind, Resolver, exact, label, own_indicator, pair, q, the_year_judged, unknown


class Flow(CheckModel):
    """The yearly increase of a stock ("年新增"), or with `since` the increase since that year's year-end."""
    kind: Literal["flow"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    target: Raw
    year: Year | None = None
    since: Year | None = None  # the plan period's base year: the count added from its year end


def resolve(c: Flow, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.convert("target", r.numeric("indicator", ("stock",)))


def measure(c: Flow, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    judged = c.year or year
    y0 = min(judged, year)  # a target not yet due: the latest change, as a projection
    if c.since is not None:
        return _added(c, c.since, facts, y0, judged, year)
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


def _added(c: Flow, since: int, facts: Facts, y: int, judged: int, year: int) -> Measurement:
    """The count added from the year end of `since` to year `y`, both exact year-end figures."""
    ind = c.indicator
    start, cur = facts.get(ind, since), facts.get(ind, y)
    lacking = tuple(x for x, f in ((since, start), (y, cur)) if f is None or f.as_of is not None)
    if start is None or cur is None or lacking or y <= since:
        why = say("added.needs", ind=facts.names(ind), y0=since, y=y)
        return unknown(why, Missing(ind, lacking or (y,), why))
    used = (facts.used(ind, since), facts.used(ind, y))
    if not exact(start, cur):
        return unknown(say("flow.bounds"), Missing(ind, (since, y), EXACT_BOTH), facts=used)
    value, unit = q(cur.value - start.value), facts.unit(ind)
    reason = say("added.rose", ind=facts.names(ind), a=Q(start.value, unit), y0=since, b=Q(cur.value, unit), y=y,
                 d=Q(value, unit))
    if judged > year:
        reason += say("projection", year=judged)
    return Measurement(state="measured", reason=reason, formula=f"{ind}[{y}] − {ind}[{since}]", value=value,
                       unit=unit, year=y, target=q(c.target), target_year=judged, op=c.op, facts=used,
                       projection=judged > year)


def describe(c: Flow, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    if c.since is not None:
        return say("describe.added", op=Cmp(c.op), v=Q(c.target, cat.unit_text(c.indicator)), y0=c.since,
                   y=c.year or year)
    return say("describe.flow", op=Cmp(c.op), v=Q(c.target, cat.unit_text(c.indicator)), y=c.year or year)


KIND = Kind("flow", Flow, resolve, measure, describe, lambda c: [c.indicator], label("年增量", "yearly increase"),
            trend_indicator=own_indicator, evidence_until=the_year_judged)
