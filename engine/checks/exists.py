"""exists: a mechanism is in place (yes, with evidence), optionally with attributes (chair: vice_mayor)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from ..age import PREVIOUS_YEAR, STALE, TOO_OLD
from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Text, Year
from ..result import Listed, Measurement, Missing, Reason, say
from ..units import YES_NO
from .base import Kind, Resolver, label, stale_note, too_old, unknown


class Exists(CheckModel):
    """A mechanism exists (yes, with evidence), optionally with attributes."""
    kind: Literal["exists"]
    indicator: ID
    year: Year | None = None
    where: dict[ID, list[Text]] = Field(default_factory=dict)


def resolve(c: Exists, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    ind = r.indicator("indicator")
    if ind.kind != "mechanism":
        raise r.error("indicator", say("check.not_mechanism", id=repr(ind.id)))


def measure(c: Exists, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    y = c.year or year
    name = facts.names(c.indicator)
    hit = facts.latest(c.indicator, y)
    if hit is None:
        why = say("need.evidence", ind=name, year=y)
        return unknown(say("exists.none") + why, Missing(c.indicator, (y,), why))
    fy, fact = hit
    used = (facts.used(c.indicator, fy),)
    fresh = facts.freshness(c.indicator, fy, fact, y)
    if fresh in (PREVIOUS_YEAR, TOO_OLD):
        return too_old(facts, c.indicator, fy, fact, y, fresh, used, Decimal(1 if fact.value else 0))
    ok = bool(fact.value)
    reason = say("exists.yes" if ok else "exists.no", ind=name, y=fy) + stale_note(fy, y)
    if ok:
        for attr, allowed in sorted(c.where.items()):
            got = fact.attributes.get(attr)
            listed = Listed(tuple(allowed))
            if got is None:
                why = say("need.attribute", attr=attr, ind=name, allowed=listed)
                return unknown(say("exists.attr_unstated", ind=name, y=fy, attr=attr), Missing(c.indicator, (y,), why),
                               facts=used)
            if got not in allowed:
                ok = False
                reason += say("exists.attr_not_allowed", attr=attr, got=got, allowed=listed)
            else:
                reason += say("exists.attr", attr=attr, got=got)
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator} exists" + "".join(
        f" and {a} in {v}" for a, v in sorted(c.where.items())), value=Decimal(1 if ok else 0), unit=YES_NO,
        year=fy, target=Decimal(1), target_year=y, baseline=Decimal(0), op=">=", facts=used, stale=fresh == STALE,
        freshness=fresh)


def describe(c: Exists, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    out = say("describe.exists", ind=cat.indicators[c.indicator].name)
    for a, v in sorted(c.where.items()):
        out += say("describe.where", attr=a, values=Listed(tuple(v), "alternatives"))
    return out


def evidence_until(c: Exists, year: int) -> int:
    """The latest year whose figures can give it evidence: the year judged, or its own `year` when later."""
    return max(year, c.year or year)


def attribute_values(c: Exists) -> list[tuple[tuple, str, str, str]]:
    """The attribute values `where:` asks for, each with its place in the check."""
    return [(("where", attr, k), c.indicator, attr, value) for attr, values in c.where.items()
            for k, value in enumerate(values)]


KIND = Kind("exists", Exists, resolve, measure, describe, lambda c: [c.indicator],
            label("机制是否具备", "mechanism in place"),
            yes_no=True, names_indicator=True, attribute_values=attribute_values, evidence_until=evidence_until)
