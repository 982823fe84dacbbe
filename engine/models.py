"""The file formats as pydantic v2 models: indicators, frameworks, cities, waivers.

Models refuse unknown fields (`extra="forbid"`) and are frozen. Quantities stay as written
here ("5.2万件"); `load.py` converts them into each indicator's unit once the catalogue is
known, so an error can name the exact node. Each check kind's model lives with the kind, in
`checks/`; `Check` is their discriminated union.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import Field, PrivateAttr, Strict, field_validator

from .checks import Check
from .errors import Refusal
from .fields import ID, Date, Model, Names, Note, Number, Raw, Text, Year
from .levels import LEVELS
from .phrases import say

Category = Literal["creation", "utilisation", "protection", "management", "services",
                   "organisation", "funding", "supervision"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
Level = Literal[LEVELS]  # engine/levels.py
Status = Literal["pass", "partial", "fail", "unknown", "not_applicable", "waived", "error"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
IndicatorKind = Literal["stock", "flow", "rate", "percentage", "count", "mechanism"]

__all__ = ["Check", "Names"]


# ---------------------------------------------------------------- indicators

class Attribute(Model):
    """An attribute a mechanism's fact may carry (e.g. who chairs a leadership group) and its allowed values."""
    name: Names
    values: dict[ID, Names] = Field(min_length=1)  # value id -> its names, in the order shown to people


class Indicator(Model):
    id: ID
    name: Names
    unit: Text  # a unit of units.py, or "yes/no" for a mechanism
    kind: IndicatorKind
    better: Literal["higher", "lower"] = "higher"
    description: Names | None = None  # the definition: what is counted, and how
    holder: Names | None = None  # the department that holds the figure (统计局, 财政局, ...): whom a form asks
    attributes: dict[ID, Attribute] = Field(default_factory=dict)  # mechanisms only
    # Other names plans write for it (每万人口高价值发明专利拥有量 / 万人高价值发明专利拥有量): the plan
    # reader matches them as the name itself
    aliases: list[Text] = Field(default_factory=list)


class IndicatorCatalogue(Model):
    indicators: list[Indicator] = Field(min_length=1)


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
    max_age: Annotated[int, Strict(), Field(ge=0, le=50)] | None = None  # overrides the data-age rule (engine/age.py)
    # 力争 ("strive for") in the document: an aspirational target, shown as such in every output
    aspirational: Annotated[bool, Strict()] = False
    examples: list[Example] = Field(default_factory=list)

    @field_validator("weight")
    @classmethod
    def _weight(cls, w: Decimal) -> Decimal:
        if w < 0 or w > 1000:
            raise Refusal(say("value.weight"))
        return w


class SourceDocument(Model):
    file: Text
    title: Text | None = None  # absent when not known (a draft whose document did not say): never a placeholder
    number: Text | None = None  # 文号
    date: Date | None = None
    clauses_note: Text | None = None


class Thresholds(Model):
    ready: Number
    nearly_ready: Number


class FrameworkHeader(Model):
    id: ID
    version: Annotated[int, Strict(), Field(ge=1)]
    kind: Literal["plan", "reference", "benchmark"]  # a benchmark is evaluated only when named
    city: ID | None = None
    title: Names
    issuer: Text | None = None  # absent when not known, as the source's title
    source: SourceDocument
    derived_from: list[Text] = Field(default_factory=list)
    target_year: Year | None = None
    base_year: Year | None = None  # a plan's base year (基期): the year its targets' paths start from
    scoring: Literal["xccdf_default", "flat", "flat_unweighted", "absolute"] = "xccdf_default"
    thresholds: Thresholds
    coverage_floor: Number
    category_weights: dict[Category, Number] = Field(default_factory=dict)
    # How many years older than the year judged a figure may be, by indicator kind (engine/age.py)
    max_age: dict[IndicatorKind, Annotated[int, Strict(), Field(ge=0, le=50)]] = Field(default_factory=dict)
    note: Text | None = None


class Framework(Model):
    framework: FrameworkHeader
    criteria: list[Criterion] = Field(min_length=1)


# ---------------------------------------------------------------- cities

class Source(Model):
    title: Text
    url: Text | None = None
    publisher: Note  # a text as written, or {zh: ..., en: ...}: a report shows the one in its language
    read: Date
    via: Text | None = None
    confidence: Literal["high", "medium", "low"] = "high"


class Fact(Model):
    value: Union[Annotated[bool, Strict()], Raw]
    source: ID
    confidence: Literal["high", "medium", "low"] | None = None
    bound: Literal["exact", "at_least", "at_most"] = "exact"
    attributes: dict[ID, Text] = Field(default_factory=dict)
    note: Note | None = None  # a text as written, or {zh: ..., en: ...}: a report shows the one in its language
    # A stock published for a month ("截至9月"): the month it stands at, never read as year-end.
    as_of: Annotated[str, Strict(), Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] | None = None
    # Set only by a what-if (`--set`), never by a fact file: not a field of the file format.
    _assumed: bool = PrivateAttr(default=False)

    @property
    def assumed(self) -> bool:
        """True for a what-if assumption given on the command line, not a published figure."""
        return self._assumed


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


def register_kind(kind: Any) -> None:
    """Add (or replace) a check kind at run time (a plug-in, a test's throw-away kind; see checks/base.Kind):
    `Check`, the composite kinds, `Criterion` and `Framework` then accept it, and every step that asks the
    registry (measure, load, plan, the reports) finds it."""
    from . import checks
    checks.REGISTRY[kind.name] = kind
    _rebuild(checks.rebuilt())


def unregister_kind(name: str) -> None:
    """Remove a kind added with `register_kind` (the shipped kinds stay)."""
    from . import checks
    if name in checks.KIND_NAMES:
        raise ValueError(f"{name} is a shipped kind")
    del checks.REGISTRY[name]
    _rebuild(checks.rebuilt())


def _rebuild(check: Any) -> None:
    Criterion.model_fields["check"].annotation = check
    Criterion.model_rebuild(force=True)
    Framework.model_rebuild(force=True)
