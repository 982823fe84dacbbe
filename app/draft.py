"""draft: a city's own plan document (or its reviewed workbook) in, a framework YAML and a review workbook out.

`ipcheck draft PLAN --city ID` reads the plan file (`plandoc`), has the plan reader find its
targets and mechanisms (`engine.planread.read_plan`), and returns what it found as data
(`DraftSummary`: how many targets, how many matched to the catalogue, which to review and why), which
`reports/messages.py` words. `--output` writes the framework (`draftframe`), `--xlsx` the review
workbook (`draftbook`); `--from TARGETS.xlsx` drafts from a reviewed workbook instead of the
document. Files are written together or not at all (`files.write_outputs`); an existing file is
written over only with `--force`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from .. import CRITERIA_DIR
from ..engine import planread
from ..engine.errors import InputError
from ..engine.planread.model import PlanReading
from ..reports import messages
from ..reports.messages import DraftSummary, ToReview
from .draftbook import read_targets, reasons, review_note, workbook_bytes
from .draftframe import categories_from, draft_framework, one_line, say
from .formread import FormProblems
from .library import UsageProblem, load_library
from .outcome import Outcome
from .plandoc import plan_text

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


def _plain(d: Decimal | None) -> str | None:
    from ..engine.units import plain
    return None if d is None else plain(d)


def reading_json(reading: PlanReading) -> str:
    """The reading as data (targets[] and mechanisms[]), for other tools: exact figures as strings.

    The document type `ipcheck.draft/1` of `ipcheck schema result` (reports/json_types.DraftDocument)."""
    from ..reports import json_types as jt
    doc = reading.document
    data = jt.DraftDocument(
        schema="ipcheck.draft/1",
        document={"title": doc.title, "issuer": doc.issuer, "number": doc.number, "date": doc.date,
                  "period": list(doc.period) if doc.period else None},  # type: ignore[typeddict-item]
        targets=[{"name": t.name, "indicator": t.indicator, "value": _plain(t.value), "value_text": t.value_text,
                  "unit": t.unit, "comparison": t.comparison, "year": t.year, "base_value": _plain(t.base_value),
                  "base_year": t.base_year, "kind": t.kind, "nature": t.nature, "aspirational": t.aspirational,
                  "upper": _plain(t.upper), "clause": t.clause, "lead_unit": t.lead_unit, "quote": t.quote,
                  "review": reasons(t), "incomplete": t.incomplete, "proposed_indicator": t.proposed_indicator,
                  "match": t.match} for t in reading.targets],  # type: ignore[misc]
        mechanisms=[jt.DraftMechanism(text=m.text, indicator=m.indicator, clause=m.clause, lead_unit=m.lead_unit,
                                     quote=m.quote) for m in reading.mechanisms],
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary(reading: PlanReading, cat, city: str, left_out: dict[int, str] | None = None) -> DraftSummary:
    """What the reading found, as data: the document, the counts, and each target to review.

    `left_out` maps a target (by id) the framework had to leave commented out to the reason, for the
    targets the reader itself did not mark for review (a unit that does not fit the indicator …)."""
    left_out = left_out or {}
    doc = reading.document
    targets = reading.targets
    review = tuple(ToReview(one_line(t.name), None if t.clause is None else one_line(t.clause), tuple(reasons(t)),
                            None if reasons(t) else one_line(left_out[id(t)]))
                   for t in targets if reasons(t) or id(t) in left_out)
    return DraftSummary(title=one_line(doc.title) if doc.title else None, number=doc.number, date=doc.date,
                        targets=len(targets),
                        matched=sum(1 for t in targets if t.indicator is not None and t.indicator in cat.indicators),
                        mechanisms=len(reading.mechanisms), review=review, city=city,
                        unstated=tuple(k for k, v in (("title", doc.title), ("issuer", doc.issuer))
                                       if not one_line(v or "").strip()))


def _refuse_existing(path: str | None, force: bool, lang: str) -> None:
    if path is not None and os.path.isdir(path):
        raise InputError(path, None, None, say("draft.err.is_folder", lang))
    if path is not None and not force and os.path.lexists(path):
        raise InputError(path, None, None, say("draft.err.exists", lang))


def _refuse_suffix(path: str | None, suffixes: tuple[str, ...], option: str, lang: str) -> None:
    """A framework is written as .yaml (what --framework and the criteria folders read), a workbook as .xlsx."""
    if path is not None and not path.lower().endswith(suffixes):
        raise UsageProblem(say("draft.err.output_suffix", lang, path=path, suffix=suffixes[0]), option)


def draft(plan_path: Path | None, city: str, *, from_path: Path | None = None, output: str | None = None,
          xlsx_path: str | None = None, fmt: str = "table", force: bool = False, lang: str = "zh",
          criteria_dir: Path = CRITERIA_DIR) -> Outcome:
    """`ipcheck draft`: read a plan (or a reviewed workbook), return what it sets (worded by `reports.messages`)
    and the files asked for."""
    if not _ID.match(city) or len(city) > 64:
        raise UsageProblem(say("draft.err.city", lang, city=city), "--city")
    if (plan_path is None) == (from_path is None):
        raise UsageProblem(say("draft.err.plan_and_from" if plan_path else "draft.err.nothing", lang))
    _refuse_suffix(output, (".yaml", ".yml"), "--output", lang)
    _refuse_suffix(xlsx_path, (".xlsx",), "--xlsx", lang)
    _refuse_existing(output, force, lang)
    _refuse_existing(xlsx_path, force, lang)
    lib = load_library(criteria_dir)
    cat = lib.catalogue
    source = plan_path if plan_path is not None else from_path
    inputs = [str(source)] + lib.paths()
    if plan_path is not None:
        text = plan_text(plan_path, lang)
        reading = planread.read_plan(text, cat)
        source_file = Path(plan_path).name
    else:
        try:
            reading, source_file = read_targets(Path(from_path), city, cat, lang)
        except FormProblems as exc:
            return Outcome(notices=[f"ipcheck: {line}" for line in exc.lines], exit_code=2, inputs=inputs)
    if not reading.targets:
        return Outcome(exit_code=1, failure=f"{source}: {say('draft.err.no_target', lang)}", inputs=inputs)
    files: list[tuple[Path, bytes]] = []
    left_out: dict[int, str] = {}
    commented = 0
    if output is not None:
        stem = Path(output).stem  # haimen-2023.yaml: the framework's id is haimen-2023
        fid = stem if _ID.match(stem) and len(stem) <= 64 else None
        drafted = draft_framework(reading, city, cat, categories_from(lib), source_file, lang, fid)
        left_out = {id(t): why for t, why in drafted.commented}
        files.append((Path(output), drafted.text.encode("utf-8")))
        commented = len(drafted.commented)
    if xlsx_path is not None:
        notes = [review_note(t, lang) for t in reading.targets]
        files.append((Path(xlsx_path), workbook_bytes(reading, city, source_file, cat, notes)))
    said = replace(summary(reading, cat, city, left_out), output=output, xlsx=xlsx_path, commented=commented)
    notices = messages.draft_notices(said, lang)
    if fmt == "json":
        return Outcome(text=reading_json(reading), files=files, notices=notices, inputs=inputs)
    return Outcome(text=messages.render(said, lang), files=files, notices=notices, inputs=inputs)
