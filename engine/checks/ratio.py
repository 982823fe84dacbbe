"""ratio: numerator / denominator as a percentage, e.g. cases closed / filed ≥ 95%."""

from __future__ import annotations

from typing import Literal

from .. import formulas as f
from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Op, Raw, Year
from ..result import Cmp, Measurement, Q, Reason, say
from ..units import PERCENT, parse_unit
from .base import Kind, Resolver, label, own_target, rate, the_year_judged


class Ratio(CheckModel):
    """numerator / denominator as a percentage, e.g. closed / filed ≥ 95%."""
    kind: Literal["ratio"]
    numerator: ID
    denominator: ID
    op: Op = ">="
    target: Raw
    year: Year | None = None
    published: ID | None = None  # an indicator carrying the officially published rate
    baseline: Raw | None = None


def resolve(c: Ratio, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    a = r.numeric("numerator")
    b = r.numeric("denominator")
    if a.counter != b.counter:
        raise r.error("denominator", say("check.ratio_units", a=a.text, b=b.text))
    r.published(PERCENT)
    unit = parse_unit(PERCENT)
    r.convert("target", unit)
    r.convert("baseline", unit)


def measure(c: Ratio, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    return rate(facts, c.year or year, c.numerator, c.denominator, f.HUNDRED, c.published, c.target, c.op,
                c.baseline, PERCENT, say("rate.what.ratio"), now=year)


def describe(c: Ratio, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    return say("describe.target", op=Cmp(c.op), v=Q(c.target, PERCENT), y=c.year or year)


KIND = Kind("ratio", Ratio, resolve, measure, describe,
            lambda c: [i for i in (c.numerator, c.denominator, c.published) if i], label("比率", "ratio"),
            trend_indicator=lambda c: c.published, trend_target=own_target,  # the published rate's history
            evidence_until=the_year_judged)
