"""What draft, import, collect and init tell people: their results as a document of blocks, in one language.

A command of the evidence loop returns what it found as data — the targets a plan sets and
which to review (`DraftSummary`), the facts a form adds and how each framework moves
(`ImportSummary`), the rows each unit is asked for (`CollectSummary`), the file started
(`InitSummary`) — and the builders here lay it out as a `Doc` (a title and
the lines under it; `blocks.Doc`) in the --lang language, with every word from the phrase book
(`words.py`). The terminal writer (`terminal.document`) draws it. Each line is one record (a
fact, a source, a criterion that moves), so a line is never broken: a summary piped to `grep`
or a log finds each record whole, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..engine.errors import one_line
from ..engine.fields import Names
from ..engine.result import CriterionResult
from ..engine.result import say as R
from .blocks import Doc, para
from .labels import status_words
from .words import display, pct, phrase, say, text

UNBROKEN = 1 << 20  # cells: wider than any line, so that the terminal writer breaks none


# ---------------------------------------------------------------- draft

@dataclass(frozen=True)
class ToReview:
    """A target a person should check: its name and clause as the plan words them (each on one line), the
    reader's review codes, and, for a target the reader did not mark, why the framework leaves it out."""
    name: str
    clause: str | None
    reasons: tuple[str, ...]
    left_out: str | None = None


@dataclass(frozen=True)
class DraftSummary:
    """What `draft` read: the document (title, number and date, each on one line), the counts, the targets
    to review, and the files it writes (what to do next follows from them)."""
    title: str | None
    number: str | None
    date: str | None
    targets: int
    matched: int
    mechanisms: int
    review: tuple[ToReview, ...]
    city: str
    output: str | None = None
    xlsx: str | None = None
    commented: int = 0  # targets the framework keeps as comments
    unstated: tuple[str, ...] = ()  # what the document does not say of itself: "title", "issuer"


def why(codes: tuple[str, ...] | list[str], lang: str) -> str:
    """A target's review codes as reasons, one after the other (a code the book lacks as written)."""
    return say("sep.semicolon", lang).join(phrase(code, lang) for code in codes)


def draft_doc(s: DraftSummary, lang: str) -> Doc:
    """The draft summary: the document, the counts, each target to review and why, then the next step."""
    out = []
    if s.title is not None:
        extra = say("draft.list_sep", lang).join(x for x in (s.number, s.date) if x)
        out.append(say("draft.document", lang, title=s.title, extra=extra) if extra else s.title)
    out.append(say("draft.found", lang, n=s.targets, m=s.matched, k=len(s.review), mech=s.mechanisms))
    if s.unstated:
        what = say("draft.list_sep", lang).join(say(f"draft.unstated.{w}", lang) for w in s.unstated)
        out.append(say("draft.unstated", lang, what=what))
    for t in s.review:
        where = say("draft.no_clause", lang) if t.clause is None else t.clause
        out.append(say("draft.review_item", lang, name=t.name, where=where,
                       why=why(t.reasons, lang) if t.reasons else t.left_out))
    if s.output is None and s.xlsx is not None:
        out.append(say("draft.next_from", lang, xlsx=s.xlsx, city=s.city))
    elif s.output is None:
        out.append(say("draft.next_output", lang))
    else:
        out.append(say("draft.next_validate", lang, path=s.output))
    return Doc(out[0], tuple(map(para, out[1:])), ())


def draft_notices(s: DraftSummary, lang: str) -> list[str]:
    """The lines `draft` writes to standard error beside its summary (also with --format json)."""
    return [say("draft.commented", lang, n=s.commented)] if s.commented else []


# ---------------------------------------------------------------- import

@dataclass(frozen=True)
class Imported:
    """A fact an import adds or replaces (`kind` added | replaced), or an option it sets (attribute), with
    the cell it comes from. `label` and `choice`: an option's name and the value chosen."""
    kind: str
    indicator: str
    year: int
    where: str
    value: Decimal | bool | str
    bound: str = "exact"
    unit: str = ""
    old: tuple[Decimal | bool, str] | None = None  # a replaced fact's value and bound
    label: Names | None = None
    choice: Names | None = None


@dataclass(frozen=True)
class NewSource:
    """A source an import adds: its key and title; `low`: without a document number or address."""
    key: str
    title: str
    low: bool = False


@dataclass(frozen=True)
class FrameworkMove:
    """How an import moves one framework: coverage and verdict before and after, and each criterion whose
    status as people see it (a plan target's achievement) changes."""
    framework: str
    year: int
    coverage: tuple[Decimal, Decimal]
    verdict: tuple[str, str]
    criteria: tuple[tuple[CriterionResult, CriterionResult], ...]

    @property
    def moves(self) -> bool:
        """Whether anything about the framework changes."""
        return bool(self.criteria) or self.coverage[0] != self.coverage[1] or self.verdict[0] != self.verdict[1]


