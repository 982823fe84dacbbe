"""Reading returned forms (an .xlsx workbook or a folder of CSV files) into checked facts.

Every cell is checked with the rules of a fact file (`engine.units.read_value`, the
catalogue's units and attribute values). Nothing stops at the first problem: each one is a
line `FILE!SHEET!CELL: what is wrong`. A workbook is inspected before openpyxl opens it
(size, zip entries, macros), and the form's shape is checked against the manifest that
`collect` wrote (sheets, header rows, one row per fact, nothing merged, no formulas).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..engine.errors import InputError, words
from ..engine.result import Reason
from ..engine.result import say as R
from ..engine.units import UnitError, half_width, read_value
from ..reports.words import say
from .files import read_input
from .forms import (
    BOUND_WORDS,
    COLUMN,
    COLUMNS,
    FORMAT,
    FORMULA_START,
    HEADER_ROWS,
    INSTRUCTIONS,
    MANIFEST,
    MANIFEST_HEAD,
    Need,
    unit_text,
)

MAX_FORM_BYTES = 10 * 1024 * 1024        # a filled form is a few hundred KB at most
MAX_UNPACKED_BYTES = 50 * 1024 * 1024    # what its zip entries may unpack to, all together
MAX_ENTRIES = 2000
MAX_RATIO = 200                          # unpacked / packed, per entry (a zip bomb packs far tighter)
# a day (2023-05-04, 2023年5月4日) or a month (2023-05, 2023年5月): how departments write a date of publication
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?$")


class FormProblems(Exception):
    """Problems found in a form, one line each (FILE!SHEET!CELL: message)."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class SourceSpec:
    """A source as a form gives it; its title carries the document number (文号) and the date published.

    `confidence` follows what the row gives: with a document number or an address the source
    can be checked and is taken as stated (high); with neither it is low."""
    title: str
    url: str | None
    publisher: str
    confidence: str = "high"


@dataclass
class FormFact:
    """One filled row: a value (with its bound), or an attribute of a mechanism's fact."""
    where: str                       # FILE!SHEET!CELL of the value
    indicator: str
    year: int
    value: Decimal | bool | str      # str: an attribute value id
    attribute: str | None = None
    bound: str = "exact"
    source: SourceSpec | None = None
    note: str | None = None
    written: str = ""                # the value as typed, when it carried a qualifier (突破1200件)


@dataclass
class Sheet:
    """One sheet's cells as read: rows of values, and the cell kinds that are refused outright."""
    name: str
    rows: list[list[Any]]
    formulas: list[str] = field(default_factory=list)   # cell references
    merged: list[str] = field(default_factory=list)     # ranges
    text_cells: bool = False                            # CSV: every cell is text, numbers too


@dataclass
class Returned:
    """What a returned form says: the city and frameworks it was made for, and its filled rows."""
    city_id: str
    frameworks: list[tuple[str, int]]
    facts: list[FormFact]


def _ref(col: int, row: int) -> str:
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(col + 1)}{row}"


# ---------------------------------------------------------------- opening a workbook safely

