"""What reading a plan document finds: the document, its quantitative targets, its mechanisms.

Every value stays as the document wrote it (`value_text`, `unit`), beside its exact reading
(`value`, a Decimal in that unit), so a reviewer can check one against the other; `quote` is
the sentence or table row it came from, verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

# How the target's figure compares with the city's: 达到/不低于/以上 (at least), 突破/超过 (more
# than), 以内/不超过 (at most), 力争 is not a comparison but an aspiration (`aspirational`).
Comparison = Literal[">=", ">", "<=", "<", "=", "range"]
# What kind of figure the target is (the list): a stock at year end, a flow in the year,
# growth over the year before, average annual growth over a period, a share (%), a per-capita
# rate (件/万人), per 100 enterprises (件/百户), a count added over the period (新增/培育 … 累计),
# a score (分).
TargetKind = Literal["stock", "flow", "growth", "average_growth", "share", "per_capita",
                     "per_100_enterprises", "added", "score"]
Nature = Literal["expected", "binding"]  # 预期性 / 约束性


@dataclass(frozen=True)
class Document:
    """The plan document as found in its text: title, issuer, 文号 and date, each if stated."""
    title: str | None = None
    issuer: str | None = None
    number: str | None = None          # 文号, e.g. 菏政办字〔2022〕52号
    date: str | None = None            # YYYY-MM-DD when the text states a full date
    period: tuple[int, int] | None = None  # the plan period, e.g. (2021, 2025)


@dataclass(frozen=True)
class Target:
    """One quantitative target, one year (a table's 2023/2024/2025 columns are three targets)."""
    name: str                          # the indicator as the document words it
    indicator: str | None              # catalogue id it means, or None (a proposed new one)
    value: Decimal | None              # exact value in `unit`; None when the text cuts it off
    value_text: str                    # as written: "7.8万件", "62件以上", "1—2个"
    unit: str                          # the unit as written: "万件", "件/万人", "%", "亿元"
    comparison: Comparison
    year: int | None                   # the target year; None when not stated (to review)
    base_value: Decimal | None = None
    base_year: int | None = None
    kind: TargetKind = "stock"
    nature: Nature | None = None
    aspirational: bool = False         # 力争
    upper: Decimal | None = None       # the top of a range ("1—2个": value 1, upper 2)
    clause: str | None = None          # 一、（二）3. or 表1 row
    lead_unit: str | None = None
    quote: str = ""
    review: tuple[str, ...] = ()       # why a person should check it (phrase codes)
    incomplete: bool = False           # the text cuts the target off: never guessed
    proposed_indicator: str | None = None  # an id proposed for an indicator the catalogue lacks
    match: Literal["exact", "alias", "fuzzy", "none"] = "none"


@dataclass(frozen=True)
class Mechanism:
    """A task that sets up or keeps a mechanism (建立/健全/完善 … 机制, 领导小组, 维权援助中心)."""
    text: str
    indicator: str | None
    clause: str | None = None
    lead_unit: str | None = None
    quote: str = ""
    match: Literal["exact", "alias", "fuzzy", "none"] = "none"  # how `indicator` was found
    review: tuple[str, ...] = ()       # why a person should check it (phrase codes)


@dataclass(frozen=True)
class PlanReading:
    """Everything read from one plan document."""
    document: Document
    targets: tuple[Target, ...] = field(default_factory=tuple)
    mechanisms: tuple[Mechanism, ...] = field(default_factory=tuple)
