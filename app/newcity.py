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
from ..engine.levels import LEVELS
from ..reports.words import say
from .indicators import usage
from .library import CRITERIA_DIR, UsageProblem, choose_frameworks, load_library
from .outcome import Outcome

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")
KIND = {"stock": ("存量，年末数", "stock, year-end level"), "flow": ("流量，全年发生数", "flow, during the year"),
        "rate": ("比率，填公布值", "rate, as published"), "percentage": ("百分比", "percentage"),
        "count": ("全年次数", "count of events in the year"), "mechanism": ("有/无，须有证据", "yes/no, with evidence")}


def _q(text: str) -> str:
    """A YAML scalar that reads back as this exact text."""
    return json.dumps(text, ensure_ascii=False)


def city_text(city_id: str, name_zh: str, name_en: str, level: str, framework_ids: list[str], lib,
              lang: str, today: dt.date) -> str:
    """The new fact file's text."""
    zh = lang == "zh"
    used = usage(lib, framework_ids)
    fws = ", ".join(framework_ids)
    empty = say("init.empty", lang)
    if zh:
        head = [f"# {name_zh} {name_en}：城市事实文件，由 ipcheck init 生成（{today.isoformat()}）{empty}",
                "# 每个数值都按公布值填写（如 5.2万件、3.6亿元、95%），并注明来源（sources 中的来源代码）。",
                "# 未公布的数值不要填写：评价时显示为“未知（缺证据）”，不会被当作未达标。",
                f"# 收集数据：ipcheck collect {city_id}.yaml --year 年份 --xlsx 数据征集表.xlsx，",
                f"# 各部门填好后：ipcheck import 数据征集表.xlsx --into {city_id}.yaml"]
    else:
        head = [f"# {name_en} {name_zh}: city fact file started by ipcheck init ({today.isoformat()}){empty}",
                "# Write every value as published (5.2万件, 3.6亿元, 95%) and name its source (a key of sources:).",
                "# Leave out what is not published: it shows as unknown (evidence missing), never as a fail.",
                f"# To collect figures: ipcheck collect {city_id}.yaml --year YEAR --xlsx forms.xlsx, then, once the",
                f"# departments have filled them: ipcheck import forms.xlsx --into {city_id}.yaml"]
    lines = head + [
        "city:",
        f"  id: {city_id}",
        f"  name: {{zh: {_q(name_zh)}, en: {_q(name_en)}}}",
        f"  level: {level}  # {' | '.join(LEVELS)}",
        "",
        "sources:",
        "  example:  " + ("# 示例来源：换成实际的来源（公报、白皮书、政府网站），再添加其他来源" if zh else
                          "# an example: replace it with a real source (bulletin, white paper, government site)"),
        "    title: " + _q("示例来源（请替换为实际发布的文件或网页）" if zh else
                          "example source (replace with a published document or page)"),
        f"    publisher: {_q('发布单位' if zh else 'publisher')}",
        f"    read: {today.isoformat()}",
        "    confidence: low",
        "",
        "facts: {}",
        ("# 评价所需的指标（" + fws + "）：取消注释并填写（上方若仍是 facts: {}，先改为 facts:）") if zh else
        ("# The indicators the frameworks (" + fws + ") read: uncomment and fill them (if the line above "
         "still says facts: {}, make it facts:)"),
    ]
    for ind in lib.catalogue.indicators.values():
        if ind.id not in used:
            continue
        kind = KIND[ind.kind][0 if zh else 1]
        unit = kind if ind.kind == "mechanism" else (f"{ind.unit}；{kind}" if zh else f"{ind.unit}; {kind}")
        definition = (ind.description.zh if zh else ind.description.en) if ind.description else ""
        criteria = ("、" if zh else ", ").join(used[ind.id])
        lines += ["#",
                  f"# {ind.name.zh}（{unit}）：{definition}" if zh else f"# {ind.name.en} ({unit}): {definition}",
                  f"# {'用于' if zh else 'used by'}: {criteria}" if not zh else f"# 用于：{criteria}",
                  f"#  {ind.id}:"]
        if ind.kind == "mechanism":
            example = f"{{value: {'是否（yes 或 no）' if zh else 'yes or no'}, source: example"
            for attr, spec in ind.attributes.items():
                values = " | ".join(spec.values)
                example += f", attributes: {{{attr}: {values}}}"
            lines.append(f"#    {'年份' if zh else 'YEAR'}: {example}}}")
        else:
            number = "数值" if zh else "NUMBER"
            lines.append(f"#    {'年份' if zh else 'YEAR'}: {{value: {number}{ind.unit}, source: example}}")
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
        raise UsageProblem(f"{city_id!r} is not a city id: letters, digits, _ . - (starting with a letter)", "CITY_ID")
    name_zh = name_zh.strip()
    name_en = (name_en or city_id[:1].upper() + city_id[1:]).strip()
    if not name_zh or not name_en:
        raise UsageProblem("the city's name cannot be empty", "--name")
    for option, name in (("--name", name_zh), ("--name-en", name_en)):
        if printable(name) != name:  # a line break would end the header comment; a file never holds one in a name
            raise UsageProblem(say("files.name_has_break", lang), option)
    lib = load_library(criteria_dir, frameworks)
    frameworks = lib.ids(frameworks)
    ids = list(dict.fromkeys(["reference", *frameworks])) if "reference" in lib.frameworks else list(frameworks)
    if not ids:
        raise UsageProblem("no framework to list indicators for: name one with --framework", "--framework")
    choose_frameworks(lib, city_id, ids)
    path = Path(output) if output else Path(f"{city_id}.yaml")
    if os.path.lexists(path):  # (an over-long name or a missing folder is the writer's one line)
        raise InputError(str(path), 0, 0, say("init.exists", lang))
    text = city_text(city_id, name_zh, name_en, level, ids, lib, lang, today)
    load_city(str(path), text.encode("utf-8"), lib.catalogue)  # it validates as written, or this is a bug
    count = sum(1 for ind in lib.catalogue.indicators if ind in usage(lib, ids))
    year = today.year - 1
    name = name_zh if lang == "zh" else name_en
    summary = say("init.done", lang, city=name, path=path, n=count, fws=", ".join(ids), year=year) + "\n"
    return Outcome(text=summary, files=[(path, text.encode("utf-8"))], inputs=lib.paths())
