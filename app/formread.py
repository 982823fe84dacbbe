"""Reading returned forms (an .xlsx workbook or a folder of CSV files) into checked facts.

Every cell is checked with the rules of a fact file (`engine.units.read_figure`, the
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

from ..engine.errors import InputError
from ..engine.units import UnitError, half_width, read_figure
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
    YES_NO,
    Need,
    unit_text,
)

MAX_FORM_BYTES = 10 * 1024 * 1024        # a filled form is a few hundred KB at most
MAX_UNPACKED_BYTES = 50 * 1024 * 1024    # what its zip entries may unpack to, all together
MAX_ENTRIES = 2000
MAX_RATIO = 200                          # unpacked / packed, per entry (a zip bomb packs far tighter)
_BARE_NUMBER = re.compile(r"^[\d,]+(\.\d+)?$")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class FormProblems(Exception):
    """Problems found in a form, one line each (FILE!SHEET!CELL: message)."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class SourceSpec:
    """A source as a form gives it; its title carries the document number (文号) and the date published."""
    title: str
    url: str | None
    publisher: str


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
        raise InputError(name, 0, 0, "an Excel 97-2003 (.xls) or password-protected workbook: save it as an "
                                     "Excel workbook (.xlsx) without a password first")
    if data[:4] != b"PK\x03\x04":
        raise InputError(name, 0, 0, "not an .xlsx workbook (not a zip file)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(name, 0, 0, f"not a readable .xlsx workbook ({exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(name, 0, 0, f"the workbook holds {len(infos):,} parts; a form has a few dozen")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(name, 0, 0, f"the workbook unpacks to {total:,} bytes (limit {MAX_UNPACKED_BYTES:,}): "
                                     "not a form (a zip bomb?)")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise InputError(name, 0, 0, f"part {i.filename} unpacks {i.file_size // max(i.compress_size, 1):,} times "
                                         "its size: not a form (a zip bomb?)")
    names = {i.filename.lower() for i in infos}
    types = _part(name, zf, "[Content_Types].xml") if "[content_types].xml" in names else b""
    if any(n.endswith("vbaproject.bin") for n in names) or b"macroEnabled" in types:
        raise InputError(name, 0, 0, "a macro-enabled workbook (.xlsm): ipcheck reads plain .xlsx only; "
                                     "save it as an Excel workbook (.xlsx) without macros")
    for i in infos:
        if re.fullmatch(r"xl/worksheets/[^/]+\.xml", i.filename, re.I):
            _check_extent(name, i.filename, _part(name, zf, i.filename), lang)


def _part(name: str, zf: zipfile.ZipFile, part: str) -> bytes:
    """One part of the workbook unpacked; a damaged part (bad CRC, encrypted, unknown compression) is one line."""
    try:
        return zf.read(part)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError,
            zlib.error, KeyError) as exc:
        raise InputError(name, 0, 0, f"part {part} of the workbook is damaged ({type(exc).__name__}): not a "
                                     "readable .xlsx workbook; save it again from the spreadsheet program") from None


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
        raise InputError(name, 0, 0, "one CSV file: import reads the folder the CSV forms are in (ipcheck import DIR)")
    if suffix in (".xls", ".xlsm", ".xltm", ".xlsb"):
        what = {".xls": "an Excel 97-2003 (.xls) workbook", ".xlsb": "a binary workbook (.xlsb)"}.get(
            suffix, "a macro-enabled workbook")
        raise InputError(name, 0, 0, f"{what}: ipcheck reads .xlsx forms only; save it as an Excel workbook (.xlsx)")
    data = read_input(path, MAX_FORM_BYTES, "; a form is far smaller")  # a FIFO, /dev/zero: refused, never read
    _inspect_zip(name, data, lang)
    from openpyxl import load_workbook
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; each is one line for the user
        raise InputError(name, 0, 0, f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
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
            raise InputError(name, line, col, f"control character U+{ord(bad.group()):04X} in a CSV form")
        return text
    raise InputError(name, 0, 0, "neither UTF-8 nor GB 18030 text: save the CSV as UTF-8")


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
            raise InputError(str(p), 0, 0, "not part of the forms (a CSV form folder holds .csv files only)")
        raw = read_input(p, MAX_FORM_BYTES)
        text = _csv_decoded(str(p), raw)
        try:
            rows = [[_csv_text(v) for v in row] for row in csv.reader(io.StringIO(text))]
        except csv.Error as exc:
            raise InputError(str(p), 0, 0, f"not a readable CSV file ({exc})") from None
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


def _manifest(label: str, sheet: Sheet | None, cat) -> tuple[str, list[tuple[str, int]],
                                                             dict[str, list[tuple[str, int]]]]:
    """What `collect` recorded: the city, the frameworks and years, and which row holds which fact."""
    if sheet is None:
        raise InputError(label, 0, 0, f"not a form made by `ipcheck collect` (no {MANIFEST} part)")
    rows = _trimmed(sheet.rows)
    head = {r[0]: r[1] for r in rows[:3] if len(r) >= 2}
    if head.get("format") != FORMAT or len(rows) < 4 or tuple(rows[3][:4]) != MANIFEST_HEAD:
        raise InputError(label, 0, 0, f"not a form this ipcheck reads (its {MANIFEST} part is not {FORMAT})")
    try:
        frameworks = [(item.partition("@")[0], _year(item.partition("@")[2]))
                      for item in str(head.get("frameworks", "")).split()]
        expected: dict[str, list[tuple[str, int]]] = {}
        for r in rows[4:]:
            expected.setdefault(str(r[0]), []).append((str(r[2]), _year(r[3])))
    except (ValueError, TypeError, IndexError):
        raise InputError(label, 0, 0, f"the form's {MANIFEST} part is damaged; collect the forms again") from None
    for rows_ in expected.values():
        for key, _ in rows_:
            indicator, _, attribute = key.partition(".")
            ind = cat.indicators.get(indicator)
            if ind is None or (attribute and attribute not in ind.attributes):
                raise InputError(label, 0, 0, f"the form asks for {key!r}, which this catalogue does not have "
                                              "(made with other criteria? use the same --criteria)")
    return str(head.get("city")), frameworks, expected


def read_forms(path: Path, cat, lang: str = "zh") -> Returned:
    """Read and check a returned form (an .xlsx file or a folder of CSV files).

    Raises InputError for a file that is not a form at all, FormProblems (every bad cell,
    one line each) for a form with bad cells."""
    label = str(path)
    is_dir = path.is_dir()
    sheets = read_csv_dir(path, lang) if is_dir else read_workbook(path, lang)

    def at(name: str) -> str:
        return f"{label}/{name}.csv" if is_dir else f"{label}!{name}"

    by_name = {s.name: s for s in sheets}
    city_id, frameworks, expected = _manifest(label, by_name.get(MANIFEST), cat)
    problems: list[str] = []
    facts: list[FormFact] = []
    for s in sheets:
        if s.name in (INSTRUCTIONS, MANIFEST):
            continue
        if s.name not in expected:
            problems.append(f"{at(s.name)}: a sheet the form did not have: remove it (or copy its rows "
                            "into the sheet of that unit)")
            continue
        problems += _sheet_problems(at(s.name), s, expected[s.name], cat, facts)
    for name in expected:
        if name not in by_name:
            problems.append(f"{at(name)}: the sheet is missing (it was renamed or deleted)")
    if problems:
        raise FormProblems(problems)
    return Returned(city_id, frameworks, facts)


def _sheet_problems(at: str, s: Sheet, expected: list[tuple[str, int]], cat, facts: list[FormFact]) -> list[str]:
    problems = [f"{at}!{ref}: a formula; type the value itself" for ref in s.formulas]
    problems += [f"{at}!{rng}: merged cells; unmerge them (every cell holds one value)" for rng in s.merged]
    rows = _trimmed(s.rows)
    for r in range(HEADER_ROWS):
        want = [c.title for c in COLUMNS] if r == 0 else [c.id for c in COLUMNS]
        got = (rows[r] if r < len(rows) else []) + [None] * len(COLUMNS)
        for i, w in enumerate(want):
            if got[i] != w:
                problems.append(f"{at}!{_ref(i, r + 1)}: header {got[i]!r} should be {w!r} "
                                "(do not rename or move columns)")
        extra = [i for i, v in enumerate(got[len(COLUMNS):], start=len(COLUMNS)) if v not in (None, "")]
        problems += [f"{at}!{_ref(i, r + 1)}: a column the form did not have" for i in extra[:1]]
    if problems:
        return problems
    data = rows[HEADER_ROWS:]
    for k, row in enumerate(data):
        rownum = HEADER_ROWS + 1 + k
        if k >= len(expected):
            problems.append(f"{at}!A{rownum}: a row the form did not have: remove it (rows cannot be added)")
            continue
        problems += _row(at, rownum, row + [None] * (len(COLUMNS) - len(row)), expected[k], cat, facts, s.text_cells)
    if len(data) < len(expected):
        problems.append(f"{at}!A{HEADER_ROWS + 1 + len(data)}: rows are missing (rows cannot be deleted)")
    return problems


def _row(at: str, rownum: int, row: list[Any], expected: tuple[str, int], cat, facts: list[FormFact],
         text_cells: bool) -> list[str]:
    def ref(col: str) -> str:
        return f"{at}!{_ref(COLUMN[col], rownum)}"

    def cell(col: str) -> Any:
        v = row[COLUMN[col]]
        return v.strip() if isinstance(v, str) else v

    key, year = expected
    problems = []
    extra = [i for i in range(len(COLUMNS), len(row)) if row[i] not in (None, "")]
    if extra:
        problems.append(f"{at}!{_ref(extra[0], rownum)}: a cell outside the form's columns")
    if cell("indicator") != key:
        problems.append(f"{ref('indicator')}: {cell('indicator')!r} should be {key!r} (rows cannot be moved or edited)")
    got_year = cell("year")
    if isinstance(got_year, (dt.date, dt.datetime)):
        problems.append(f"{ref('year')}: a date ({got_year:%Y-%m-%d}) where a year is expected; "
                        f"type the year, e.g. {year}")
    elif isinstance(got_year, str) and not text_cells:
        problems.append(f"{ref('year')}: {got_year!r} is a year stored as text; type it as a number, {year}")
    elif _as_int(got_year, text_ok=text_cells) != year:
        problems.append(f"{ref('year')}: {got_year!r} should be {year} (the year is fixed by the form)")
    indicator, _, attribute = key.partition(".")
    if problems:
        return problems
    need = Need(indicator, year, "", attribute=attribute or None)
    if cell("unit") != unit_text(cat, need):
        return [f"{ref('unit')}: unit {cell('unit')!r} should be {unit_text(cat, need)!r}; "
                "convert the value into the form's unit instead"]
    inputs = ("value", "bound", "source_title", "source_url", "publisher", "published", "note")
    if all(cell(c) in (None, "") for c in inputs):
        return []  # not filled: nothing to import
    value = cell("value")
    if value in (None, ""):
        return [f"{ref('value')}: the value is empty but other cells of the row are filled; "
                "fill the value, or clear the row"]
    if attribute:
        return _attribute_row(ref, cell, inputs, indicator, attribute, year, cat, facts)
    return _value_row(ref, cell, indicator, year, cat, facts, text_cells)


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


def _attribute_row(ref, cell, inputs, indicator: str, attribute: str, year: int, cat, facts) -> list[str]:
    values = cat.indicators[indicator].attributes[attribute].values
    got = half_width(str(cell("value"))).strip()
    by_label = {half_width(names.zh): vid for vid, names in values.items()} | {vid: vid for vid in values}
    problems = [f"{ref(c)}: an option row takes only the value (its source is the row of the fact itself)"
                for c in inputs[1:] if cell(c) not in (None, "")]
    if got not in by_label:
        choices = "、".join(n.zh for n in values.values())
        problems.append(f"{ref('value')}: {got!r} is not one of the options: choose {choices}")
    if not problems:
        facts.append(FormFact(ref("value"), indicator, year, by_label[got], attribute=attribute))
    return problems


def _value_row(ref, cell, indicator: str, year: int, cat, facts, text_cells: bool) -> list[str]:
    problems: list[str] = []
    unit = cat.units[indicator]
    raw = cell("value")
    value: Any = None
    bound, word = "exact", ""
    if unit is None:
        key = half_width(str(raw)).strip().lower() if not isinstance(raw, bool) else ("true" if raw else "false")
        if key not in YES_NO:
            problems.append(f"{ref('value')}: {raw!r} is not yes/no: choose 是 or 否")
        else:
            value = YES_NO[key]
        if cell("bound") not in (None, ""):
            problems.append(f"{ref('bound')}: a yes/no fact has no bound; clear the cell")
    else:
        if isinstance(raw, bool) or isinstance(raw, (dt.date, dt.datetime)):
            what = "yes/no" if isinstance(raw, bool) else "a date"
            problems.append(f"{ref('value')}: {what} where a number is expected")
        elif isinstance(raw, str) and not text_cells and _BARE_NUMBER.match(half_width(raw).strip()):
            problems.append(f"{ref('value')}: {raw!r} is a number stored as text; type it as a number "
                            f"(or with its unit, e.g. {half_width(raw).strip()}{unit.text})")
        else:
            number = Decimal(repr(raw)) if isinstance(raw, float) else raw
            try:
                value, bound, word = read_figure(number, unit)
            except UnitError as exc:
                problems.append(f"{ref('value')}: {exc}")
        if value is not None and cat.indicators[indicator].kind == "percentage" and value > 100:
            problems.append(f"{ref('value')}: {value}% is more than 100%; type 95% (or 0.95) for 95%")
        chosen = cell("bound")
        if chosen not in (None, ""):
            b = BOUND_WORDS.get(half_width(str(chosen)).strip())
            if b is None:
                problems.append(f"{ref('bound')}: {chosen!r} is not a bound: choose 确切值, 不少于 or 不多于")
            elif word and b != bound:
                problems.append(f"{ref('bound')}: the value says {word} but the bound chosen is {chosen}")
            else:
                bound = b
    source, more = _source(ref, cell)
    problems += more
    note = cell("note")
    if note is not None and not isinstance(note, str):
        note = str(note)
    if not problems:
        facts.append(FormFact(ref("value"), indicator, year, value, bound=bound, source=source, note=note or None,
                              written=str(raw) if word else ""))
    return problems


def _text(ref, cell, col: str, required: bool, problems: list[str]) -> str | None:
    v = cell(col)
    if v in (None, ""):
        if required:
            problems.append(f"{ref(col)}: empty; every value names its source (title and publisher)")
        return None
    if isinstance(v, bool) or isinstance(v, (dt.date, dt.datetime)) or isinstance(v, float):
        problems.append(f"{ref(col)}: {v!r} is not text")
        return None
    text = str(v).strip()
    if len(text) > 1000:
        problems.append(f"{ref(col)}: longer than 1,000 characters")
    return text


def _source(ref, cell) -> tuple[SourceSpec | None, list[str]]:
    problems: list[str] = []
    title = _text(ref, cell, "source_title", True, problems)
    where = _text(ref, cell, "source_url", False, problems)
    publisher = _text(ref, cell, "publisher", True, problems)
    published = _date(ref, cell, problems)
    if problems:
        return None, problems
    url = where if where and re.match(r"^https?://", where, re.I) else None
    extra = [x for x in (None if url else where, published) if x and x not in title]  # type: ignore[operator]
    if extra:
        title = f"{title}（{'，'.join(extra)}）"
    return SourceSpec(title, url, publisher), []  # type: ignore[arg-type]


def _date(ref, cell, problems: list[str]) -> str | None:
    v = cell("published")
    if v in (None, ""):
        return None
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        day = v
    else:
        m = _DATE.match(half_width(str(v)).strip()) if isinstance(v, str) else None
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None
        except ValueError:
            day = None
        if day is None:
            problems.append(f"{ref('published')}: {v!r} is not a date; write it as 2024-03-01")
            return None
    if not (1949 <= day.year <= 2100):
        problems.append(f"{ref('published')}: {day.isoformat()} is not a plausible date of publication")
        return None
    return day.isoformat()
