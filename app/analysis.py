"""The commands about several cities, years or frameworks: compare, progress, diff."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..engine.result import say as R
from ..engine.yamldoc import parse
from .batch import evaluate_many
from .files import read_input, yaml_files
from .library import CRITERIA_DIR, choose_frameworks, decider_notices, load_city_file, load_library
from .outcome import Outcome, Perturbation


def compare(city_paths: list[Path], framework_ids: tuple[str, ...] = (), *, year: int | None = None,
            engine: str = "durable", jobs: int = 1, criteria_dir: Path = CRITERIA_DIR, fmt: str = "table",
            lang: str = "zh", color: bool = False, pdf_path: Path | None = None, perturb: Perturbation | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Rank cities (files or folders of them) against frameworks ('all' for every one; default: reference).

    With `pdf_path`, the outcome also holds the comparison as a PDF.
    `on_progress(done, total)` is called as cities are evaluated."""
    from ..engine.compare import rank
    from ..engine.sensitivity import rank_intervals
    from ..reports import json_types as t
    from ..reports.analysis import Doc, compare_doc, lines
    from ..reports.json_report import plain_values as json_plain
    from ..reports.labels import version_text
    from ..reports.outputs import AnalysisView, document_html, render
    from ..reports.words import say

    lib = load_library(criteria_dir, framework_ids)
    framework_ids = tuple(dict.fromkeys(lib.ids(framework_ids)))  # a framework named twice is compared once
    if "all" in framework_ids:
        framework_ids = tuple(sorted(lib.frameworks))
    framework_ids = framework_ids or ("reference",)
    choose_frameworks(lib, "", framework_ids)
    files = yaml_files(city_paths)
    progress = (lambda n: on_progress(n, len(files))) if on_progress else None
    failures: list[str] = []
    per_city = evaluate_many(files, lib, framework_ids, engine, year, jobs, on_progress=progress,
                             sens=perturb.args if perturb else None, rows=fmt == "json",
                             summaries=fmt != "json" or pdf_path is not None, failures=failures)
    seen: dict[str, str] = {}
    for f, rs in zip(files, per_city):
        cid = rs[0][0].city_id
        if cid in seen:  # said at the file's `city: id:`, read again only for this refusal
            doc = parse(str(f), read_input(f))
            raise doc.error(("city", "id"), R("analysis.city_twice", id=repr(cid), other=seen[cid]))
        seen[cid] = str(f)
    docs, comparisons = [], []
    for k, fid in enumerate(framework_ids):
        results = [rs[k][0] for rs in per_city]
        ranked = rank(results)
        sens = {rs[k][0].city_id: rs[k][1] for rs in per_city} if perturb else {}
        ci = rank_intervals(sens) if sens else None
        if fmt != "json" or pdf_path:
            titles = [(c.id, c.title.zh, c.title.en) for c in lib.frameworks[fid].model.criteria]
            fw = lib.frameworks[fid].model.framework
            docs.append((version_text(fid, fw.version, lang), compare_doc(ranked, titles, lang, sens or None, ci)))
        if fmt == "json":
            row = {rs[k][0].city_id: rs[k][2] for rs in per_city}
            comparisons.append(t.Comparison(framework=fid, years=sorted({row[r.city_id]["year"] for _, r in ranked}),
                                            ranking=[
                t.RankedRow(rank=rk, **row[r.city_id],  # type: ignore[typeddict-item]
                            **({"sensitivity": t.RankSensitivity(**json_plain({  # type: ignore[typeddict-item]
                                "score_p5": sens[r.city_id].score_p5, "score_p95": sens[r.city_id].score_p95,
                                "verdict_kept": sens[r.city_id].verdict_kept,
                                "rank_range": list(ci[r.city_id])}))} if sens else {}))
                for rk, r in ranked]))
    doc = None
    if docs:
        first = docs[0][1]
        doc = first if len(docs) == 1 else Doc(first.title, lines(say("compare.cities", lang, n=len(files))),
                                               tuple(sec for label, d in docs for sec in _prefixed(d, label)),
                                               # each framework's way of ranking once (a plan's and a readiness
                                               # framework's differ), in the order the frameworks come
                                               tuple(dict.fromkeys(p for _, d in docs for p in d.method)))
    # Past 100 cities the JSON is written on one line (the C encoder), still byte-identical run to run.
    view = AnalysisView(doc, t.CompareDocument(schema="ipcheck.compare/1", comparisons=comparisons),
                        compact=len(files) > 100, is_plain=True)
    out = Outcome(text=render(view, fmt, lang, color), inputs=lib.paths() + [str(p) for p in [*city_paths, *files]],
                  notices=[line for why in failures for line in decider_notices(_Failed(why), None, lang)])
    if pdf_path:
        out.files.append((pdf_path, _pdf(pdf_path, document_html(view, lang))))
    return out


