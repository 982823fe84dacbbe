"""threshold: the indicator's value in the year compares with a target ("valid invention patents ≥ 36,000")."""

from __future__ import annotations

from typing import Literal

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Op, Raw, Year
from ..result import Cmp, Measurement, Q, Reason, say
from .base import Kind, Resolver, label, own_indicator, own_target, single, the_year_judged


class Threshold(CheckModel):
    """The indicator's value in the year compares with a target."""
    kind: Literal["threshold"]
    indicator: ID
    op: Op = ">="
    target: Raw
    year: Year | None = None
    baseline: Raw | None = None


def resolve(c: Threshold, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    unit = r.numeric("indicator")
    r.convert("target", unit)
    r.convert("baseline", unit)


def measure(c: Threshold, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    return single(facts, c.indicator, c.year or year, c.target, c.op, c.baseline, f"{c.indicator}[{{y}}] {c.op} target",
                  now=year)


def describe(c: Threshold, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    return say("describe.target", op=Cmp(c.op), v=Q(c.target, cat.unit_text(c.indicator)), y=c.year or year)


KIND = Kind("threshold", Threshold, resolve, measure, describe, lambda c: [c.indicator], label("门槛值", "threshold"),
            trend_indicator=own_indicator, trend_target=own_target, figure_is_level=True,
            base_indicator=own_indicator, evidence_until=the_year_judged)
