"""The file formats as pydantic v2 models: indicators, frameworks, cities, waivers.

Models refuse unknown fields (`extra="forbid"`) and are frozen. Quantities stay as written
here ("5.2万件"); `load.py` converts them into each indicator's unit once the catalogue is
known, so an error can name the exact node.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, field_validator

ID = Annotated[str, Strict(), Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$", max_length=64)]
Text = Annotated[str, Strict(), Field(min_length=1, max_length=4000)]
Year = Annotated[int, Strict(), Field(ge=1949, le=2100)]
Raw = Union[Annotated[int, Strict()], Annotated[Decimal, Strict()], Annotated[str, Strict()]]

Category = Literal["creation", "utilisation", "protection", "management", "services",
                   "organisation", "funding", "supervision"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
Level = Literal["municipality", "sub_provincial", "provincial_capital", "prefecture"]
Status = Literal["pass", "partial", "fail", "unknown", "not_applicable", "waived", "error"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
Op = Literal[">=", ">", "<=", "<"]


def _number(v: Any) -> Decimal:
    """A weight or threshold: an int or exact decimal, never a bool or text."""
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise ValueError("must be a number")
    d = Decimal(v)
    if not d.is_finite():
        raise ValueError("must be a finite number")
    return d


def _date(v: Any) -> dt.date:
    if isinstance(v, dt.date):
        return v
    if not isinstance(v, str):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"{v!r} is not a real date (YYYY-MM-DD)") from None


Number = Annotated[Decimal, BeforeValidator(_number)]
Date = Annotated[dt.date, BeforeValidator(_date)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Names(Model):
    zh: Text
    en: Text


# ---------------------------------------------------------------- indicators

class Attribute(Model):
    """An attribute a mechanism's fact may carry (e.g. who chairs a leadership group) and its allowed values."""
    name: Names
    values: dict[ID, Names] = Field(min_length=1)  # value id -> its names, in the order shown to people


class Indicator(Model):
    id: ID
    name: Names
    unit: Text  # a unit of units.py, or "yes/no" for a mechanism
    kind: Literal["stock", "flow", "rate", "percentage", "count", "mechanism"]
    better: Literal["higher", "lower"] = "higher"
    description: Names | None = None  # the definition: what is counted, and how
    attributes: dict[ID, Attribute] = Field(default_factory=dict)  # mechanisms only


class IndicatorCatalogue(Model):
    indicators: list[Indicator] = Field(min_length=1)


# ---------------------------------------------------------------- checks

class _Check(Model):
    note: Text | None = None


class Threshold(_Check):
    """The indicator's value in the year compares with a target."""
    kind: Literal["threshold"]
    indicator: ID
    op: Op = ">="
    target: Raw
    year: Year | None = None
    baseline: Raw | None = None


