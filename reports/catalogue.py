"""The library as people read it: the indicator catalogue as a document (table, Markdown), and the lines of
`ipcheck criteria` (the frameworks, or one framework's criteria). One language per output, nothing computed."""

from __future__ import annotations

from . import terminal
from .analysis import Doc, lines, section, table
from .labels import category_name, check_kind, source_title
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


def frameworks_text(frameworks, lang: str, width: int | None = None) -> str:
    """`ipcheck criteria`: a table of the frameworks (id, kind, number of criteria, title and source document),
    as wide as the terminal."""
    rows = []
    for fw in frameworks:
        h = fw.framework
        count = say("catalogue.targets" if h.kind == "plan" else "catalogue.criteria", lang, n=len(fw.criteria))
        rows.append([h.id, say(f"catalogue.{h.kind}", lang), count,
                     named(h.title, lang) + (say("criteria.source", lang, source=h.source.title)
                                             if h.source.title else "")])
    head = [say(f"criteria.head.{k}", lang) for k in ("id", "kind", "count", "title")]
    listing = section(say("criteria.heading", lang), table(head, rows))
    doc = Doc(say("criteria.title", lang, n=len(rows)), (), (listing,))
    return terminal.document(doc, lang, width=width)


def criteria_text(fw, lang: str, width: int | None = None) -> str:
    """`ipcheck criteria FRAMEWORK`: a table of its criteria (id, category, weight, required, check kind, clause,
    title), as wide as the terminal."""
    h = fw.framework
    rows = [[c.id, category_name(c.category, lang), str(c.weight), say("catalogue.required", lang) if c.required
             else "—", check_kind(c.check.kind, lang), c.clause, named(c.title, lang)] for c in fw.criteria]
    head = [say(f"criteria.head.{k}", lang)
            for k in ("criterion", "category", "weight", "required", "check", "clause", "name")]
    doc = Doc(say("criteria.title_framework", lang, fw=h.id, title=named(h.title, lang)),
              lines(say("criteria.meta", lang, source=h.source.title) if h.source.title
                    else say("criteria.meta_untitled", lang, doc=source_title(None, lang))),
              (section(say("criteria.heading_framework", lang), table(head, rows)),))
    return terminal.document(doc, lang, width=width)
