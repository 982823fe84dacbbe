"""collect: the evidence-request workbook (数据征集表) — a sheet per unit holding the figures, a row per fact needed.

Each indicator names in the catalogue the department that holds it (`holder`: 市统计局 for
population and enterprise counts, 市财政局 for budgets, ...); its rows go to that unit's sheet,
and the criteria's lead units (which may be as vague as 各地各部门) stay beside them as context.
Rows of which any one settles a criterion (a published rate, or the pair it is computed from;
the parts of an any_of) say 填其中一项即可.

The rows come from the evaluation itself: every unknown criterion's `measurement.missing`
(indicator and years), so that what counts as missing (a data-age rule, a bound that does not
settle a target) is decided in one place, the engine, and the forms follow it. The layout
(columns, sheet names, the manifest that `ipcheck import` checks a returned form against) is
defined here once and read back by `formread`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.result import Listed, Term
from ..engine.result import say as R
from ..reports import messages
from ..reports.messages import CollectSummary
from ..reports.words import display
from ..reports.words import text as said
from .library import Selection, evaluate_selection
from .outcome import Outcome

FORMAT = "ipcheck.forms/1"
INSTRUCTIONS = "填写说明"
MANIFEST = "_ipcheck"
HEADER_ROWS = 2


@dataclass(frozen=True)
class Column:
    """One column of a form: its Chinese title, its machine id, its width."""
    id: str        # row 2: the machine id other tools fill by
    title: str     # row 1: the Chinese title people read
    width: int
    input: bool = False


COLUMNS = (
    Column("name", "指标名称", 28),
    Column("indicator", "指标代码", 26),
    Column("year", "年份", 7),
    Column("unit", "单位", 8),
    Column("value", "填报数值", 14, True),
    Column("bound", "数值性质", 10, True),
    Column("source_title", "来源名称", 30, True),
    Column("source_url", "网址或文号", 30, True),
    Column("publisher", "发布单位", 20, True),
    Column("published", "发布日期", 12, True),
    Column("note", "备注", 24, True),
    Column("definition", "指标定义", 48),
    Column("current_value", "已有数值", 16),
    Column("current_year", "已有数值年份", 8),
    Column("criteria", "用于评价条目", 18),
)
COLUMN = {c.id: i for i, c in enumerate(COLUMNS)}
MANIFEST_HEAD = ("sheet", "row", "indicator", "year")

# The bound column's choices (and the machine forms other tools may write).
BOUND_WORDS = {"确切值": "exact", "不少于": "at_least", "不多于": "at_most",
               "exact": "exact", "at_least": "at_least", "at_most": "at_most"}
BOUND_LABEL = {"exact": "确切值", "at_least": "不少于", "at_most": "不多于"}
YES_NO = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}
MECHANISM_UNIT = "是/否"
ATTRIBUTE_UNIT = "选项"

@dataclass
class Need:
    """One fact the evaluation lacks: an indicator (or a mechanism's attribute) for a year.

    `leads` are the criteria's lead units (kept as context: the sheet goes to the unit that holds
    the figure); `choices` say, per criterion, which other rows would do instead of this one."""
    indicator: str
    year: int
    lead_unit: str
    criteria: list[str] = field(default_factory=list)
    attribute: str | None = None
    leads: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What the form's indicator column holds: the id, or id.attribute for an attribute row."""
        return f"{self.indicator}.{self.attribute}" if self.attribute else self.indicator


@dataclass
class Forms:
    """The forms of one city: sheets of needs by lead unit, and what they were made for."""
    city_id: str
    city_name: str
    frameworks: list[tuple[str, int]]     # (framework id, evaluation year)
    sheets: dict[str, list[Need]]          # sheet name -> rows, in order


# A district's or county's own units: a framework written for a city names 市人民政府, 市财政局...;
# for a district they are 区人民政府, 区财政局 (the city's intermediate court stays the city's).
LOCAL = {"district": "区", "county": "县"}
_CITY_UNIT = re.compile(r"(^|[、，,；;])市(?!中级)(?=\w)")


def local_unit(lead_unit: str, level: str | None) -> str:
    """The lead unit as the city file's own government names it: for a district, 市人民政府 -> 区人民政府."""
    prefix = LOCAL.get(level or "")
    return _CITY_UNIT.sub(lambda m: m[1] + prefix, lead_unit) if prefix else lead_unit


