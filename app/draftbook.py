"""The review workbook of a draft (issue 23): the targets a plan sets, for an analyst to check in a spreadsheet.

`ipcheck draft PLAN --xlsx TARGETS.xlsx` writes it: on sheet 指标 one row per target (the
indicator as worded, the catalogue indicator it means as a drop-down of ids and names, base,
target, unit, years, comparison, kind, lead unit, clause, the quote, and why to review it);
on sheet 机制 the mechanism tasks; on sheet 文件 the document (title, issuer, 文号, date);
on sheet 目录 the catalogue the drop-down offers. Text cells are written as text, never as
formulas, whatever they start with.

`ipcheck draft --from TARGETS.xlsx` reads it back into a plan reading, with the checks of
`import`: the workbook is opened by `formread.read_workbook` (size, zip entries, macros,
formulas, merged cells) and every bad cell is one line `FILE!SHEET!CELL: what is wrong`.
Values are in the unit of the 单位 column, typed as a number or as text the way people type
them (5.2, '5.2', 1.2万, 3亿元), read by the one rule of fact files and forms (`units.read_value`);
an approximate figure (约12) or one with a comparison word (12件以上) is refused with what to
type instead.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..engine.errors import did_you_mean, words
from ..engine.planread.model import Document, Mechanism, PlanReading, Target
from ..engine.result import Listed, Reason, say
from ..engine.units import UnitError, half_width, normalize, parse_unit, plain, read_value
from ..reports.messages import why
from ..reports.words import phrase
from .formread import FormProblems, Sheet, read_workbook
from .library import FIRST_YEAR, LAST_YEAR

FORMAT = "ipcheck.draft-targets/1"
TARGETS, MECHANISMS, DOCUMENT, CATALOGUE = "指标", "机制", "文件", "目录"
SHEETS = (TARGETS, MECHANISMS, DOCUMENT, CATALOGUE)
TARGET_COLUMNS = ("指标", "对应目录指标", "基期值", "基期年", "目标值", "单位", "目标年", "比较", "类型", "牵头单位",
                  "条款", "原文", "备注")
MECHANISM_COLUMNS = ("任务", "对应目录指标", "条款", "牵头单位", "原文")
DOCUMENT_ROWS = ("格式", "城市", "文件", "标题", "发布单位", "文号", "日期", "规划期")
COMPARISONS = {">=": "不低于", ">": "高于", "<=": "不高于", "<": "低于", "=": "等于", "range": "区间（下限）"}
KINDS = {"stock": "存量", "flow": "年度流量", "growth": "增长率", "average_growth": "年均增长率", "share": "占比",
         "per_capita": "每万人口", "per_100_enterprises": "每百户企业", "added": "新增", "score": "得分"}
_BY_COMPARISON = {v: k for k, v in COMPARISONS.items()}
_BY_KIND = {v: k for k, v in KINDS.items()}
_COL = {name: i for i, name in enumerate(TARGET_COLUMNS)}
_MCOL = {name: i for i, name in enumerate(MECHANISM_COLUMNS)}


PROPOSED = "（建议新增）"  # after an indicator id the catalogue lacks, proposed by the reader


def _choice(cat, ind_id: str | None, proposed: str | None = None) -> str | None:
    """The drop-down's text for a catalogue indicator (its id and Chinese name), or a proposed id marked so."""
    if not ind_id or ind_id not in cat.indicators:
        return f"{proposed}{PROPOSED}" if proposed else None
    return f"{ind_id} {cat.indicators[ind_id].name.zh}"


def _number(d: Decimal | None) -> int | float | None:
    """A Decimal as the spreadsheet number that reads back as it (0.87 stays 0.87)."""
    if d is None:
        return None
    d = normalize(d)
    return int(d) if d == d.to_integral_value() else float(str(d))


def reasons(t: Target) -> list[str]:
    """Why a person should check a target: the reader's review codes, and what the target lacks."""
    codes = list(t.review)
    if t.incomplete and "review.incomplete" not in codes:
        codes.append("review.incomplete")
    if t.indicator is None and "review.indicator_not_in_catalogue" not in codes:
        codes.append("review.indicator_not_in_catalogue")
    if t.year is None and "review.year_not_stated" not in codes:
        codes.append("review.year_not_stated")
    return codes


