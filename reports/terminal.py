"""The terminal writer: a document of blocks (`blocks.py`) laid out as wide as the terminal.

Every text output for a terminal is a document of blocks drawn by `document`: `evaluate`'s
(`evaluation.py`), `explain`'s (`explain.py`), the planning and comparison documents
(`analysis.py`) and the catalogue (`catalogue.py`). Every piece of text goes through `printable`
(in `paragraph`, `grid` and `card`): text from a fact or criteria file reaches the terminal
neither as rich markup ("[bold]") nor as a control sequence (ESC, an OSC 8 link, a title change,
any other C0 or C1 control): those show as escapes (\\x1b).
"""

from __future__ import annotations

import io
import os
import shutil

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine.errors import printable
from . import linebreak
from .blocks import Cell as Cell_
from .blocks import Grid, Para
from .words import colon

COMPACT_BELOW = 120  # columns: narrower terminals get one criterion per two lines
GAP = 3              # cells between two columns: rich's padding either side of the (blank) column rule


def terminal_width() -> int:
    """The terminal's width in columns: $COLUMNS or standard output's terminal (shutil), else the terminal
    standard error or input is on (output piped into `less` or `head` is read there); 160 without any."""
    cols = shutil.get_terminal_size((0, 0)).columns
    for fd in (2, 0):
        if cols > 0:
            break
        try:
            cols = os.get_terminal_size(fd).columns
        except OSError:
            pass
    return cols if cols > 0 else 160


def paragraph(s: str, width: int, style: str = "", label: str = "", label_style: str = "bold") -> Text:
    """`s` (after `label`) as lines of at most `width` cells, broken only where a line may break
    (`linebreak`): rich would fold a Chinese sentence anywhere. Control characters show as escapes."""
    head = printable(label)
    out = Text("\n".join(linebreak.hanging(head + printable(s), width)), style=style)
    if head:
        out.stylize(label_style, 0, len(head.rstrip()))
    return out


Cell = str | tuple[str, ...]   # a cell's text, or its paragraphs (each starts a line)
INDENT = "   "


def card(first: str, fields: list[tuple[str, bool]], width: int, style: str = "") -> Text:
    """A table row as a card, for a terminal too narrow for the table: `first` in bold on a line of its own,
    then the fields ("牵头单位：市财政部门"), indented, several to a line while they fit whole; a longer one
    on lines of its own, broken only where `linebreak` allows (a field marked True as a name)."""
    room = max(width - len(INDENT), 1)
    lines, line = [], ""
    for field, name in fields:
        f = printable(field)
        if line and cell_len(line) + 2 + cell_len(f) <= room:
            line += "  " + f
            continue
        if line:
            lines.append(line)
            line = ""
        if cell_len(f) <= room:
            line = f
        else:
            lines += linebreak.wrap(f, room, name)
    if line:
        lines.append(line)
    out = Text(style=style)
    title = linebreak.wrap(printable(first), room)
    out.append("\n".join(title[:1] + [INDENT + t for t in title[1:]]), style="bold")
    for ln in lines:
        out.append("\n" + INDENT + ln)
    return out


def grid(head: list[str], rows: list[list[Cell]], width: int, *, names: list[list[bool]] | None = None,
         styles: list[list[str]] | None = None, row_styles: list[str] | None = None,
         stretch_last: bool = False) -> Table | None:
    """A table `width` cells wide whose cells are broken into lines by `linebreak` (no word, number or
    name broken; `names` marks the cells that break only at spaces and brackets: lead units, statuses).
    None when the columns cannot all fit without breaking a word: the caller shows a card per row."""
    cells = [[tuple(printable(p) for p in ((c,) if isinstance(c, str) else c)) for c in row] for row in rows]
    heads = [(printable(h),) for h in head]
    names = names or [[False] * len(head) for _ in rows]
    n = range(len(head))
    natural = [max(cell_len(p) for c in [heads[i]] + [row[i] for row in cells] for p in c) for i in n]
    if sum(natural) + GAP * (len(head) - 1) <= width:  # all fits: no word to look for
        least = natural
    else:
        least = [max([linebreak.least(p) for p in heads[i]] +
                     [linebreak.least(p, nm[i]) for row, nm in zip(cells, names) for p in row[i]]) for i in n]
    cols = linebreak.widths(least, natural, width, GAP, stretch_last)
    if cols is None:
        return None

    def lines(paras: tuple[str, ...], i: int, name: bool = False) -> str:
        return "\n".join(line for p in paras for line in linebreak.wrap(p, cols[i], name))

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i in n:
        table.add_column(Text(lines(heads[i], i)), width=cols[i], no_wrap=True)
    for k, (row, nm) in enumerate(zip(cells, names)):
        table.add_row(*(Text(lines(row[i], i, nm[i]), style=styles[k][i] if styles else "") for i in n),
                      style=row_styles[k] if row_styles else None)
    return table


# ---------------------------------------------------------------- a document of blocks (evaluate, explain, plan, …)

