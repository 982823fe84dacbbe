"""The library as people read it: the indicator catalogue as a document (table, Markdown), and the lines of
`ipcheck criteria` (the frameworks, or one framework's criteria). One language per output, nothing computed."""

from __future__ import annotations

from ..engine.errors import printable
from .analysis import Doc, lines, section, table
from .labels import category_name, check_kind
from .words import colon, joined, named, say, term

HEAD = ("id", "name", "unit", "kind", "better", "definition", "attributes", "used_by")  # catalogue.head.<column>


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
            r["id"], r["name"][lang], say("catalogue.unit.yes_no", lang) if r["unit"] == "yes/no" else r["unit"],
            term("kind", r["kind"], lang),
            "—" if r["kind"] == "mechanism" else say(f"catalogue.better.{r['better']}", lang),
            r["description"][lang] if r["description"] else "—",
            _attributes(r, lang) or "—", joined(r["criteria"], "list", lang) or "—",
        ])
    n, fid = len(rows), data["framework"]
    title = say("catalogue.title_framework", lang, n=n, fw=fid) if fid else say("catalogue.title", lang, n=n)
    meta = [say("catalogue.meta", lang)]
    heading = say("catalogue.heading", lang)
    h = [say(f"catalogue.head.{k}", lang) for k in HEAD]
    if not blocks:
        return Doc(title, lines(*meta), (section(heading, table(h, rows)),))
    sep = colon(lang)
    out: list[str] = []
    for ind_id, name, unit, kind, better, definition, attributes, criteria in rows:
        facts = " · ".join(x for x in (unit, kind, better) if x != "—")
        out += [f"{ind_id}  {name}  {facts}", f"    {h[5]}{sep}{definition}"]
        if attributes != "—":
            out.append(f"    {h[6]}{sep}{attributes}")
        out += [f"    {h[7]}{sep}{criteria}", ""]
    return Doc(title, lines(*meta), (section(heading, *lines(*out[:-1])),))


def frameworks_text(frameworks, lang: str) -> str:
    """`ipcheck criteria`: one line per framework (its id, kind, number of criteria, title and source document)."""
    out = []
    for fw in frameworks:
        h = fw.framework
        kind, count = say(f"catalogue.{h.kind}", lang), say("catalogue.criteria", lang, n=len(fw.criteria))
        out.append(f"{h.id:<16} {kind:<9} {count:>8}  {named(h.title, lang)}《{h.source.title}》")
    return _lines(out)


def criteria_text(fw, lang: str) -> str:
    """`ipcheck criteria FRAMEWORK`: one line per criterion (id, category, weight, required, check kind, clause,
    title)."""
    out = []
    for c in fw.criteria:
        gate, weight = f" {say('catalogue.required', lang)}" if c.required else "", say("catalogue.weight", lang)
        out.append(f"{c.id:<8} {category_name(c.category, lang):<12} {weight} {c.weight}{gate:<9} "
                   f"{check_kind(c.check.kind, lang):<10} {c.clause}  {named(c.title, lang)}")
    return _lines(out)


def _lines(out: list[str]) -> str:
    # titles come from the criteria files: no control character of theirs reaches the terminal
    return "".join(printable(line) + "\n" for line in out)
