"""ipcheck's command line: thin click commands over the engine.

Reads files, writes files, talks to people; everything else happens in `engine/`.
Exit codes: 0 done, 1 below --fail-under, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click

# ipcheck uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from engine import __version__  # noqa: E402
from engine.errors import InputError  # noqa: E402

HERE = Path(__file__).resolve().parent
CRITERIA_DIR = HERE / "criteria"
INDICATORS = "indicators.yaml"
MAX_INPUT_BYTES = 2 * 1024 * 1024


def read_input(path: Path | str) -> bytes:
    """A file's bytes, or an InputError that says in one line why it cannot be read."""
    name = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(name, 0, 0, "no such file") from None
    except OSError as exc:
        raise InputError(name, 0, 0, f"cannot read: {exc.strerror}") from None
    if p.is_dir():
        raise InputError(name, 0, 0, "is a directory, not a file")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputError(name, 0, 0, f"file is {st.st_size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    try:
        with open(p, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(name, 0, 0, f"cannot read: {exc.strerror}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(str(path), 0, 0, f"folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes 0600; a report gets the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Library:
    """The criteria folder: the indicator catalogue and every framework in it."""
    catalogue: object
    frameworks: dict
    inputs: list[tuple[str, str]]


def load_library(criteria_dir: Path) -> Library:
    from engine.load import load_framework, load_indicators

    ind_path = criteria_dir / INDICATORS
    cat = load_indicators(str(ind_path), read_input(ind_path))
    frameworks = {}
    inputs = [(str(ind_path), cat.sha256)]
    for p in sorted(criteria_dir.glob("*.yaml")):
        if p.name == INDICATORS:
            continue
        fw = load_framework(str(p), read_input(p), cat)
        if fw.id in frameworks:
            raise InputError(str(p), 0, 0, f"framework id {fw.id!r} is also used by {frameworks[fw.id].name}")
        frameworks[fw.id] = fw
        inputs.append((str(p), fw.sha256))
    return Library(cat, frameworks, inputs)


def _choose_frameworks(lib: Library, city_id: str, wanted: tuple[str, ...]) -> list:
    if wanted:
        out = []
        for fid in wanted:
            if fid not in lib.frameworks:
                from engine.load import did_you_mean
                hint = did_you_mean(fid, list(lib.frameworks)) or f" (known: {', '.join(sorted(lib.frameworks))})"
                raise click.UsageError(f"unknown framework {fid!r}{hint}")
            out.append(lib.frameworks[fid])
        return out
    own = [f for f in lib.frameworks.values() if f.model.framework.kind == "plan" and f.model.framework.city == city_id]
    ref = [f for f in lib.frameworks.values() if f.model.framework.kind == "reference"]
    return own + ref


def guarded(fn: Callable) -> Callable:
    """Turn an InputError into one line on stderr and exit code 2."""

    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            click.echo(f"ipcheck: {exc}", err=True)
            sys.exit(2)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def sensitivity_options(fn):
    opts = [
        click.option("--sensitivity", type=click.IntRange(1, 100_000), metavar="N",
                     help="Perturb weights and goalposts N times and report the score's 5–95% interval."),
        click.option("--seed", type=int, default=1, show_default=True, help="Seed of the sensitivity draws."),
        click.option("--weight-range", type=click.FloatRange(0, 1), default=0.2, show_default=True,
                     help="Weights vary by up to ± this share."),
        click.option("--goalpost-range", type=click.FloatRange(0, 1), default=0.1, show_default=True,
                     help="Targets vary by up to ± this share."),
    ]
    for o in reversed(opts):
        fn = o(fn)
    return fn


def _sensitivities(results, draws, seed, weight_range, goalpost_range) -> dict:
    if not draws:
        return {}
    from decimal import Decimal

    from engine.sensitivity import sensitivity
    return {r.framework_id: sensitivity(r, draws, seed, Decimal(str(weight_range)), Decimal(str(goalpost_range)))
            for r in results}


def _sensitivity_lines(results, sens: dict, lang: str) -> str:
    if not sens:
        return ""
    from reports.labels import VERDICT, pct, score_text
    lines = []
    for r in results:
        s = sens[r.framework_id]
        if lang == "zh":
            lines.append(f"{r.framework_id} 敏感性：{s.draws} 次抽样（权重 ±{pct(s.weight_range)}，目标 ±{pct(s.goalpost_range)}，"
                         f"种子 {s.seed}），得分 5–95% 区间 {score_text(s.score_p5)}–{score_text(s.score_p95)}，"
                         f"结论“{VERDICT[r.verdict][lang]}”保持 {pct(s.verdict_kept)}")
        else:
            lines.append(f"{r.framework_id} sensitivity: {s.draws} draws (weights ±{pct(s.weight_range)}, targets "
                         f"±{pct(s.goalpost_range)}, seed {s.seed}): score 5–95% {score_text(s.score_p5)}–"
                         f"{score_text(s.score_p95)}, verdict '{VERDICT[r.verdict][lang]}' kept in {pct(s.verdict_kept)} of draws")
    return "\n".join(lines) + "\n"


criteria_option = click.option("--criteria", "criteria_dir", type=click.Path(path_type=Path), default=CRITERIA_DIR,
                               show_default="the criteria/ folder beside cli.py", help="Folder of indicators and frameworks.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipcheck")
def main() -> None:
    """ipcheck: how ready is a city to be a national IP demonstration city, and how far from its plan?"""


def _parse_assumptions(items: tuple[str, ...]) -> list[tuple[str, str, int]]:
    out = []
    for item in items:
        m = re.fullmatch(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*@\s*(\d{4})\s*", item)
        if not m:
            raise click.BadParameter(f"{item!r}: write INDICATOR=VALUE@YEAR, e.g. pct_applications=700件@2022",
                                     param_hint="--set")
        out.append((m[1], m[2], int(m[3])))
    return out


def _evaluate_all(city_path: Path, criteria_dir: Path, frameworks: tuple[str, ...], year: int | None,
                  engine_name: str, waivers_path: Path | None, as_of: str | None, criterion: str | None = None,
                  assumptions: list[tuple[str, str, int]] | None = None):
    from engine.decide import make_decider
    from engine.evaluate import evaluate_frameworks
    from engine.load import load_city, load_waivers, with_assumptions

    lib = load_library(criteria_dir)
    city = load_city(str(city_path), read_input(city_path), lib.catalogue)
    if assumptions:
        try:
            city = with_assumptions(city, assumptions, lib.catalogue)
        except InputError as exc:
            raise click.BadParameter(f"{exc.file[6:]}: {exc.message}", param_hint="--set") from None
    inputs = list(lib.inputs) + [(str(city_path), city.sha256)]
    waivers = []
    if waivers_path is not None:
        raw = read_input(waivers_path)
        known = {c.id for fw in lib.frameworks.values() for c in fw.model.criteria}
        waivers = load_waivers(str(waivers_path), raw, known)
        from engine.load import sha256
        inputs.append((str(waivers_path), sha256(raw)))
    if criterion and not frameworks:
        chosen = [f for f in lib.frameworks.values() if any(c.id == criterion for c in f.model.criteria)]
        if not chosen:
            from engine.load import did_you_mean
            ids = [c.id for f in lib.frameworks.values() for c in f.model.criteria]
            raise click.UsageError(f"no criterion {criterion!r}{did_you_mean(criterion, ids)}")
    else:
        chosen = _choose_frameworks(lib, city.id, frameworks)
    if not chosen:
        raise click.UsageError("no framework to evaluate against: name one with --framework")
    decider, notice = make_decider(engine_name)
    if notice:
        click.echo(notice, err=True)
    day = None
    if as_of:
        day = dt.date.today() if as_of == "today" else dt.date.fromisoformat(as_of)
    results = evaluate_frameworks(chosen, city, lib.catalogue, decider, year=year, waivers=waivers, as_of=day)
    return lib, city, results, inputs


def _as_of(ctx, param, value):
    if value in (None, "today"):
        return value
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD) or 'today'") from None
    return value


format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
output_option = click.option("--output", type=click.Path(path_type=Path), help="Write to this file (atomically) instead of stdout.")
engine_option = click.option("--engine", "engine_name", type=click.Choice(["durable", "python"]), default="durable",
                             show_default=True, help="Decide with durable-rules or the pure-Python reference decider.")

common = [
    click.option("--framework", "frameworks", multiple=True, metavar="ID",
                 help="Framework to evaluate against (repeatable). Default: the city's own plan and the reference framework."),
    click.option("--year", type=click.IntRange(1949, 2100),
                 help="Evaluation year. Default: each framework's target year; for the reference framework, the latest year in the city's facts."),
    engine_option,
    click.option("--waivers", "waivers_path", type=click.Path(path_type=Path), help="A waiver file."),
    click.option("--as-of", callback=_as_of, metavar="DATE|today",
                 help="Date waivers are judged on. Default: 31 December of the evaluation year."),
    criteria_option,
    lang_option,
]


def with_common(fn):
    for opt in reversed(common):
        fn = opt(fn)
    return fn


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=click.Path(path_type=Path))
@with_common
@format_option
@output_option
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when any framework scores below this.")
@click.option("--pdf", "pdf_path", type=click.Path(path_type=Path), help="Also write the readiness report as PDF.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), help="Also write the report as one self-contained HTML page.")
@click.option("--set", "assumptions", multiple=True, metavar="INDICATOR=VALUE@YEAR",
              help="What-if: evaluate with this fact changed (repeatable); the outputs mark it as an assumption.")
@sensitivity_options
@guarded
def evaluate(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, fail_under,
             pdf_path, html_path, assumptions, sensitivity, seed, weight_range, goalpost_range):
    """Evaluate a city against its own plan and the reference framework."""
    renderer = None
    if pdf_path:
        from reports.document import Renderer
        renderer = Renderer()  # imports weasyprint in another process while this one evaluates
    try:
        _evaluate_command(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output,
                          fail_under, pdf_path, html_path, assumptions, sensitivity, seed, weight_range, goalpost_range,
                          renderer)
    finally:
        if renderer:
            renderer.close()


def _evaluate_command(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output,
                      fail_under, pdf_path, html_path, assumptions, sensitivity, seed, weight_range, goalpost_range,
                      renderer):
    lib, city, results, inputs = _evaluate_all(city_path, criteria_dir, frameworks, year, engine_name, waivers_path, as_of,
                                               assumptions=_parse_assumptions(assumptions))
    sens = _sensitivities(results, sensitivity, seed, weight_range, goalpost_range)
    job = None
    if pdf_path or html_path:
        from reports import document
        page = document.render_html(results, lang, inputs, __version__, sens)
        if html_path:
            write_atomic(html_path, page.encode("utf-8"))
            click.echo(f"wrote {html_path}", err=True)
        if pdf_path:
            job = renderer.submit(page)  # the PDF renders on the other core while the text is made
    if fmt == "json":
        from reports import json_report
        text = json_report.render(results, inputs, __version__, sensitivity=sens)
    elif fmt == "markdown":
        from reports import markdown
        text = markdown.render(results, lang) + _sensitivity_lines(results, sens, lang)
    else:
        from reports import terminal
        text = terminal.render(results, lang, color=output is None and sys.stdout.isatty()) + _sensitivity_lines(results, sens, lang)
    if job is not None:
        from reports import document
        try:
            pdf = job.get()
        except document.ReportError as exc:
            raise InputError(str(pdf_path), 0, 0, str(exc)) from None
        write_atomic(pdf_path, pdf)
        click.echo(f"wrote {pdf_path}", err=True)
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    if fail_under is not None:
        from decimal import Decimal
        low = [r.framework_id for r in results if r.score is None or r.score < Decimal(str(fail_under))]
        if low:
            click.echo(f"ipcheck: below --fail-under {fail_under}: {', '.join(low)}", err=True)
            sys.exit(1)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=click.Path(path_type=Path))
@click.argument("criterion_id", metavar="CRITERION_ID")
@with_common
@guarded
def explain(city_path, criterion_id, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang):
    """Explain one criterion's result for a city in plain words."""
    from reports import explain as explain_report

    lib, city, results, _ = _evaluate_all(city_path, criteria_dir, frameworks, year, engine_name, waivers_path,
                                          as_of, criterion=criterion_id)
    for res in results:
        for r in res.results:
            if r.id == criterion_id:
                click.echo(explain_report.render(res, r, lang), nl=False)
                return
    from engine.load import did_you_mean
    ids = [r.id for res in results for r in res.results]
    raise click.UsageError(f"no criterion {criterion_id!r}{did_you_mean(criterion_id, ids)}")


@main.command()
@click.argument("framework_id", required=False)
@criteria_option
@lang_option
@guarded
def criteria(framework_id, criteria_dir, lang):
    """List the frameworks, or one framework's criteria."""
    lib = load_library(criteria_dir)
    if framework_id is None:
        for fid, fw in sorted(lib.frameworks.items()):
            h = fw.model.framework
            title = h.title.zh if lang == "zh" else h.title.en
            click.echo(f"{fid:<16} {h.kind:<9} {len(fw.model.criteria):>3} criteria  {h.source.file}  {title}")
        return
    if framework_id not in lib.frameworks:
        raise click.UsageError(f"unknown framework {framework_id!r} (known: {', '.join(sorted(lib.frameworks))})")
    fw = lib.frameworks[framework_id]
    for c in fw.model.criteria:
        title = c.title.zh if lang == "zh" else c.title.en
        gate = " required" if c.required else ""
        click.echo(f"{c.id:<8} {c.category:<12} w={c.weight}{gate:<9} {c.check.kind:<10} {c.clause}  {title}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@criteria_option
def validate(paths, criteria_dir):
    """Check criteria, city and waiver files; every problem with file:line:column."""
    from engine.load import lint_framework, load_city, load_framework, load_indicators, load_waivers

    problems: list[str] = []
    try:
        cat = load_indicators(str(criteria_dir / INDICATORS), read_input(criteria_dir / INDICATORS))
    except InputError as exc:
        click.echo(f"ipcheck: {exc}", err=True)
        sys.exit(2)
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    for p in files:
        try:
            raw = read_input(p)
            kind = _sniff(raw)
            if kind == "indicators":
                load_indicators(str(p), raw)
            elif kind == "framework":
                fw = load_framework(str(p), raw, cat)
                problems += [str(x) for x in lint_framework(fw)]
            elif kind == "waivers":
                load_waivers(str(p), raw)
            else:
                load_city(str(p), raw, cat)
        except InputError as exc:
            problems.append(str(exc))
    for line in problems:
        click.echo(line, err=True)
    if problems:
        sys.exit(2)
    click.echo(f"{len(files)} file{'s' if len(files) != 1 else ''} valid")


def _emit(doc_or_text, fmt: str, lang: str, output: Path | None, pdf_path: Path | None, json_obj=None,
          compact: bool = False, json_is_plain: bool = False) -> None:
    """Print or write a planning/comparison output in the chosen format, and its PDF."""
    from reports import analysis
    if fmt == "json":
        from reports.json_report import dumps
        text = dumps(json_obj, compact=compact, is_plain=json_is_plain)
    elif fmt == "markdown":
        text = analysis.to_markdown(doc_or_text)
    else:
        text = analysis.to_terminal(doc_or_text, color=output is None and sys.stdout.isatty())
    if output:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    if pdf_path:
        from reports import document
        try:
            pdf = document.render_pdf(analysis.to_html(doc_or_text, lang))
        except document.ReportError as exc:
            raise InputError(str(pdf_path), 0, 0, str(exc)) from None
        write_atomic(pdf_path, pdf)
        click.echo(f"wrote {pdf_path}", err=True)


pdf_option = click.option("--pdf", "pdf_path", type=click.Path(path_type=Path), help="Also write it as PDF.")


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=click.Path(path_type=Path))
@click.option("--to", "goal", type=click.Choice(["nearly_ready", "ready"]),
              help="The verdict to reach. Default: one level up (nearly ready, or ready from nearly ready).")
@with_common
@format_option
@output_option
@click.option("--set", "assumptions", multiple=True, metavar="INDICATOR=VALUE@YEAR", help="What-if facts (repeatable).")
@guarded
def plan(city_path, goal, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, assumptions):
    """The smallest set of improvements that moves the verdict up a level, with their size."""
    from engine.plan import plan as make_plan
    from reports.analysis import plan_doc

    _, _, results, _ = _evaluate_all(city_path, criteria_dir, frameworks, year, engine_name, waivers_path, as_of,
                                     assumptions=_parse_assumptions(assumptions))
    plans = [(r, make_plan(r, goal)) for r in results]
    _emit(plan_doc(plans, lang), fmt, lang, output, None, {"schema": "ipcheck.plan/1", "plans": [p for _, p in plans]})


def _compare_worker_init(lib: Library, fw_ids: tuple[str, ...], engine_name: str, year: int | None,
                         sens: tuple | None, rows: bool = False, summaries: bool = True) -> None:
    import gc

    from engine.decide import make_decider
    gc.freeze()  # the criteria and modules shared with the parent stay out of every collection
    _WORKER.update(lib=lib, fws=[lib.frameworks[f] for f in fw_ids], decider=make_decider(engine_name)[0], year=year,
                   sens=sens, rows=rows, summaries=summaries)


_WORKER: dict = {}


def _compare_one(path: str):
    """Evaluate one city file in a worker: (path, [(summary, sensitivity, JSON row)], None) or (path, None, error line).

    The JSON row (plain values, without the rank) is made here when JSON is asked for, so the
    parent process only ranks and writes; when nothing but JSON is made, the summary is cut
    to what ranking needs (city and score)."""
    from engine.compare import RankKey, summarize
    from engine.evaluate import evaluate_frameworks
    from engine.load import load_city
    from engine.sensitivity import sensitivity
    from reports.json_report import summary_row
    w = _WORKER
    try:
        city = load_city(path, read_input(path), w["lib"].catalogue)
        results = evaluate_frameworks(w["fws"], city, w["lib"].catalogue, w["decider"], year=w["year"],
                                      detail=False)
        out = []
        for r in results:
            s = summarize(r)
            out.append((s if w["summaries"] else RankKey(s.city_id, s.score),
                        sensitivity(r, *w["sens"]) if w["sens"] else None, summary_row(s) if w["rows"] else None))
        return path, out, None
    except InputError as exc:
        return path, None, str(exc)


def evaluate_many(paths: list[Path], lib: Library, fw_ids: tuple[str, ...], engine_name: str,
                  year: int | None, jobs: int, progress: bool, sens: tuple | None = None, rows: bool = False,
                  summaries: bool = True):
    """Every city against every framework, summarized: in `jobs` processes, each with its own durable-rules Host.

    The workers are forked: they share the criteria already read here. Cities go out in
    chunks of at most 16, so no worker is left with a long tail while the other waits."""
    import multiprocessing as mp
    names = [str(p) for p in paths]
    args = (lib, fw_ids, engine_name, year, sens, rows, summaries)
    out: dict[str, list] = {}
    bar = None
    if progress:
        from rich.progress import Progress
        bar = Progress(transient=True, console=__import__("rich.console", fromlist=["Console"]).Console(stderr=True))
        bar.start()
        task = bar.add_task("evaluating", total=len(names))
    try:
        if jobs <= 1 or len(names) < 8:
            _compare_worker_init(*args)
            it = map(_compare_one, names)
            pool = None
        else:
            pool = mp.get_context("fork").Pool(jobs, initializer=_compare_worker_init, initargs=args)
            it = pool.imap_unordered(_compare_one, names, chunksize=max(1, min(16, len(names) // (jobs * 8) or 1)))
        for path, res, err in it:
            if err:
                if pool:
                    pool.terminate()
                raise _ErrorLine(err)
            out[path] = res
            if bar:
                bar.advance(task)
        if pool:
            pool.close()
            pool.join()
    finally:
        if bar:
            bar.stop()
    return [out[n] for n in names]


class _ErrorLine(InputError):
    def __init__(self, line: str):
        super().__init__("", 0, 0, line)

    def __str__(self) -> str:
        return self.message


@main.command()
@click.argument("city_paths", metavar="CITY.yaml...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--framework", "framework_ids", metavar="ID", multiple=True,
              help="Framework every city is measured against (repeatable; 'all' for every framework). Default: reference.")
@click.option("--year", type=click.IntRange(1949, 2100), help="Evaluation year for every city.")
@engine_option
@click.option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1, show_default="the number of cores")
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
@sensitivity_options
@guarded
def compare(city_paths, framework_ids, year, engine_name, jobs, criteria_dir, lang, fmt, output, pdf_path,
            sensitivity, seed, weight_range, goalpost_range):
    """Rank several cities against a framework: scores, coverage, verdicts, category heat map."""
    from decimal import Decimal

    from engine.compare import rank
    from engine.sensitivity import rank_intervals
    from reports.analysis import Doc, compare_doc
    from reports.json_report import plain_values as json_plain

    lib = load_library(criteria_dir)
    if "all" in framework_ids:
        framework_ids = tuple(sorted(lib.frameworks))
    framework_ids = framework_ids or ("reference",)
    _choose_frameworks(lib, "", framework_ids)
    files: list[Path] = []
    for p in city_paths:
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    sens_args = (sensitivity, seed, Decimal(str(weight_range)), Decimal(str(goalpost_range))) if sensitivity else None
    per_city = evaluate_many(files, lib, framework_ids, engine_name, year, jobs,
                             progress=len(files) > 20 and sys.stderr.isatty(), sens=sens_args, rows=fmt == "json",
                             summaries=fmt != "json" or pdf_path is not None)
    seen: dict[str, str] = {}
    for f, rs in zip(files, per_city):
        cid = rs[0][0].city_id
        if cid in seen:
            raise InputError(str(f), 0, 0, f"city id {cid!r} is also used by {seen[cid]}")
        seen[cid] = str(f)
    docs, comparisons = [], []
    for k, fid in enumerate(framework_ids):
        results = [rs[k][0] for rs in per_city]
        ranked = rank(results)
        sens = {rs[k][0].city_id: rs[k][1] for rs in per_city} if sensitivity else {}
        ci = rank_intervals(sens) if sens else None
        if fmt != "json" or pdf_path:
            titles = [(c.id, c.title.zh, c.title.en) for c in lib.frameworks[fid].model.criteria]
            docs.append(compare_doc(ranked, titles, lang, sens or None, ci))
        if fmt == "json":
            row = {rs[k][0].city_id: rs[k][2] for rs in per_city}
            comparisons.append({"framework": fid, "ranking": [
                {"rank": rk, **row[r.city_id],
                 **({"sensitivity": json_plain({"score_p5": sens[r.city_id].score_p5, "score_p95": sens[r.city_id].score_p95,
                                                "verdict_kept": sens[r.city_id].verdict_kept,
                                                "rank_range": list(ci[r.city_id])})} if sens else {})}
                for rk, r in ranked]})
    doc = None
    if docs:
        doc = docs[0] if len(docs) == 1 else Doc(docs[0].title, [f"{len(files)} cities"],
                                                 [sec for d in docs for sec in _prefixed(d)], docs[0].method)
    # Past 100 cities the JSON is written on one line (the C encoder), still byte-identical run to run.
    _emit(doc, fmt, lang, output, pdf_path, {"schema": "ipcheck.compare/1", "comparisons": comparisons},
          compact=len(files) > 100, json_is_plain=True)


def _prefixed(doc):
    """A comparison's sections, headed by its framework (several frameworks in one output)."""
    from reports.analysis import Section
    out = []
    for sec in doc.sections:
        out.append(Section(f"{doc.meta[0].split(':')[0]} — {sec.heading}", sec.lines, sec.tables))
    return out


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=click.Path(path_type=Path))
@click.option("--from", "year_from", type=click.IntRange(1949, 2100), required=True)
@click.option("--to", "year_to", type=click.IntRange(1949, 2100), required=True)
@click.option("--framework", "framework_id", metavar="ID", help="Default: the city's own plan, else the reference framework.")
@engine_option
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
@guarded
def progress(city_path, year_from, year_to, framework_id, engine_name, criteria_dir, lang, fmt, output, pdf_path):
    """Score, coverage and verdict for each year, and which criteria changed status."""
    from engine.compare import status_changes
    from engine.decide import make_decider
    from engine.evaluate import evaluate as run
    from engine.load import load_city
    from reports.analysis import progress_doc

    if year_to < year_from:
        raise click.BadParameter("--to comes before --from", param_hint="--to")
    lib = load_library(criteria_dir)
    city = load_city(str(city_path), read_input(city_path), lib.catalogue)
    if framework_id:
        fw = _choose_frameworks(lib, city.id, (framework_id,))[0]
    else:
        fw = _choose_frameworks(lib, city.id, ())[0]
    decider, notice = make_decider(engine_name)
    if notice:
        click.echo(notice, err=True)
    series = [run(fw, city, lib.catalogue, decider, year=y) for y in range(year_from, year_to + 1)]
    changes = [[]] + [status_changes(a, b) for a, b in zip(series, series[1:])]
    data = {"schema": "ipcheck.progress/1", "framework": fw.id, "city": city.id,
            "years": [{"year": r.year, "score": r.score, "coverage": r.coverage, "verdict": r.verdict,
                       "changes": ch} for r, ch in zip(series, changes)]}
    _emit(progress_doc(series, changes, lang), fmt, lang, output, pdf_path, data)


@main.command()
@click.argument("framework_a", metavar="FRAMEWORK_A")
@click.argument("framework_b", metavar="FRAMEWORK_B")
@click.argument("city_paths", metavar="[CITY.yaml...]", nargs=-1, type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(1949, 2100), help="Evaluation year (default: each framework's own).")
@criteria_option
@lang_option
@format_option
@output_option
@guarded
def diff(framework_a, framework_b, city_paths, year, criteria_dir, lang, fmt, output):
    """Which criteria two frameworks add, remove or change, and whose verdicts flip."""
    from engine.compare import diff_frameworks
    from engine.decide import PythonDecider
    from engine.evaluate import evaluate as run
    from engine.load import load_city
    from reports.analysis import diff_doc

    lib = load_library(criteria_dir)
    a, b = _choose_frameworks(lib, "", (framework_a, framework_b))
    diffs = diff_frameworks(a, b)
    flips = []
    for p in city_paths:
        city = load_city(str(p), read_input(p), lib.catalogue)
        flips.append((run(a, city, lib.catalogue, PythonDecider(), year=year),
                      run(b, city, lib.catalogue, PythonDecider(), year=year)))
    data = {"schema": "ipcheck.diff/1", "a": a.id, "b": b.id, "criteria": diffs,
            "cities": [{"city": ra.city_id, "a": {"score": ra.score, "verdict": ra.verdict},
                        "b": {"score": rb.score, "verdict": rb.verdict}, "verdict_flips": ra.verdict != rb.verdict}
                       for ra, rb in flips]}
    _emit(diff_doc(a.id, b.id, diffs, flips, lang), fmt, lang, output, None, data)


def _sniff(raw: bytes) -> str:
    """Which kind of file this is, from its top-level keys (a bad file is then judged as a city)."""
    head = raw[:4096].decode("utf-8", "replace")
    for line in head.splitlines():
        if line.startswith("indicators:"):
            return "indicators"
        if line.startswith("framework:") or line.startswith("criteria:"):
            return "framework"
        if line.startswith("waivers:"):
            return "waivers"
    return "city"


if __name__ == "__main__":
    main()
