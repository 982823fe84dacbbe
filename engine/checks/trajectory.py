"""trajectory: from a base-year value to a target-year value — is the city on track?"""

from __future__ import annotations

from typing import Literal

from .. import formulas as f
from ..age import PREVIOUS_YEAR, STALE, TOO_OLD
from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Measurement, Missing, Q, Reason, say
from ..result import Trajectory as Progress
from ..units import PERCENT
from .base import (
    EXACT,
    Kind,
    Resolver,
    bound_blocks,
    label,
    own_indicator,
    q,
    single,
    stale_note,
    the_year_judged,
    too_old,
    unknown,
)


class Trajectory(CheckModel):
    """From a base-year value to a target-year value: is the city on track?"""
    kind: Literal["trajectory"]
    indicator: ID
    base_year: Year
    base: Raw
    target_year: Year
    target: Raw


def resolve(c: Trajectory, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    unit = r.numeric("indicator")
    if c.target_year <= c.base_year:
        raise r.error("target_year", say("check.target_after_base"))
    r.convert("base", unit)
    r.convert("target", unit)


def measure(c: Trajectory, facts: Facts, year: int) -> Measurement:
    """From the target year on, the target year's figure against the target; before it, a projection:
    is the latest figure on the path from the base to the target?"""
    higher = c.target >= c.base
    if year >= c.target_year:
        return single(facts, c.indicator, c.target_year, c.target, ">=" if higher else "<=", c.base,
                      f"{c.indicator}[{{y}}] vs the {c.target_year} target", target_year=c.target_year)
    name = facts.names(c.indicator)
    unit = facts.unit(c.indicator)
    hit = facts.latest(c.indicator, year)
    if hit is None or hit[0] <= c.base_year:
        why = say("need.after_base", ind=name, base=c.base_year, year=year)
        return unknown(say("trajectory.needs") + why, Missing(c.indicator, (year,), why))
    t, fact = hit
    used = (facts.used(c.indicator, t),)
    value = q(fact.value)
    fresh = facts.freshness(c.indicator, t, fact, year)
    if fresh in (PREVIOUS_YEAR, TOO_OLD):
        return too_old(facts, c.indicator, t, fact, year, fresh, used, value)
    expected = q(f.path_value(c.base, c.target, c.base_year, c.target_year, t))
    if bound_blocks(fact, value, expected, higher):
        return unknown(say("trajectory.bounds"), Missing(c.indicator, (t,), EXACT), facts=used)
    observed = f.cagr_pct(c.base, value, t - c.base_year) if c.base > 0 else None
    needed = f.cagr_pct(value, c.target, c.target_year - t) if (t < c.target_year and value > 0) else None
    on_track = value >= expected if higher else value <= expected
    projected = None
    if observed is not None:
        yrs = f.years_to_reach(value, c.target, observed)
        if yrs is not None:
            projected = t + int(yrs.to_integral_value(rounding="ROUND_CEILING"))
    traj = Progress(base_year=c.base_year, base=c.base, year=t, value=value, target_year=c.target_year,
                      target=c.target, expected_now=expected,
                      observed_cagr_pct=None if observed is None else q(observed),
                      needed_cagr_pct=None if needed is None else q(needed), on_track=on_track,
                      projected_year=projected)
    reason = say("trajectory.path", ind=name, v=Q(value, unit), t=t, b0=Q(c.base, unit), by=c.base_year,
                 tg=Q(c.target, unit), ty=c.target_year, ex=Q(expected, unit))
    reason += say("trajectory.on_track" if on_track else "trajectory.behind")
    if needed is not None:
        reason += say("trajectory.needed", n=Q(q(needed), PERCENT))
    reason += stale_note(t, year, fact.as_of) + say("projection", year=c.target_year)
    return Measurement(state="measured", reason=reason,
                       formula=f"{c.indicator}[{t}] vs base × (target/base)^(({t}−{c.base_year})/"
                               f"({c.target_year}−{c.base_year}))",
                       value=value, unit=unit, year=t, target=expected, target_year=t, baseline=q(c.base),
                       op=">=" if higher else "<=", facts=used, stale=fresh == STALE, trajectory=traj,
                       freshness=fresh, as_of=fact.as_of, projection=True)


def describe(c: Trajectory, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    unit = cat.unit_text(c.indicator)
    return say("describe.trajectory", base=Q(c.base, unit), by=c.base_year, target=Q(c.target, unit), ty=c.target_year)


KIND = Kind("trajectory", Trajectory, resolve, measure, describe, lambda c: [c.indicator],
            label("目标路径", "trajectory"),
            trend_indicator=own_indicator, trend_target=lambda c, year: (c.target, c.target_year),
            due_year=lambda c: c.target_year, evidence_until=the_year_judged)
