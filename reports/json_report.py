"""The JSON report: a documented, versioned schema (`ipcheck schema result`, from json_types.py).

Deterministic: Decimals as plain digit strings (never floats, never exponents), dates in
ISO form, keys in a fixed order, no clock. The same inputs give byte-identical output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..engine.compare import Summary
from ..engine.fields import Names
from ..engine.result import CriterionResult, FrameworkResult, Measurement, Reason
from ..engine.units import plain
from . import json_types as t
from .words import both

SCHEMA = "ipcheck.evaluation/1"


_FIELDS: dict[type, tuple[str, ...]] = {}


def _v(x: Any) -> Any:
    """Plain JSON values: Decimals as digit strings, dates ISO, dataclasses as dicts in field order."""
    t = type(x)
    if t is str or t is int or t is bool or x is None:
        return x
    if t is Decimal:
        return plain(x)
    if t is Reason:
        return both(x)
    if t is Names:
        return {"en": x.en, "zh": x.zh}
    if t is dict:
        return {str(k): _v(i) for k, i in x.items()}
    if t is list or t is tuple:
        return [_v(i) for i in x]
    if isinstance(x, dt.date):
        return x.isoformat()
    names = _FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(x):
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(x))
    if names is not None:
        return {n: _v(getattr(x, n)) for n in names}
    return x


def _measurement(ms: Measurement) -> t.MeasurementJSON:
    out = t.MeasurementJSON(
        state=ms.state, value=_v(ms.value), unit=ms.unit, year=ms.year, target=_v(ms.target),
        target_year=ms.target_year, baseline=_v(ms.baseline), op=ms.op, stale=ms.stale,
        formula=ms.formula, reason=both(ms.reason),  # type: ignore[typeddict-item]
        trajectory=_v(ms.trajectory),
        missing=_v(ms.missing),
    )
    if ms.combine:
        out["combine"] = ms.combine
        out["parts"] = [_measurement(p) for p in ms.parts]
    return out


def criterion_dict(r: CriterionResult) -> t.CriterionJSON:
    """One criterion's result as an entry of the JSON report's `criteria` list."""
    return t.CriterionJSON(
        id=r.id, title=t.Bilingual(zh=r.title_zh, en=r.title_en), category=r.category,
        weight=_v(r.weight), required=r.required, aspirational=r.aspirational, clause=r.clause,
        lead_unit=r.lead_unit,
        check=r.check_kind, status=r.status, score=_v(r.score),
        value=_v(r.measurement.value), unit=r.measurement.unit, year=r.measurement.year,
        target=_v(r.measurement.trajectory.target if r.measurement.trajectory else r.measurement.target),
        target_year=r.measurement.trajectory.target_year if r.measurement.trajectory else r.measurement.target_year,
        gap=_v(r.gap), gap_pct=_v(r.gap_pct), stale=r.measurement.stale, reason=both(r.reason),  # type: ignore[typeddict-item]
        measurement=_measurement(r.measurement),
        facts=_v(r.measurement.facts),
        trend=_v(r.trend),
        part_statuses=list(r.part_statuses),
        waiver=_v(r.waiver),
        achievement=r.achievement, early=r.early,
        plan_target=_v(r.plan),
    )


def evaluation_dict(res: FrameworkResult) -> t.EvaluationJSON:
    """One framework's evaluation of a city as the JSON report's object."""
    return t.EvaluationJSON(
        framework=t.FrameworkJSON(id=res.framework_id, version=res.framework_version, kind=res.framework_kind,
                                  title=t.Bilingual(zh=res.framework_title_zh, en=res.framework_title_en),
                                  issuer=res.issuer, source_file=res.source_file, source_title=res.source_title),
        city=t.CityJSON(id=res.city_id, name=t.Bilingual(zh=res.city_zh, en=res.city_en), level=res.city_level),
        year=res.year, year_basis=res.year_basis, as_of=_v(res.as_of), engine=res.engine, model=res.model,
        score=_v(res.score), score_range=_range(res.score_low, res.score_high),
        evidence=t.Evidence(lacking=res.lacking, applicable=res.applicable),
        coverage=_v(res.coverage), coverage_floor=_v(res.coverage_floor),
        thresholds=t.Thresholds(ready=_v(res.ready_threshold), nearly_ready=_v(res.nearly_threshold)),
        verdict=res.verdict, verdict_reason=both(res.verdict_reason),  # type: ignore[typeddict-item]
        verdict_provisional=res.provisional, verdict_if_missing_unmet=res.verdict_low, counts=dict(res.counts),
        achievement=None if res.achievement is None else dict(res.achievement),
        categories=[_v(c) for c in res.categories],
        criteria=[criterion_dict(r) for r in res.results],
        waivers=_v(res.waivers),
        fix_first=_v(res.fix_first),
        **({"later": _v(res.later)} if res.later else {}),  # type: ignore[typeddict-item]
    )


def _range(low: Decimal | None, high: Decimal | None) -> t.Range:
    return t.Range(low=None if low is None else plain(low), high=None if high is None else plain(high))


def summary_row(s: Summary) -> t.SummaryRow:
    """One city in a comparison's ranking, as plain JSON values (the rank is added by the ranker).

    Written out field by field rather than through `_v`: comparisons build thousands of
    these, in the worker processes."""
    return t.SummaryRow(
        city=s.city_id, year=s.year, score=None if s.score is None else plain(s.score),
        score_range=_range(s.score_low, s.score_high),
        coverage=plain(s.coverage), verdict=s.verdict, verdict_provisional=s.provisional,
        categories=[t.CategoryJSON(category=c.category, score=None if c.score is None else plain(c.score),
                                   coverage=None if c.coverage is None else plain(c.coverage), weight=plain(c.weight))
                    for c in s.categories],
        statuses=dict(s.statuses),
        achievement=None if s.achievement is None else dict(s.achievement),
    )


def render(results: list[FrameworkResult], inputs: list[tuple[str, str]], version: str,
           sensitivity: dict | None = None, assumptions: tuple = ()) -> str:
    """The whole JSON document. `inputs` lists (path, sha256) of every file read; `assumptions`, the what-if
    figures given with --set (`engine.result.Assumption`), in an `assumptions` list only when there are any."""
    evaluations = []
    for r in results:
        d = evaluation_dict(r)
        if sensitivity:
            s = sensitivity[r.framework_id]
            d["sensitivity"] = t.SensitivityJSON(**{k: _v(getattr(s, k)) for k in t.SensitivityJSON.__annotations__})
        evaluations.append(d)
    doc = t.EvaluateDocument(
        schema=SCHEMA,
        ipcheck_version=version,
        inputs=[t.Input(path=p, sha256=h) for p, h in inputs],
        evaluations=evaluations,
    )
    if assumptions:
        doc["assumptions"] = _v(assumptions)
    return dumps(doc)


def dumps(doc: object, compact: bool = False, is_plain: bool = False) -> str:
    """JSON text of any result structure: dataclasses, Decimals and dates included.

    `compact` writes one line (json's C encoder: much faster for thousands of cities);
    `is_plain` says `doc` holds plain JSON values already (see `plain_values`)."""
    doc = doc if is_plain else _v(doc)
    if compact:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


plain_values = _v
