"""`evaluate`'s terminal table and Markdown as one document of blocks (`blocks.py`).

Per framework: its name and title, the lines heading it (the verdict, the source, the year, the
categories), the criteria table, the counts under it and what to do next; then the sensitivity
lines. The generic writers lay it out (`terminal.document`, `markdown.document`); `form` says which
text the document is for, as each has it: a terminal at least `terminal.COMPACT_BELOW` columns wide
("wide": a row per criterion, seven columns), a narrower one ("narrow": the title on a line of its
own, each criterion's figures under its title, a card per criterion when even that does not fit),
or Markdown (every column, with the lead unit and the clause).
"""

from __future__ import annotations

from . import labels as L
from .analysis import Doc
from .blocks import Bullets, Cell, Grid, Item, Lines, Para, Row, Run, Section, lead_runs, para
from .words import colon, phrase

FORMS = ("wide", "narrow", "markdown")


def _status(r, lang: str) -> Cell:
    """A criterion's status (a plan target's achievement) as a cell: one run in its colour, never broken."""
    status = f"s-{L.shown_status(r)}"
    return Cell(((Run(L.status_words(r, lang), status, keep=True),),), status)


def _id(r) -> Cell:
    return Cell(((Run(r.id, keep=True),),))


def _figures(r, lang: str) -> tuple[str, str, str, str]:
    """A criterion's value (with its path or share for a plan target before its year), target, gap and score."""
    _, _, _, value, target, gap, score = L.criterion_row(r, lang)
    return value, target, gap, score


def _header(res, lang: str, form: str, whatif: str = "") -> list[Item]:
    """The lines heading a framework: its name and title in bold (on a narrow terminal, on two lines), then each
    (label, text) with its label in bold; in Markdown the name and title are the section's heading and the
    other lines a list. A what-if's line (`whatif`) comes first after the name, before any verdict."""
    sep = colon(lang)
    label_end = sep[len(sep.rstrip()):]  # (the colon's space, after the bold label)
    top = L.header_lines(res, lang, compact=form == "narrow")
    if whatif:
        names = 2 if form == "narrow" else 1
        top = [*top[:names], (phrase("whatif.title", lang), whatif), *top[names:]]
    if form == "markdown":
        return [Bullets(tuple(Para((Run(label + sep.rstrip(), "strong"), Run(" " + value)))
                              for label, value in top[1:]))]
    return [Para((Run(value, "strong"),)) if not label else
            Para((Run(label + sep.rstrip(), "whatif" if value == whatif else "strong"),
                  Run(label_end + value, "whatif" if value == whatif else ""))) for label, value in top]


def _wide(res, lang: str, markdown: bool, narrow: Grid | None = None) -> Grid:
    """A row per criterion: status, id, criterion, value, target, gap, score (in Markdown, the lead unit and the
    clause too), each row in its status's colour."""
    head = [L.row_head(key, res, lang) for key in L.ROW_HEAD]
    if markdown:
        head += [L.head("lead", lang), L.head("clause", lang)]
    rows = []
    for r in res.results:
        cells = [_status(r, lang), _id(r), Cell(((Run(L.title(r, lang)),),)),
                 *(Cell(((Run(f),),)) for f in _figures(r, lang))]
        if markdown:
            cells += [Cell((lead_runs(r.lead_unit),), "lead"), Cell(((Run(r.clause),),))]
        rows.append(Row(tuple(cells), cls=f"s-{L.shown_status(r)}"))
    return Grid(tuple(head), (), tuple(rows), figures=False, narrow=narrow)


def _narrow(res, lang: str) -> Grid:
    """A criterion on two lines, for a terminal too narrow for a row each: its status, its id and its title, its
    figures under the title (value → target · gap · score); a card per criterion when even that does not fit."""
    h = {key: L.row_head(key, res, lang) for key in L.ROW_HEAD}
    rows, cards = [], []
    for r in res.results:
        value, target, gap, score = _figures(r, lang)
        figures = (Run(value), Run(" → "), Run(target), *(run for f in (gap, score) if f != "—"
                                                        for run in (Run(" · "), Run(f))))
        name, status = L.title(r, lang), f"s-{L.shown_status(r)}"
        rows.append(Row((_status(r, lang), _id(r), Cell(((Run(name),), figures))), cls=status))
        cards.append(Row((Cell(((Run(f"{r.id} {name}"),),)), _status(r, lang), Cell((figures,))), cls=status))
    return Grid((h["status"], h["id"], f"{h['criterion']} · {h['value']} → {h['target']} · {h['gap']}"), (),
                tuple(rows), figures=False, stretch=True, narrow=Grid(("", "", ""), (), tuple(cards), "cards"))


def framework_section(res, lang: str, form: str, whatif: str = "") -> Section:
    """One framework's evaluation: its header (with a what-if's line, `whatif`), the criteria table, the counts
    under it and what to do next."""
    markdown = form == "markdown"
    # (on a wide terminal too narrow after all for a row each: two lines a criterion)
    table = (_narrow(res, lang) if form == "narrow" else
             _wide(res, lang, markdown, None if markdown else _narrow(res, lang)))
    counts = L.counts_text(res, lang, "counts.item_colon" if markdown else "counts.item")
    items = [*_header(res, lang, form, whatif), table, para(counts, cls="caption"),
             Lines(tuple(para(line) for line in L.followup_lines(res, lang)))]
    if not markdown:
        items.append(Para(()))  # a blank line after each framework
    heading = L.header_lines(res, lang)[0][1] if markdown else ""
    return Section("", heading, heading, tuple(items))


def doc(results, lang: str, sensitivity: dict, form: str, assumptions: tuple = (), years_before: dict | None = None
        ) -> Doc:
    """`evaluate`'s text as blocks, for `form` (one of FORMS): a section per framework, each saying first what a
    what-if assumed (`assumptions`, `engine.result.Assumption`) and what it does to that framework (`years_before`:
    the year judged without it, by framework id, where it moves it), then the sensitivity lines."""
    sections = [framework_section(res, lang, form, L.whatif_line(assumptions, lang, [res], years_before))
                for res in results]
    sens = L.sensitivity_lines(results, sensitivity, lang)
    if sens:
        sections.append(Section("", "", "", (Lines(tuple(para(line, cls="pre") for line in sens.splitlines())),)))
    return Doc("", (), tuple(sections))
