"""count: a number of events in the year (special campaigns, quarterly reports)."""

from __future__ import annotations

from typing import Literal

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Cmp, Measurement, Q, Reason, say
from .base import Kind, Resolver, label, own_indicator, own_target, single, the_year_judged


class Count(CheckModel):
    """A number of events in the year (campaigns, reports)."""
    kind: Literal["count"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    target: Raw
    year: Year | None = None


def resolve(c: Count, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.convert("target", r.numeric("indicator", ("count",)))


def measure(c: Count, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    return single(facts, c.indicator, c.year or year, c.target, c.op, None,
                  f"number of {c.indicator} in {{y}} {c.op} target", now=year)


def describe(c: Count, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    return say("describe.target", op=Cmp(c.op), v=Q(c.target, cat.unit_text(c.indicator)), y=c.year or year)


KIND = Kind("count", Count, resolve, measure, describe, lambda c: [c.indicator], label("年内次数", "count in the year"),
            trend_indicator=own_indicator, trend_target=own_target, figure_is_level=True,
            evidence_until=the_year_judged)