class _Failed:
    """A decider's failure reported by a worker process, in the shape `decider_notices` reads."""

    def __init__(self, failure: str) -> None:
        self.failure = failure


def _prefixed(doc, label: str) -> list:
    """A comparison's sections, headed by its framework (several frameworks in one output)."""
    from dataclasses import replace
    return [replace(sec, heading=f"{label} — {sec.heading}", running=f"{label} — {sec.heading}")
            for sec in doc.sections]


def _pdf(path: Path, html: str) -> bytes:
    from .documents import pdf_bytes
    return pdf_bytes(path, html)


def progress(city_path: Path, year_from: int, year_to: int, framework_id: str | None = None, *,
             engine: str = "durable", criteria_dir: Path = CRITERIA_DIR, fmt: str = "table", lang: str = "zh",
             color: bool = False, pdf_path: Path | None = None, docx_path: Path | None = None) -> Outcome:
    """Score, coverage and verdict for each year from `year_from` to `year_to`, and which criteria changed;
    with `pdf_path` and `docx_path`, also as PDF and Word (with a chart of score and coverage by year)."""
    from ..engine.compare import achievement_changes, status_changes
    from ..engine.decide import make_decider
    from ..engine.evaluate import evaluate as run
    from ..reports import json_types as t
    from ..reports.analysis import progress_doc
    from ..reports.outputs import AnalysisView, render

    lib = load_library(criteria_dir, (framework_id,) if framework_id else ())
    city = load_city_file(city_path, lib)
    fw = choose_frameworks(lib, city.id, (framework_id,) if framework_id else ())[0]
    decider, notice = make_decider(engine)
    series = [run(fw, city, lib.catalogue, decider, year=y) for y in range(year_from, year_to + 1)]
    changes = [[]] + [status_changes(a, b) for a, b in zip(series, series[1:])]
    # a plan framework's progress reads in its targets' achievements (issue 25); the JSON keeps the statuses
    plan = series[0].framework_kind == "plan"
    shown = [[]] + [achievement_changes(a, b) for a, b in zip(series, series[1:])] if plan else changes
    data = t.ProgressDocument(schema="ipcheck.progress/1", framework=fw.id, city=city.id,
                              years=[t.ProgressYear(year=r.year, score=r.score, coverage=r.coverage,  # type: ignore[typeddict-item]
                                                    verdict=r.verdict, changes=ch)
                                     for r, ch in zip(series, changes)])
    view = AnalysisView(progress_doc(series, shown, lang), data)
    from .documents import analysis_files
    return Outcome(text=render(view, fmt, lang, color), notices=decider_notices(decider, notice, lang),
                   inputs=lib.paths() + [str(city_path)],
                   files=analysis_files(view, lang, series[-1].as_of, pdf_path, docx_path))


def diff(framework_a: str, framework_b: str, city_paths: list[Path] = (), *, year: int | None = None,
         criteria_dir: Path = CRITERIA_DIR, fmt: str = "table", lang: str = "zh", color: bool = False) -> Outcome:
    """Which criteria two frameworks add, remove or change, and whose verdicts flip."""
    from ..engine.compare import diff_frameworks
    from ..engine.decide import PythonDecider
    from ..engine.evaluate import evaluate as run
    from ..reports import json_types as t
    from ..reports.analysis import diff_doc
    from ..reports.outputs import AnalysisView, render

    lib = load_library(criteria_dir, (framework_a, framework_b))
    a, b = choose_frameworks(lib, "", (framework_a, framework_b))
    diffs = diff_frameworks(a, b)
    flips = []
    for p in city_paths:
        city = load_city_file(p, lib)
        flips.append((run(a, city, lib.catalogue, PythonDecider(), year=year),
                      run(b, city, lib.catalogue, PythonDecider(), year=year)))
    data = t.DiffDocument(schema="ipcheck.diff/1", a=a.id, b=b.id, criteria=diffs,  # type: ignore[typeddict-item]
                          cities=[t.Flip(city=ra.city_id, a=t.Verdict(score=ra.score, verdict=ra.verdict),  # type: ignore[typeddict-item]
                                         b=t.Verdict(score=rb.score, verdict=rb.verdict),  # type: ignore[typeddict-item]
                                         verdict_flips=ra.verdict != rb.verdict)
                                  for ra, rb in flips])
    titles = {c.id: (c.title.zh, c.title.en) for fw in (a, b) for c in fw.model.criteria}
    return Outcome(text=render(AnalysisView(diff_doc(a.id, b.id, diffs, flips, lang, titles), data), fmt, lang, color),
                   inputs=lib.paths() + [str(p) for p in city_paths])