def review_note(t: Target, lang: str) -> str:
    """The 备注 of a target in the workbook: why to review it, and the indicator id proposed for it."""
    parts = [why(reasons(t), lang)] if reasons(t) else []
    if t.indicator is None and t.proposed_indicator:
        parts.append(phrase("draft.yaml.proposed", lang, id=t.proposed_indicator))
    return phrase("sep.semicolon", lang).join(parts)


def workbook_bytes(reading: PlanReading, city: str, source_file: str, cat, notes: list[str]) -> bytes:
    """The review workbook of a reading; `notes[i]` is the 备注 of target i (why to review it)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = TARGETS
    bold = Font(bold=True)

    def put(sheet, row: int, col: int, value: Any) -> None:
        cell = sheet.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # text stays text: "=…" or "+…" from a document is never a formula

    for j, name in enumerate(TARGET_COLUMNS, 1):
        put(ws, 1, j, name)
        ws.cell(row=1, column=j).font = bold
    for i, t in enumerate(reading.targets, 2):
        row = (t.name, _choice(cat, t.indicator, t.proposed_indicator), _number(t.base_value), t.base_year,
               _number(t.value), t.unit, t.year,
               COMPARISONS[t.comparison], KINDS[t.kind], t.lead_unit, t.clause, t.quote, notes[i - 2] or None)
        for j, v in enumerate(row, 1):
            if v not in (None, ""):
                put(ws, i, j, v)
    last = max(2, len(reading.targets) + 1)
    ids = [_choice(cat, ind_id) for ind_id in cat.indicators]
    lists = (("B", f"'{CATALOGUE}'!$A$2:$A${len(ids) + 1}"), ("H", f'"{",".join(COMPARISONS.values())}"'),
             ("I", f'"{",".join(KINDS.values())}"'))
    for col, formula in lists:
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
        dv.add(f"{col}2:{col}{last + 200}")
        ws.add_data_validation(dv)
    for col, width in zip("ABCDEFGHIJKLM", (28, 34, 10, 8, 10, 8, 8, 10, 10, 18, 16, 60, 30)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2, min_col=12, max_col=12):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "B2"

    ms = wb.create_sheet(MECHANISMS)
    for j, name in enumerate(MECHANISM_COLUMNS, 1):
        put(ms, 1, j, name)
        ms.cell(row=1, column=j).font = bold
    for i, m in enumerate(reading.mechanisms, 2):
        for j, v in enumerate((m.text, _choice(cat, m.indicator), m.clause, m.lead_unit, m.quote), 1):
            if v not in (None, ""):
                put(ms, i, j, v)
    dv = DataValidation(type="list", formula1=f"'{CATALOGUE}'!$A$2:$A${len(ids) + 1}", allow_blank=True,
                        showErrorMessage=True)
    dv.add(f"B2:B{max(2, len(reading.mechanisms) + 1) + 200}")
    ms.add_data_validation(dv)
    ms.column_dimensions["A"].width = 40
    ms.column_dimensions["B"].width = 34
    ms.column_dimensions["E"].width = 60

    ds = wb.create_sheet(DOCUMENT)
    doc = reading.document
    period = f"{doc.period[0]}-{doc.period[1]}" if doc.period else None
    for i, (key, v) in enumerate(zip(DOCUMENT_ROWS, (FORMAT, city, source_file, doc.title, doc.issuer, doc.number,
                                                     doc.date, period)), 1):
        put(ds, i, 1, key)
        ds.cell(row=i, column=1).font = bold
        if v:
            put(ds, i, 2, v)
    ds.column_dimensions["B"].width = 60

    cs = wb.create_sheet(CATALOGUE)
    for j, name in enumerate(("对应目录指标", "单位", "类型"), 1):
        put(cs, 1, j, name)
    for i, ind_id in enumerate(cat.indicators, 2):
        ind = cat.indicators[ind_id]
        for j, v in enumerate((_choice(cat, ind_id), ind.unit, ind.kind), 1):
            put(cs, i, j, v)
    cs.column_dimensions["A"].width = 50
    cs.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- reading a reviewed workbook


def _ref(col: int, row: int) -> str:
    from openpyxl.utils import get_column_letter
    return f"{get_column_letter(col + 1)}{row}"


def _rows(sheet: Sheet) -> list[list[Any]]:
    rows = [list(r) for r in sheet.rows]
    for r in rows:
        while r and r[-1] in (None, ""):
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _shown(value: Any) -> str:
    """A cell's value as the user typed it: text in quotes, a date as a date, a number as a number."""
    if hasattr(value, "year") and hasattr(value, "month"):
        return value.strftime("%Y-%m-%d")
    return repr(value) if isinstance(value, str) else str(value)


