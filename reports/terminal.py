"""The terminal table: one block per framework (verdict, score, coverage, then each criterion)."""

from __future__ import annotations

import io
import os

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..engine.result import FrameworkResult

from .labels import HEAD, ROW_HEAD, STATUS, criterion_row, followup_lines, header_lines

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "unknown": "magenta", "error": "bold red"}


def render(results: list[FrameworkResult], lang: str, color: bool = False, width: int | None = None) -> str:
    """The evaluation as text; `color` adds terminal colours."""
    buf = io.StringIO()
    width = width or int(os.environ.get("COLUMNS", "0") or 0) or 160
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, emoji=False, legacy_windows=False)
    for res in results:
        for label, text in header_lines(res, lang):  # text from files is escaped: "[...]" is not markup
            console.print(f"[bold]{escape(label)}:[/bold] {escape(text)}" if label else f"[bold]{escape(text)}[/bold]")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for key in ROW_HEAD:
            table.add_column(HEAD[key][lang], overflow="fold")
        for r in res.results:
            table.add_row(*(Text(c) for c in criterion_row(r, lang)), style=_STYLE.get(r.status))
        console.print(table)
        counts = ", ".join(f"{STATUS[s][lang]} {n}" for s, n in res.counts.items() if n)
        console.print(counts, markup=False)
        for line in followup_lines(res, lang):
            console.print(line, markup=False)
        console.print()
    return buf.getvalue()
