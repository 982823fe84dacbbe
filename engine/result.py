"""The result model: one set of types that every output (table, JSON, Markdown, PDF) reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Words:
    """A sentence in English and Chinese: reasons are written for people in both languages."""
    en: str
    zh: str

    def __add__(self, other: "Words") -> "Words":
        return Words(self.en + other.en, self.zh + other.zh)

    def __bool__(self) -> bool:
        return bool(self.en or self.zh)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


NO_WORDS = Words("", "")
MUST_EXIST = Words("must exist", "须具备")  # the target of a yes/no criterion


@dataclass(frozen=True)
class FactUsed:
    """One published figure a result rests on, with where it came from."""
    indicator: str
    year: int
    value: Decimal | bool
    unit: str
    bound: str
    source_key: str
    source_title: str
    source_url: str | None
    publisher: str
    read: dt.date | None  # None for a what-if assumption
    confidence: str
    note: str | None = None
    assumed: bool = False  # set by what-if (`--set`), never by a fact file


@dataclass(frozen=True)
class Missing:
    """A figure that would have let a criterion be decided."""
    indicator: str
    years: tuple[int, ...]
    why: Words


@dataclass(frozen=True)
class Trajectory:
    """Progress from a base value towards a target by a year."""
    base_year: int
    base: Decimal
    year: int
    value: Decimal
    target_year: int
    target: Decimal
    expected_now: Decimal          # where the path stands in `year`
    observed_cagr_pct: Decimal | None   # base → year
    needed_cagr_pct: Decimal | None     # year → target_year; None once the target year is reached
    on_track: bool
    projected_year: int | None     # year the target is reached at the observed pace


@dataclass(frozen=True)
class Trend:
    """An indicator's published history and the growth it shows against the target.

    observed: compound yearly growth from the first to the last figure; needed: the compound
    yearly growth that takes the last figure to the target by the target year.
    """
    indicator: str
    unit: str
    history: tuple[tuple[int, Decimal], ...]
    target: Decimal | None
    target_year: int | None
    observed_cagr_pct: Decimal | None
    needed_cagr_pct: Decimal | None
    projected_year: int | None = None  # when the target is reached at the observed pace


@dataclass(frozen=True)
class FixFirst:
    """How much the overall score rises if one criterion were met (all else unchanged)."""
    criterion: str
    gain: Decimal            # points on 0–100
    score_if_met: Decimal
    status: str
    coverage_gain: Decimal   # share of the weight that would gain evidence (unknown criteria)


@dataclass(frozen=True)
class Measurement:
    """What measuring a check produced, before any decision.

    state: measured | unknown | not_applicable | error. A measured check carries value,
    target and (optionally) baseline on the 10^-6 grid, and the comparison `op`.
    """
    state: str
    reason: Words
    formula: str = ""
    value: Decimal | None = None
    unit: str = ""
    year: int | None = None
    target: Decimal | None = None
    target_year: int | None = None
    baseline: Decimal | None = None
    op: str = ">="
    facts: tuple[FactUsed, ...] = ()
    missing: tuple[Missing, ...] = ()
    stale: bool = False
    trajectory: Trajectory | None = None
    parts: tuple["Measurement", ...] = ()
    combine: str | None = None  # all_of / any_of

    @property
    def higher_is_better(self) -> bool:
        return self.op in (">=", ">")


@dataclass(frozen=True)
class CriterionResult:
    id: str
    title_zh: str
    title_en: str
    category: str
    weight: Decimal
    required: bool
    clause: str
    lead_unit: str
    check_kind: str
    status: str
    score: Decimal | None           # in [0, 1]; None without evidence
    measurement: Measurement
    gap: Decimal | None             # value − target, in the unit
    gap_pct: Decimal | None         # (value − target) / target × 100
    reason: Words
    target_summary: Words = NO_WORDS
    trend: Trend | None = None
    waiver: "WaiverNote | None" = None
    part_statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class WaiverNote:
    criterion: str
    justification: str
    expires: dt.date
    active: bool


@dataclass(frozen=True)
class CategoryScore:
    category: str
    score: Decimal | None    # 0–100
    coverage: Decimal | None  # 0–1
    weight: Decimal


@dataclass(frozen=True)
class FrameworkResult:
    framework_id: str
    framework_version: int
    framework_title_zh: str
    framework_title_en: str
    framework_kind: str
    source_file: str
    source_title: str
    issuer: str
    city_id: str
    city_zh: str
    city_en: str
    city_level: str
    year: int
    as_of: dt.date
    engine: str
    model: str
    score: Decimal | None
    coverage: Decimal
    coverage_floor: Decimal
    ready_threshold: Decimal
    nearly_threshold: Decimal
    verdict: str
    verdict_reason: Words
    categories: tuple[CategoryScore, ...]
    results: tuple[CriterionResult, ...]
    counts: dict[str, int] = field(default_factory=dict)
    waivers: tuple[WaiverNote, ...] = ()
    fix_first: tuple[FixFirst, ...] = ()