def sheet_name(lead_unit: str) -> str:
    """A lead unit as a short, valid Excel sheet name: 市市场监管局（知识产权局） -> 市场监管局, 区科技局 -> 科技局.

    The first unit named, without what is in brackets and without the leading 市, 区 or 县 of a
    bureau; at most 31 characters and none of []:*?/\\ (Excel's rules)."""
    text = re.sub(r"[（(〈<][^）)〉>]*[）)〉>]", "", lead_unit).strip()
    first = re.split(r"[、，,；;]", text)[0].strip()
    name = first if len(first) >= 2 else text
    wide = ("委", "政府", "人民政府", "、", "中级")  # the city's (district's) own leadership, not a bureau
    if name[:1] in "市区县" and len(name) > 2 and not name[1:].startswith(wide) and not (
            name.startswith("市场") and not name.startswith("市市场")):  # 市场监管局 is not 市 + 场监管局
        name = name[1:]
    name = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "其他"
    return name[:31]


RESERVED = {INSTRUCTIONS.casefold(), MANIFEST.casefold(), "history"}  # Excel keeps "History" for itself


def _alternatives(r, cat) -> dict[str, str]:
    """For a criterion that one of several figures settles, each missing indicator's note: 填其中一项即可 and the rest.

    An any_of criterion takes any one part; a ratio or per-capita criterion takes the published
    rate, or the pair it is computed from."""
    missing = r.measurement.missing
    names = {m.indicator: cat.indicators[m.indicator].name.zh for m in missing}
    if r.check_kind == "any_of" and len(missing) > 1:
        options = [[m.indicator] for m in missing]
    else:
        rates = [m.indicator for m in missing if any(p.code == "need.or_published" for p in m.why)]
        if not rates:
            return {}
        options = [rates, [m.indicator for m in missing if m.indicator not in rates]]
    options = [o for o in options if o]
    if len(options) < 2:
        return {}
    text = "；或 ".join("与".join(names[i] for i in o) for o in options)
    return {i: f"{r.id} 填其中一项即可：{text}" for o in options for i in o}


def plan_forms(sel: Selection) -> tuple[Forms, object]:
    """Evaluate the city and gather, per unit that holds the figures, every fact an unknown criterion is missing."""
    ev = evaluate_selection(sel)
    cat = ev.lib.catalogue
    needs: dict[tuple[str, int, str | None], Need] = {}
    level = ev.city.model.city.level
    for res in ev.results:
        for r in res.results:
            if r.status != "unknown":
                continue
            choice = _alternatives(r, cat)
            for miss in r.measurement.missing:
                for year in miss.years:
                    have = ev.city.model.facts.get(miss.indicator, {}).get(year)
                    attrs = [None] + list(cat.indicators[miss.indicator].attributes)
                    for attr in attrs:
                        if have is not None and (have.attributes.get(attr) if attr else have.bound == "exact"):
                            continue  # the city already holds it: a row would only repeat it
                        need = needs.setdefault((miss.indicator, year, attr),
                                                Need(miss.indicator, year, local_unit(r.lead_unit, level),
                                                     attribute=attr))
                        if r.id not in need.criteria:
                            need.criteria.append(r.id)
                        if r.lead_unit not in need.leads:
                            need.leads.append(r.lead_unit)
                        note = choice.get(miss.indicator)
                        if note and not attr and note not in need.choices:
                            need.choices.append(note)
    sheets: dict[str, list[Need]] = {}
    spelled: dict[str, str] = {}  # Excel's sheet names are unique without regard to case
    for need in needs.values():
        holder = cat.indicators[need.indicator].holder
        name = sheet_name(local_unit(holder.zh, level) if holder else need.lead_unit)  # a district's own units
        if name.casefold() in RESERVED:
            name = f"{name[:28]}_2"
        name = spelled.setdefault(name.casefold(), name)
        sheets.setdefault(name, []).append(need)
    city = ev.city.model.city
    forms = Forms(city.id, city.name.zh, [(r.framework_id, r.year) for r in ev.results], sheets)
    return forms, ev


# ---------------------------------------------------------------- the cells of a row

def unit_text(cat, need: Need) -> str:
    """The unit column: the indicator's unit, 是/否 for a mechanism, 选项 for an attribute."""
    if need.attribute:
        return ATTRIBUTE_UNIT
    unit = cat.units[need.indicator]
    return MECHANISM_UNIT if unit is None else unit.text


