"""Figures in a plan's words: values with their units, ranges, qualifiers, and years.

A figure is read exactly as written: "7.8万件" is 7.8 in 万件, "62件以上" is 62 in 件 with
"以上", "1—2个" is the range 1 to 2, "三万家" is 3 in 万家; each number is read by `units.read_value`.
Numbers that are not figures of a target never come out of here: years (2025年), dates
(10月31日), document numbers (〔2022〕52号), ordinals (第13次), the plan's own counts
("18项重点任务"), and bare numbers without a unit (12330, 4·26).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ..units import MULTIPLIERS, Unit, UnitError, read_value

# Counter words a target's figure carries, longest first (件/万人 before 件).
COUNTERS = ("件/万人", "件每万人", "件/百户", "件/百家", "家", "件", "个", "项", "次", "%", "‰", "美元", "元", "分",
            "人次", "人", "所", "名", "户", "座", "条", "场", "倍", "处", "部", "台", "套", "本", "批", "天",
            "小时", "起", "宗")
_COUNTER_RX = "|".join(re.escape(c) for c in COUNTERS)
# Figures never start inside another number: without the look-behind a run of 10^5 digits
# would be tried from every position (quadratic), and "11111件" would yield "1111件".
_ARABIC = r"(?<![\d.,])\d{1,15}(?:,\d{3})*(?:\.\d{1,8})?"
_CN_DIGITS = "〇零一二两三四五六七八九十百千"
_CHINESE = rf"(?<![{_CN_DIGITS}])[{_CN_DIGITS}]{{1,12}}(?:点[〇零一二三四五六七八九]{{1,8}})?"
_NUM = rf"(?:{_ARABIC}|{_CHINESE})"
_UPPER = rf"(?:\d{{1,15}}(?:,\d{{3}})*(?:\.\d{{1,8}})?|[{_CN_DIGITS}]{{1,12}})"
_RANGE_SEP = r"(?:—|~|-|至|到)"

# A figure: number [range] [万/亿/千] counter, or number 万/亿 alone (3.6亿, 5万) where the counter is
# implied (元 for money, or the table column's unit).
FIGURE = re.compile(
    rf"(?P<num>{_NUM})(?:{_RANGE_SEP}(?P<upper>{_UPPER}))?(?P<more>多|余)?"
    rf"(?:(?P<mult>万|亿|千)(?P<counter1>{_COUNTER_RX})?|(?P<counter2>{_COUNTER_RX}))"
    rf"(?P<after>以上|以内|以下|左右|多|余)?")
PERCENT_WORDS = re.compile(rf"百分之(?P<num>{_CHINESE}|{_ARABIC})")
# 翻一番 doubles a figure (growth of 100%), 翻两番 quadruples it (300%): growth over the base the sentence names.
DOUBLING = re.compile(r"翻(?P<n>一|两|二|三)番")
_TIMES_DOUBLED = {"一": 1, "两": 2, "二": 2, "三": 3}
YEAR = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})年")
_PERIOD = re.compile(r"(?P<a>(?:19|20)\d{2})(?:年)?\s*(?:—|~|-|至|到)\s*(?P<b>(?:19|20)\d{2})年")

# What may stand right before a figure that is not a target: an ordinal, a list's "等4家", a 文号.
_NOT_BEFORE = ("第", "等", "〔", "[", "号", "·", "•", ".")
# What follows a count of the plan's own parts, not a target ("18项重点任务", "5个阶段").
_PLAN_PARTS = re.compile(r"^(?:重点)?(?:(?:主要)?指标|任务|措施|方面|阶段|部分|举措|环节|领域|重点|大|类|条措施|"
                         r"项工作|项任务|级)")


@dataclass(frozen=True)
class Figure:
    """A figure found in a sentence, where it stands, and how it is qualified."""
    start: int
    end: int
    text: str                  # as written, with its qualifier: "62件以上"
    value: Decimal
    upper: Decimal | None      # the top of a range
    unit: str                  # multiplier and counter as written: "万件", "%", "亿" (counter implied)
    after: str                 # 以上 / 以内 / 以下 / 左右 / 多 / 余 / ""
    chinese: bool              # written in Chinese numerals

    @property
    def doubling(self) -> bool:
        """Written as 翻一番/翻两番: growth over a base, in words."""
        return self.text.startswith("翻")


# A number as a plan writes it, without its unit (which stays as written beside it): read by the one
# rule for values (`units.read_value`, docs/values.md), digits and Chinese numerals alike.
_NUMBER_ALONE = Unit(Decimal(1), "", "")
_YEAR_BY_DIGITS = re.compile(r"[〇零一二三四五六七八九]{2,}")


@functools.lru_cache(maxsize=4096)  # a plan repeats its numbers, and each figure is tried more than once
def to_decimal(num: str) -> Decimal | None:
    """'1,200' -> 1200, '3.6' -> 3.6, '三' -> 3, '二〇二五' -> 2025 (a year read digit by digit); None when it is
    no number."""
    if _YEAR_BY_DIGITS.fullmatch(num):
        return Decimal("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in num))
    try:
        value, _, _ = read_value(num, _NUMBER_ALONE)
    except UnitError:
        return None
    return value  # type: ignore[return-value]


def figures(sentence: str) -> list[Figure]:
    """Every figure of a target in a sentence, in order."""
    out: list[Figure] = []
    for m in FIGURE.finditer(sentence):
        counter = m["counter1"] or m["counter2"] or ""
        mult = m["mult"] or ""
        chinese = not m["num"][0].isdigit()
        if _skip(sentence, m, counter, mult, chinese):
            continue
        value = to_decimal(m["num"])
        upper = to_decimal(m["upper"]) if m["upper"] else None
        if value is None or (m["upper"] and upper is None):
            continue
        if counter == "件每万人":
            counter = "件/万人"
        if mult == "千" and counter:  # 5千件 is 5000件: no unit is kept in 千
            k = MULTIPLIERS[mult]
            value, upper, mult = value * k, upper * k if upper is not None else None, ""
        after = m["after"] or m["more"] or ""
        out.append(Figure(m.start(), m.end(), m.group(0), value, upper, mult + counter, after, chinese))
    for m in PERCENT_WORDS.finditer(sentence):
        value = to_decimal(m["num"])
        if value is not None:
            out.append(Figure(m.start(), m.end(), m.group(0), value, None, "%", "", True))
    for m in DOUBLING.finditer(sentence):
        growth = (2 ** _TIMES_DOUBLED[m["n"]] - 1) * 100
        out.append(Figure(m.start(), m.end(), m.group(0), Decimal(growth), None, "%", "", True))
    return sorted(out, key=lambda f: f.start)


def _skip(sentence: str, m: re.Match[str], counter: str, mult: str, chinese: bool) -> bool:
    """A number that is not a target's figure: ordinals, lists, dates, the plan's own parts."""
    before = sentence[max(0, m.start() - 1):m.start()]
    if before in _NOT_BEFORE or (before.isdigit()):
        return True
    rest = sentence[m.end():]
    if _PLAN_PARTS.match(rest) and counter in ("项", "个", "大", "条", "类", "批", "方面", ""):
        return True
    if rest.startswith(("年", "月", "日", "号", "周年", "届", "〕", "]")):
        return True
    if counter == "分" and rest.startswith(("钟", "之")):  # 约2分钟 is a time, 三分之一 a fraction: no score
        return True
    if chinese:
        # Chinese numerals stand in names and idioms ("一批", "三落实", "一站式", "两级"); only a figure
        # with a counter, right after a verb of a target, is read.
        if not counter or not before or before not in "达到增建育成破过为有":
            return True
        if m["num"] in ("一", "两") and counter in ("批", "个", "项", "次", "家", "条"):
            return True
    if counter in ("批", "本", "起", "宗") and not mult:
        return True
    if not counter and not mult:
        return True
    return False


def years(sentence: str) -> list[tuple[int, int, int]]:
    """Years named in a sentence: (start, end, year), Chinese numerals included (二〇二五年)."""
    out = []
    for m in YEAR.finditer(sentence):
        y = to_decimal(m["y"])
        if y is not None and 1990 <= y <= 2060:
            out.append((m.start(), m.end(), int(y)))
    return sorted(out + plan_years(sentence))


def period(text: str) -> tuple[int, int] | None:
    """A plan period written as 2022—2025年 (or 2021-2025年), when it runs forward."""
    m = _PERIOD.search(text)
    if m and int(m["a"]) < int(m["b"]) <= int(m["a"]) + 15:
        return int(m["a"]), int(m["b"])
    return None


FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
                   "十五五": (2026, 2030)}

# A five-year plan named in a sentence: "十三五" (quoted or not) or written out, 第十二个五年计划.
# ("十五", the plan of 2001-2005, is left out: it is also the number fifteen.)
_PLAN_MENTION = re.compile(r"[“\"‘]?(?P<short>十[一二三四五]五)[”\"’]?|第(?P<ord>十[一二三四五])个五年(?:计划|规划)")
_PLAN_END = re.compile(r"(?:时期|期)?末(?:期)?")


def plan_mentions(sentence: str) -> list[tuple[int, int, int, int]]:
    """Five-year plans a sentence names: (start, end, first year, last year)."""
    out = []
    for m in _PLAN_MENTION.finditer(sentence):
        name = m["short"] or f"{m['ord']}五"
        if name in FIVE_YEAR_PLANS:
            out.append((m.start(), m.end(), *FIVE_YEAR_PLANS[name]))
    return out


def plan_years(sentence: str) -> list[tuple[int, int, int]]:
    """A plan's end named as a year: "“十三五”末" and "到“十二五”末" are 2020 and 2015, as is
    "到第十二个五年计划期间" (a target for the plan's period is judged at its end)."""
    out = []
    for s, e, _, last in plan_mentions(sentence):
        end = _PLAN_END.match(sentence, e)
        if end:
            out.append((s, end.end(), last))
        elif sentence[max(0, s - 1):s] in ("到", "至"):
            out.append((s, e, last))
    return out
