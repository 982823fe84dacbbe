"""ipcheck's command line: thin click commands over the engine.

Reads files, writes files, talks to people; everything else happens in `engine/`.
Exit codes: 0 done, 1 below --fail-under, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import click

from engine import __version__
from engine.errors import InputError

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
                import difflib
                close = difflib.get_close_matches(fid, list(lib.frameworks), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(sorted(lib.frameworks))})"
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


criteria_option = click.option("--criteria", "criteria_dir", type=click.Path(path_type=Path), default=CRITERIA_DIR,
                               show_default="the criteria/ folder beside cli.py", help="Folder of indicators and frameworks.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipcheck")
def main() -> None:
    """ipcheck: how ready is a city to be a national IP demonstration city, and how far from its plan?"""


def _evaluate_all(city_path: Path, criteria_dir: Path, frameworks: tuple[str, ...], year: int | None,
                  engine_name: str, waivers_path: Path | None, as_of: str | None, criterion: str | None = None):
    from engine.decide import make_decider
    from engine.evaluate import evaluate
    from engine.load import load_city, load_waivers

    lib = load_library(criteria_dir)
    city = load_city(str(city_path), read_input(city_path), lib.catalogue)
    inputs = list(lib.inputs) + [(str(city_path), city.sha256)]
    waivers = []
    if waivers_path is not None:
        raw = read_input(waivers_path)
        waivers = load_waivers(str(waivers_path), raw)
        from engine.load import sha256
        inputs.append((str(waivers_path), sha256(raw)))
    if criterion and not frameworks:
        chosen = [f for f in lib.frameworks.values() if any(c.id == criterion for c in f.model.criteria)]
        if not chosen:
            import difflib
            ids = [c.id for f in lib.frameworks.values() for c in f.model.criteria]
            close = difflib.get_close_matches(criterion, ids, n=1)
            raise click.UsageError(f"no criterion {criterion!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
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
    results = [evaluate(fw, city, lib.catalogue, decider, year=year, waivers=waivers, as_of=day) for fw in chosen]
    return lib, city, results, inputs


def _as_of(ctx, param, value):
    if value in (None, "today"):
        return value
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD) or 'today'") from None
    return value


common = [
    click.option("--framework", "frameworks", multiple=True, metavar="ID",
                 help="Framework to evaluate against (repeatable). Default: the city's own plan and the reference framework."),
    click.option("--year", type=click.IntRange(1949, 2100), help="Evaluation year. Default: each framework's target year."),
    click.option("--engine", "engine_name", type=click.Choice(["durable", "python"]), default="durable", show_default=True,
                 help="Decide with durable-rules or the pure-Python reference decider."),
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
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@click.option("--output", type=click.Path(path_type=Path), help="Write to this file (atomically) instead of stdout.")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when any framework scores below this.")
@click.option("--pdf", "pdf_path", type=click.Path(path_type=Path), help="Also write the readiness report as PDF.")
@click.option("--html", "html_path", type=click.Path(path_type=Path), help="Also write the report as one self-contained HTML page.")
@guarded
def evaluate(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, fail_under,
             pdf_path, html_path):
    """Evaluate a city against its own plan and the reference framework."""
    lib, city, results, inputs = _evaluate_all(city_path, criteria_dir, frameworks, year, engine_name, waivers_path, as_of)
    if pdf_path or html_path:
        from reports import document
        page = document.render_html(results, lang, inputs, __version__)
        if html_path:
            write_atomic(html_path, page.encode("utf-8"))
            click.echo(f"wrote {html_path}", err=True)
        if pdf_path:
            try:
                pdf = document.render_pdf(page)
            except document.ReportError as exc:
                raise InputError(str(pdf_path), 0, 0, str(exc)) from None
            write_atomic(pdf_path, pdf)
            click.echo(f"wrote {pdf_path}", err=True)
    if fmt == "json":
        from reports import json_report
        text = json_report.render(results, inputs, __version__)
    elif fmt == "markdown":
        from reports import markdown
        text = markdown.render(results, lang)
    else:
        from reports import terminal
        text = terminal.render(results, lang, color=output is None and sys.stdout.isatty())
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
    import difflib
    ids = [r.id for res in results for r in res.results]
    close = difflib.get_close_matches(criterion_id, ids, n=1)
    raise click.UsageError(f"no criterion {criterion_id!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))


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
