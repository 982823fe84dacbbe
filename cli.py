"""ipcheck's command line: thin click commands.

Each command parses its options and calls one function of `ipcheck.app`, which returns an
`Outcome`; `_finish` writes it. Exit codes: 0 done, 1 below --fail-under, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Callable

import click

# ipcheck uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from . import CRITERIA_DIR, __version__  # noqa: E402
from .app.files import write_atomic  # noqa: E402
from .app.library import FILE_KINDS, Selection, UsageProblem  # noqa: E402
from .app.outcome import Outcome, Perturbation  # noqa: E402
from .engine.errors import InputError  # noqa: E402

FilePath = click.Path(path_type=Path)


def guarded(fn: Callable) -> Callable:
    """Bad input becomes one line on stderr and exit code 2; a misused option, click's usage error."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            click.echo(f"ipcheck: {exc}", err=True)
            sys.exit(2)
        except UsageProblem as exc:
            if exc.option:
                raise click.BadParameter(exc.message, param_hint=exc.option) from None
            raise click.UsageError(exc.message) from None

    return wrapper


def _finish(out: Outcome, output: Path | None = None) -> None:
    """Write a command's outcome: its files, then its text to `output` or stdout; stderr lines; exit code."""
    for line in out.notices:
        click.echo(line, err=True)
    for path, data in out.files:
        write_atomic(path, data)
        click.echo(f"wrote {path}", err=True)
    if output:
        write_atomic(output, out.text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(out.text, nl=False)
    if out.failure:
        click.echo(f"ipcheck: {out.failure}", err=True)
    if out.exit_code:
        sys.exit(out.exit_code)


def _color(output: Path | None) -> bool:
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


year_option = click.option("--year", type=click.IntRange(1949, 2100),
                           help="Evaluation year. Default: each framework's target year; for the reference "
                                "framework, the latest year in the city's facts.")
criteria_option = click.option("--criteria", "criteria_dir", type=FilePath, default=CRITERIA_DIR,
                               show_default="the criteria shipped with ipcheck", help="Folder of indicators and frameworks.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
                             show_default=True)
output_option = click.option("--output", type=FilePath, help="Write to this file (atomically) instead of stdout.")
pdf_option = click.option("--pdf", "pdf_path", type=FilePath, help="Also write it as PDF.")
docx_option = click.option("--docx", "docx_path", type=FilePath, help="Also write it as Word (.docx), for editing.")
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
    click.option("--weight-range", type=click.FloatRange(0, 1), default=0.2, show_default=True,
                 help="Weights vary by up to ± this share."),
    click.option("--goalpost-range", type=click.FloatRange(0, 1), default=0.1, show_default=True,
                 help="Targets vary by up to ± this share."),
)


def _perturbation(sensitivity, seed, weight_range, goalpost_range) -> Perturbation | None:
    if not sensitivity:
        return None
    return Perturbation(sensitivity, seed, Decimal(str(weight_range)), Decimal(str(goalpost_range)))


def _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions=()) -> Selection:
    return Selection(city_path, criteria_dir, tuple(frameworks), year, engine_name, waivers_path, as_of, tuple(assumptions))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipcheck")
def main() -> None:
    """ipcheck: how ready is a city to be a national IP demonstration city, and how far from its plan?"""


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@selection_options
@format_option
@output_option
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Exit 1 when any framework scores below this.")
@click.option("--pdf", "pdf_path", type=FilePath, help="Also write the readiness report as PDF.")
@click.option("--html", "html_path", type=FilePath, help="Also write the report as one self-contained HTML page.")
@docx_option
@set_option
@sensitivity_options
@guarded
def evaluate(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output, fail_under,
             pdf_path, html_path, docx_path, assumptions, sensitivity, seed, weight_range, goalpost_range):
    """Evaluate a city against its own plan and the reference framework."""
    from .app.evaluation import evaluate as run
    sel = _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions)
    _finish(run(sel, fmt=fmt, lang=lang, color=_color(output), pdf_path=pdf_path, html_path=html_path,
                docx_path=docx_path, fail_under=None if fail_under is None else Decimal(str(fail_under)),
                perturb=_perturbation(sensitivity, seed, weight_range, goalpost_range)), output)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.argument("criterion_id", metavar="CRITERION_ID")
