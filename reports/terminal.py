"""The terminal table: one block per framework (verdict, score, coverage, then each criterion).

Every piece of text goes through `text` (one place for this format): text from a fact or
criteria file reaches the terminal neither as rich markup ("[bold]") nor as a control
sequence (ESC, an OSC 8 link, a title change, any other C0 or C1 control): those show as
escapes (\\x1b).
"""

from __future__ import annotations

import io
import os

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine.errors import printable
from ..engine.result import FrameworkResult

from .labels import HEAD, ROW_HEAD, STATUS, criterion_row, followup_lines, header_lines

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "unknown": "magenta", "error": "bold red"}


def text(s: str, style: str = "") -> Text:
    """`s` for the terminal: plain text (never markup), every control character shown as an escape."""
    return Text(printable(s), style=style)


def lines(block: str) -> str:
    """Each line of a block of plain text, with its control characters shown as escapes (the lines stay lines)."""
    return "".join(printable(line) + "\n" for line in block.splitlines())


def render(results: list[FrameworkResult], lang: str, color: bool = False, width: int | None = None) -> str:
    """The evaluation as text; `color` adds terminal colours."""
    buf = io.StringIO()
    width = width or int(os.environ.get("COLUMNS", "0") or 0) or 160
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    for res in results:
        for label, line in header_lines(res, lang):
            console.print(Text.assemble(text(f"{label}:", "bold"), " ", text(line)) if label else text(line, "bold"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for key in ROW_HEAD:
            table.add_column(HEAD[key][lang], overflow="fold")
        for r in res.results:
            table.add_row(*(text(c) for c in criterion_row(r, lang)), style=_STYLE.get(r.status))
        console.print(table)
        console.print(text(", ".join(f"{STATUS[s][lang]} {n}" for s, n in res.counts.items() if n)))
        for line in followup_lines(res, lang):
            console.print(text(line))
        console.print()
    return buf.getvalue()
