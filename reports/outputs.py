"""One reporter interface: a command's view, drawn in the format asked for (table, json, markdown).

Each command builds one view; every text format draws that same view. The PDF, HTML (and,
later, Word) documents are drawn from the same views by `document`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..engine.result import FrameworkResult
from .analysis import Doc


@dataclass(frozen=True)
class EvaluationView:
    """One city's evaluation against one or more frameworks (evaluate)."""
    results: list[FrameworkResult]
    inputs: list[tuple[str, str]]   # (path, sha256) of every file read
    version: str
    sensitivity: dict = field(default_factory=dict)  # by framework id
    actions: dict = field(default_factory=dict)  # by framework id: {criterion id: its first action (a Reason)}
    assumptions: tuple = ()  # the what-if figures given with --set (`engine.result.Assumption`)
    years_before: dict = field(default_factory=dict)  # framework id -> year judged without them, where they move it


@dataclass(frozen=True)
class AnalysisView:
    """A planning or comparison output (plan, compare, progress, diff): its document and its JSON data."""
    doc: Doc | None
    data: Any
    compact: bool = False    # JSON on one line (thousands of cities)
    is_plain: bool = False   # `data` holds plain JSON values already


def _evaluation_table(v: EvaluationView, lang: str, color: bool) -> str:
    from . import evaluation, terminal
    width = terminal.terminal_width()
    form = "narrow" if width < terminal.COMPACT_BELOW else "wide"
    doc = evaluation.doc(v.results, lang, v.sensitivity, form, v.assumptions, v.years_before)
    return terminal.document(doc, lang, color=color, width=width)


def _evaluation_markdown(v: EvaluationView, lang: str, color: bool) -> str:
    from . import evaluation, markdown
    return markdown.document(evaluation.doc(v.results, lang, v.sensitivity, "markdown", v.assumptions,
                                                 v.years_before))


def _evaluation_json(v: EvaluationView, lang: str, color: bool) -> str:
    from . import json_report
    return json_report.render(v.results, v.inputs, v.version, sensitivity=v.sensitivity, assumptions=v.assumptions)


def _analysis_table(v: AnalysisView, lang: str, color: bool) -> str:
    from . import terminal
    return terminal.document(v.doc, lang, color=color)


def _analysis_markdown(v: AnalysisView, lang: str, color: bool) -> str:
    from . import markdown
    return markdown.document(v.doc)


def _analysis_json(v: AnalysisView, lang: str, color: bool) -> str:
    from .json_report import dumps
    return dumps(v.data, compact=v.compact, is_plain=v.is_plain)


REPORTERS: dict[tuple[type, str], Callable[[Any, str, bool], str]] = {
    (EvaluationView, "table"): _evaluation_table,
    (EvaluationView, "markdown"): _evaluation_markdown,
    (EvaluationView, "json"): _evaluation_json,
    (AnalysisView, "table"): _analysis_table,
    (AnalysisView, "markdown"): _analysis_markdown,
    (AnalysisView, "json"): _analysis_json,
}
FORMATS = ("table", "json", "markdown")


def render(view: EvaluationView | AnalysisView, fmt: str, lang: str, color: bool = False) -> str:
    """The view as text in format `fmt` (one of FORMATS); `color` adds terminal colours to a table."""
    return REPORTERS[(type(view), fmt)](view, lang, color)


def document_html(view: EvaluationView | AnalysisView, lang: str, screen: bool = True) -> str:
    """The view as an HTML page (`screen=False`: the page a PDF is made from)."""
    from . import document
    if isinstance(view, EvaluationView):
        return document.render_html(readiness_report(view, lang), screen)
    return document.render_analysis_html(view.doc, lang)


def readiness_report(view: EvaluationView, lang: str):
    """The readiness report's content (`readiness.Report`), which the HTML, PDF and Word documents lay out."""
    from . import readiness
    return readiness.build(view.results, view.inputs, view.version, lang, view.sensitivity, view.actions,
                           view.assumptions, view.years_before)