_RICH = {"heat-0": "red", "heat-1": "red", "heat-2": "red", "heat-3": "yellow", "heat-4": "yellow", "heat-5": "yellow",
         "heat-6": "green", "heat-7": "green", "heat-8": "green", "heat-9": "bold green", "s-pass": "green",
         "s-partial": "yellow", "s-fail": "red", "s-unknown": "magenta", "s-error": "bold red", "strong": "bold",
         "whatif": "bold yellow", "heat-provisional": "dim"}


def _cell_lines(c: Cell_) -> Cell:
    """A block cell as the terminal grid's cell: its lines' text."""
    texts = tuple("".join(r.text for r in line) for line in c.lines)
    return texts[0] if len(texts) == 1 else texts


def _is_name(c: Cell_) -> bool:
    """A cell that breaks only at spaces and brackets: a lead unit's parts, a status, a cell of runs kept whole."""
    return c.cls == "lead" or c.cls.startswith("s-") or all(r.keep for line in c.lines for r in line)


def _para(p: Para, width: int) -> Text:
    """A paragraph wrapped to `width` (`paragraph`; a "pre" one as it is), each run in its style ('strong': bold):
    one style over the whole paragraph, or each run's over its characters where the lines put them."""
    runs = [(printable(r.text), _RICH.get(r.style, "")) for r in p.runs]
    if p.cls == "pre":
        return Text("".join(t for t, _ in runs))
    styles = {style for _, style in runs}
    if len(styles) == 1:
        return paragraph("".join(t for t, _ in runs), width, styles.pop())
    out = paragraph("".join(t for t, _ in runs), width)
    i = 0  # the next character of the lines
    shown = out.plain
    for t, style in runs:
        first = None
        for ch in t:
            while i < len(shown) and shown[i] != ch and not (ch == " " and shown[i] == "\n"):
                i += 1  # a line break and the indent after it
            if i < len(shown) and shown[i] == ch:
                first = i if first is None else first
                i += 1  # (else a space the line break took)
        if style and first is not None:
            out.stylize(style, first, i)
    return out


def _grid(con: Console, g: Grid, width: int, sep: str) -> None:
    """A table as wide as the terminal, else its narrow form (`Grid.narrow`), else a card per row."""
    rows = [r for r in g.rows if not r.group]
    cells = [[_cell_lines(c) for c in r.cells] for r in rows]
    names = [[_is_name(c) for c in r.cells] for r in rows]
    if g.cls != "cards":
        styles = [[_RICH.get(c.cls, "") for c in r.cells] for r in rows]
        table = grid(list(g.head), cells, width, names=names, styles=styles,
                     row_styles=[_RICH.get(r.cls, "") for r in rows], stretch_last=g.stretch)
        if table is not None:
            con.print(table)
            return
        if g.narrow is not None:
            _grid(con, g.narrow, width, sep)
            return
    for r, row, nm in zip(rows, cells, names):  # no room for the columns: a card per row
        flat = ["\n".join(c) if isinstance(c, tuple) else c for c in row]
        colour = _RICH.get(r.cls or next((c.cls for c in r.cells if c.cls.startswith("s-")), ""), "")
        con.print(card("  ".join(flat[:g.title]), [(f"{g.head[i]}{sep}{flat[i]}" if g.head[i] else flat[i], nm[i])
                                                   for i in range(g.title, len(flat))], width, colour))


def _blocks(con: Console, items, width: int, sep: str) -> None:
    """The blocks of a section; a chart is left out (the documents draw it)."""
    for it in items:
        if it.kind in ("para", "lines"):
            for p in it.items if it.kind == "lines" else (it,):
                con.print(_para(p, width), soft_wrap=p.cls == "pre")
        elif it.kind == "heading":
            con.print(paragraph(it.text, width, "bold"))
        elif it.kind == "bullets":  # (indented under the line before, each item's lines under its text)
            for p in it.items:
                con.print(paragraph(p.plain, width, label="  - ", label_style=""))
        elif it.kind == "grid":
            _grid(con, it, width, sep)


def document(doc, lang: str, color: bool = False, width: int | None = None) -> str:
    """A document of blocks (`analysis.Doc`) for the terminal, as wide as it is, with no word, number or lead
    unit broken (`grid`); a card per row where a table's columns cannot fit. A document without a title
    (`evaluate`'s, `explain`'s) starts with its first section; a section without a heading runs on from what is
    before it."""
    buf = io.StringIO()
    width = width or terminal_width()
    con = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                  highlight=False, emoji=False)
    if doc.title:
        con.print(paragraph(doc.title, width, "bold"))
    for m in doc.meta:
        con.print(_para(m, width))
    for s in doc.sections:
        if s.heading:
            if buf.tell():  # (a blank line before it, unless it opens the document: `explain`'s)
                con.print()
            con.print(paragraph(s.heading, width, "bold"))
        _blocks(con, s.items, width, colon(lang))
    for m in doc.method:
        con.print()
        con.print(paragraph(m.plain, width))
    return buf.getvalue()