def _definition(cat, need: Need) -> str:
    ind = cat.indicators[need.indicator]
    if need.attribute:
        attr = ind.attributes[need.attribute]
        return said(R("form.attribute_definition", attr=attr.name, values=Listed(tuple(attr.values.values()))), "zh")
    return said(R("form.definition", text=ind.description or ind.name, kind=Term("kind", ind.kind)), "zh")


def _current(city, cat, need: Need) -> tuple[str, int | None]:
    """The figure the city file holds for the year (or the latest before it), as people read it."""
    years = city.facts.get(need.indicator, {})
    have = [y for y in sorted(years) if y <= need.year]
    if not have:
        return "", None
    y = have[-1]
    fact = years[y]
    if need.attribute:
        got = fact.attributes.get(need.attribute)
        values = cat.indicators[need.indicator].attributes[need.attribute].values
        return (values[got].zh if got in values else "未说明"), y
    if isinstance(fact.value, bool):
        return ("是" if fact.value else "否"), y
    text = display(fact.value, cat.units[need.indicator].text)
    return (text if fact.bound == "exact" else f"{BOUND_LABEL[fact.bound]}{text}"), y


def row_cells(city, cat, need: Need) -> list:
    """The cells of one row, in COLUMNS order; the input cells are empty."""
    ind = cat.indicators[need.indicator]
    name = ind.name.zh + (f"：{ind.attributes[need.attribute].name.zh}" if need.attribute else "")
    current, current_year = _current(city, cat, need)
    cells = {"name": name, "indicator": need.key, "year": need.year, "unit": unit_text(cat, need),
             "definition": _definition(cat, need), "current_value": current, "current_year": current_year,
             "criteria": _criteria_cell(need)}
    return [cells.get(c.id) for c in COLUMNS]


def _criteria_cell(need: Need) -> str:
    """The criteria a row serves, the lead units named by the plan (context), and any 填其中一项即可 note."""
    text = "、".join(need.criteria) + f"（牵头：{'、'.join(need.leads)}）"
    return "；".join([text] + need.choices)


def instructions(forms: Forms) -> list[str]:
    """The instructions sheet, one paragraph per line (Chinese: the forms go to Chinese departments)."""
    fws = "、".join(f"{fid}（{year}年）" for fid, year in forms.frameworks)
    counts = "、".join(f"{name}（{len(rows)} 行）" for name, rows in forms.sheets.items()) or "无"
    return [
        f"数据征集表：{forms.city_name}（{forms.city_id}）",
        f"评价框架：{fws}。下列数据缺失，相关评价条目目前为“未知”。",
        f"本文件按掌握数据的单位分为以下工作表：{counts}。",
        "",
        "填写方法",
        "1. 只填写浅黄色的列：填报数值、数值性质、来源名称、网址或文号、发布单位、发布日期、备注。"
        "其他列与前两行表头不要改动；不要增删行或工作表，不要合并单元格，不要使用公式。",
        "2. 填报数值：按“单位”列的单位填写数字（单位为“亿元”时，12.5 表示 12.5 亿元）。百分比填 95% 或 0.95。"
        "只填写已公开发布、或能出具文件的数值；没有数据的行留空，不要估算。",
        "3. 数值性质：默认为“确切值”。公布为“突破、超过、逾、以上”的数值选“不少于”；公布为“不超过、以下”的选“不多于”。"
        "“约、近、左右”等约数不能作为评价依据：请查找确切数值，找不到则留空。",
        "4. 单位为“是/否”的行（工作机制）：选“是”或“否”；“是”须有文件或报道为证，在来源列写明。"
        "单位为“选项”的行（如领导小组组长）：从下拉列表选择，来源与上一行相同，不必再填。",
        "5. 来源：每个数值都必须填写来源名称和发布单位；网址与文号填其一；发布日期写成 2024-03-01"
        "（只知道月份的写 2024年3月），不能晚于今天。",
        "6. 年份：数值所属的年度。存量（如有效发明专利）为该年年末数，流量（如申请量）为全年数。",
        "7. “已有数值”列是评价文件中已有的数据，供参考；如发现有误，在该行填写正确数值并在备注中说明。"
        "“用于评价条目”列注明该数据用于哪些评价条目及其牵头单位；注有“填其中一项即可”的几行，填其中一项即可。",
        "8. 填好后交回。评价人员执行 ipcheck import 本文件 --into 城市文件.yaml 导入；"
        "每个单元格都会按与评价文件相同的规则检查，有误的会逐一列出（工作表!单元格：原因）。",
    ]


