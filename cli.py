"""ipcheck's command line: thin click commands.

Each command parses its options and calls one function of `ipcheck.app`, which returns an
`Outcome`; `_finish` writes it. Exit codes: 0 done, 1 below --fail-under, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import signal
import sys
import threading
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import click

# ipcheck uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from . import CRITERIA_DIR, __version__  # noqa: E402
from .app.files import write_outputs  # noqa: E402
from .app.library import FIRST_YEAR, LAST_YEAR, Selection, UsageProblem  # noqa: E402
from .app.outcome import Outcome, Perturbation  # noqa: E402
from .engine.errors import InputError, error_line, printable  # noqa: E402


class _Path(click.Path):
    """A file or folder path; an empty one (which would name the current folder) is refused."""

    def convert(self, value, param, ctx):
        return self.fail("the path is empty", param, ctx) if value == "" else super().convert(value, param, ctx)


FilePath = _Path(path_type=Path)
OutPath = _Path(path_type=str)  # as written: "reports/" stays a folder's name, and is refused as a file


def _finish(out: Outcome, output: str | None = None) -> None:
    """Write a command's outcome: all its files (with the text, to `output`) or none; stderr lines; exit code.

    Called inside a command: a file that cannot be written is one line and exit code 2 (`_Command`)."""
    files = list(out.files) + ([(output, out.text.encode("utf-8"))] if output is not None else [])
    write_outputs(files, out.inputs)
    for line in out.notices:
        click.echo(printable(line), err=True)
    for path, _ in files:
        click.echo(f"wrote {printable(str(path))}", err=True)
    if output is None:
        click.echo(out.text, nl=False)
    if out.failure:
        click.echo(error_line(out.failure), err=True)
    if out.exit_code:
        sys.exit(out.exit_code)


@contextmanager
def _one_line():
    """A usage error comes out as every other error does: one line, 'ipcheck: ...', exit code 2."""
    try:
        yield
    except getattr(click.exceptions, "NoArgsIsHelpError", ()):
        raise  # `ipcheck` alone: the help
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        click.echo(error_line(exc.format_message() + (f" (see '{ctx.command_path} --help')" if ctx else "")), err=True)
        sys.exit(exc.exit_code)


class _Command(click.Command):
    """A command: bad input becomes one line on stderr and exit code 2; a misused option, a usage error."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(error_line(exc), err=True)
            sys.exit(2)
        except UsageProblem as exc:
            raise (click.BadParameter(exc.message, ctx, param_hint=exc.option) if exc.option
                   else click.UsageError(exc.message, ctx)) from None


class _Main(click.Group):
    """The command group; its commands' usage errors come out as one line."""

    command_class = _Command

    def make_context(self, *args, **kwargs):
        with _one_line():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with _one_line():
            return super().invoke(ctx)


class _Finite(click.FloatRange):
    """A number in a range; NaN, which every comparison lets through, is refused."""

    def convert(self, value, param, ctx):
        rv = super().convert(value, param, ctx)
        return self.fail(f"{value!r} is not a number", param, ctx) if math.isnan(rv) else rv


