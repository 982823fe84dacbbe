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
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine.errors import printable
from ..engine.result import FrameworkResult
from .labels import HEAD, ROW_HEAD, STATUS, criterion_row, followup_lines, header_lines

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "unknown": "magenta", "error": "bold red"}
COMPACT_BELOW = 120  # columns: narrower terminals get one criterion per two lines


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


def _table(res: FrameworkResult, lang: str, width: int) -> Table:
    """The criteria: one row each on a wide terminal; on a narrow one, the title with its figures under it."""
    if width >= COMPACT_BELOW:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for key in ROW_HEAD:
            table.add_column(HEAD[key][lang], overflow="fold", no_wrap=key in ("status", "id"))
        for r in res.results:
            table.add_row(*(text(c) for c in criterion_row(r, lang)), style=_STYLE.get(r.status))
        return table
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column(HEAD["status"][lang], no_wrap=True)
    table.add_column(HEAD["id"][lang], no_wrap=True)
    heading = f"{HEAD['criterion'][lang]} · {HEAD['value'][lang]} → {HEAD['target'][lang]} · {HEAD['gap'][lang]}"
    # fold only what has no space to break at (a Chinese run), never an English word
    table.add_column(heading, ratio=1, overflow="fold")
    for r in res.results:
        status, rid, name, value, target, gap, score = criterion_row(r, lang)
        figures = f"{value} → {target}" + (f" · {gap}" if gap != "—" else "") + (f" · {score}" if score != "—" else "")
        # the title, then its figures on a line of their own (the line break is the layout's, not a file's)
        table.add_row(text(status), text(rid), Text.assemble(text(name), "\n", text(figures)),
                      style=_STYLE.get(r.status))
    return table


def text(s: str, style: str = "") -> Text:
    """`s` for the terminal: plain text (never markup), every control character shown as an escape."""
    return Text(printable(s), style=style)


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
            console.print(Text.assemble(text(f"{label}:", "bold"), " ", text(line)) if label else text(line, "bold"))
        console.print(_table(res, lang, width))
        console.print(text(", ".join(f"{STATUS[s][lang]} {n}" for s, n in res.counts.items() if n)))
        for line in followup_lines(res, lang):
            console.print(text(line))
        console.print()
    return buf.getvalue()