# ---------------------------------------------------------------- writing

def collect(sel: Selection, *, xlsx_path: Path | None = None, csv_dir: Path | None = None,
            today: dt.date, lang: str = "zh") -> Outcome:
    """The evidence-request forms for a city: an .xlsx workbook and/or a folder of CSV files.

    `today` dates the workbook's properties (nothing here reads the clock), so the same inputs
    give the same bytes."""
    forms, ev = plan_forms(sel)
    cat = ev.lib.catalogue
    out = Outcome(notices=list(ev.notices), inputs=ev.paths())
    if xlsx_path is not None:
        # as given: Path() would make "out/" (a folder's name, refused) the file "out"
        out.files.append((xlsx_path, workbook_bytes(forms, ev.city.model, cat, today)))  # type: ignore[arg-type]
    if csv_dir is not None:
        _refuse_earlier_forms(csv_dir, lang)
        out.folders.append(str(csv_dir))  # made by the writer, after every output is checked (and removed on failure)
        out.files += [(Path(csv_dir) / name, data) for name, data in csv_files(forms, ev.city.model, cat)]
    sheets = tuple((sheet, len(rs), len({c for n in rs for c in n.choices})) for sheet, rs in forms.sheets.items())
    out.text = messages.render(CollectSummary(ev.city.model.city.name, sheets), lang)
    return out


def _refuse_earlier_forms(csv_dir: Path | str, lang: str) -> None:
    """A folder that already holds CSV files is refused: filled forms are never overwritten, and
    import, which reads every sheet of the folder, never meets the stale sheets of an earlier collect."""
    from ..engine.result import say
    from ..reports.words import text
    from .files import OutputError
    try:
        names = sorted(e.name for e in os.scandir(csv_dir) if e.name.lower().endswith(".csv"))
    except (NotADirectoryError, FileNotFoundError):
        return  # not a folder (the writer says so), or a new one
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise OutputError(str(csv_dir), text(say("files.folder_unusable", why=why), lang)) from None
    if names:
        shown = "、".join(names[:3]) + (" …" if len(names) > 3 else "")
        raise OutputError(str(csv_dir), text(say("files.stale_forms", names=shown), lang))


# What makes a spreadsheet program read a cell as a formula (or feed one): such text is written with a
# leading apostrophe, which the programs show as text and do not keep (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A cell as a CSV form holds it: text that a spreadsheet would run as a formula is prefixed with '."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


def _manifest_rows(forms: Forms) -> list[list]:
    rows: list[list] = [["format", FORMAT], ["city", forms.city_id],
                        ["frameworks", " ".join(f"{fid}@{year}" for fid, year in forms.frameworks)],
                        list(MANIFEST_HEAD)]
    for name, needs in forms.sheets.items():
        rows += [[name, HEADER_ROWS + 1 + i, n.key, n.year] for i, n in enumerate(needs)]
    return rows


def csv_files(forms: Forms, city, cat) -> list[tuple[str, bytes]]:
    """The forms as CSV files (UTF-8 with a byte-order mark, which spreadsheet programs need for Chinese)."""
    def encode(rows: list[list]) -> bytes:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for row in rows:
            w.writerow([csv_cell(v) for v in row])
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    files = [(f"{INSTRUCTIONS}.txt", ("\ufeff" + "\r\n".join(instructions(forms)) + "\r\n").encode("utf-8"))]
    for name, needs in forms.sheets.items():
        rows = [[c.title for c in COLUMNS], [c.id for c in COLUMNS]] + [row_cells(city, cat, n) for n in needs]
        files.append((f"{name}.csv", encode(rows)))
    files.append((f"{MANIFEST}.csv", encode(_manifest_rows(forms))))
    return files


