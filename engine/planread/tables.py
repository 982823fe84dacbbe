"""Indicator tables as a browser or pdftotext flattens them: cells on one line or one per line.

A table starts at a header naming the indicator column (指标) and its year columns
(2020年基期值 / 2025年目标值, or 2023年 / 2024年 / 2025年); its rows are a name cell followed
by value cells. Cells are split at "|", tabs or runs of spaces; a cell alone on its line (the
way a web page's table is copied) is a cell too. A column says what its figures are: a base
(基期/基准/现状, or a year before the plan), a target for its year, the unit (单位), or the
nature (属性: 预期性/约束性). A row gives one target per target column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .match import key
from .numbers import to_decimal

_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_HEADER_WORDS = {"指标", "指标名称", "主要指标", "属性", "指标属性", "单位", "计量单位", "序号", "类别", "类型",
                 "领域", "备注", "序", "编号"}
_YEAR_HEAD = re.compile(r"((?:19|20)\d{2})年?(?:底|末)?")
_BASE_WORDS = ("基期", "基准", "现状", "基数", "实际", "完成")
_VALUE = re.compile(r"^(?P<cmp>≥|>|≤|<|>=|<=)?\s*\[?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\]?"
                    r"(?P<unit>万件|万家|万人|亿元|万元|件/万人|件|家|个|项|次|%|元|分|亿|万)?(?P<after>以上|以内|以下)?"
                    r"(?:[（(](?P<note>[^（）()]{1,8})[）)])?$")  # 5.2（预期性）: a note after the figure
NATURES = {"预期性": "expected", "约束性": "binding"}
_UNIT_IN_NAME = re.compile(r"（(?P<u>[^（）]{1,8})）$")
_UNIT_WORDS = {"百分比": "%", "%": "%", "％": "%"}


@dataclass(frozen=True)
class Column:
    """What a table column holds."""
    role: str              # name / base / target / growth (年均增速) / unit / nature / serial / other
    year: int | None = None
    added: bool = False    # a count over the period (累计)


@dataclass(frozen=True)
class Cell:
    """A table cell as read from a line of the flattened table."""
    text: str
    line: int


@dataclass(frozen=True)
class Row:
    """One indicator of a table: its name, unit, and the figure under each column."""
    table: int                            # its number in the document (表2), else its place (1 for the first)
    number: int                           # 1 for the table's first row
    name: str
    unit: str
    values: tuple[tuple[Column, str], ...]  # (column, cell text) for base and target columns
    nature: str | None
    line: int              # the line of its name cell
    last_line: int         # the line of its last cell
    quote: str


def cells_of(line: str) -> list[str]:
    """A flattened table line's cells."""
    if key(line) in _HEADER_WORDS:
        return [key(line)]
    return [c.strip() for c in _SPLIT.split(line.strip()) if c.strip()]


def _column(cell: str, first_year: int | None) -> Column | None:
    """The meaning of a header cell, or None when it is no header cell."""
    k = key(cell)
    if k in ("指标", "指标名称", "主要指标", "指标内容"):
        return Column("name")
    if k in ("属性", "指标属性", "类型", "指标类型"):
        return Column("nature")
    if k in ("单位", "计量单位"):
        return Column("unit")
    if k in ("序号", "序", "编号"):
        return Column("serial")
    if k in ("类别", "领域", "备注"):
        return Column("other")
    if re.fullmatch(r"(?:十[二三四五]五)?(?:年均增速|年均增长|年均增长率|均增速|年均增幅)（?%?）?", k):
        return Column("growth")
    m = _YEAR_HEAD.search(cell)
    if m and len(k) <= 14:
        year = int(m.group(1))
        if any(w in cell for w in _BASE_WORDS):
            return Column("base", year)
        if any(w in cell for w in ("目标", "预期", "规划")) or first_year is None or year >= first_year:
            return Column("target", year, added="累计" in cell)
        return Column("base", year)
    return None


def find_tables(lines: list[str], plan_start: int | None) -> tuple[list[Row], set[int]]:
    """Every indicator table's rows, and the lines they take (read as tables, not as prose)."""
    rows: list[Row] = []
    used: set[int] = set()
    n, table = 0, 0
    while n < len(lines):
        first = cells_of(lines[n])
        if not first or key(first[0]) not in ("指标", "指标名称", "主要指标", "序号", "类别", "领域"):
            n += 1
            continue
        header, n2 = _header(lines, n, plan_start)
        if header is None:
            n += 1
            continue
        table += 1
        found, end = _rows(lines, n2, header, _label(lines, n) or table)
        if not found:
            n += 1
            table -= 1
            continue
        rows += found
        used.update(range(n, end))
        n = end
    return rows, used


