"""The command line's shared options and command classes (click), so that each command in `cli` stays a few lines."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .app.library import FIRST_YEAR, LAST_YEAR, UsageProblem
from .engine.errors import InputError, as_reason, error_line, words
from .engine.result import Listed, Reason, say


class _Path(click.Path):
    """A file or folder path; an empty one (which would name the current folder) is refused."""

    def convert(self, value, param, ctx):
        return self.fail("the path is empty", param, ctx) if value == "" else super().convert(value, param, ctx)


FilePath = _Path(path_type=Path)
OutPath = _Path(path_type=str)  # as written: "reports/" stays a folder's name, and is refused as a file


class Finite(click.FloatRange):
    """A number in a range; NaN, which every comparison lets through, is refused."""

    def convert(self, value, param, ctx):
        """The number, or a usage error for NaN."""
        rv = super().convert(value, param, ctx)
        return self.fail(f"{value!r} is not a number", param, ctx) if math.isnan(rv) else rv


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


Year = click.IntRange(FIRST_YEAR, LAST_YEAR)
year_option = click.option("--year", type=Year,
                           help="Evaluation year. Default: each framework's target year; for a framework without "
                                "one (the reference framework), the year whose figures cover the most weight.")
criteria_option = click.option("--criteria", "criteria_dir", type=FilePath, default=None,
                               help="A folder of your own frameworks (and an indicators.yaml of your own "
                                    "indicators), added to those shipped with ipcheck; also $IPCHECK_CRITERIA.")
lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                           help="Language of the output and of every message (this help is in English).")
format_option = click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
                             show_default=True)
output_option = click.option("--output", type=OutPath, help="Write to this file (atomically) instead of stdout.")
pdf_option = click.option("--pdf", "pdf_path", type=OutPath, help="Also write it as PDF.")
docx_option = click.option("--docx", "docx_path", type=OutPath, help="Also write it as Word (.docx), for editing.")
engine_option = click.option("--engine", "engine_name", type=click.Choice(["durable", "python"]), default="durable",
                             show_default=True, help="Decide with durable-rules or the pure-Python reference decider.")
set_option = click.option("--set", "assumptions", multiple=True, metavar="INDICATOR=VALUE@YEAR",
                          help="What-if: evaluate with this fact changed (repeatable); the outputs mark it as an "
                               "assumption.")
selection_options = _options(
    click.option("--framework", "frameworks", multiple=True, metavar="ID|FILE",
                 help="Framework to evaluate against, by id or as a framework file (repeatable). Default: the "
                      "city's own plan and the reference framework."),
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
    click.option("--weight-range", type=Finite(0, 1), default=0.2, show_default=True,
                 help="Weights vary by up to ± this share."),
    click.option("--goalpost-range", type=Finite(0, 1), default=0.1, show_default=True,
                 help="Targets vary by up to ± this share."),
)


# click's own usage errors (it has no catalogue of its own languages): each English form, as a phrase of the
# phrase book ("usage.<code>"); the most specific first. A message not listed is passed on as click wrote it.
# What click adds after a message is said first: "Did you mean ...?" (a misspelt command or option) and
# "Choose from: ..." (a missing argument that is a choice).
_CLOSE = re.compile(r"\s*\(?Did you mean (?P<many>one of: )?(?P<close>.+?)\?\)?$", re.S)
_CHOOSE = re.compile(r"\s*Choose from:\s*(?P<choices>.+)$", re.S)
_CLICK = [(re.compile(pattern, re.S), code) for pattern, code in (
    (r"^Missing argument '(?P<name>.+)'\.$", "missing_argument"),
    (r"^Missing option '(?P<name>.+)'\.$", "missing_option"),
    (r"^Missing (?:parameter|argument|option):? '?(?P<name>[^'.]+)'?\.?$", "missing_parameter"),
    (r"^Missing command\.$", "missing_command"),
    (r"^No such option:? '?(?P<name>[^'\s]+?)'?\.?$", "no_such_option"),
    (r"^No such command '(?P<name>.+)'\.$", "no_such_command"),
    (r"^Option '(?P<name>.+)' requires an argument\.$", "needs_argument"),
    (r"^Option '(?P<name>.+)' requires (?P<n>\d+) arguments\.$", "needs_arguments"),
    (r"^Option '(?P<name>.+)' does not take a value\.$", "takes_no_value"),
    (r"^Argument '(?P<name>.+)' takes (?P<n>\d+) values\.$", "takes_values"),
    (r"^Got unexpected extra argument \((?P<args>.*)\)$", "extra_argument"),
    (r"^Got unexpected extra arguments \((?P<args>.*)\)$", "extra_arguments"),
    (r"^Invalid value for (?P<param>.+?): (?P<why>.*)$", "invalid_value"),
    (r"^Invalid value: (?P<why>.*)$", "invalid"),
    (r"^(?P<value>'.*') is not one of (?P<choices>'.*')\.$", "not_choice"),
    (r"^(?P<value>'.*') is not (?P<choices>'[^']*')\.$", "not_choice"),
    (r"^(?P<value>.+) is not in the range (?P<range>.+)\.$", "not_in_range"),
    (r"^(?P<value>'.*') is not a valid integer(?: range)?\.$", "not_integer"),
    (r"^(?P<value>'.*') is not a valid float(?: range)?\.$", "not_number"),
    (r"^(?P<value>'.*') is not a valid boolean\..*$", "not_boolean"),
    (r"^(?:File|Directory|Path) (?P<path>'.*') does not exist\.$", "no_path"),
    (r"^(?:File|Directory|Path) (?P<path>'.*') is a file\.$", "path_is_file"),
    (r"^(?:File|Directory|Path) (?P<path>'.*') is a directory\.$", "path_is_folder"),
    (r"^(?:File|Directory|Path) (?P<path>'.*') is not (?:readable|writable|executable)\.$", "path_denied"),
    (r"^Could not open file (?P<path>'.*'): (?P<why>.*)$", "cannot_open"),
    (r"^(?P<value>'.*') is not a number$", "not_number"),
    (r"^(?P<value>'.*') is not a date \(YYYY-MM-DD\) or 'today'$", "not_date"),
    (r"^the path is empty$", "path_empty"),
)]


def _listed(quoted: str) -> Listed:
    """click's "'a', 'b'" as a list, joined as the language joins one ('a'、'b' in Chinese)."""
    return Listed(tuple(re.findall(r"'[^']*'", quoted)) or (quoted,))