class _Cells:
    """One sheet's cells with the checks every column shares; each problem a line FILE!SHEET!CELL: … in `lang`."""

    def __init__(self, at: str, problems: list[str], percent: frozenset[str] = frozenset(), lang: str = "zh"):
        self.at, self.lang = at, lang
        self.problems = problems
        self.percent = percent  # cells formatted as percentages: 17% typed there is stored as 0.17

    def bad(self, col: int, row: int, message: Reason) -> None:
        """A problem at one cell, said in the user's language."""
        self.problems.append(words(say("book.at", at=f"{self.at}!{_ref(col, row)}") + message, self.lang))

    def text(self, value: Any, col: int, row: int) -> str | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool) or hasattr(value, "year") and not isinstance(value, (int, float)):
            self.bad(col, row, say("book.not_text", value=_shown(value)))
            return None
        text = str(value).strip()
        if len(text) > 2000:
            self.bad(col, row, say("book.too_long"))
        return text or None

    def year(self, value: Any, col: int, row: int) -> int | None:
        if value in (None, ""):
            return None
        if isinstance(value, str):  # typed as text, as people do: '2025', '2025年'
            m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", half_width(value))
            if m is None:
                self.bad(col, row, say("book.not_year", value=_shown(value)))
                return None
            value = int(m.group(1))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
            self.bad(col, row, say("book.not_year", value=_shown(value)))
            return None
        if not FIRST_YEAR <= int(value) <= LAST_YEAR:
            self.bad(col, row, say("book.year_implausible", value=int(value)))
            return None
        return int(value)

    def number(self, value: Any, col: int, row: int, unit: str | None) -> Decimal | None:
        """A number cell: an exact Decimal, typed as a number or as text (5.2, 1.2万); 约12 and 12件以上 are refused."""
        if value in (None, ""):
            return None
        if isinstance(value, bool) or hasattr(value, "year") and not isinstance(value, (int, float)):
            self.bad(col, row, say("book.not_number", value=_shown(value)))
            return None
        if isinstance(value, (int, float)):
            if value < 0:
                self.bad(col, row, say("book.negative", value=_shown(value)))
                return None
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if not number.is_finite() or number.adjusted() >= 18:  # 1E+300 has no place in a plan's figures
                self.bad(col, row, say("book.too_large", value=_shown(value)))
                return None
            if _ref(col, row) in self.percent:
                if unit != "%":
                    self.bad(col, row, say("book.percent", value=f"{number * 100}%", unit=repr(unit)))
                    return None
                number *= 100
            return normalize(number)
        typed = half_width(str(value)).strip()
        try:
            counter = parse_unit(unit or "件")
        except UnitError:
            counter = parse_unit("件")  # the unit's own cell says what is wrong with it
        try:  # text as people type it ('5.2', '1.2万', '3亿元'), read by the one rule of fact files and forms
            number, bound, word = read_value(typed, counter)
        except UnitError as exc:
            self.bad(col, row, exc.reason)
            return None
        if not number.is_finite() or number.adjusted() >= 18:
            self.bad(col, row, say("book.too_large", value=_shown(value)))
            return None
        if bound != "exact":
            self.bad(col, row, say("book.comparison_in_value", value=_shown(value), word=word,
                                   number=plain(number)))
            return None
        return normalize(number)


def _proposed(value: Any) -> str | None:
    """The id in a cell that proposes an indicator the catalogue lacks ("ip_x（建议新增）"), else None."""
    text = str(value).strip() if isinstance(value, str) else ""
    return text[: -len(PROPOSED)].strip() or None if text.endswith(PROPOSED) else None


def _indicator(cells: _Cells, value: Any, col: int, row: int, cat) -> str | None:
    text = cells.text(value, col, row)
    if text is None or _proposed(text):
        return None
    ind_id = text.split()[0]
    if ind_id not in cat.indicators:
        cells.bad(col, row, say("book.unknown_indicator", value=repr(text))
                  + did_you_mean(ind_id, list(cat.indicators)))
        return None
    return ind_id