class Growth(_Check):
    """Year-on-year growth, or compound average yearly growth since `base_year`."""
    kind: Literal["growth"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    min_growth: Raw  # a percentage, e.g. "50%"
    year: Year | None = None
    base_year: Year | None = None


class Ratio(_Check):
    """numerator / denominator as a percentage, e.g. closed / filed ≥ 95%."""
    kind: Literal["ratio"]
    numerator: ID
    denominator: ID
    op: Op = ">="
    target: Raw
    year: Year | None = None
    published: ID | None = None  # an indicator carrying the officially published rate
    baseline: Raw | None = None


class PerCapita(_Check):
    """indicator per 10,000 resident population."""
    kind: Literal["per_capita"]
    indicator: ID
    population: ID = "population"
    op: Op = ">="
    target: Raw
    year: Year | None = None
    published: ID | None = None
    baseline: Raw | None = None


class Trajectory(_Check):
    """From a base-year value to a target-year value: is the city on track?"""
    kind: Literal["trajectory"]
    indicator: ID
    base_year: Year
    base: Raw
    target_year: Year
    target: Raw


class Path(_Check):
    """A target for each year (Yinchuan's 2023/2024/2025)."""
    kind: Literal["path"]
    indicator: ID
    op: Literal[">=", "<="] = ">="
    targets: dict[Year, Raw] = Field(min_length=1)


class Flow(_Check):
    """The yearly increase of a stock ("年新增"): value(year) − value(year − 1)."""
    kind: Literal["flow"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    target: Raw
    year: Year | None = None


class Count(_Check):
    """A number of events in the year (campaigns, reports)."""
    kind: Literal["count"]
    indicator: ID
    op: Literal[">=", ">"] = ">="
    target: Raw
    year: Year | None = None


class Exists(_Check):
    """A mechanism exists (yes, with evidence), optionally with attributes."""
    kind: Literal["exists"]
    indicator: ID
    year: Year | None = None
    where: dict[ID, list[Text]] = Field(default_factory=dict)


class AllOf(_Check):
    kind: Literal["all_of"]
    checks: list["Check"] = Field(min_length=2)


class AnyOf(_Check):
    kind: Literal["any_of"]
    checks: list["Check"] = Field(min_length=2)


Check = Annotated[
    Union[Threshold, Growth, Ratio, PerCapita, Trajectory, Path, Flow, Count, Exists, AllOf, AnyOf],
    Field(discriminator="kind"),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()


# ---------------------------------------------------------------- frameworks

class ExampleFact(Model):
    value: Union[Annotated[bool, Strict()], Raw]
    bound: Literal["exact", "at_least", "at_most"] = "exact"
    attributes: dict[ID, Text] = Field(default_factory=dict)


class Example(Model):
    name: Text | None = None
    level: Level | None = None
    year: Year | None = None
    facts: dict[ID, dict[Year, Union[ExampleFact, Annotated[bool, Strict()], Raw]]] = Field(default_factory=dict)
    expect: Status


class Applicability(Model):
    level: list[Level] = Field(min_length=1)


class Criterion(Model):
    id: ID
    title: Names
    why: Text | None = None
    category: Category
    weight: Number = Decimal(1)
    required: Annotated[bool, Strict()] = False
    clause: Text
    lead_unit: Text
    check: Check
    applies_if: Applicability | None = None
    examples: list[Example] = Field(default_factory=list)

    @field_validator("weight")
    @classmethod
    def _weight(cls, w: Decimal) -> Decimal:
        if w < 0 or w > 1000:
            raise ValueError("weight must be between 0 and 1000")
        return w


class SourceDocument(Model):
    file: Text
    title: Text
    number: Text | None = None  # 文号
    date: Date | None = None
    clauses_note: Text | None = None


class Thresholds(Model):
    ready: Number
    nearly_ready: Number


class FrameworkHeader(Model):
    id: ID
    version: Annotated[int, Strict(), Field(ge=1)]
    kind: Literal["plan", "reference"]
    city: ID | None = None
    title: Names
    issuer: Text
    source: SourceDocument
    derived_from: list[Text] = Field(default_factory=list)
    target_year: Year | None = None
    scoring: Literal["xccdf_default", "flat", "flat_unweighted", "absolute"] = "xccdf_default"
    thresholds: Thresholds
    coverage_floor: Number
    category_weights: dict[Category, Number] = Field(default_factory=dict)
    note: Text | None = None


class Framework(Model):
    framework: FrameworkHeader
    criteria: list[Criterion] = Field(min_length=1)


# ---------------------------------------------------------------- cities

class Source(Model):
    title: Text
    url: Text | None = None
    publisher: Text
    read: Date
    via: Text | None = None
    confidence: Literal["high", "medium", "low"] = "high"


class Fact(Model):
    value: Union[Annotated[bool, Strict()], Raw]
    source: ID
    confidence: Literal["high", "medium", "low"] | None = None
    bound: Literal["exact", "at_least", "at_most"] = "exact"
    attributes: dict[ID, Text] = Field(default_factory=dict)
    note: Text | None = None


class CityHeader(Model):
    id: ID
    name: Names
    level: Level
    province: Text | None = None


class City(Model):
    city: CityHeader
    sources: dict[ID, Source] = Field(min_length=1)
    facts: dict[ID, dict[Year, Fact]] = Field(default_factory=dict)


# ---------------------------------------------------------------- waivers

class Waiver(Model):
    criterion: ID
    framework: ID | None = None
    city: ID | None = None
    justification: Text
    expires: Date


class WaiverFile(Model):
    waivers: list[Waiver] = Field(min_length=1)