def _exit_on_sigterm() -> None:
    """SIGTERM ends a command as an error does: temporary files removed, child processes stopped; exit 143."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _color(output: str | None) -> bool:
    return output is None and sys.stdout.isatty()


def _as_of(ctx, param, value):
    if value in (None, "today"):
        return value
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD) or 'today'") from None
    return value


def _options(*opts):
    def apply(fn):
        for o in reversed(opts):
            fn = o(fn)
        return fn
    return apply


year_option = click.option("--year", type=click.IntRange(FIRST_YEAR, LAST_YEAR),
                           help="Evaluation year. Default: each framework's target year; for the reference "
                                "framework, the latest year in the city's facts.")
criteria_option = click.option("--criteria", "criteria_dir", type=FilePath, default=CRITERIA_DIR,
                               show_default="the criteria shipped with ipcheck", help="Folder of indicators and frameworks.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
                             show_default=True)
output_option = click.option("--output", type=OutPath, help="Write to this file (atomically) instead of stdout.")
pdf_option = click.option("--pdf", "pdf_path", type=OutPath, help="Also write it as PDF.")
engine_option = click.option("--engine", "engine_name", type=click.Choice(["durable", "python"]), default="durable",
                             show_default=True, help="Decide with durable-rules or the pure-Python reference decider.")
set_option = click.option("--set", "assumptions", multiple=True, metavar="INDICATOR=VALUE@YEAR",
                          help="What-if: evaluate with this fact changed (repeatable); the outputs mark it as an assumption.")
selection_options = _options(
    click.option("--framework", "frameworks", multiple=True, metavar="ID",
                 help="Framework to evaluate against (repeatable). Default: the city's own plan and the reference framework."),
    year_option, engine_option,
    click.option("--waivers", "waivers_path", type=FilePath, help="A waiver file."),
    click.option("--as-of", callback=_as_of, metavar="DATE|today",
                 help="Date waivers are judged on. Default: 31 December of the evaluation year."),
    criteria_option, lang_option,
)
sensitivity_options = _options(
    click.option("--sensitivity", type=click.IntRange(1, 100_000), metavar="N",
                 help="Perturb weights and goalposts N times and report the score's 5–95% interval."),
    click.option("--seed", type=int, default=1, show_default=True, help="Seed of the sensitivity draws."),
    click.option("--weight-range", type=_Finite(0, 1), default=0.2, show_default=True,
                 help="Weights vary by up to ± this share."),
    click.option("--goalpost-range", type=_Finite(0, 1), default=0.1, show_default=True,
                 help="Targets vary by up to ± this share."),
)


def _perturbation(sensitivity, seed, weight_range, goalpost_range) -> Perturbation | None:
    if not sensitivity:
        return None
    return Perturbation(sensitivity, seed, Decimal(str(weight_range)), Decimal(str(goalpost_range)))


def _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions=()) -> Selection:
    return Selection(city_path, criteria_dir, tuple(frameworks), year, engine_name, waivers_path, as_of, tuple(assumptions))


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipcheck")
def main() -> None:
    """ipcheck: how ready is a city to be a national IP demonstration city, and how far from its plan?"""
    _exit_on_sigterm()


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@selection_options
@format_option
@output_option
@click.option("--fail-under", type=_Finite(0, 100), help="Exit 1 when any framework scores below this.")
@click.option("--pdf", "pdf_path", type=OutPath, help="Also write the readiness report as PDF.")
@click.option("--html", "html_path", type=OutPath, help="Also write the report as one self-contained HTML page.")
@set_option
@sensitivity_options
def evaluate(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, fail_under,
             pdf_path, html_path, assumptions, sensitivity, seed, weight_range, goalpost_range):
    """Evaluate a city against its own plan and the reference framework."""
    from .app.evaluation import evaluate as run
    sel = _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions)
    _finish(run(sel, fmt=fmt, lang=lang, color=_color(output), pdf_path=pdf_path, html_path=html_path,
                fail_under=None if fail_under is None else Decimal(str(fail_under)),
                perturb=_perturbation(sensitivity, seed, weight_range, goalpost_range)), output)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.argument("criterion_id", metavar="CRITERION_ID")
@selection_options
def explain(city_path, criterion_id, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang):
    """Explain one criterion's result for a city in plain words."""
    from .app.evaluation import explain as run
    _finish(run(_selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir), criterion_id, lang))


@main.command()
@click.argument("framework_id", required=False)
@criteria_option
@lang_option
def criteria(framework_id, criteria_dir, lang):
    """List the frameworks, or one framework's criteria."""
    from .app.catalogue import list_criteria
    _finish(list_criteria(framework_id, criteria_dir=criteria_dir, lang=lang))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=FilePath)
