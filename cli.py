"""ipcheck's command line: thin click commands.

Each command parses its options and calls one function of `ipcheck.app`, which returns an
`Outcome`; `_finish` writes it. Exit codes: 0 done, 1 below --fail-under, 2 bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import threading
from decimal import Decimal

import click

# ipcheck uses no pydantic plugins; not scanning installed packages for them saves start-up time.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from . import __version__  # noqa: E402
from .app.files import write_outputs  # noqa: E402
from .app.library import FILE_KINDS, Selection, UsageProblem  # noqa: E402
from .app.outcome import Outcome, Perturbation  # noqa: E402
from .engine.errors import error_line, printable  # noqa: E402
from .engine.levels import LEVELS  # noqa: E402
from .engine.result import say  # noqa: E402
from .options import (  # noqa: E402
    FilePath,
    Finite,
    Main,
    OutPath,
    Year,
    criteria_option,
    docx_option,
    end_on_signal,
    engine_option,
    format_option,
    lang_option,
    output_option,
    pdf_option,
    selection_options,
    sensitivity_options,
    set_option,
    year_option,
)
from .reports.words import text  # noqa: E402


def _finish(out: Outcome, output: str | None = None, lang: str = "en") -> None:
    """Write a command's outcome: all its files (with the text, to `output`) or none; stderr lines; exit code.

    The files are staged first, then the text is printed, and only then are the files put in
    place: a command that cannot print its result writes nothing. Called inside a command: a
    file that cannot be written is one line and exit code 2 (`options.Command`)."""
    files = list(out.files) + ([(output, out.text.encode("utf-8"))] if output is not None else [])
    lang = _lang()

    def say_it() -> None:
        for line in out.notices:
            click.echo(printable(line), err=True)
        if output is None:
            try:
                click.echo(out.text, nl=False)
                sys.stdout.flush()
            except OSError as exc:
                raise _StdoutFailed(exc.strerror or str(exc)) from None

    try:
        write_outputs(files, out.inputs, folders=out.folders, unchanged=out.unchanged, before_commit=say_it,
                      lang=lang)
    except _StdoutFailed as exc:  # stdout could not take the text (a full device, a closed pipe): nothing written
        _quiet_stdout()
        click.echo(error_line(text(say("files.stdout_failed", why=str(exc)), lang)), err=True)
        sys.exit(2)
    for path, _ in files:
        click.echo(text(say("out.wrote", path=printable(str(path))), lang), err=True)
    if out.failure:
        click.echo(error_line(out.failure), err=True)
    if out.exit_code:
        sys.exit(out.exit_code)


class _StdoutFailed(Exception):
    """Printing a command's result failed (why): its files are not written."""


def _lang() -> str:
    """The --lang of the command running (zh when it has none)."""
    ctx = click.get_current_context(silent=True)
    return (ctx.params.get("lang") if ctx else None) or "zh"


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that what is still buffered for it cannot fail again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner's buffer): nothing to quiet
        pass


def _exit_on_sigterm() -> None:
    """SIGTERM ends a command as an error does: temporary files removed, child processes stopped; exit 143."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, end_on_signal)


def _color(output: str | None) -> bool:
    return output is None and sys.stdout.isatty()


def _perturbation(sensitivity, seed, weight_range, goalpost_range) -> Perturbation | None:
    if not sensitivity:
        return None
    return Perturbation(sensitivity, seed, Decimal(str(weight_range)), Decimal(str(goalpost_range)))


def _selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir,
               assumptions=()) -> Selection:
    return Selection(city_path, criteria_dir, tuple(frameworks), year, engine_name, waivers_path, as_of,
                     tuple(assumptions), lang=_lang())


@click.group(cls=Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ipcheck")
def main() -> None:
    """ipcheck: how ready is a city to be a national IP demonstration city, and how far from its plan?"""
    _exit_on_sigterm()


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@selection_options
@format_option
@output_option
@click.option("--fail-under", type=Finite(0, 100),
              help="Exit 1 when a framework scores below this, has no score, or is not assessable and could score "
                   "below it (the low end of its score range).")
@click.option("--pdf", "pdf_path", type=OutPath, help="Also write the readiness report as PDF.")
@click.option("--html", "html_path", type=OutPath, help="Also write the report as one self-contained HTML page.")
@docx_option
@set_option
@sensitivity_options
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
@set_option
def explain(city_path, criterion_id, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, lang,
            assumptions):
    """Explain one criterion's result for a city in plain words."""
    from .app.evaluation import explain as run
    _finish(run(_selection(city_path, frameworks, year, engine_name, waivers_path, as_of, criteria_dir, assumptions),
                criterion_id, lang))


