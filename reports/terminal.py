"""The terminal table: one block per framework (verdict, score, coverage, then each criterion).

Every piece of text goes through `text` (one place for this format): text from a fact or
criteria file reaches the terminal neither as rich markup ("[bold]") nor as a control
sequence (ESC, an OSC 8 link, a title change, any other C0 or C1 control): those show as
escapes (\\x1b).
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
from ..engine.result import FrameworkResult
from . import linebreak
from .blocks import Cell as Cell_
from .labels import ROW_HEAD, counts_text, criterion_row, followup_lines, header_lines, row_head, shown_status
from .words import colon

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "unknown": "magenta", "error": "bold red"}
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


def _table(res: FrameworkResult, lang: str, width: int) -> Table | Text:
    """The criteria: one row each on a wide terminal; on a narrow one, the title with its figures under it
    (the statuses and ids never broken); a card per criterion when even that does not fit."""
    styles = [_STYLE.get(shown_status(r), "") for r in res.results]
    if width >= COMPACT_BELOW:
        rows: list[list[Cell]] = [list(criterion_row(r, lang)) for r in res.results]
        keep = [key in ("status", "id") for key in ROW_HEAD]
        table = grid([row_head(key, res, lang) for key in ROW_HEAD], rows, width, names=[keep] * len(rows),
                     row_styles=styles)
        if table is not None:
            return table
    h = {key: row_head(key, res, lang) for key in ROW_HEAD}
    heading = f"{h['criterion']} · {h['value']} → {h['target']} · {h['gap']}"
    rows = []
    for r in res.results:
        status, rid, name, value, target, gap, score = criterion_row(r, lang)
        figures = f"{value} → {target}" + (f" · {gap}" if gap != "—" else "") + (f" · {score}" if score != "—" else "")
        rows.append([status, rid, (name, figures)])  # the title, then its figures on a line of their own
    table = grid([h["status"], h["id"], heading], rows, width,
                 names=[[True, True, False]] * len(rows), row_styles=styles, stretch_last=True)
    if table is not None:
        return table
    return Text("\n").join(card(f"{rid} {name}", [(status, True), (figures, False)], width, style)
                           for (status, rid, (name, figures)), style in zip(rows, styles))


def text(s: str, style: str = "") -> Text:
    """`s` for the terminal: plain text (never markup), every control character shown as an escape."""
    return Text(printable(s), style=style)


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


def lines(block: str) -> str:
    """Each line of a block of plain text, with its control characters shown as escapes (the lines stay lines)."""
    return "".join(printable(line) + "\n" for line in block.splitlines())


def render(results: list[FrameworkResult], lang: str, color: bool = False, width: int | None = None) -> str:
    """The evaluation as text, as wide as the terminal (a compact layout below 120 columns); `color` adds colours."""
    buf = io.StringIO()
    width = width or terminal_width()
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    for res in results:
        for label, line in header_lines(res, lang, compact=width < COMPACT_BELOW):
            console.print(paragraph(line, width, label=label + colon(lang)) if label
                          else paragraph(line, width, "bold"))
        console.print(_table(res, lang, width))
        console.print(paragraph(counts_text(res, lang), width))
        for line in followup_lines(res, lang):
            console.print(paragraph(line, width))
        console.print()
    return buf.getvalue()


# ---------------------------------------------------------------- a document of blocks (plan, compare, progress, …)

_RICH = {"heat-0": "red", "heat-1": "red", "heat-2": "red", "heat-3": "yellow", "heat-4": "yellow", "heat-5": "yellow",
         "heat-6": "green", "heat-7": "green", "heat-8": "green", "heat-9": "bold green", "s-pass": "green",
         "s-partial": "yellow", "s-fail": "red", "s-unknown": "magenta"}


def _cell_lines(c: Cell_) -> Cell:
    """A block cell as the terminal grid's cell: its lines' text."""
    texts = tuple("".join(r.text for r in line) for line in c.lines)
    return texts[0] if len(texts) == 1 else texts


def _is_name(c: Cell_) -> bool:
    """A cell that breaks only at spaces and brackets: a lead unit's parts, a status."""
    return c.cls == "lead" or c.cls.startswith("s-")


def _blocks(con: Console, items, width: int, sep: str) -> None:
    """The blocks of a section; a chart is left out (the documents draw it), a table too wide for the
    terminal is a card per row."""
    for it in items:
        if it.kind == "para":
            con.print(paragraph(it.plain, width))
        elif it.kind == "heading":
            con.print(paragraph(it.text, width, "bold"))
        elif it.kind == "bullets":
            for p in it.items:
                con.print(paragraph(p.plain, width, label="- ", label_style=""))
        elif it.kind == "grid":
            rows = [r for r in it.rows if not r.group]
            cells = [[_cell_lines(c) for c in r.cells] for r in rows]
            names = [[_is_name(c) for c in r.cells] for r in rows]
            styles = [[_RICH.get(c.cls, "") for c in r.cells] for r in rows]
            table = grid(list(it.head), cells, width, names=names, styles=styles)
            if table is not None:
                con.print(table)
                continue
            for r, row, nm in zip(rows, cells, names):  # no room for the columns: a card per row
                flat = ["\n".join(c) if isinstance(c, tuple) else c for c in row]
                colour = _RICH.get(next((c.cls for c in r.cells if c.cls.startswith("s-")), ""), "")
                con.print(card("  ".join(flat[:it.title]), [(f"{it.head[i]}{sep}{flat[i]}", nm[i])
                                                            for i in range(it.title, len(flat))], width, colour))


def document(doc, lang: str, color: bool = False, width: int | None = None) -> str:
    """A document of blocks (`analysis.Doc`) for the terminal, as wide as it is, with no word, number or lead
    unit broken (`grid`); a card per row where a table's columns cannot fit."""
    buf = io.StringIO()
    width = width or terminal_width()
    con = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                  highlight=False, emoji=False)
    con.print(paragraph(doc.title, width, "bold"))
    for m in doc.meta:
        con.print(paragraph(m.plain, width))
    for s in doc.sections:
        con.print()
        con.print(paragraph(s.heading, width, "bold"))
        _blocks(con, s.items, width, colon(lang))
    for m in doc.method:
        con.print()
        con.print(paragraph(m.plain, width))
    return buf.getvalue()