def _inspect_zip(name: str, data: bytes, lang: str = "zh") -> None:
    """Refuse what is not a plain .xlsx before any XML is parsed: old or macro formats, zip bombs."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(name, 0, 0, R("xlsx.old"))
    if data[:4] != b"PK\x03\x04":
        raise InputError(name, 0, 0, R("xlsx.not_zip"))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(name, 0, 0, R("form.unreadable", why=str(exc))) from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(name, 0, 0, R("xlsx.parts", n=f"{len(infos):,}"))
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(name, 0, 0, R("xlsx.unpacks", size=f"{total:,}", limit=f"{MAX_UNPACKED_BYTES:,}"))
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise InputError(name, 0, 0, R("xlsx.ratio", part=i.filename,
                                           n=f"{i.file_size // max(i.compress_size, 1):,}"))
    names = {i.filename.lower() for i in infos}
    types = _part(name, zf, "[Content_Types].xml") if "[content_types].xml" in names else b""
    if any(n.endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise InputError(name, 0, 0, R("xlsx.macro"))
    for i in infos:
        if re.fullmatch(r"xl/worksheets/[^/]+\.xml", i.filename, re.I):
            _check_extent(name, i.filename, _part(name, zf, i.filename), lang)


def _part(name: str, zf: zipfile.ZipFile, part: str) -> bytes:
    """One part of the workbook unpacked; a damaged part (bad CRC, encrypted, unknown compression) is one line."""
    try:
        return zf.read(part)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError,
            zlib.error, KeyError) as exc:
        raise InputError(name, 0, 0, R("xlsx.part_damaged", part=part,
                                       why=type(exc).__name__)) from None


MAX_SHEET_ROWS = 20_000     # a form has a row per fact: a few hundred
MAX_SHEET_COLUMNS = 64      # a form has 15 columns
MAX_SHEET_CELLS = 300_000
_CELL_REF = re.compile(rb'\sr="([A-Za-z]{0,3})([0-9]{1,9})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="(?:[A-Za-z]{1,3}[0-9]{1,9}:)?([A-Za-z]{1,3})([0-9]{1,9})"')
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s>/]")


def _check_extent(name: str, part: str, xml: bytes, lang: str) -> None:
    """Refuse a sheet that reaches far beyond a form, before openpyxl builds a cell for every place up to its
    last one: one cell at XFD1048576 would make it build seventeen thousand million."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    from ..engine.result import say
    from ..reports.words import text
    rows = cols = 0
    refs = _CELL_REF.findall(xml)
    dim = _DIMENSION.search(xml)
    for letters, digits in refs + ([dim.groups()] if dim else []):
        rows = max(rows, int(digits))
        if letters:
            try:
                cols = max(cols, column_index_from_string(letters.decode("ascii").upper()))
            except ValueError:
                cols = 10**6  # beyond XFD, the last column there is
    sheet = part.rsplit("/", 1)[-1].removesuffix(".xml")
    if rows > MAX_SHEET_ROWS or cols > MAX_SHEET_COLUMNS:
        cell = f"{get_column_letter(min(max(cols, 1), 18278))}{rows}"
        raise InputError(name, 0, 0, text(say("files.sheet_too_big", sheet=sheet, cell=cell, rows=f"{rows:,}",
                                              cols=f"{cols:,}", max_rows=f"{MAX_SHEET_ROWS:,}",
                                              max_cols=MAX_SHEET_COLUMNS), lang))
    cells = len(_CELL_TAG.findall(xml))
    if cells > MAX_SHEET_CELLS:
        raise InputError(name, 0, 0, text(say("files.sheet_too_many_cells", sheet=sheet, cells=f"{cells:,}",
                                              limit=f"{MAX_SHEET_CELLS:,}"), lang))


def read_workbook(path: Path, lang: str = "zh") -> list[Sheet]:
    """The sheets of an .xlsx form, after the checks that need no XML parsing."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raise InputError(name, 0, 0, say("form.one_csv", lang))
    if suffix in (".xls", ".xlsm", ".xltm", ".xlsb"):
        raise InputError(name, 0, 0, say("form.not_xlsx", lang, what=path.suffix))
    data = read_input(path, MAX_FORM_BYTES, R("xlsx.far_smaller"))  # a FIFO, /dev/zero: refused, never read
    _inspect_zip(name, data, lang)
    from openpyxl import load_workbook
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; each is one line for the user
        raise InputError(name, 0, 0, say("form.unreadable", lang, why=f"{type(exc).__name__}: {exc}")) from None
    sheets = []
    for ws in wb.worksheets:
        rows, formulas = [], []
        for row in ws.iter_rows():
            values = []
            for cell in row:
                if cell.data_type == "f" or type(cell.value).__name__ in ("ArrayFormula", "DataTableFormula"):
                    formulas.append(cell.coordinate)
                values.append(cell.value)
            rows.append(values)
        sheets.append(Sheet(ws.title, rows, formulas, [str(r) for r in ws.merged_cells.ranges]))
    sheets += [Sheet(cs.title, []) for cs in wb.chartsheets]
    return sheets


def _csv_text(v: str) -> str | None:
    """A CSV cell as typed: empty is None; the apostrophe `collect` put before text that starts like a formula goes."""
    if v == "":
        return None
    return v[1:] if v.startswith("'") and v[1:].startswith(FORMULA_START) else v


def _csv_decoded(name: str, raw: bytes) -> str:
    """A CSV form's text: UTF-8 (as collect writes it), or GB 18030 — what Excel on a Chinese Windows saves
    as "CSV (逗号分隔)". A wrong guess cannot pass: the two header rows are checked word for word."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        bad = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
        if bad:
            line = text.count("\n", 0, bad.start()) + 1
            col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
            raise InputError(name, line, col, R("csv.control", char=f"U+{ord(bad.group()):04X}"))
        return text
    raise InputError(name, 0, 0, R("csv.encoding"))


