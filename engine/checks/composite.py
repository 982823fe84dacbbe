"""What all_of and any_of share: measuring every part, describing the parts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..catalogue import Catalogue
from ..facts import Facts
from ..result import Listed, Measurement, Reason, say
from .base import Resolver, check_indicators, describe, kind_of, measure_check, resolve_check
from .base import evidence_until as check_until


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
    plain = [not kind_of(x.kind).names_indicator for x in c.checks]

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


def evidence_until(c: Any, year: int) -> int | None:
    """The latest year whose figures can give any part evidence (None when a part's kind does not say)."""
    years = [check_until(x, year) for x in c.checks]
    return None if None in years else max(years)  # type: ignore[type-var]


def parts(c: Any) -> list[tuple[tuple[Any, ...], Any]]:
    """The parts, each with its place in the check."""
    return [(("checks", i), x) for i, x in enumerate(c.checks)]


def _blocked(live: list[tuple[str, Decimal | None]]) -> str:
    """What undecided parts make of the whole: unknown, or error when a part is in error.

    Unknown parts and parts in error decide nothing unless the known parts already settle the
    answer. When they do not, an error in a part (a rate over zero cases, say) is the answer: no
    evidence to collect would settle it, so it is never "unknown — evidence missing"."""
    return "error" if any(s == "error" for s, _ in live) else "unknown"


def combine_all(parts: list[tuple[str, Decimal | None]]) -> tuple[str, Decimal | None]:
    """all_of takes the weakest part (min); parts not applicable are left out."""
    live = [(s, sc) for s, sc in parts if s != "not_applicable"]
    if not live:
        return "not_applicable", None
    known = [sc for _, sc in live if sc is not None]
    if known and min(known) == 0:
        return "fail", Decimal(0)
    if len(known) < len(live):
        return _blocked(live), None
    if all(s == "pass" for s, _ in live):
        return "pass", Decimal(1)
    return "partial", min(known)


def combine_any(parts: list[tuple[str, Decimal | None]]) -> tuple[str, Decimal | None]:
    """any_of takes the strongest part (max); parts not applicable are left out."""
    live = [(s, sc) for s, sc in parts if s != "not_applicable"]
    if not live:
        return "not_applicable", None
    if any(s == "pass" for s, _ in live):
        return "pass", Decimal(1)
    known = [sc for _, sc in live if sc is not None]
    if len(known) < len(live):
        return _blocked(live), None
    best = max(known)
    return ("partial", best) if best > 0 else ("fail", Decimal(0))
