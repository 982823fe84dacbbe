"""The indicator catalogue as a document (table, Markdown): one language per output, nothing computed."""

from __future__ import annotations

from .analysis import Doc, lines, section, table
from .words import colon, joined, say

KIND = {
    "stock": {"zh": "存量（年末数）", "en": "stock (year-end level)"},
    "flow": {"zh": "流量（全年发生数）", "en": "flow (during the year)"},
    "rate": {"zh": "比率（公布值）", "en": "rate (as published)"},
    "percentage": {"zh": "百分比", "en": "percentage"},
    "count": {"zh": "次数（全年）", "en": "count (events in the year)"},
    "mechanism": {"zh": "机制（有/无，须有证据）", "en": "mechanism (yes/no, with evidence)"},
}
BETTER = {"higher": {"zh": "越高越好", "en": "higher is better"}, "lower": {"zh": "越低越好", "en": "lower is better"}}
UNIT = {"yes/no": {"zh": "有/无", "en": "yes/no"}}
HEAD = {
    "zh": ["指标代码", "名称", "单位", "类型", "方向", "定义", "属性及可取值", "使用该指标的评价条目"],
    "en": ["Indicator", "Name", "Unit", "Kind", "Better", "Definition", "Attributes and allowed values", "Used by"],
}


def _attributes(row: dict, lang: str) -> str:
    parts = []
    for attr, spec in row["attributes"].items():
        values = joined((say("catalogue.value", lang, id=v["id"], name=v["name"][lang]) for v in spec["values"]),
                        "list", lang)
        parts.append(say("catalogue.attribute", lang, attr=attr, name=spec["name"][lang], values=values))
    return joined(parts, "clauses", lang)


def indicators_doc(data: dict, lang: str, *, blocks: bool = False) -> Doc:
    """The catalogue (ipcheck.indicators/1 data): one table row per indicator, or with `blocks` (a terminal,
    too narrow for eight columns) a few lines per indicator."""
    rows = []
    for r in data["indicators"]:
        rows.append([
            r["id"], r["name"][lang], UNIT.get(r["unit"], {}).get(lang, r["unit"]), KIND[r["kind"]][lang],
            "—" if r["kind"] == "mechanism" else BETTER[r["better"]][lang],
            r["description"][lang] if r["description"] else "—",
            _attributes(r, lang) or "—", joined(r["criteria"], "list", lang) or "—",
        ])
    n, fid = len(rows), data["framework"]
    title = say("catalogue.title_framework", lang, n=n, fw=fid) if fid else say("catalogue.title", lang, n=n)
    meta = [say("catalogue.meta", lang)]
    heading = say("catalogue.heading", lang)
    if not blocks:
        return Doc(title, lines(*meta), (section(heading, table(HEAD[lang], rows)),))
    h = HEAD[lang]
    sep = colon(lang)
    out: list[str] = []
    for ind_id, name, unit, kind, better, definition, attributes, criteria in rows:
        facts = " · ".join(x for x in (unit, kind, better) if x != "—")
        out += [f"{ind_id}  {name}  {facts}", f"    {h[5]}{sep}{definition}"]
        if attributes != "—":
            out.append(f"    {h[6]}{sep}{attributes}")
        out += [f"    {h[7]}{sep}{criteria}", ""]
    return Doc(title, lines(*meta), (section(heading, *lines(*out[:-1])),))
