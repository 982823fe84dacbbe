"""The indicator catalogue as a document (table, Markdown): one language per output, nothing computed."""

from __future__ import annotations

from .analysis import Doc, Section, Table
from .words import colon, term

BETTER = {"higher": {"zh": "越高越好", "en": "higher is better"}, "lower": {"zh": "越低越好", "en": "lower is better"}}
UNIT = {"yes/no": {"zh": "有/无", "en": "yes/no"}}
HEAD = {
    "zh": ["指标代码", "名称", "单位", "类型", "方向", "定义", "属性及可取值", "使用该指标的评价条目"],
    "en": ["Indicator", "Name", "Unit", "Kind", "Better", "Definition", "Attributes and allowed values", "Used by"],
}


def _attributes(row: dict, lang: str) -> str:
    parts = []
    for attr, spec in row["attributes"].items():
        if lang == "zh":
            values = "、".join(f"{v['id']}（{v['name']['zh']}）" for v in spec["values"])
            parts.append(f"{attr}（{spec['name']['zh']}）：{values}")
        else:
            values = ", ".join(f"{v['id']} ({v['name']['en']})" for v in spec["values"])
            parts.append(f"{attr} ({spec['name']['en']}): {values}")
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def indicators_doc(data: dict, lang: str, *, blocks: bool = False) -> Doc:
    """The catalogue (ipcheck.indicators/1 data): one table row per indicator, or with `blocks` (a terminal,
    too narrow for eight columns) a few lines per indicator."""
    rows = []
    for r in data["indicators"]:
        rows.append([
            r["id"], r["name"][lang], UNIT.get(r["unit"], {}).get(lang, r["unit"]), term("kind", r["kind"], lang),
            "—" if r["kind"] == "mechanism" else BETTER[r["better"]][lang],
            r["description"][lang] if r["description"] else "—",
            _attributes(r, lang) or "—", ("、" if lang == "zh" else ", ").join(r["criteria"]) or "—",
        ])
    n, fid = len(rows), data["framework"]
    if lang == "zh":
        title = f"指标目录：{fid} 使用的 {n} 项指标" if fid else f"指标目录：共 {n} 项指标"
        meta = ["事实文件按“指标代码”填写；数值按公布值写（如 5.2万件、3.6亿元、95%），换算为所列单位。"]
    else:
        title = f"Indicator catalogue: the {n} indicators {fid} uses" if fid else f"Indicator catalogue: {n} indicators"
        meta = ["Fact files name indicators by id; values are written as published (5.2万件, 3.6亿元, 95%) "
                "and converted into the unit listed."]
    heading = "指标" if lang == "zh" else "Indicators"
    if not blocks:
        return Doc(title, meta, [Section(heading, tables=[Table(HEAD[lang], rows)])])
    h = HEAD[lang]
    sep = colon(lang)
    lines: list[str] = []
    for ind_id, name, unit, kind, better, definition, attributes, criteria in rows:
        facts = " · ".join(x for x in (unit, kind, better) if x != "—")
        lines += [f"{ind_id}  {name}  {facts}", f"    {h[5]}{sep}{definition}"]
        if attributes != "—":
            lines.append(f"    {h[6]}{sep}{attributes}")
        lines += [f"    {h[7]}{sep}{criteria}", ""]
    return Doc(title, meta, [Section(heading, lines=lines[:-1])])
