"""The shape of every command's JSON output, as types: what `ipcheck schema result` prints.

The objects the JSON writer (json_report.py, app/analysis.py) builds by hand are the typed
dicts below, constructed through them (a typed dict called is a plain dict, keys in the order
given: the output stays byte-identical). The engine's result dataclasses that the writer
turns into JSON field by field (`json_report.plain_values`) are described from the
dataclasses themselves (`shaped`): a field added to a result appears in the schema with it.
Decimals are written as digit strings, dates as ISO dates, a Reason as {"en", "zh"}.

A new command's output adds its document type to `DOCUMENTS`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import NotRequired, TypedDict

from ..engine import compare as cmp
from ..engine import plan as pln
from ..engine import result as res
from ..engine.fields import Names
from ..engine.planread import model as planread
from ..engine.result import Reason

DecimalText = Annotated[str, Field(pattern=r"^-?[0-9]+(\.[0-9]+)?$", description="a decimal number, exact, as text")]
DateText = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="an ISO date")]
FORBID = ConfigDict(extra="forbid")


@with_config(FORBID)
class Bilingual(TypedDict):
    """A sentence in both languages."""
    en: str
    zh: str


_SHAPED: dict[type, Any] = {}


def shaped(cls: type) -> Any:
    """The JSON shape of a result dataclass, as `plain_values` writes it: a typed dict of its fields, in order."""
    if cls not in _SHAPED:
        hints = typing.get_type_hints(cls)
        fields = {f.name: _json_type(hints[f.name]) for f in dataclasses.fields(cls)}
        td = TypedDict(cls.__name__, fields)  # type: ignore[operator]
        td.__pydantic_config__ = FORBID  # type: ignore[attr-defined]
        _SHAPED[cls] = td
    return _SHAPED[cls]


def _json_type(tp: Any) -> Any:
    """A field's type as its JSON value."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Decimal:
        return DecimalText
    if tp is Reason or tp is Names:
        return Bilingual
    if tp is dt.date:
        return DateText
    if tp in (str, int, bool, type(None)) or origin is Literal:
        return tp
    if origin in (Union, types.UnionType):
        return Union[tuple(_json_type(a) for a in args)]  # type: ignore[return-value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return list[_json_type(args[0])]  # type: ignore[misc]
        return tuple[tuple(_json_type(a) for a in args)]  # type: ignore[misc]
    if origin in (list,):
        return list[_json_type(args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[str, _json_type(args[1])]  # type: ignore[misc]
    if dataclasses.is_dataclass(tp):
        return shaped(tp)  # type: ignore[arg-type]
    raise TypeError(f"no JSON shape for {tp!r}")


# ---------------------------------------------------------------- evaluate (ipcheck.evaluation/1)

@with_config(FORBID)
class Range(TypedDict):
    """The lowest and the highest score the missing evidence allows."""
    low: Optional[DecimalText]
    high: Optional[DecimalText]


@with_config(FORBID)
class MeasurementJSON(TypedDict):
    """What was measured for a criterion (or one part of a combined criterion)."""
    state: str
    value: Optional[DecimalText]
    unit: str
    year: Optional[int]
    target: Optional[DecimalText]
    target_year: Optional[int]
    baseline: Optional[DecimalText]
    op: Optional[str]
    stale: bool
    formula: str
    reason: Bilingual
    trajectory: Optional[shaped(res.Trajectory)]  # type: ignore[valid-type]
    missing: list[shaped(res.Missing)]  # type: ignore[valid-type]
    combine: NotRequired[str]
    parts: NotRequired[list[MeasurementJSON]]


@with_config(FORBID)
class CriterionJSON(TypedDict):
    """One criterion's result."""
    id: str
    title: Bilingual
    category: str
    weight: DecimalText
    required: bool
    aspirational: bool
    clause: str
    lead_unit: str
    check: str
    status: str
    score: Optional[DecimalText]
    value: Optional[DecimalText]
    unit: str
    year: Optional[int]
    target: Optional[DecimalText]
    target_year: Optional[int]
    gap: Optional[DecimalText]
    gap_pct: Optional[DecimalText]
    stale: bool
    reason: Bilingual
    measurement: MeasurementJSON
    facts: list[shaped(res.FactUsed)]  # type: ignore[valid-type]
    trend: Optional[shaped(res.Trend)]  # type: ignore[valid-type]
    part_statuses: list[str]
    waiver: Optional[shaped(res.WaiverNote)]  # type: ignore[valid-type]
    achievement: Optional[str]        # a plan's target: met, on_track, behind, missed, no_path, unknown
    early: bool                       # met before its year (提前完成)
    plan_target: Optional[shaped(res.PlanTarget)]  # type: ignore[valid-type]


@with_config(FORBID)
class FrameworkJSON(TypedDict):
    """The framework an evaluation is against."""
    id: str
    version: int
    kind: str
    title: Bilingual
    issuer: Optional[str]             # null: the framework does not name it
    source_file: str
    source_title: Optional[str]       # null: the framework does not name its document's title


@with_config(FORBID)
class CityJSON(TypedDict):
    """The city evaluated."""
    id: str
    name: Bilingual
    level: str


@with_config(FORBID)
class Evidence(TypedDict):
    """How many applicable criteria lack evidence."""
    lacking: int
    applicable: int


@with_config(FORBID)
class Thresholds(TypedDict):
    """The framework's score thresholds."""
    ready: DecimalText
    nearly_ready: DecimalText


@with_config(FORBID)
class SensitivityJSON(TypedDict):
    """How the score and verdict move when weights and targets are perturbed (`--perturb`)."""
    draws: int
    seed: int
    weight_range: DecimalText
    goalpost_range: DecimalText
    score_p5: Optional[DecimalText]
    score_p95: Optional[DecimalText]
    verdict_kept: DecimalText


@with_config(FORBID)
class EvaluationJSON(TypedDict):
    """One framework's evaluation of a city."""
    framework: FrameworkJSON
    city: CityJSON
    year: int
    year_basis: str                   # why this year: given (--year), target_year, most_evidence, no_evidence
    as_of: DateText
    engine: str
    model: str
    score: Optional[DecimalText]
    score_range: Range
    evidence: Evidence
    coverage: DecimalText
    coverage_floor: DecimalText
    thresholds: Thresholds
    verdict: str
    verdict_reason: Bilingual
    verdict_provisional: bool
    verdict_if_missing_unmet: Optional[str]
    counts: dict[str, int]
    achievement: Optional[dict[str, int]]  # a plan framework's targets by achievement; null for readiness
    categories: list[shaped(res.CategoryScore)]  # type: ignore[valid-type]
    criteria: list[CriterionJSON]
    waivers: list[shaped(res.WaiverNote)]  # type: ignore[valid-type]
    fix_first: list[shaped(res.FixFirst)]  # type: ignore[valid-type]
    sensitivity: NotRequired[SensitivityJSON]
    # judged in its most-evidence year (year_basis most_evidence) while a later year has figures: that year,
    # the criteria those figures give evidence for, and those of them not met in it; absent otherwise
    later: NotRequired[shaped(res.LaterYear)]  # type: ignore[valid-type]


@with_config(FORBID)
class Input(TypedDict):
    """A file read, with its SHA-256."""
    path: str
    sha256: str


@with_config(FORBID)
class EvaluateDocument(TypedDict):
    """`ipcheck evaluate --format json`."""
    schema: Literal["ipcheck.evaluation/1"]
    ipcheck_version: str
    inputs: list[Input]
    evaluations: list[EvaluationJSON]
    assumptions: NotRequired[list[shaped(res.Assumption)]]  # type: ignore[valid-type]  # what-if (--set) only


# ---------------------------------------------------------------- plan, compare, progress, diff

@with_config(FORBID)
class PlanDocument(TypedDict):
    """`ipcheck plan --format json`."""
    schema: Literal["ipcheck.plan/1"]
    plans: list[shaped(pln.Plan)]  # type: ignore[valid-type]
    assumptions: NotRequired[list[shaped(res.Assumption)]]  # type: ignore[valid-type]  # what-if (--set) only


@with_config(FORBID)
class CategoryJSON(TypedDict):
    """A category's score and coverage in a comparison."""
    category: str
    score: Optional[DecimalText]
    coverage: Optional[DecimalText]
    weight: DecimalText


@with_config(FORBID)
class RankSensitivity(TypedDict):
    """A city's score band and rank range under perturbation (`--perturb`)."""
    score_p5: Optional[DecimalText]
    score_p95: Optional[DecimalText]
    verdict_kept: DecimalText
    rank_range: list[int]


@with_config(FORBID)
class SummaryRow(TypedDict):
    """One city in a comparison (without its rank: the ranker adds it)."""
    city: str
    year: int
    score: Optional[DecimalText]
    score_range: Range
    coverage: DecimalText
    verdict: str
    verdict_provisional: bool
    categories: list[CategoryJSON]
    statuses: dict[str, str]
    achievement: Optional[dict[str, int]]


@with_config(FORBID)
class RankedRow(SummaryRow):
    """One city in a comparison's ranking (rank null: not assessable, unranked)."""
    rank: Optional[int]
    sensitivity: NotRequired[RankSensitivity]


@with_config(FORBID)
class Comparison(TypedDict):
    """The cities ranked against one framework."""
    framework: str
    years: list[int]
    ranking: list[RankedRow]


@with_config(FORBID)
class CompareDocument(TypedDict):
    """`ipcheck compare --format json`."""
    schema: Literal["ipcheck.compare/1"]
    comparisons: list[Comparison]


@with_config(FORBID)
class ProgressYear(TypedDict):
    """One year of a city's progress, and the criteria whose status changed from the year before."""
    year: int
    score: Optional[DecimalText]
    coverage: DecimalText
    verdict: str
    changes: list[shaped(cmp.StatusChange)]  # type: ignore[valid-type]


@with_config(FORBID)
class ProgressDocument(TypedDict):
    """`ipcheck progress --format json`."""
    schema: Literal["ipcheck.progress/1"]
    framework: str
    city: str
    years: list[ProgressYear]


@with_config(FORBID)
class Verdict(TypedDict):
    """A city's score and verdict under one framework."""
    score: Optional[DecimalText]
    verdict: str


@with_config(FORBID)
class Flip(TypedDict):
    """A city under both frameworks of a diff."""
    city: str
    a: Verdict
    b: Verdict
    verdict_flips: bool


@with_config(FORBID)
class DiffDocument(TypedDict):
    """`ipcheck diff --format json`."""
    schema: Literal["ipcheck.diff/1"]
    a: str
    b: str
    criteria: list[shaped(cmp.CriterionDiff)]  # type: ignore[valid-type]
    cities: list[Flip]


# ---------------------------------------------------------------- draft (ipcheck.draft/1)

@with_config(FORBID)
class DraftMechanism(TypedDict):
    """A task of the plan that sets up or keeps a mechanism, as the reader found it."""
    text: str
    indicator: Optional[str]
    clause: Optional[str]
    lead_unit: Optional[str]
    quote: str


@with_config(FORBID)
class DraftDocument(TypedDict):
    """`ipcheck draft --format json`: what the plan reader found in a plan document. A target is the reader's
    `Target` field by field; its `review` lists every reason to check it (the reader's and what it lacks)."""
    schema: Literal["ipcheck.draft/1"]
    document: shaped(planread.Document)  # type: ignore[valid-type]
    targets: list[shaped(planread.Target)]  # type: ignore[valid-type]
    mechanisms: list[DraftMechanism]


# Every command's JSON document, told apart by its "schema".
DOCUMENTS: dict[str, Any] = {"evaluate": EvaluateDocument, "plan": PlanDocument, "compare": CompareDocument,
                             "progress": ProgressDocument, "diff": DiffDocument, "draft": DraftDocument}
Result = Annotated[Union[tuple(DOCUMENTS.values())], Field(discriminator="schema")]  # type: ignore[valid-type]


def result_schema() -> dict[str, Any]:
    """The JSON Schema of every command's JSON output (one document: any of them, by its "schema")."""
    schema = TypeAdapter(Result).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "ipcheck.result",
            "title": "ipcheck JSON output", "description": "The JSON printed by ipcheck "
            + ", ".join(DOCUMENTS) + " with --format json, told apart by its \"schema\" field.", **schema}
