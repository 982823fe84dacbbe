"""exists: a mechanism is in place (yes, with evidence), optionally with attributes (chair: vice_mayor)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from ..age import PREVIOUS_YEAR, STALE, TOO_OLD
from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Names, Text, Year
from ..result import Listed, Measurement, Missing, Reason, say
from ..units import YES_NO
from .base import Kind, Resolver, label, stale_note, too_old, unknown

if TYPE_CHECKING:
    from ..models import Attribute


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
    short = Reason()
    if ok:
        for attr, allowed in sorted(c.where.items()):
            got = fact.attributes.get(attr)
            a_name, listed = _attribute_name(facts, c.indicator, attr), _values(facts, c.indicator, attr, allowed)
            if got is None:
                why = say("need.attribute", attr=a_name, ind=name, allowed=Listed(listed.items))
                return unknown(say("exists.attr_unstated", ind=name, y=fy, attr=a_name),
                               Missing(c.indicator, (y,), why), facts=used)
            got_name = _value_name(facts, c.indicator, attr, got)
            if got not in allowed:
                ok = False
                reason += say("exists.attr_not_allowed", attr=a_name, got=got_name, allowed=Listed(listed.items))
                short += say("value.attr_short", attr=a_name, got=got_name, allowed=listed)
            else:
                reason += say("exists.attr", attr=a_name, got=got_name)
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator} exists" + "".join(
        f" and {a} in {'/'.join(v)}" for a, v in sorted(c.where.items())), value=Decimal(1 if ok else 0), unit=YES_NO,
        year=fy, target=Decimal(1), target_year=y, baseline=Decimal(0), op=">=", facts=used, stale=fresh == STALE,
        freshness=fresh, held=short, labels=_labels(facts, c))


def _attribute(facts: Facts, ind: str, attr: str) -> "Attribute | None":
    return facts.cat.indicators[ind].attributes.get(attr)


def _attribute_name(facts: Facts, ind: str, attr: str) -> Names | str:
    """An attribute's label (建设阶段 / stage); its id only where the catalogue has none."""
    a = _attribute(facts, ind, attr)
    return a.name if a else attr


def _value_name(facts: Facts, ind: str, attr: str, value: str) -> Names | str:
    """An attribute value's label (已批复 / approved); its id only where the catalogue has none."""
    a = _attribute(facts, ind, attr)
    return a.values.get(value, value) if a else value


def _values(facts: Facts, ind: str, attr: str, values: list[str]) -> Listed:
    """The values a check allows, by their labels: 建设中/已运行."""
    return Listed(tuple(_value_name(facts, ind, attr, v) for v in values), "alternatives")


def _labels(facts: Facts, c: Exists) -> tuple[tuple[str, Names], ...]:
    """The labels of the attribute ids and values the check's formula names (for a reader, never the raw id)."""
    out: list[tuple[str, Names]] = []
    for attr, values in sorted(c.where.items()):
        a = _attribute(facts, c.indicator, attr)
        if a is not None:
            out += [(attr, a.name)] + [(v, a.values[v]) for v in values if v in a.values]
    return tuple(out)


def describe(c: Exists, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    ind = cat.indicators[c.indicator]
    out = say("describe.exists", ind=ind.name)
    for a, v in sorted(c.where.items()):
        attr = ind.attributes.get(a)
        values = tuple(attr.values.get(x, x) for x in v) if attr else tuple(v)
        out += say("describe.where", attr=attr.name if attr else a, values=Listed(values, "alternatives"))
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