def _label(lines: list[str], n: int) -> int | None:
    """The number the document gives the table ("表2 主要指标" in the line or two above its header)."""
    above = [line.strip() for line in lines[max(0, n - 3):n] if line.strip()][-2:]
    for line in reversed(above):
        m = re.match(r"^(?:附)?表\s*(\d{1,2})", line)
        if m:
            return int(m.group(1))
    return None


def _header(lines: list[str], n: int, plan_start: int | None) -> tuple[list[Column] | None, int]:
    """The header's columns (from line n on) and the line after it; None when no year column."""
    cols: list[Column] = []
    first_year = plan_start
    while n < len(lines):
        cells = cells_of(lines[n])
        if not cells:
            n += 1
            continue
        parsed = [_column(c, first_year) for c in cells]
        if any(p is None for p in parsed):
            break
        cols += [p for p in parsed if p is not None]
        n += 1
    if not any(c.role == "target" for c in cols) or not any(c.role == "name" for c in cols):
        return None, n
    # with no plan start known, a table of years alone: the first is the base only if it says so
    return cols, n


def _rows(lines: list[str], n: int, header: list[Column], table: int) -> tuple[list[Row], int]:
    """The rows under a header, until prose or a clause heading ends the table."""
    stream: list[Cell] = []
    end = n
    while end < len(lines):
        line = lines[end].strip()
        if not line:
            end += 1
            continue
        if _ends_table(line):
            break
        stream += [Cell(c, end) for c in cells_of(line)]
        end += 1
    value_cols = [c for c in header if c.role not in ("name", "serial", "other")]
    rows: list[Row] = []
    i = 0
    while i < len(stream):
        cell = stream[i]
        if _is_value(cell.text) or cell.text in NATURES:
            i += 1
            continue
        name_cell = cell
        # a merged category cell: a name followed by another name
        if i + 1 < len(stream) and not _is_value(stream[i + 1].text) and stream[i + 1].text not in NATURES \
                and not _is_unit(stream[i + 1].text):
            i += 1
            continue
        j = i + 1
        unit, nature, values = "", None, []
        for col in value_cols:
            if j >= len(stream):
                break
            text = stream[j].text
            if col.role == "unit" and _is_unit(text):
                unit = _unit_word(text)
            elif col.role == "nature" and text in NATURES:
                nature = NATURES[text]
            elif col.role in ("base", "target", "growth") and (_is_value(text) or text in ("—", "-", "/", "——")):
                values.append((col, text))
            else:
                break
            j += 1
        if j < len(stream) and stream[j].text in NATURES:
            nature = NATURES[stream[j].text]
            j += 1
        if values:
            name, name_unit = split_unit(name_cell.text)
            quote = " ".join(c.text for c in stream[i:j])
            rows.append(Row(table, len(rows) + 1, name, unit or name_unit, tuple(values), nature,
                            name_cell.line, stream[j - 1].line, quote))
        i = max(j, i + 1)
    return rows, end


def _ends_table(line: str) -> bool:
    """Prose or a heading: a long line with a full stop, or a clause marker."""
    if re.match(r"^(?:第[一二三四五六七八九十]+[章部篇节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                r"\d{1,2}[.、](?!\d)|注[:：①1])", line):
        return True
    return len(line) > 40 and ("。" in line or "，" in line)


def _is_value(text: str) -> bool:
    return bool(_VALUE.match(re.sub(r"\s", "", text)))


def _is_unit(text: str) -> bool:
    return _unit_word(text) != "" and len(text) <= 6


def _unit_word(text: str) -> str:
    t = key(text) if text not in ("件/万人", "%") else text
    if text in _UNIT_WORDS:
        return _UNIT_WORDS[text]
    if t in ("件", "万件", "家", "个", "项", "次", "亿元", "万元", "元", "分", "件/万人", "件万人", "人", "所", "%"):
        return "件/万人" if t == "件万人" else t
    return ""


def split_unit(name: str) -> tuple[str, str]:
    """'有效注册商标量（万件）' -> ('有效注册商标量', '万件'); the unit is "" when not given."""
    m = _UNIT_IN_NAME.search(name)
    if not m:
        return name.strip(), ""
    u = m["u"].replace("％", "%")
    unit = _UNIT_WORDS.get(u) or _unit_word(u) or ("件/万人" if u in ("件每万人", "件/万人") else "")
    if not unit:
        return name.strip(), ""
    return name[:m.start()].strip(), unit


def read_value(text: str) -> tuple[Decimal, str, str, bool] | None:
    """A value cell: (number, unit written in the cell, comparison, cumulative [..]) or None."""
    m = _VALUE.match(re.sub(r"\s", "", text))
    if not m:
        return None
    value = to_decimal(m["num"])
    if value is None:
        return None
    cmp = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<"}.get(m["cmp"] or "", "")
    if m["after"] == "以上":
        cmp = ">="
    elif m["after"] in ("以内", "以下"):
        cmp = "<="
    return value, m["unit"] or "", cmp or ">=", text.strip().startswith("[")
