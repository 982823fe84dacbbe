"""per_capita: an indicator per 10,000 resident population (每万人口…拥有量)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Op, Raw, Year
from ..result import Cmp, Measurement, Q, Reason, say
from ..units import PER_10K, parse_unit
from .base import Kind, Resolver, label, own_target, rate, the_year_judged


class PerCapita(CheckModel):
    """indicator per 10,000 resident population."""
    kind: Literal["per_capita"]
    indicator: ID
    population: ID = "population"
    op: Op = ">="
    target: Raw
    year: Year | None = None
    published: ID | None = None
    baseline: Raw | None = None


def resolve(c: PerCapita, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.numeric("indicator")
    pop = r.numeric("population")
    if pop.counter != "人":
        raise r.error("population", say("check.population_unit", unit=pop.text))
    r.published(PER_10K)
    unit = parse_unit(PER_10K)
    r.convert("target", unit)
    r.convert("baseline", unit)


def measure(c: PerCapita, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    return rate(facts, c.year or year, c.indicator, c.population, Decimal(10_000), c.published, c.target, c.op,
                c.baseline, PER_10K, say("rate.what.per_capita"), now=year)


def describe(c: PerCapita, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    return say("describe.target", op=Cmp(c.op), v=Q(c.target, PER_10K), y=c.year or year)


KIND = Kind("per_capita", PerCapita, resolve, measure, describe,
            lambda c: [i for i in (c.indicator, c.population, c.published) if i],
            label("每万人口", "per 10,000 people"),
            trend_indicator=lambda c: c.published, trend_target=own_target,  # the published rate's history
            evidence_until=the_year_judged)
