"""indicators: the catalogue as people need it to write a fact file, and which criteria read each indicator."""

from __future__ import annotations

from pathlib import Path

from .library import CRITERIA_DIR, Library, choose_frameworks, load_library
from .outcome import Outcome


def usage(lib: Library, framework_ids: tuple[str, ...] | list[str] = ()) -> dict[str, list[str]]:
    """Indicator id -> the ids of the criteria that read it, in framework (sorted) and criterion order."""
    from ..engine.checks import check_indicators
    out: dict[str, list[str]] = {}
    for fid in sorted(framework_ids or lib.frameworks):
        for c in lib.frameworks[fid].model.criteria:
            for ind in check_indicators(c.check):
                out.setdefault(ind, []).append(c.id)
    return out


def catalogue_data(lib: Library, framework_id: str | None = None) -> dict:
    """The catalogue as plain JSON values (schema ipcheck.indicators/1), restricted to a framework's indicators."""
    used = usage(lib, (framework_id,) if framework_id else ())
    rows = []
    for ind in lib.catalogue.indicators.values():
        if framework_id and ind.id not in used:
            continue
        rows.append({
            "id": ind.id, "name": {"zh": ind.name.zh, "en": ind.name.en}, "unit": ind.unit, "kind": ind.kind,
            "better": ind.better,
            "description": None if ind.description is None else {"zh": ind.description.zh, "en": ind.description.en},
            "attributes": {a: {"name": {"zh": at.name.zh, "en": at.name.en},
                               "values": [{"id": v, "name": {"zh": n.zh, "en": n.en}} for v, n in at.values.items()]}
                           for a, at in ind.attributes.items()},
            "criteria": used.get(ind.id, []),
        })
    return {"schema": "ipcheck.indicators/1", "framework": framework_id, "indicators": rows}


def list_indicators(framework_id: str | None = None, *, criteria_dir: Path = CRITERIA_DIR, fmt: str = "table",
                    lang: str = "zh", color: bool = False) -> Outcome:
    """Every indicator (or those a framework uses): names, unit, kind, direction, definition, attributes, criteria."""
    from ..reports.catalogue import indicators_doc
    from ..reports.outputs import AnalysisView, render

    lib = load_library(criteria_dir, (framework_id,) if framework_id else ())
    if framework_id:
        # an unknown id is a usage error, with a did-you-mean
        framework_id = choose_frameworks(lib, "", (framework_id,))[0].id
    data = catalogue_data(lib, framework_id)
    view = AnalysisView(indicators_doc(data, lang, blocks=fmt == "table"), data, is_plain=True)
    return Outcome(text=render(view, fmt, lang, color), inputs=lib.paths())
