"""The blocks every document is made of: headings, paragraphs, tables, charts and lists, built of runs.

One model for every report: `evaluate`'s readiness report (`readiness.py`) and its terminal table and
Markdown (`evaluation.py`), `explain` (`explain.py`), and the planning and comparison documents
(`analysis.py`: plan, compare, progress, diff; `catalogue.py`: indicators) are sections of these blocks.
A run keeps what it is (a status, a figure, a lead unit's part, a clause), so each writer — terminal
and Markdown (`terminal.py`, `markdown.py`), HTML and PDF (`templates/items.j2`), Word
(`docx_report.py`) — lays it out by its kind, without parsing text again. Blocks hold words in one
language and compute nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Union

from .linebreak import name_lines

if TYPE_CHECKING:  # (a chart is drawn by the documents only: a summary of blocks does without charts' imports)
    from .charts import Chart


@dataclass(frozen=True)
class Run:
    """A piece of text with a style: '' plain, 'strong', 'note' (small grey), 's-<status>' (a status colour).
    `keep`: never broken across lines (a lead unit's part, a status)."""
    text: str
    style: str = ""
    keep: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph: runs one after the other. `cls` "caption": the line under a table that sums it up (its
    counts), a paragraph of its own in Markdown; "pre": a line a terminal shows as it is, never wrapped (the
    sensitivity lines, read whole)."""
    kind: ClassVar[str] = "para"
    runs: tuple[Run, ...]
    cls: str = ""

    @property
    def plain(self) -> str:
        """The paragraph's text, its runs one after the other."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Cell:
    """A table cell: one or more lines, each a tuple of runs."""
    lines: tuple[tuple[Run, ...], ...]
    cls: str = ""  # num (right-aligned), s-<status>, v-<verdict>, heat-<0–9> (a heat map's colour)


@dataclass(frozen=True)
class Row:
    """A table row; a group row (a category, a lead unit) spans the table with its `group` text. `cls`
    s-<status>: the whole row in that status's colour (a criterion's row in `evaluate`'s table)."""
    cells: tuple[Cell, ...] = ()
    group: str = ""
    cls: str = ""


@dataclass(frozen=True)
class Grid:
    """A table: headings (a "\n" in one: where it breaks, as its column's cells do), column widths in percent
    (none: each column as wide as its text asks), rows. `title`: how many leading cells name a row (a card's
    title when a terminal is too narrow for the columns). `figures`: on paper and screen, each figure in a cell
    stays on one line with its measure word ("2022年", "40 亿元"); else a line may break as Unicode allows.
    On a terminal: `narrow`, the same rows in fewer columns, for a terminal too narrow for these; `stretch`, the
    last column takes the room left; `cls` "cards", never a table but a card per row (its title cells, then
    each other cell under its head, or alone under an empty head)."""
    kind: ClassVar[str] = "grid"
    head: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[Row, ...]
    cls: str = ""
    title: int = 1
    figures: bool = True
    narrow: Grid | None = None
    stretch: bool = False


@dataclass(frozen=True)
class Figure:
    """A chart with lines of notes beside or under it."""
    chart: Chart
    notes: tuple[Para, ...] = ()


@dataclass(frozen=True)
class Figures:
    """Charts side by side (two to a row on paper, one on a phone); `wide`: each across the page."""
    kind: ClassVar[str] = "figures"
    items: tuple[Figure, ...]
    wide: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading inside a section (level 3); the section's own heading is level 2."""
    kind: ClassVar[str] = "heading"
    level: int  # 2 or 3 (1 is the report's title)
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Bullets:
    """A list of paragraphs."""
    kind: ClassVar[str] = "bullets"
    items: tuple[Para, ...]


@dataclass(frozen=True)
class Lines:
    """Lines one under the other (what to do next, under a table): in Markdown one paragraph, each line ending
    in a line break; on a terminal each line wrapped under its own text."""
    kind: ClassVar[str] = "lines"
    items: tuple[Para, ...]


Item = Union[Heading, Para, Grid, Figures, Bullets, Lines]


@dataclass(frozen=True)
class Section:
    """A part of a document under its heading; `running` is the page header while it runs (in the readiness
    report each section starts on a new page). Without a heading (`evaluate`'s text: a framework's bold lines
    open it), a section runs on from what is before it."""
    anchor: str
    heading: str
    running: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Doc:
    """A planning or comparison document, or a command's message: its title, the lines under it, its sections
    (`Section`), the method."""
    title: str
    meta: tuple[Para, ...]
    sections: tuple[Section, ...]
    method: tuple[Para, ...] = field(default=())


# ---------------------------------------------------------------- runs of one kind

def lead_runs(unit: str, style: str = "", fit: int = 12) -> tuple[Run, ...]:
    """A lead unit as runs that each stay on one line: its lines for a column that holds `fit` Chinese
    characters (`linebreak.name_lines`, the terminal's rule), so a line breaks only between them."""
    return tuple(Run(line, style, keep=True) for line in name_lines(unit, 2 * fit))


def para(*runs: Run | str, cls: str = "") -> Para:
    """A paragraph of runs, a string being a plain run."""
    return Para(tuple(Run(r) if isinstance(r, str) else r for r in runs), cls)


def cell(*lines: tuple[Run, ...] | Run | str, cls: str = "") -> Cell:
    """A cell of lines, each a tuple of runs, a run or a string (a plain run)."""
    return Cell(tuple((Run(x),) if isinstance(x, str) else (x,) if isinstance(x, Run) else x for x in lines), cls)


def cell_text(c: Cell, sep: str = "\n") -> str:
    """A cell's text, its lines joined by `sep`."""
    return sep.join("".join(r.text for r in line) for line in c.lines)