@main.command()
@click.argument("framework_id", metavar="[FRAMEWORK_ID|FILE]", required=False)
@criteria_option
@lang_option
def criteria(framework_id, criteria_dir, lang):
    """List the frameworks, or one framework's criteria."""
    from .app.catalogue import list_criteria
    _finish(list_criteria(framework_id, criteria_dir=criteria_dir, lang=lang))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=FilePath)
@criteria_option
@lang_option
def validate(paths, criteria_dir, lang):
    """Check criteria, city and waiver files; every problem with file:line:column."""
    from .app.catalogue import validate as run
    _finish(run(list(paths), criteria_dir=criteria_dir, lang=lang, today=dt.date.today()), lang=lang)


@main.command("test")
@click.argument("paths", metavar="[PATH...]", nargs=-1, type=FilePath)
@engine_option
@criteria_option
@lang_option
def run_test(paths, engine_name, criteria_dir, lang):
    """Run the criteria's examples: every framework's, or those of the framework files given."""
    from .app.examples import run_tests
    _finish(run_tests(list(paths), criteria_dir=criteria_dir, engine=engine_name, lang=lang))


@main.command("schema")
@click.argument("kind", type=click.Choice([*FILE_KINDS, "result"]))
@criteria_option
@output_option
@lang_option
def schema(kind, criteria_dir, output, lang):
    """Print the JSON Schema of a file kind (indicator ids from the criteria folder's catalogue), or with
    `result` that of every command's JSON output (evaluate, plan, compare, progress, diff)."""
    from .app.schemas import schema as run
    _finish(run(kind, criteria_dir=criteria_dir), output)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.option("--to", "goal", type=click.Choice(["nearly_ready", "ready"]),
              help="The verdict to reach. Default: one level up (nearly ready, or ready from nearly ready).")
@selection_options
@format_option
@output_option
@set_option
@pdf_option
@docx_option
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
@click.option("--framework", "framework_ids", metavar="ID|FILE", multiple=True,
              help="Framework every city is measured against, by id or file (repeatable; 'all' for every framework). "
                   "Default: reference.")
@click.option("--year", type=Year, help="Evaluation year for every city. Default: as evaluate, each framework's "
                                       "target year, else the year whose figures cover the most weight.")
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
@click.option("--from", "year_from", type=Year, required=True)
@click.option("--to", "year_to", type=Year, required=True)
@click.option("--framework", "framework_id", metavar="ID|FILE",
              help="Default: the city's own plan, else the reference framework.")
@engine_option
@criteria_option
@lang_option
@format_option
@output_option
@pdf_option
@docx_option
def progress(city_path, year_from, year_to, framework_id, engine_name, criteria_dir, lang, fmt, output, pdf_path,
             docx_path):
    """Score, coverage and verdict for each year, and which criteria changed status."""
    from .app.analysis import progress as run
    if year_to < year_from:
        raise UsageProblem(say("usage.to_before_from", to=year_to, start=year_from), "--to")
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
def diff(framework_a, framework_b, city_paths, year, criteria_dir, lang, fmt, output):
    """Which criteria two frameworks add, remove or change, and whose verdicts flip."""
    from .app.analysis import diff as run
    _finish(run(framework_a, framework_b, list(city_paths), year=year, criteria_dir=criteria_dir, fmt=fmt, lang=lang,
                color=_color(output)), output)


@main.command()
@click.option("--framework", "framework_id", metavar="ID|FILE", help="Only the indicators this framework uses.")
@criteria_option
@lang_option
@format_option
@output_option
def indicators(framework_id, criteria_dir, lang, fmt, output):
    """Every indicator: names, unit, kind, definition, allowed attribute values, the criteria using it."""
    from .app.indicators import list_indicators
    _finish(list_indicators(framework_id, criteria_dir=criteria_dir, fmt=fmt, lang=lang, color=_color(output)), output)


