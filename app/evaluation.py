"""The commands about one city: evaluate, explain, plan."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from .. import __version__
from ..engine.result import Listed, say
from ..reports.words import text
from .files import OutputError
from .library import Selection, UsageProblem, evaluate_selection
from .outcome import Outcome, Perturbation


def evaluate(sel: Selection, *, fmt: str = "table", lang: str = "zh", color: bool = False,
             pdf_path: Path | None = None, html_path: Path | None = None, docx_path: Path | None = None,
             fail_under: Decimal | None = None, perturb: Perturbation | None = None) -> Outcome:
    """Evaluate a city; the text in `fmt`, and the readiness report as PDF, HTML and/or Word."""
    workers = {}  # each imports its library in another process while this one evaluates
    try:
        if pdf_path:
            from ..reports.document import Renderer
            workers["pdf"] = Renderer()
        if docx_path:
            from ..reports.raster import Painter
            workers["docx"] = Painter()
        return _evaluate(sel, fmt, lang, color, (pdf_path, html_path, docx_path), fail_under, perturb, workers)
    finally:
        for w in workers.values():
            w.close()


def _evaluate(sel, fmt, lang, color, paths, fail_under, perturb, workers) -> Outcome:
    pdf_path, html_path, docx_path = paths
    from ..reports import outputs
    ev = evaluate_selection(sel)
    sens = {}
    if perturb:
        from ..engine.sensitivity import sensitivity
        sens = {r.framework_id: sensitivity(r, *perturb.args) for r in ev.results}
    actions = {}
    if pdf_path or html_path or docx_path:  # the report's first actions: what meeting each criterion takes
        from ..engine.plan import first_actions
        actions = {r.framework_id: first_actions(r) for r in ev.results}
    view = outputs.EvaluationView(ev.results, ev.inputs, __version__, sens, actions, ev.assumptions, ev.years_before)
    out = Outcome(notices=list(ev.notices), inputs=ev.paths())
    job = None
    if pdf_path or html_path or docx_path:
        report = outputs.readiness_report(view, lang)  # one content for every document
        if docx_path:  # the charts are drawn on the other core while the rest is made
            from ..reports.docx_report import SCALE, chart_svgs
            workers["docx"].paint(chart_svgs(report), SCALE)
        if pdf_path or html_path:
            from ..reports.document import render_html
            if pdf_path:  # the PDF renders on the other core while the rest is made
                job = workers["pdf"].submit(render_html(report, screen=False))
            if html_path:
                out.files.append((html_path, render_html(report).encode("utf-8")))
        if docx_path:
            from ..reports.docx_report import report_docx
            out.files.append((docx_path, report_docx(report, lambda svg: workers["docx"].picture(svg, SCALE))))
    out.text = outputs.render(view, fmt, lang, color)
    if job is not None:
        from ..reports import document
        try:
            out.files.append((pdf_path, job.get()))
        except document.ReportError as exc:
            raise OutputError(str(pdf_path), str(exc)) from None
    if fail_under is not None:
        low = [r.framework_id for r in ev.results if _below(r, fail_under)]
        if low:
            out.exit_code = 1
            out.failure = text(say("usage.below_fail_under", bar=str(fail_under), ids=Listed(tuple(low), "codes")),
                               lang)
    return out


def _below(r, bar: Decimal) -> bool:
    """A framework fails --fail-under when it has no score, scores below the bar, or is not assessable
    and the missing evidence allows a score below the bar (its score range's low end)."""
    if r.score is None or r.score < bar:
        return True
    return not r.assessable and (r.score_low is None or r.score_low < bar)


def explain(sel: Selection, criterion_id: str, lang: str = "zh") -> Outcome:
    """One criterion's result in plain words: facts, formula, target, sources."""
    from ..engine.errors import did_you_mean
    from ..engine.result import say
    from ..reports import explain as explain_report
    from ..reports.labels import whatif_line
    ev = evaluate_selection(Selection(**{**sel.__dict__, "criterion": criterion_id}))
    for res in ev.results:
        for r in res.results:
            if r.id == criterion_id:
                whatif = whatif_line(ev.assumptions, lang, [res], ev.years_before)
                return Outcome(text=explain_report.render(res, r, lang, whatif=whatif), notices=ev.notices,
                               inputs=ev.paths())
    ids = [r.id for res in ev.results for r in res.results]
    raise UsageProblem(say("library.no_criterion", id=repr(criterion_id)) + did_you_mean(criterion_id, ids))


def plan(sel: Selection, goal: str | None = None, *, fmt: str = "table", lang: str = "zh", color: bool = False,
         pdf_path: Path | None = None, docx_path: Path | None = None) -> Outcome:
    """The smallest set of improvements that moves the verdict up a level, for each framework."""
    from ..engine.plan import plan as make_plan
    from ..reports import json_types as t
    from ..reports.analysis import plan_doc
    from ..reports.outputs import AnalysisView, render
    from .documents import analysis_files
    ev = evaluate_selection(sel)
    plans = [(r, make_plan(r, goal)) for r in ev.results]
    data = t.PlanDocument(schema="ipcheck.plan/1", plans=[p for _, p in plans])
    if ev.assumptions:
        data["assumptions"] = list(ev.assumptions)
    view = AnalysisView(plan_doc(plans, lang, ev.assumptions, ev.years_before), data)
    return Outcome(text=render(view, fmt, lang, color), notices=ev.notices, inputs=ev.paths(),
                   files=analysis_files(view, lang, ev.results[0].as_of, pdf_path, docx_path))