@criteria_option
def validate(paths, criteria_dir):
    """Check criteria, city and waiver files; every problem with file:line:column."""
    from .app.catalogue import validate as run
    _finish(run(list(paths), criteria_dir=criteria_dir))


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.option("--to", "goal", type=click.Choice(["nearly_ready", "ready"]),
              help="The verdict to reach. Default: one level up (nearly ready, or ready from nearly ready).")
@selection_options
@format_option
@output_option
@set_option
def plan(city_path, goal, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, assumptions):
    """The smallest set of improvements that moves the verdict up a level, with their size."""
    from .app.evaluation import plan as run
    sel = _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions)
    _finish(run(sel, goal, fmt=fmt, lang=lang, color=_color(output)), output)


class _ProgressBar:
    """A progress bar on stderr for long comparisons on a terminal (rich), started on the first report."""

    def __init__(self) -> None:
        self.bar = self.task = None

    def __call__(self, done: int, total: int) -> None:
        if total <= 20 or not sys.stderr.isatty():
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress
            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("evaluating", total=total)
        self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@main.command()
@click.argument("city_paths", metavar="CITY.yaml...", nargs=-1, required=True, type=FilePath)
@click.option("--framework", "framework_ids", metavar="ID", multiple=True,
              help="Framework every city is measured against (repeatable; 'all' for every framework). Default: reference.")
@click.option("--year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), help="Evaluation year for every city.")
@engine_option
@click.option("--jobs", type=click.IntRange(1, 64), default=os.cpu_count() or 1, show_default="the number of cores")
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
@sensitivity_options
def compare(city_paths, framework_ids, year, engine_name, jobs, criteria_dir, lang, fmt, output, pdf_path,
            sensitivity, seed, weight_range, goalpost_range):
    """Rank several cities against a framework: scores, coverage, verdicts, category heat map."""
    from .app.analysis import compare as run
    bar = _ProgressBar()
    try:
        out = run(list(city_paths), tuple(framework_ids), year=year, engine=engine_name, jobs=jobs,
                  criteria_dir=criteria_dir, fmt=fmt, lang=lang, color=_color(output), pdf_path=pdf_path,
                  perturb=_perturbation(sensitivity, seed, weight_range, goalpost_range), on_progress=bar)
    finally:
        bar.stop()
    _finish(out, output)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.option("--from", "year_from", type=click.IntRange(FIRST_YEAR, LAST_YEAR), required=True)
@click.option("--to", "year_to", type=click.IntRange(FIRST_YEAR, LAST_YEAR), required=True)
@click.option("--framework", "framework_id", metavar="ID", help="Default: the city's own plan, else the reference framework.")
@engine_option
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
def progress(city_path, year_from, year_to, framework_id, engine_name, criteria_dir, lang, fmt, output, pdf_path):
    """Score, coverage and verdict for each year, and which criteria changed status."""
    from .app.analysis import progress as run
    if year_to < year_from:
        raise click.BadParameter("--to comes before --from", param_hint="--to")
    _finish(run(city_path, year_from, year_to, framework_id, engine=engine_name, criteria_dir=criteria_dir, fmt=fmt,
                lang=lang, color=_color(output), pdf_path=pdf_path), output)


@main.command()
@click.argument("framework_a", metavar="FRAMEWORK_A")
@click.argument("framework_b", metavar="FRAMEWORK_B")
@click.argument("city_paths", metavar="[CITY.yaml...]", nargs=-1, type=FilePath)
@year_option
@criteria_option
@lang_option
@format_option
@output_option
def diff(framework_a, framework_b, city_paths, year, criteria_dir, lang, fmt, output):
    """Which criteria two frameworks add, remove or change, and whose verdicts flip."""
    from .app.analysis import diff as run
    _finish(run(framework_a, framework_b, list(city_paths), year=year, criteria_dir=criteria_dir, fmt=fmt, lang=lang,
                color=_color(output)), output)


if __name__ == "__main__":
    main()