def workbook_bytes(forms: Forms, city, cat, today: dt.date) -> bytes:
    """The forms as one .xlsx workbook: instructions, a protected sheet per lead unit, a hidden manifest."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    stamp = dt.datetime(today.year, today.month, today.day)
    wb.properties.creator = "ipcheck"
    wb.properties.created = wb.properties.modified = stamp
    info = wb.active
    info.title = INSTRUCTIONS
    info.column_dimensions["A"].width = 120
    for i, line in enumerate(instructions(forms), start=1):
        cell = info.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1 or line == "填写方法":
            cell.font = Font(bold=True)
    info.protection.sheet = True

    yellow = PatternFill("solid", fgColor="FFF2CC")
    unlocked = Protection(locked=False)
    grey = PatternFill("solid", fgColor="EDEDED")
    col = {c.id: get_column_letter(i + 1) for i, c in enumerate(COLUMNS)}
    for name, needs in forms.sheets.items():
        ws = wb.create_sheet(name)
        for i, c in enumerate(COLUMNS, start=1):
            ws.cell(row=1, column=i, value=c.title).font = Font(bold=True)
            ws.cell(row=2, column=i, value=c.id).font = Font(color="808080")
            ws.column_dimensions[get_column_letter(i)].width = c.width
            for r in (1, 2):
                ws.cell(row=r, column=i).fill = yellow if c.input else grey
        number = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                showErrorMessage=True, errorTitle="填报数值",
                                error="请填写数字（按“单位”列的单位）；没有数据则留空。")
        yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=True, showErrorMessage=True,
                                errorTitle="是/否", error="请从下拉列表选择“是”或“否”。")
        bound = DataValidation(type="list", formula1='"确切值,不少于,不多于"', allow_blank=True, showErrorMessage=True,
                               errorTitle="数值性质", error="请选择：确切值、不少于或不多于。")
        # up to the day it is typed: a date of publication in the future is a slip (2099 for 2019); import checks again
        date = DataValidation(type="date", operator="between", formula1="DATE(1949,1,1)", formula2="TODAY()",
                              allow_blank=True, showErrorMessage=True, errorTitle="发布日期",
                              error="请填写发布日期，如 2024-03-01，不能晚于今天。")
        lists: dict[str, DataValidation] = {}
        for dv in (number, yes_no, bound, date):
            ws.add_data_validation(dv)
        wrap = Alignment(wrap_text=True, vertical="top")
        for r, need in enumerate(needs, start=HEADER_ROWS + 1):
            for i, v in enumerate(row_cells(city, cat, need), start=1):
                cell = ws.cell(row=r, column=i, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"  # text, never a formula, whatever it starts with ("=1+1" from a criteria file)
                if COLUMNS[i - 1].id in ("name", "definition"):
                    cell.alignment = wrap
            unit = unit_text(cat, need)
            inputs = ["value"]
            if need.attribute:
                values = cat.indicators[need.indicator].attributes[need.attribute].values
                formula = '"' + ",".join(v.zh for v in values.values()) + '"'
                if formula not in lists:
                    lists[formula] = DataValidation(type="list", formula1=formula, allow_blank=True,
                                                    showErrorMessage=True, errorTitle="选项",
                                                    error="请从下拉列表选择。")
                    ws.add_data_validation(lists[formula])
                lists[formula].add(f"{col['value']}{r}")
            else:
                inputs += ["source_title", "source_url", "publisher", "published", "note"]
                (yes_no if unit == MECHANISM_UNIT else number).add(f"{col['value']}{r}")
                date.add(f"{col['published']}{r}")
                ws[f"{col['published']}{r}"].number_format = "yyyy-mm-dd"
                if unit != MECHANISM_UNIT:
                    inputs.append("bound")
                    bound.add(f"{col['bound']}{r}")
                if unit == "%":
                    ws[f"{col['value']}{r}"].number_format = "0.##%"
            for c in inputs:
                cell = ws[f"{col[c]}{r}"]
                cell.protection = unlocked
                cell.fill = yellow
        ws.freeze_panes = "C3"
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # people may still widen columns and rows
        ws.protection.formatRows = False
    meta = wb.create_sheet(MANIFEST)
    for r, row in enumerate(_manifest_rows(forms), start=1):
        for i, v in enumerate(row, start=1):
            cell = meta.cell(row=r, column=i, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    from openpyxl.writer.excel import ExcelWriter
    buf = io.BytesIO()
    # ExcelWriter, not wb.save: save stamps the workbook "modified" with the clock
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    from ..reports.docx_report import deterministic_zip
    return deterministic_zip(buf.getvalue())


