"""init: a new city's fact file — the header, an example source, and every indicator needed, commented out.

The file holds no figure: every indicator the chosen frameworks read is listed as a commented
entry (unit, definition, the criteria that read it) for the analyst to fill from published
sources, or to collect with `ipcheck collect`. As written it validates, and evaluates to
"not assessable" (no evidence), which is the honest state of a city nobody has looked up yet.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from ..engine.errors import InputError, printable
from ..engine.fields import Names
from ..engine.levels import LEVELS
from ..engine.result import say as R
from ..reports import messages
from ..reports.messages import InitSummary
from ..reports.words import say
from .indicators import usage
from .library import CRITERIA_DIR, UsageProblem, choose_frameworks, last_full_year, load_library
from .outcome import Outcome

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")


def _q(text: str) -> str:
    """A YAML scalar that reads back as this exact text."""
    return json.dumps(text, ensure_ascii=False)


def city_text(city_id: str, name_zh: str, name_en: str, level: str, framework_ids: list[str], lib,
              lang: str, today: dt.date) -> str:
    """The new fact file's text (its comments in `lang`, from the phrase book)."""
    from ..engine.result import Listed, Term
    from ..reports.words import text as words

    def t(code: str, **args: object) -> str:
        return words(R(code, **args), lang)

    used = usage(lib, framework_ids)
    fws = ", ".join(framework_ids)
    names = Names(zh=f"{name_zh} {name_en}", en=f"{name_en} {name_zh}")
    lines = t("init.head", name=names, day=today.isoformat(), empty=R("init.empty"), id=city_id).split("\n") + [
        "city:",
        f"  id: {city_id}",
        f"  name: {{zh: {_q(name_zh)}, en: {_q(name_en)}}}",
        f"  level: {level}  # {' | '.join(LEVELS)}",
        "",
        "sources:",
        "  example:  " + t("init.example_comment"),
        "    title: " + _q(t("init.example_title")),
        f"    publisher: {_q(t('init.example_publisher'))}",
        f"    read: {today.isoformat()}",
        "    confidence: low",
        "",
        "facts: {}",
        t("init.indicators", fws=fws),
    ]
    for ind in lib.catalogue.indicators.values():
        if ind.id not in used:
            continue
        kind = Term("kind", ind.kind)
        definition = ind.description if ind.description else ""
        lines += ["#",
                  t("init.indicator_mechanism" if ind.kind == "mechanism" else "init.indicator", name=ind.name,
                    unit=ind.unit, kind=kind, definition=definition),
                  t("init.used_by", criteria=Listed(tuple(used[ind.id]))),
                  f"#  {ind.id}:"]
        if ind.kind == "mechanism":
            example = f"{{value: {t('init.yes_no')}, source: example"
            for attr, spec in ind.attributes.items():
                values = " | ".join(spec.values)
                example += f", attributes: {{{attr}: {values}}}"
            lines.append(f"#    {t('init.year')}: {example}}}")
        else:
            lines.append(f"#    {t('init.year')}: {{value: {t('init.number')}{ind.unit}, source: example}}")
    return "\n".join(lines) + "\n"


def new_city(city_id: str, name_zh: str, name_en: str | None = None, level: str = "prefecture",
             frameworks: tuple[str, ...] = (), *, output: Path | None = None, criteria_dir: Path = CRITERIA_DIR,
             lang: str = "zh", today: dt.date) -> Outcome:
    """A new fact file for a city: the reference framework's indicators and those of any framework named.

    The file is checked by the same loader `validate` uses before it is handed back; an existing
    file is never overwritten. `today` is the date the example source was read (nothing here
    reads the clock)."""
    from ..engine.load import load_city

    if not _ID.match(city_id) or len(city_id) > 64:
        raise UsageProblem(R("init.bad_id", id=repr(city_id)), "CITY_ID")
    name_zh = name_zh.strip()
    name_en = (name_en or city_id[:1].upper() + city_id[1:]).strip()
    if not name_zh or not name_en:
        raise UsageProblem(R("init.name_empty"), "--name")
    for option, name in (("--name", name_zh), ("--name-en", name_en)):
        if printable(name) != name:  # a line break would end the header comment; a file never holds one in a name
            raise UsageProblem(say("files.name_has_break", lang), option)
    lib = load_library(criteria_dir, frameworks)
    frameworks = lib.ids(frameworks)
    ids = list(dict.fromkeys(["reference", *frameworks])) if "reference" in lib.frameworks else list(frameworks)
    if not ids:
        raise UsageProblem(R("init.no_framework"), "--framework")
    choose_frameworks(lib, city_id, ids)
    path = Path(output) if output else Path(f"{city_id}.yaml")
    if os.path.lexists(path):  # (an over-long name or a missing folder is the writer's one line)
        raise InputError(str(path), 0, 0, say("init.exists", lang))
    text = city_text(city_id, name_zh, name_en, level, ids, lib, lang, today)
    load_city(str(path), text.encode("utf-8"), lib.catalogue)  # it validates as written, or this is a bug
    count = sum(1 for ind in lib.catalogue.indicators if ind in usage(lib, ids))
    summary = InitSummary(Names(zh=name_zh, en=name_en), str(path), count, tuple(ids), last_full_year(today))
    return Outcome(text=messages.render(summary, lang), files=[(path, text.encode("utf-8"))], inputs=lib.paths())
