"""The command line's shared options (click), so that each command in `cli` stays a few lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from . import CRITERIA_DIR

FilePath = click.Path(path_type=Path)


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