@main.command()
@click.argument("city_id")
@click.option("--name", "name_zh", required=True, help="The city's name in Chinese, e.g. 苏州.")
@click.option("--name-en", help="Its name in English. Default: the id, capitalised.")
@click.option("--level", type=click.Choice(LEVELS), default="prefecture", show_default=True,
              help="district (市辖区) or county (县, 县级市) for a unit below a city.")
@click.option("--framework", "frameworks", multiple=True, metavar="ID|FILE",
              help="Framework (id or file) whose indicators to list (repeatable); the reference framework always.")
@click.option("--output", type=OutPath, help="The new fact file. Default: CITY_ID.yaml. Never overwritten.")
@criteria_option
@lang_option
def init(city_id, name_zh, name_en, level, frameworks, output, criteria_dir, lang):
    """Start a city's fact file: header, an example source, every indicator needed as a commented entry."""
    from .app.newcity import new_city
    _finish(new_city(city_id, name_zh, name_en, level, tuple(frameworks), output=output, criteria_dir=criteria_dir,
                     lang=lang, today=dt.date.today()), lang=lang)


@main.command()
@click.argument("city_path", metavar="CITY.yaml", type=FilePath)
@click.option("--framework", "frameworks", multiple=True, metavar="ID|FILE",
              help="Framework (id or file) to collect for (repeatable). Default: the city's own plan and the reference "
                   "framework.")
@year_option
@click.option("--xlsx", "xlsx_path", type=OutPath, help="Write the forms as one Excel workbook (.xlsx).")
@click.option("--csv", "csv_dir", type=OutPath, help="Write the forms as CSV files into this folder.")
@criteria_option
@lang_option
def collect(city_path, frameworks, year, xlsx_path, csv_dir, criteria_dir, lang):
    """Evidence-request forms (数据征集表): a sheet per lead unit, a row per fact still missing."""
    from .app.forms import collect as run
    if not (xlsx_path or csv_dir):
        raise UsageProblem(say("usage.collect_nothing"))
    sel = _selection(city_path, frameworks, year, "python", None, None, criteria_dir)
    _finish(run(sel, xlsx_path=xlsx_path, csv_dir=csv_dir, today=dt.date.today(), lang=lang), lang=lang)


@main.command("import")
@click.argument("forms_paths", metavar="FORMS.xlsx|DIR...", nargs=-1, required=True, type=FilePath)
@click.option("--into", "city_path", metavar="CITY.yaml", type=FilePath, required=True, help="The city file to add to.")
@click.option("--dry-run", is_flag=True, help="Check the forms and say what would change; write nothing.")
@click.option("--replace", is_flag=True, help="Overwrite a different value already in the file for the same year.")
@criteria_option
@lang_option
def import_forms(forms_paths, city_path, dry_run, replace, criteria_dir, lang):
    """Read filled forms (workbooks, CSV folders, folders of them) into a city file; every bad cell is one line.

    Example: ipcheck import 市场监管局.xlsx 统计局.xlsx returned/ --into ningbo.yaml"""
    from .app.intake import import_forms as run
    _finish(run(list(forms_paths), city_path, criteria_dir=criteria_dir, dry_run=dry_run, replace=replace, lang=lang,
                today=dt.date.today()), lang=lang)


@main.command()
@click.argument("plan_path", metavar="[PLAN]", type=FilePath, required=False)
@click.option("--city", required=True, help="The city (or district) id the plan is for, e.g. haimen.")
@click.option("--from", "from_path", metavar="TARGETS.xlsx", type=FilePath,
              help="Draft from a reviewed workbook (written by --xlsx) instead of the plan document.")
@click.option("--output", type=OutPath, help="Write the framework YAML here (never over a file without --force).")
@click.option("--xlsx", "xlsx_path", type=OutPath, help="Also write the targets as a workbook to review.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--force", is_flag=True, help="Write over an existing framework or workbook.")
@criteria_option
@lang_option
def draft(plan_path, city, from_path, output, xlsx_path, fmt, force, criteria_dir, lang):
    """Draft a framework from a city's own plan (.txt .html .docx .pdf), or from its reviewed workbook.

    Example: ipcheck draft plan.docx --city haimen --xlsx targets.xlsx --output haimen-2023.yaml
    """
    from .app.draft import draft as run
    _finish(run(plan_path, city, from_path=from_path, output=output, xlsx_path=xlsx_path, fmt=fmt, force=force,
                lang=lang, criteria_dir=criteria_dir))


if __name__ == "__main__":
    main()
