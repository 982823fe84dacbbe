"""The plan reader: a plan's plain text in, its targets and mechanisms out (pure: no I/O).

    reading = read_plan(text, catalogue)

The text is already decoded and in simplified characters; tables are flattened to lines
(cells split by "|", tabs or spaces, or one cell a line). Reading runs in this order:
1. normalise the characters (text.py) and read what the document says about itself (document.py);
2. read the indicator tables (tables.py): one target per row and target year;
3. cut the rest at its clause markers (text.py), find each clause's lead unit (leads.py), and
   read every sentence for targets (targets.py) and mechanism tasks (mechanisms.py);
4. a target stated twice, in a table and in a sentence, is kept once: the table's, with the
   sentence's lead unit when the table named none.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from ..catalogue import Catalogue
from .document import read_document, title_year
from .leads import lead_units
from .mechanisms import distinct, sentence_mechanisms
from .model import Document, PlanReading, Target
from .numbers import FIVE_YEAR_PLANS, plan_years
from .tables import find_tables
from .targets import Setting, own_time, restatement_key, row_targets, sentence_targets, tells_the_past
from .text import Block, Verbatim, blocks, normalise_map, sentences

# A section about what was done, not what is to be done: its figures are achievements.
_CN = "一二三四五六七八九十"
_BACKGROUND_HEADING = re.compile(rf"^(?:第[{_CN}]+[章节]\s*|[{_CN}]+、|（[{_CN}]+）)"
                                 r"[^。，；]{0,8}(?:发展基础|发展现状|工作基础|基础与现状|现状与形势|发展回顾|取得的成效|"
                                 r"主要成效|工作成效|规划背景|发展环境)")
_MONTH_PERIOD = re.compile(r"((?:19|20)\d{2})年\d{1,2}月(?:至|到|—|~|-)((?:19|20)\d{2})年\d{1,2}月")
# 到2025年 sets a target year; "增长到2015年的26046件" tells a figure of that year (the past)
_TO_YEAR = re.compile(r"(?:到|至)((?:19|20)\d{2})年(?!\d{1,2}月)(?!的)")


def read_plan(text: str, catalogue: Catalogue) -> PlanReading:
    """Read a plan's text: its document facts, quantitative targets and mechanism tasks."""
    norm, where = normalise_map(text)
    verbatim = Verbatim(text, norm, where)
    lines = norm.split("\n")
    doc = read_document(lines)
    setting = _setting(doc, "\n".join(lines), catalogue)
    rows, used = find_tables(lines, setting.first_year)
    prose = [line if n not in used else "" for n, line in enumerate(lines)]
    found = blocks("\n".join(prose))
    leads = lead_units([(b.clause, b.text) for b in found])
    table_clause = _clauses_at_lines(found)

    targets: list[Target] = []
    original_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for row in rows:
        quote = " ".join(original_lines[n].strip() for n in range(row.line, row.last_line + 1)
                         if original_lines[n].strip())
        targets += [replace(t, quote=quote) for t in row_targets(row, table_clause(row.line), setting)]
    mechanisms = []
    past: str | None = None  # the clause of a section about the past (一、发展基础), while in it
    for b in found:
        if past is not None and not (b.clause or "").startswith(past):
            past = None
        if b.clause and _BACKGROUND_HEADING.match(b.text):
            past = b.clause
        if past is not None:
            continue
        carried: int | None = None  # a year set in a task or paragraph holds until it ends
        told = False  # the sentence before, about the past, ended in "；": its list goes on telling the past
        lead = leads.get(b.clause)
        for s in sentences(b.text):
            if _is_lead_line(s):
                continue
            if told and not own_time(s):  # "相关数据还包括：…达3017.3万件；累计注册…6085件；"
                told = s.endswith(("；", ";"))
                continue
            told = s.endswith(("；", ";")) and tells_the_past(s, carried, setting)
            got, carried = sentence_targets(s, b.clause, lead, carried, setting)
            quote = verbatim.quote(s)
            targets += [replace(t, quote=quote) for t in got]
            mechanisms += [replace(m, quote=quote) for m in sentence_mechanisms(s, b.clause, lead, catalogue)]
    return PlanReading(document=doc, targets=tuple(_once(targets)), mechanisms=tuple(distinct(mechanisms)))


def _setting(doc: Document, text: str, catalogue: Catalogue) -> Setting:
    """The plan's own year and first year.

    Its period when it states one (2022—2025年, "十四五"); else the year its title names
    ("2017年工作要点"); else the first year it sets a target for (到2022年 … 到2025年: 2022, the
    nearest checkpoint), from the year of its date on; else, with no date, a span of months
    (试点示范时限自2022年8月至2025年7月) or the five-year plan
    whose end it sets targets for (到“十二五”末, “十三五”末): that plan's period; else the
    year of its date.
    """
    if doc.period:
        first, last = doc.period
        return Setting(catalogue, last, first, last > first)
    date_year = int(doc.date[:4]) if doc.date else None
    named = title_year(doc)
    if named is not None:
        return Setting(catalogue, named, named, False)
    stated = sorted(int(y) for y in _TO_YEAR.findall(text) if date_year is None or int(y) >= date_year)
    if stated:
        first = date_year if date_year is not None else stated[0]
        return Setting(catalogue, stated[0], first, stated[0] > first)
    months = _MONTH_PERIOD.search(text)
    if months and date_year is None and int(months[1]) < int(months[2]):  # 试点示范时限自2022年8月至2025年7月
        return Setting(catalogue, int(months[2]), int(months[1]), True)
    by_end = {last: (first, last) for first, last in FIVE_YEAR_PLANS.values()}
    plans = [by_end[y] for _, _, y in plan_years(text)]
    if plans and date_year is None:  # "到“十二五”末", "“十三五”末…达到": a plan for that five-year period
        first, last = min(plans)
        return Setting(catalogue, last, first, True)
    return Setting(catalogue, date_year, date_year, False)


def _clauses_at_lines(found: list[Block]) -> Callable[[int], str | None]:
    """A function giving the clause in force at a line (that of the last block starting before it)."""
    starts = [b.line for b in found]  # blocks come in line order

    def at(line: int) -> str | None:
        k = bisect_right(starts, line)
        return found[k - 1].clause if k else None
    return at


def _is_lead_line(s: str) -> bool:
    return bool(re.match(r"^(?:牵头|责任|配合|协同|参与)(?:单位|部门)\s*:", s))


def _once(targets: list[Target]) -> list[Target]:
    """Each target once: a restatement (same indicator, year and value) merges into the first."""
    out: list[Target] = []
    first: dict[tuple, int] = {}  # same_target's key -> index in out
    for t in targets:
        k = restatement_key(t)
        if k is None or k not in first:
            if k is not None:
                first[k] = len(out)
            out.append(t)
            continue
        kept = out[first[k]]
        if kept.lead_unit is None and t.lead_unit:
            out[first[k]] = replace(kept, lead_unit=t.lead_unit)
    return out
