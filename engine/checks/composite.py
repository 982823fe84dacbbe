"""What all_of and any_of share: measuring every part, describing the parts."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..facts import Facts
from ..result import Listed, Measurement, Reason, say
from .base import Resolver, check_indicators, describe, measure_check, resolve_check


def resolve(c: Any, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    r.update["checks"] = [resolve_check(r.doc, r.cat, x, r.path + ("checks", i)) for i, x in enumerate(c.checks)]


def measure(c: Any, facts: Facts, year: int) -> Measurement:
    """The value this check reads from the city's facts for the year, or why it cannot be measured."""
    parts = tuple(measure_check(x, facts, year) for x in c.checks)
    return Measurement(state="composite", reason=Reason(), formula=c.kind, parts=parts, combine=c.kind,
                       facts=tuple(u for p in parts for u in p.facts),
                       missing=tuple(x for p in parts for x in p.missing))


def describe_parts(c: Any, cat: Catalogue, year: int) -> Reason:
    """The parts' targets, joined, each saying what it measures (issue 25: "> 0 亿元" alone is 0 of
    nothing): one target for several indicators when all of them share it ("any of A, B, C > 0
    (2021)"), else each target after its indicator. A part that names its indicator (exists), or is
    itself made of parts, is described as it is."""
    descs = [describe(x, cat, year) for x in c.checks]
    plain = [x.kind not in ("exists", "all_of", "any_of") for x in c.checks]

    def name(x: Any):
        return cat.indicators[getattr(x, "published", None) or check_indicators(x)[0]].name

    if len(descs) > 1 and all(plain) and all(d == descs[0] for d in descs):
        return say(f"describe.{c.kind}_same", inds=Listed(tuple(name(x) for x in c.checks), "list"),
                   target=descs[0])
    parts = tuple(say("describe.part", ind=name(x), target=d) if p else d for x, d, p in zip(c.checks, descs, plain))
    return say(f"describe.{c.kind}", parts=Listed(parts, "clauses"))


def indicators(c: Any) -> list[str]:
    """Every indicator the parts read, in a stable order."""
    out: list[str] = []
    for x in c.checks:
        out += [i for i in check_indicators(x) if i not in out]
    return out