def _click_reason(message: str) -> Reason:
    """click's English message as a phrase: its form looked up in `_CLICK`, its parts said the same way."""
    after = Reason()
    close = _CLOSE.search(message)
    if close:
        message = message[:close.start()]
        after = say("usage.did_you_mean_any" if close["many"] else "err.did_you_mean", word=_listed(close["close"]))
    choose = _CHOOSE.search(message)
    if choose:
        message = message[:choose.start()]
        choices = Listed(tuple(c.strip() for c in choose["choices"].split(",") if c.strip()))
        after = say("usage.choose_from", choices=choices) + after
    for pattern, code in _CLICK:
        m = pattern.match(message)
        if m:
            args = {k: v or "" for k, v in m.groupdict().items()}
            if "why" in args:
                args["why"] = _click_reason(args["why"])
            if "choices" in args:
                args["choices"] = _listed(args["choices"])
            return say(f"usage.{code}", **args) + after
    return as_reason(message) + after


def _lang_of(args: list[str] | None) -> str:
    """The --lang a command line asks for (zh when none), read before click has parsed it (a usage error)."""
    args = list(args or [])
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args) and args[i + 1] in ("zh", "en"):
            return args[i + 1]
        if a in ("--lang=zh", "--lang=en"):
            return a[7:]
    return "zh"


@contextmanager
def _one_line(args: list[str] | None = None):
    """A usage error comes out as every other error does: one line, 'ipcheck: ...', exit code 2, in --lang."""
    try:
        yield
    except getattr(click.exceptions, "NoArgsIsHelpError", ()):
        raise  # `ipcheck` alone: the help
    except click.ClickException as exc:
        ctx = getattr(exc, "ctx", None)
        lang = (ctx.params.get("lang") if ctx else None) or _lang_of(args if args is not None else sys.argv[1:])
        said = _click_reason(exc.format_message())
        if ctx:
            said += say("usage.see_help", command=ctx.command_path)
        click.echo(error_line(words(said, lang)), err=True)
        sys.exit(exc.exit_code)


ENDING: list[int] = []  # the exit code of a signal that is ending the command (SIGTERM: 143), once it came


def end_on_signal(signum: int, frame=None) -> None:
    """A signal handler: the command ends with 128 + signum, its temporary files removed on the way out."""
    ENDING.append(128 + signum)
    sys.exit(128 + signum)


class Command(click.Command):
    """A command: bad input becomes one line on stderr and exit code 2; a misused option, a usage error."""

    def invoke(self, ctx):
        """Run the command; bad input is one line and exit code 2."""
        try:
            return self._run(ctx)
        except InputError as exc:
            click.echo(error_line(exc, ctx.params.get("lang") or "zh"), err=True)
            sys.exit(2)
        except UsageProblem as exc:
            said = exc.in_language(ctx.params.get("lang") or "zh")
            raise (click.BadParameter(said, ctx, param_hint=exc.option) if exc.option
                   else click.UsageError(said, ctx)) from None


    def _run(self, ctx):
        try:
            return super().invoke(ctx)
        except BaseException as exc:
            if ENDING and not isinstance(exc, SystemExit):
                # the signal's exit came inside a library that wrapped it in an error of its own (pydantic
                # building a model while the command imports it): the command ends as the signal asked
                raise SystemExit(ENDING[0]) from None
            raise


class Main(click.Group):
    """The command group; its commands' usage errors come out as one line."""

    command_class = Command

    def make_context(self, *args, **kwargs):
        """Parse the command line; a usage error is one line."""
        given = args[1] if len(args) > 1 else kwargs.get("args")
        with _one_line(None if given is None else list(given)):  # a copy: click consumes the list as it parses
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        """Run the chosen command; a usage error is one line."""
        with _one_line([*getattr(ctx, "_protected_args", ()), *ctx.args]):
            return super().invoke(ctx)