def _check_csv_extent(name: str, rows: list[list[Any]], lang: str) -> None:
    """The limits of a sheet (`_check_extent`) for a CSV form: rows, columns, cells."""
    from openpyxl.utils import get_column_letter

    from ..engine.result import say
    from ..reports.words import text
    cols = max((len(r) for r in rows), default=0)
    if len(rows) > MAX_SHEET_ROWS or cols > MAX_SHEET_COLUMNS:
        cell = f"{get_column_letter(min(max(cols, 1), 18278))}{len(rows)}" + ("…" if cols > 18278 else "")
        raise InputError(name, 0, 0, text(say("files.sheet_too_big", sheet=Path(name).stem, cell=cell,
                                              rows=f"{len(rows):,}", cols=f"{cols:,}",
                                              max_rows=f"{MAX_SHEET_ROWS:,}", max_cols=MAX_SHEET_COLUMNS), lang))


def read_csv_dir(path: Path, lang: str = "zh") -> list[Sheet]:
    """The sheets of a folder of CSV forms (one file per sheet; the instructions file is skipped)."""
    sheets = []
    for p in sorted(path.iterdir()):
        if p.name == f"{INSTRUCTIONS}.txt" or p.name.startswith("."):
            continue
        if p.suffix.lower() != ".csv" or p.is_dir():
            raise InputError(str(p), 0, 0, say("form.csv_only", lang))
        raw = read_input(p, MAX_FORM_BYTES)
        text = _csv_decoded(str(p), raw)
        try:
            rows = [[_csv_text(v) for v in row] for row in csv.reader(io.StringIO(text))]
        except csv.Error as exc:
            raise InputError(str(p), 0, 0, say("form.csv_bad", lang, why=exc)) from None
        _check_csv_extent(str(p), rows, lang)
        sheets.append(Sheet(p.stem, rows, text_cells=True))
    return sheets


# ---------------------------------------------------------------- the form's shape