def _header(cells: _Cells, rows: list[list[Any]], want: tuple[str, ...]) -> bool:
    got = (rows[0] if rows else []) + [None] * len(want)
    ok = True
    for i, w in enumerate(want):
        if got[i] != w:
            cells.bad(i, 1, say("book.header", got=repr(got[i]), want=repr(w)))
            ok = False
    extra = [i for i, v in enumerate(got[len(want):], start=len(want)) if v not in (None, "")]
    if extra:
        cells.bad(extra[0], 1, say("book.column_extra"))
        ok = False
    return ok


def _target(cells: _Cells, row: list[Any], r: int, cat) -> Target | None:
    row = row + [None] * (len(TARGET_COLUMNS) - len(row))
    if len(row) > len(TARGET_COLUMNS) and any(v not in (None, "") for v in row[len(TARGET_COLUMNS):]):
        cells.bad(len(TARGET_COLUMNS), r, say("book.cell_extra"))
    before = len(cells.problems)
    c = _COL
    name = cells.text(row[c["指标"]], c["指标"], r)
    if name is None:
        cells.bad(c["指标"], r, say("book.name_empty"))
    indicator = _indicator(cells, row[c["对应目录指标"]], c["对应目录指标"], r, cat)
    unit = cells.text(row[c["单位"]], c["单位"], r) or ""
    if unit:
        try:
            parse_unit(unit)
        except UnitError as exc:
            cells.bad(c["单位"], r, exc.reason)
    value = cells.number(row[c["目标值"]], c["目标值"], r, unit)
    base = cells.number(row[c["基期值"]], c["基期值"], r, unit)
    base_year = cells.year(row[c["基期年"]], c["基期年"], r)
    year = cells.year(row[c["目标年"]], c["目标年"], r)
    comparison = _BY_COMPARISON.get(cells.text(row[c["比较"]], c["比较"], r) or "不低于")
    if comparison is None:
        cells.bad(c["比较"], r, say("book.comparison_bad", value=repr(row[c["比较"]]),
                                            choices=Listed(tuple(COMPARISONS.values()))))
    kind = _BY_KIND.get(cells.text(row[c["类型"]], c["类型"], r) or "存量")
    if kind is None:
        cells.bad(c["类型"], r, say("book.kind_bad", value=repr(row[c["类型"]]), choices=Listed(tuple(KINDS.values()))))
    if base_year is not None and year is not None and base_year >= year:
        cells.bad(c["基期年"], r, say("book.base_after", base=base_year, year=year))
    lead = cells.text(row[c["牵头单位"]], c["牵头单位"], r)
    clause = cells.text(row[c["条款"]], c["条款"], r)
    quote = cells.text(row[c["原文"]], c["原文"], r) or ""
    cells.text(row[c["备注"]], c["备注"], r)
    if len(cells.problems) > before:
        return None
    review = () if indicator else ("review.indicator_not_in_catalogue",)
    return Target(name=name, indicator=indicator, value=value, value_text="" if value is None else f"{value}{unit}",
                  unit=unit, comparison=comparison, year=year, base_value=base, base_year=base_year, kind=kind,
                  clause=clause, lead_unit=lead, quote=quote, review=review, incomplete=value is None,
                  match="exact" if indicator else "none", proposed_indicator=_proposed(row[c["对应目录指标"]]))


def _mechanism(cells: _Cells, row: list[Any], r: int, cat) -> Mechanism | None:
    row = row + [None] * (len(MECHANISM_COLUMNS) - len(row))
    before = len(cells.problems)
    c = _MCOL
    text = cells.text(row[c["任务"]], c["任务"], r)
    if text is None:
        cells.bad(c["任务"], r, say("book.task_empty"))
    indicator = _indicator(cells, row[c["对应目录指标"]], c["对应目录指标"], r, cat)
    if indicator and cat.indicators[indicator].kind != "mechanism":
        cells.bad(c["对应目录指标"], r, say("book.not_mechanism", ind=indicator))
    clause = cells.text(row[c["条款"]], c["条款"], r)
    lead = cells.text(row[c["牵头单位"]], c["牵头单位"], r)
    quote = cells.text(row[c["原文"]], c["原文"], r) or ""
    if len(cells.problems) > before:
        return None
    return Mechanism(text=text, indicator=indicator, clause=clause, lead_unit=lead, quote=quote)