@selection_options
@guarded
def explain(city_path, criterion_id, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang):
    """Explain one criterion's result for a city in plain words."""
    from .app.evaluation import explain as run
    _finish(run(_selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir), criterion_id, lang))


@main.command()
@click.argument("framework_id", required=False)
@criteria_option
@lang_option
@guarded
def criteria(framework_id, criteria_dir, lang):
    """List the frameworks, or one framework's criteria."""
    from .app.catalogue import list_criteria
    _finish(list_criteria(framework_id, criteria_dir=criteria_dir, lang=lang))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=FilePath)
@criteria_option
@guarded
def validate(paths, criteria_dir):
    """Check criteria, city and waiver files; every problem with file:line:column."""
    from .app.catalogue import validate as run
    _finish(run(list(paths), criteria_dir=criteria_dir))


@main.command("test")
@click.argument("paths", metavar="[PATH...]", nargs=-1, type=FilePath)
@engine_option
@criteria_option
@guarded
def run_test(paths, engine_name, criteria_dir):
    """Run the criteria's examples: every framework's, or those of the framework files given."""
    from .app.examples import run_tests
    _finish(run_tests(list(paths), criteria_dir=criteria_dir, engine=engine_name))


@main.command("schema")
@click.argument("kind", type=click.Choice(FILE_KINDS))
@criteria_option
@output_option
@guarded
def schema(kind, criteria_dir, output):
    """Print the JSON Schema of a file kind (indicator ids from the criteria folder's catalogue)."""
    from .app.schemas import schema as run
    _finish(run(kind, criteria_dir=criteria_dir), output)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.option("--to", "goal", type=click.Choice(["nearly_ready", "ready"]),
              help="The verdict to reach. Default: one level up (nearly ready, or ready from nearly ready).")
@selection_options
@format_option
@output_option
@click.option("--set", "assumptions", multiple=True, metavar="INDICATOR=VALUE@YEAR", help="What-if facts (repeatable).")
@pdf_option
@docx_option
@guarded
def plan(city_path, goal, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang, fmt, output,
         assumptions, pdf_path, docx_path):
    """The smallest set of improvements that moves the verdict up a level, with their size."""
    from .app.evaluation import plan as run
    sel = _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions)
    _finish(run(sel, goal, fmt=fmt, lang=lang, color=_color(output), pdf_path=pdf_path, docx_path=docx_path), output)


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
@click.option("--from", "year_from", type=click.IntRange(1949, 2100), required=True)
@click.option("--to", "year_to", type=click.IntRange(1949, 2100), required=True)
@click.option("--framework", "framework_id", metavar="ID", help="Default: the city's own plan, else the reference framework.")
@engine_option
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
@docx_option
@guarded
def progress(city_path, year_from, year_to, framework_id, engine_name, criteria_dir, lang, fmt, output, pdf_path,
             docx_path):
    """Score, coverage and verdict for each year, and which criteria changed status."""
    from .app.analysis import progress as run
    if year_to < year_from:
        raise click.BadParameter("--to comes before --from", param_hint="--to")
    _finish(run(city_path, year_from, year_to, framework_id, engine=engine_name, criteria_dir=criteria_dir, fmt=fmt,
                lang=lang, color=_color(output), pdf_path=pdf_path, docx_path=docx_path), output)


@main.command()
@click.argument("framework_a", metavar="FRAMEWORK_A")
@click.argument("framework_b", metavar="FRAMEWORK_B")
@click.argument("city_paths", metavar="[CITY.yaml...]", nargs=-1, type=FilePath)
@year_option
@criteria_option
@lang_option
@format_option
@output_option
@guarded
def diff(framework_a, framework_b, city_paths, year, criteria_dir, lang, fmt, output):
    """Which criteria two frameworks add, remove or change, and whose verdicts flip."""
    from .app.analysis import diff as run
    _finish(run(framework_a, framework_b, list(city_paths), year=year, criteria_dir=criteria_dir, fmt=fmt, lang=lang,
                color=_color(output)), output)


if __name__ == "__main__":
    main()