def _trimmed(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows without trailing empty cells, and without trailing empty rows."""
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] in (None, ""):
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def _manifest(label: str, sheet: Sheet | None, cat, t) -> tuple[str, list[tuple[str, int]],
                                                                dict[str, list[tuple[str, int]]]]:
    """What `collect` recorded: the city, the frameworks and years, and which row holds which fact."""
    if sheet is None:
        raise InputError(label, 0, 0, t("form.not_form", part=MANIFEST))
    rows = _trimmed(sheet.rows)
    head = {r[0]: r[1] for r in rows[:3] if len(r) >= 2}
    if head.get("format") != FORMAT or len(rows) < 4 or tuple(rows[3][:4]) != MANIFEST_HEAD:
        raise InputError(label, 0, 0, t("form.other_format", part=MANIFEST, fmt=FORMAT))
    try:
        frameworks = [(item.partition("@")[0], _year(item.partition("@")[2]))
                      for item in str(head.get("frameworks", "")).split()]
        expected: dict[str, list[tuple[str, int]]] = {}
        for r in rows[4:]:
            expected.setdefault(str(r[0]), []).append((str(r[2]), _year(r[3])))
    except (ValueError, TypeError, IndexError):
        raise InputError(label, 0, 0, t("form.damaged", part=MANIFEST)) from None
    for rows_ in expected.values():
        for key, _ in rows_:
            indicator, _, attribute = key.partition(".")
            ind = cat.indicators.get(indicator)
            if ind is None or (attribute and attribute not in ind.attributes):
                raise InputError(label, 0, 0, t("form.other_catalogue", key=repr(key)))
    return str(head.get("city")), frameworks, expected


def read_forms(path: Path, cat, lang: str = "zh", today: dt.date | None = None) -> Returned:
    """Read and check a returned form (an .xlsx file or a folder of CSV files), its messages in `lang`.

    With `today`, a date of publication after it, or a filled row for a year after it, is refused (a typing slip).

    Raises InputError for a file that is not a form at all, FormProblems (every bad cell,
    one line each) for a form with bad cells."""
    label = str(path)
    is_dir = path.is_dir()
    sheets = read_csv_dir(path, lang) if is_dir else read_workbook(path, lang)

    def t(code: str, **args: Any) -> str:  # (an argument that is a phrase is said in the same language)
        return say(code, lang, **{k: words(v, lang) if isinstance(v, Reason) else v for k, v in args.items()})

    def at(name: str) -> str:
        return f"{label}/{name}.csv" if is_dir else f"{label}!{name}"

    by_name = {s.name: s for s in sheets}
    city_id, frameworks, expected = _manifest(label, by_name.get(MANIFEST), cat, t)
    problems: list[str] = []
    facts: list[FormFact] = []
    for s in sheets:
        if s.name in (INSTRUCTIONS, MANIFEST):
            continue
        if s.name not in expected:
            problems.append(t("form.sheet_extra", at=at(s.name)))
            continue
        problems += _sheet_problems(at(s.name), s, expected[s.name], cat, facts, t, today)
    for name in expected:
        if name not in by_name:
            problems.append(t("form.sheet_missing", at=at(name)))
    if problems:
        raise FormProblems(problems)
    return Returned(city_id, frameworks, facts)


def _sheet_problems(at: str, s: Sheet, expected: list[tuple[str, int]], cat, facts: list[FormFact],
                    t, today: dt.date | None = None) -> list[str]:
    problems = [t("form.formula", at=f"{at}!{ref}") for ref in s.formulas]
    problems += [t("form.merged", at=f"{at}!{rng}") for rng in s.merged]
    rows = _trimmed(s.rows)
    for r in range(HEADER_ROWS):
        want = [c.title for c in COLUMNS] if r == 0 else [c.id for c in COLUMNS]
        got = (rows[r] if r < len(rows) else []) + [None] * len(COLUMNS)
        for i, w in enumerate(want):
            if got[i] != w:
                problems.append(t("form.header", at=f"{at}!{_ref(i, r + 1)}", got=repr(got[i]), want=repr(w)))
        extra = [i for i, v in enumerate(got[len(COLUMNS):], start=len(COLUMNS)) if v not in (None, "")]
        problems += [t("form.column_extra", at=f"{at}!{_ref(i, r + 1)}") for i in extra[:1]]
    if problems:
        return problems
    data = rows[HEADER_ROWS:]
    for k, row in enumerate(data):
        rownum = HEADER_ROWS + 1 + k
        if k >= len(expected):
            problems.append(t("form.row_extra", at=f"{at}!A{rownum}"))
            continue
        problems += _row(at, rownum, row + [None] * (len(COLUMNS) - len(row)), expected[k], cat, facts,
                         s.text_cells, t, today)
    if len(data) < len(expected):
        problems.append(t("form.rows_missing", at=f"{at}!A{HEADER_ROWS + 1 + len(data)}"))
    return problems


def _row(at: str, rownum: int, row: list[Any], expected: tuple[str, int], cat, facts: list[FormFact],
         text_cells: bool, t, today: dt.date | None = None) -> list[str]:
    def ref(col: str) -> str:
        return f"{at}!{_ref(COLUMN[col], rownum)}"

    def cell(col: str) -> Any:
        v = row[COLUMN[col]]
        return v.strip() if isinstance(v, str) else v

    key, year = expected
    problems = []
    extra = [i for i in range(len(COLUMNS), len(row)) if row[i] not in (None, "")]
    if extra:
        problems.append(t("form.cell_extra", at=f"{at}!{_ref(extra[0], rownum)}"))
    if cell("indicator") != key:
        problems.append(t("form.row_moved", at=ref("indicator"), got=repr(cell("indicator")), want=repr(key)))
    got_year = cell("year")
    if isinstance(got_year, (dt.date, dt.datetime)):
        problems.append(t("form.year_date", at=ref("year"), got=f"{got_year:%Y-%m-%d}", year=year))
    elif isinstance(got_year, str) and not text_cells:
        problems.append(t("form.year_text", at=ref("year"), got=repr(got_year), year=year))
    elif _as_int(got_year, text_ok=text_cells) != year:
        problems.append(t("form.year_fixed", at=ref("year"), got=repr(got_year), year=year))
    indicator, _, attribute = key.partition(".")
    if problems:
        return problems
    need = Need(indicator, year, "", attribute=attribute or None)
    if cell("unit") != unit_text(cat, need):
        return [t("form.unit", at=ref("unit"), got=repr(cell("unit")), want=repr(unit_text(cat, need)))]
    inputs = ("value", "bound", "source_title", "source_url", "publisher", "published", "note")
    if all(cell(c) in (None, "") for c in inputs):
        return []  # not filled: nothing to import
    value = cell("value")
    if value in (None, ""):
        return [t("form.value_empty", at=ref("value"))]
    if today is not None and year > today.year:  # a form made for a year to come: nothing is published for it yet
        return [t("form.year_future", at=ref("year"), year=year, today=today.isoformat())]
    if attribute:
        return _attribute_row(ref, cell, inputs, indicator, attribute, year, cat, facts, t)
    return _value_row(ref, cell, indicator, year, cat, facts, t, today)


def _as_int(v: Any, text_ok: bool) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if text_ok and isinstance(v, str) and re.fullmatch(r"[0-9]{1,9}", v.strip()):  # not ①, 2022², 5,000 digits
        return int(v)
    return None


def _year(v: Any) -> int:
    """A year the manifest records (ValueError for anything but a whole year ipcheck evaluates)."""
    from .library import FIRST_YEAR, LAST_YEAR
    n = v if type(v) is int else int(v) if isinstance(v, str) and re.fullmatch(r"[0-9]{4}", v.strip()) else None
    if n is None or not FIRST_YEAR <= n <= LAST_YEAR:
        raise ValueError(v)
    return n


def _attribute_row(ref, cell, inputs, indicator: str, attribute: str, year: int, cat, facts, t) -> list[str]:
    values = cat.indicators[indicator].attributes[attribute].values
    got = half_width(str(cell("value"))).strip()
    by_label = {half_width(names.zh): vid for vid, names in values.items()} | {vid: vid for vid in values}
    problems = [t("form.option_only", at=ref(c)) for c in inputs[1:] if cell(c) not in (None, "")]
    if got not in by_label:
        problems.append(t("form.option_bad", at=ref("value"), got=repr(got),
                          choices="、".join(n.zh for n in values.values())))
    if not problems:
        facts.append(FormFact(ref("value"), indicator, year, by_label[got], attribute=attribute))
    return problems


def _value_row(ref, cell, indicator: str, year: int, cat, facts, t, today: dt.date | None = None) -> list[str]:
    """A filled row of a figure or a mechanism: its value read by the one rule (`units.read_value`), its source."""
    problems: list[str] = []
    unit = cat.units[indicator]
    raw = cell("value")
    value: Any = None
    bound, word = "exact", ""
    if isinstance(raw, (dt.date, dt.datetime)):
        problems.append(t("form.date_for_number", at=ref("value")))
    else:
        try:
            value, bound, word = read_value(raw, unit)
        except UnitError as exc:
            problems.append(t("form.value_bad", at=ref("value"), why=exc.reason))
    chosen = cell("bound")
    if unit is None:
        if chosen not in (None, ""):
            problems.append(t("form.no_bound", at=ref("bound")))
    else:
        if value is not None and cat.indicators[indicator].kind == "percentage" and value > 100:
            problems.append(t("form.over_100", at=ref("value"), value=value))
        if chosen not in (None, ""):
            b = BOUND_WORDS.get(half_width(str(chosen)).strip())
            if b is None:
                problems.append(t("form.bound_bad", at=ref("bound"), got=repr(chosen)))
            elif word and b != bound:
                problems.append(t("form.bound_clash", at=ref("bound"), word=word, got=chosen))
            else:
                bound = b
    # a mechanism's document may be years older than the year it is in force; a figure's cannot
    source, more = _source(ref, cell, t, year if unit is not None else None, today)
    problems += more
    note = cell("note")
    if note is not None and not isinstance(note, str):
        note = str(note)
    if not problems:
        facts.append(FormFact(ref("value"), indicator, year, value, bound=bound, source=source, note=note or None,
                              written=str(raw) if word else ""))
    return problems


def _text(ref, cell, col: str, required: bool, problems: list[str], t) -> str | None:
    v = cell(col)
    if v in (None, ""):
        if required:
            problems.append(t("form.source_empty", at=ref(col)))
        return None
    if isinstance(v, bool) or isinstance(v, (dt.date, dt.datetime)) or isinstance(v, float):
        problems.append(t("form.not_text", at=ref(col), got=repr(v)))
        return None
    text = str(v).strip()
    if len(text) > 1000:
        problems.append(t("form.too_long", at=ref(col)))
    return text


def _source(ref, cell, t, year: int | None, today: dt.date | None) -> tuple[SourceSpec | None, list[str]]:
    """The row's own source; without an address or a document number its confidence is low."""
    problems: list[str] = []
    title = _text(ref, cell, "source_title", True, problems, t)
    where = _text(ref, cell, "source_url", False, problems, t)
    publisher = _text(ref, cell, "publisher", True, problems, t)
    published = _date(ref, cell, problems, t, year, today)
    if problems:
        return None, problems
    url = where if where and re.match(r"^https?://", where, re.I) else None
    extra = [x for x in (None if url else where, published) if x and x not in title]  # type: ignore[operator]
    if extra:
        title = f"{title}（{'，'.join(extra)}）"
    return SourceSpec(title, url, publisher, "high" if where else "low"), []  # type: ignore[arg-type]


def _date(ref, cell, problems: list[str], t, year: int | None, today: dt.date | None) -> str | None:
    """The date of publication as the title gives it (2023-05-04, or 2023-05 for a month); a date that cannot be
    one is a problem: not a date, before 1949, after `today`, or more than a year before the figure's own `year`
    (None for a mechanism, whose document may be years older than the year it is in force)."""
    v = cell("published")
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        v = v.date()
    month_only = False
    if isinstance(v, dt.date):
        day = v
    else:
        m = _DATE.match(half_width(str(v)).strip()) if isinstance(v, str) else None
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3] or 1)) if m else None
        except ValueError:
            day = None
        if day is None:
            problems.append(t("form.date_bad", at=ref("published"), got=repr(v)))
            return None
        month_only = m[3] is None
    shown = f"{day:%Y-%m}" if month_only else day.isoformat()
    if not (1949 <= day.year <= 2100):
        problems.append(t("form.date_implausible", at=ref("published"), got=shown))
        return None
    # a month is in the future only once all of it is: 2026-12 is no slip on 2026-12-07
    if today is not None and (day.replace(day=1) if month_only else day) > today:
        problems.append(t("form.date_future", at=ref("published"), got=shown, today=today.isoformat()))
        return None
    # a figure is published after its year begins (a budget: the year before at most)
    if year is not None and day.year < year - 1:
        problems.append(t("form.date_before_year", at=ref("published"), got=shown, year=year))
        return None
    return shown