def _percent_cells(path: Path) -> frozenset[str]:
    """The value cells of sheet 指标 formatted as a percentage (Excel stores 17% typed there as 0.17).

    Called once `read_workbook` has opened and checked the same file."""
    import warnings

    from openpyxl import load_workbook
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, read_only=True)
    try:
        cols = (_COL["基期值"] + 1, _COL["目标值"] + 1)
        return frozenset(cell.coordinate for row in wb[TARGETS].iter_rows(min_row=2) for cell in row
                         if getattr(cell, "column", None) in cols and "%" in (cell.number_format or ""))
    finally:
        wb.close()


def read_targets(path: Path, city: str, cat, lang: str = "zh") -> tuple[PlanReading, str]:
    """A reviewed workbook as a plan reading, and the plan file it was drafted from.

    Raises InputError for a file that is not such a workbook at all, FormProblems (every bad
    cell, one line each) for a workbook with bad cells."""
    label = str(path)
    sheets = read_workbook(Path(path), lang)
    by_name = {s.name: s for s in sheets}
    problems: list[str] = []

    def add(code: str, **args: object) -> None:
        problems.append(words(say(code, **args), lang))

    for s in sheets:
        if s.name not in SHEETS:
            add("book.sheet_extra", at=f"{label}!{s.name}")
        for ref in s.formulas:
            add("form.formula", at=f"{label}!{s.name}!{ref}")
        for rng in s.merged:
            add("form.merged", at=f"{label}!{s.name}!{rng}")
    for name in SHEETS:
        if name not in by_name:
            add("form.sheet_missing", at=f"{label}!{name}")
    if problems:
        raise FormProblems(problems)
    info = {str(r[0]).strip(): r[1] for r in _rows(by_name[DOCUMENT]) if r and r[0] is not None and len(r) > 1}
    if info.get("格式") != FORMAT:
        add("book.not_review", at=f"{label}!{DOCUMENT}!B1", fmt=FORMAT)
        raise FormProblems(problems)
    made_for = str(info.get("城市") or "")
    if made_for != city:
        add("book.other_city", at=f"{label}!{DOCUMENT}!B2", got=repr(made_for), want=repr(city))
        raise FormProblems(problems)
    targets: list[Target] = []
    cells = _Cells(f"{label}!{TARGETS}", problems, _percent_cells(Path(path)), lang)
    rows = _rows(by_name[TARGETS])
    if _header(cells, rows, TARGET_COLUMNS):
        for k, row in enumerate(rows[1:], 2):
            if all(v in (None, "") for v in row):
                continue
            t = _target(cells, row, k, cat)
            if t is not None:
                targets.append(t)
    mechanisms: list[Mechanism] = []
    mcells = _Cells(f"{label}!{MECHANISMS}", problems, lang=lang)
    mrows = _rows(by_name[MECHANISMS])
    if _header(mcells, mrows, MECHANISM_COLUMNS):
        for k, row in enumerate(mrows[1:], 2):
            if all(v in (None, "") for v in row):
                continue
            m = _mechanism(mcells, row, k, cat)
            if m is not None:
                mechanisms.append(m)
    dcells = _Cells(f"{label}!{DOCUMENT}", problems, lang=lang)
    doc_rows = {str(r[0]).strip(): (i, r[1] if len(r) > 1 else None)
                for i, r in enumerate(_rows(by_name[DOCUMENT]), 1) if r and r[0] is not None}
    fields = {}
    for key in DOCUMENT_ROWS[2:]:
        i, v = doc_rows.get(key, (0, None))
        fields[key] = dcells.text(v, 1, i) if i else None
    date = fields["日期"]
    if date and not (len(date) == 10 and date[4] == "-" and date[7] == "-" and date.replace("-", "").isdigit()):
        dcells.bad(1, doc_rows["日期"][0], say("book.date_bad", value=repr(date)))
    period = None
    if fields["规划期"]:
        a, _, b = fields["规划期"].partition("-")
        if a.isdigit() and b.isdigit() and int(a) <= int(b):
            period = (int(a), int(b))
        else:
            dcells.bad(1, doc_rows["规划期"][0], say("book.period_bad", value=repr(fields["规划期"])))
    if problems:
        raise FormProblems(problems)
    document = Document(title=fields["标题"], issuer=fields["发布单位"], number=fields["文号"], date=date,
                        period=period)
    return PlanReading(document, tuple(targets), tuple(mechanisms)), fields["文件"] or Path(path).name