@dataclass(frozen=True)
class ImportSummary:
    """What `import` does: the forms read into which city file, each fact and new source, how many facts were
    there already, how each framework moves, and whether the file is written (`writes`: there is something
    to write; `dry_run`: --dry-run) with its `kept` comment lines."""
    city: Names
    forms: str
    path: str
    facts: tuple[Imported, ...]
    sources: tuple[NewSource, ...]
    same: int
    writes: bool
    frameworks: tuple[FrameworkMove, ...]
    dry_run: bool
    kept: int


def shown(value: Decimal | bool, bound: str, unit: str, lang: str) -> str:
    """A value as an import's messages show it: 是/否, or the figure with its unit and bound (不少于…)."""
    if isinstance(value, bool):
        return say("import.yes" if value else "import.no", lang)
    figure = display(value, unit, lang)
    return figure if bound == "exact" else say(f"import.{bound}", lang, v=figure)


def _fact_line(f: Imported, lang: str) -> str:
    if f.label is not None and f.choice is not None:
        return text(R("import.line_attribute", kind=R(f"import.{f.kind}"), ind=f.indicator, year=f.year,
                      label=f.label, value=f.choice, where=f.where), lang)
    was = R("import.was", old=shown(*f.old, f.unit, lang)) if f.old else ""
    return text(R("import.line", kind=R(f"import.{f.kind}"), ind=f.indicator, year=f.year,
                  value=shown(f.value, f.bound, f.unit, lang), was=was, where=f.where), lang)  # type: ignore[arg-type]


def import_doc(s: ImportSummary, lang: str) -> Doc:
    """The import summary: the forms and the file, each fact and new source, the facts already there, then how
    each framework's coverage, verdict and criteria move (a plan's targets in the words of a plan) and
    whether the file was written."""
    out = [text(R("import.head", city=s.city, forms=s.forms, path=s.path), lang)]
    out += [_fact_line(f, lang) for f in s.facts]
    out += [say("import.source_low" if x.low else "import.source", lang, key=x.key, title=x.title) for x in s.sources]
    if s.same:
        out.append(say("import.same", lang, n=s.same))
    if not s.writes:
        out.append(say("import.nothing", lang))
    else:
        for m in s.frameworks:
            a, b = m.coverage
            va, vb = m.verdict
            out.append(say("import.moves", lang, fw=m.framework, year=m.year, a=pct(a), b=pct(b),
                           va=phrase(f"verdict.name.{va}", lang), vb=phrase(f"verdict.name.{vb}", lang)) if m.moves else
                       say("import.no_change", lang, fw=m.framework, year=m.year))
            out += [text(R("import.criterion", id=x.id, title=Names(zh=x.title_zh, en=x.title_en),
                           a=status_words(x, lang), b=status_words(y, lang)), lang) for x, y in m.criteria]
        out.append(say("import.dry_run", lang) if s.dry_run else say("import.kept", lang, n=s.kept))
    out = [one_line(x) for x in out]  # a cell's text cut to a readable length, its controls shown as escapes
    return Doc(out[0], tuple(map(para, out[1:])), ())


# ---------------------------------------------------------------- collect and init

@dataclass(frozen=True)
class CollectSummary:
    """What `collect` asks for: the city, and per sheet (a unit) its rows and its groups of rows of which
    one is enough."""
    city: Names
    sheets: tuple[tuple[str, int, int], ...]  # (sheet, rows, groups)


def collect_doc(s: CollectSummary, lang: str) -> Doc:
    """The collect summary: how many rows for how many units, then each unit's rows."""
    rows = sum(n for _, n, _ in s.sheets)
    head = text(R("collect.head", city=s.city, rows=rows, units=len(s.sheets)), lang)
    return Doc(head, tuple(para(say("collect.sheet_choice" if groups else "collect.sheet", lang, sheet=sheet, rows=n,
                                    groups=groups)) for sheet, n, groups in s.sheets), ())


@dataclass(frozen=True)
class InitSummary:
    """What `init` wrote: the city, the file, how many indicators it lists for which frameworks, and the year
    the next step collects for."""
    city: Names
    path: str
    indicators: int
    frameworks: tuple[str, ...]
    year: int


def init_doc(s: InitSummary, lang: str) -> Doc:
    """The init summary: the file started, then the next step."""
    first, *rest = text(R("init.done", city=s.city, path=s.path, n=s.indicators, fws=", ".join(s.frameworks),
                          year=s.year), lang).split("\n")
    return Doc(first, tuple(map(para, rest)), ())


# ---------------------------------------------------------------- the text

_BUILDERS = {DraftSummary: draft_doc, ImportSummary: import_doc, CollectSummary: collect_doc, InitSummary: init_doc}


def document(result: DraftSummary | ImportSummary | CollectSummary | InitSummary, lang: str) -> Doc:
    """A command's message as a document of blocks, in `lang`."""
    return _BUILDERS[type(result)](result, lang)  # type: ignore[operator]


def render(result: DraftSummary | ImportSummary | CollectSummary | InitSummary, lang: str) -> str:
    """A command's message as the terminal shows it: one line a record, none broken."""
    from . import terminal
    return terminal.document(document(result, lang), lang, width=UNBROKEN)
