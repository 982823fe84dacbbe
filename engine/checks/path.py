"""path: a target for each year (Yinchuan's 2023/2024/2025 targets)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from ..catalogue import Catalogue
from ..facts import Facts
from ..fields import ID, CheckModel, Raw, Year
from ..result import Cmp, Listed, Measurement, Q, Reason, say
from .base import Kind, Resolver, label, own_indicator, single, the_year_judged


class Path(CheckModel):
    """A target for each year (Yinchuan's 2023/2024/2025)."""
    kind: Literal["path"]
    indicator: ID
    op: Literal[">=", "<="] = ">="
    targets: dict[Year, Raw] = Field(min_length=1)


def resolve(c: Path, r: Resolver) -> None:
    """Check the indicators this check names and convert its targets into their units."""
    unit = r.numeric("indicator")
    r.update["targets"] = {y: r.quantity(("targets", y), v, unit) for y, v in sorted(c.targets.items())}


def measure(c: Path, facts: Facts, year: int) -> Measurement:
    """The target of the latest path year reached, judged with that year's figure; before the path
    starts, the latest figure against the first target, as a projection."""
    years = sorted(c.targets)
    ty = max((y for y in years if y <= year), default=years[0])
    return single(facts, c.indicator, ty, c.targets[ty], c.op, None,
                  f"{c.indicator}[{{y}}] {c.op} path target for {ty}", target_year=ty, now=year)


def describe(c: Path, cat: Catalogue, year: int) -> Reason:
    """The target in a few words, before any fact is read."""
    unit = cat.unit_text(c.indicator)
    return say("items", items=Listed(tuple(say("describe.path_item", y=y, op=Cmp(c.op), v=Q(v, unit))
                                         for y, v in c.targets.items()), "series"))


def trend_target(c: Path, year: int) -> tuple[Decimal, int]:
    """The target of the path year judged (the first one, before the path starts)."""
    target_year = max((y for y in c.targets if y <= year), default=min(c.targets))
    return c.targets[target_year], target_year


KIND = Kind("path", Path, resolve, measure, describe, lambda c: [c.indicator], label("分年目标", "yearly targets"),
            trend_indicator=own_indicator, trend_target=trend_target, figure_is_level=True,
            due_year=lambda c: max(c.targets), final_target=lambda c, due: c.targets[due],
            evidence_until=the_year_judged)
