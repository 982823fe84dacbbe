"""Quantitative targets in a plan's sentences and table rows.

A sentence holds a target when it sets a figure for a year to come: "到2025年，每万人口高价值
发明专利拥有量达到12件". Each figure is read with what the words around it say:
- the indicator: the words of its comma-part (before the figure, or after it in "培育6家以上
  知识产权运营机构"); "A和B分别达到X和Y" pairs names and figures in order;
- the comparison: 以上/不低于/不少于/达到 at least, 突破/超过 more than, 以内/不超过 at most, a range;
  力争 marks it aspirational, never a bound (domain.md, "Wording that changes a target");
- the year: 到2025年 / 至2026年底 / 2014年末 in the sentence, else the year the paragraph set, else
  the plan's own year (marked for review); 比/较/由 2020年 is a base year, not a target year;
- the kind: 年均增长 average growth, 增长/递增 N% growth, 新增/培育 over a multi-year plan a count
  added, 年新增/每年/全年 a yearly flow, 占/比重/率 in % a share, 万人 per capita, 百户 per 100
  enterprises, 分 a score, else a stock.
Figures of the past (a background section's "2020年全市…达到", "十三五"期间, 截至) are not targets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from ..catalogue import Catalogue
from ..units import PER_MILLE
from .match import Match, find, key
from .model import Target
from .numbers import Figure, figures, plan_mentions, years
from .tables import Row, read_value

REVIEW_NOT_IN_CATALOGUE = "review.indicator_not_in_catalogue"
REVIEW_FUZZY = "review.fuzzy_match"
REVIEW_YEAR_NOT_STATED = "review.year_not_stated"
REVIEW_YEAR_FROM_DOCUMENT = "review.year_from_document"
REVIEW_UNIT_UNCLEAR = "review.unit_unclear"
REVIEW_INCOMPLETE = "review.incomplete"
REVIEW_APPROXIMATE = "review.approximate"
# Every reason a target (or mechanism) is marked for a person to check: the phrase book
# (reports/words.py) has a phrase for each.
REVIEW_CODES = (REVIEW_NOT_IN_CATALOGUE, REVIEW_FUZZY, REVIEW_YEAR_FROM_DOCUMENT, REVIEW_YEAR_NOT_STATED,
                REVIEW_UNIT_UNCLEAR, REVIEW_INCOMPLETE, REVIEW_APPROXIMATE)

_PARTS = re.compile(r"[，,：:]")
_BACKGROUND = ("截至", "截止", "目前", "现有", "共有", "同比", "比上年", "较上年", "位居", "排名",
               "已经", "已达", "已有", "荣获", "获批", "过去", "实现了", "达到了",
               "去年", "上年", "近日", "日前", "获", "以来", "数据显示", "相关数据", "超额完成", "提前完成")
# Words of a target to come (到 but not 达到: "目前…达到1.5万件" is the past)
_FUTURE = re.compile(r"(?<![达截])(?:到|至)(?:19|20)\d{2}(?!年\d{1,2}月)"
                     r"|力争|确保|目标|争取|预期|每年|年均|新增|培育")
_DONE = re.compile(r"完成[^，,。；;]{0,20}目标")
_BASE_BEFORE = ("比", "较", "由", "从", "以", "与")
_LESS = (("不超过", "<="), ("不高于", "<="), ("控制在", "<="), ("低于", "<"), ("少于", "<"))
_MORE = (("不低于", ">="), ("不少于", ">="), ("至少", ">="), ("突破", ">"), ("超过", ">"), ("多于", ">"),
         ("高于", ">"))
_LEAD_WORDS = re.compile(r"^(?:(?:力争|确保|争取|努力|计划|实现|推动|促进|全市|全区|全县|全省|我市|本市|到|至|"
                         r"年末|年底|(?:19|20)\d{2}年(?:底|末)?|[—~-]|其中|同时|并|使|让|，)\s*)+")
_TAIL_WORDS = re.compile(r"(?:分别|达到|达|突破|超过|不低于|不少于|不超过|保持在|稳定在|控制在|提高到|提高至|提升到|"
                         r"提升至|增加到|增加至|增长到|增至|年均增长|增长|递增|提高|提升|为|在|实现|要|力争|确保|"
                         r"以上|以内|累计|的|"  # and 较2020年 / 比“十一五”末: the base, not the name
                         r"(?:较|比)(?:(?:19|20)\d{2}年|[“\"]?十[一二三四五]五[”\"]?)(?:末|底)?)+$")

_RAISED_TO = re.compile(r"^(?:的)?(?:基础上)?(?:提高|提升|增加|增长|增)(?:到|至)")  # 由X提高到Y: X is the base
_SHARE = re.compile(r"率|比重|占比|比例")
_NEARBY = 120  # characters before a figure where an earlier part may name its indicator


@dataclass(frozen=True)
class Setting:
    """What the reader knows of the whole document while reading one sentence."""
    catalogue: Catalogue
    default_year: int | None      # the plan's own year (period end, title year, first 到XXXX年)
    first_year: int | None        # the first year of the plan: years before it are the past
    multi_year: bool              # a plan over several years: 新增/培育 … is a count added


def sentence_targets(sentence: str, clause: str | None, lead_unit: str | None, carried: int | None,
                     setting: Setting) -> tuple[list[Target], int | None]:
    """The targets a sentence sets, and the target year it passes on to the sentences after it."""
    figs = figures(sentence)
    year_marks = years(sentence)
    target_years = [(s, e, y) for s, e, y in year_marks if _is_target_year(sentence, s, e, y, setting)]
    carried_out = target_years[-1][2] if target_years else carried
    past_plan = [m[3] for m in plan_mentions(sentence)
                 if setting.first_year is not None and m[3] < setting.first_year]
    if past_plan and not target_years:  # "“十一五”时期，…。" the sentences after it tell that period too
        carried_out = past_plan[-1]
    if _background(sentence, year_marks, target_years, setting) or _still_past(sentence, target_years, carried,
                                                                                setting):
        return [], carried_out
    parts = _part_spans(sentence)
    out: list[Target] = _cut_off(sentence, parts, figs, clause, lead_unit, carried, target_years, setting)
    if not figs:
        return out, carried_out
    paired = _pairs(sentence, figs, parts)
    base_of: dict[int, Figure] = {}
    for i, fig in enumerate(figs):
        if i + 1 < len(figs) and _RAISED_TO.match(sentence[fig.end:]):
            base_of[i + 1] = fig
    facts = _Facts.of(sentence, target_years, year_marks)
    base_ids = {id(b) for b in base_of.values()}
    starts = [a for a, _ in parts]
    in_part: dict[int, list[Figure]] = {}  # the figures of each part that are no base
    for fig in figs:
        if id(fig) not in base_ids:
            in_part.setdefault(bisect_right(starts, fig.start) - 1, []).append(fig)
    for i, fig in enumerate(figs):
        if id(fig) in base_ids:
            continue
        n = bisect_right(starts, fig.start) - 1
        ps, pe = parts[n]
        part = sentence[ps:pe]
        words = [paired[i]] if i in paired else _candidates(sentence, part, fig, ps, in_part[n], base_of.get(i))
        prev = figs[i - 1] if i else None
        out.append(_target(facts, part, ps, fig, words, clause, lead_unit, carried, setting, base_of.get(i), prev))
    return _elliptic(setting.catalogue, out), carried_out


def tells_the_past(sentence: str, carried: int | None, setting: Setting) -> bool:
    """A sentence about what was done or where things stand (its figures are no targets)."""
    marks = years(sentence)
    target_years = [(s, e, y) for s, e, y in marks if _is_target_year(sentence, s, e, y, setting)]
    return _background(sentence, marks, target_years, setting) or _still_past(sentence, target_years, carried,
                                                                              setting)


def own_time(sentence: str) -> bool:
    """The sentence names a time or a target to come of its own (a year, 到, 力争, 目标 …)."""
    return bool(years(sentence) or _OWN_TIME.search(sentence) or _FUTURE.search(sentence))


_CUT = re.compile(r"(?:达到|达|突破|超过|不低于|不少于|增长|提高到|提升至|增至|保持在)\s*$")


def _cut_off(sentence: str, parts: list[tuple[int, int]], figs: list[Figure], clause: str | None,
             lead_unit: str | None, carried: int | None, target_years: list[tuple[int, int, int]],
             setting: Setting) -> list[Target]:
    """A target the text cuts off ("…质押融资金额达到" and nothing after): incomplete, never guessed."""
    ps, pe = parts[-1]
    part = sentence[ps:pe].rstrip(" 。；;")
    if not _CUT.search(part) or any(ps <= f.start < pe for f in figs) or sentence.rstrip().endswith(("。", "；")):
        return []
    words = _clean(part)
    match = find(setting.catalogue, words)
    if match.indicator is None:
        return []
    year = target_years[-1][2] if target_years else carried
    review = [REVIEW_INCOMPLETE] + ([] if year is not None else [REVIEW_YEAR_NOT_STATED])
    return [Target(name=words, indicator=match.indicator, value=None, value_text="", unit="", comparison=">=",
                   year=year, clause=clause, lead_unit=lead_unit, quote=sentence.strip(), review=tuple(review),
                   incomplete=True, match=match.how if match.how != "none" else "none")]


def _is_target_year(sentence: str, s: int, e: int, y: int, setting: Setting) -> bool:
    """A year a target is set for: 到/至/力争到 before it, 年底/年末 after it, or not a base year."""
    before = sentence[max(0, s - 1):s]
    if sentence[max(0, s - 2):s] in ("截至", "截止"):  # 截至2020年底: where a figure of the past stands
        return False
    if before in _BASE_BEFORE or sentence[e:e + 2] in ("基期", "基础", "水平") or sentence[e:e + 3] == "的基础":
        return False
    if sentence[e:e + 1] in ("月", "度") and sentence[max(0, s - 1):s] != "到":
        return False
    if (before in ("到", "至") and sentence[e:e + 1] == "的" and setting.first_year is not None
            and y < setting.first_year):  # "从…增长到2015年的26046件": a figure of the past
        return False
    if before in ("到", "至") or sentence[max(0, s - 3):s].endswith(("力争到", "力争至")):
        return True
    if setting.first_year is not None and y < setting.first_year:
        return False
    return True


def _background(sentence: str, marks: list[tuple[int, int, int]], target_years: list[tuple[int, int, int]],
                setting: Setting) -> bool:
    """A sentence about the past: a year before the plan as a fact, or words of achievements."""
    future = bool(_FUTURE.search(_DONE.sub("", sentence)))  # "超额完成“十三五”规划目标": a 目标 met, not one set
    if setting.first_year is not None:
        past = [y for s, e, y in marks if y < setting.first_year and sentence[max(0, s - 1):s] not in _BASE_BEFORE
                and sentence[e:e + 2] not in ("基期", "基础")]
        if past and not target_years:
            return True
    past_plans = [m for m in plan_mentions(sentence) if setting.first_year is not None and m[3] < setting.first_year]
    if past_plans:  # "十三五"期间 in a 十四五 plan: what was achieved
        return not any(sentence[max(0, s - 1):s] in ("到", "至") for s, _, _ in target_years)
    return any(w in sentence for w in _BACKGROUND) and not future


_OWN_TIME = re.compile(r"(?<!达)到|至(?:19|20)|力争|确保|争取|目标|预期|计划")


def _still_past(sentence: str, target_years: list[tuple[int, int, int]], carried: int | None,
                setting: Setting) -> bool:
    """A sentence that goes on telling a past period the one before it named ("“十一五”时期，…。
    全省专利申请量年均增长45.6%"): it names no time of its own and sets nothing to come."""
    if carried is None or setting.first_year is None or carried >= setting.first_year or target_years:
        return False
    return not plan_mentions(sentence) and not _OWN_TIME.search(sentence)


def _part_spans(sentence: str) -> list[tuple[int, int]]:
    """The comma-parts of a sentence as (start, end)."""
    spans, start = [], 0
    for m in _PARTS.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _pairs(sentence: str, figs: list[Figure], parts: list[tuple[int, int]]) -> dict[int, str]:
    """'A和B分别达到X和Y': the figure's index -> the name it is paired with."""
    out: dict[int, str] = {}
    for m in re.finditer("分别", sentence):
        ps, pe = next(((a, b) for a, b in parts if a <= m.start() < b), (0, len(sentence)))
        after = [i for i, f in enumerate(figs) if m.end() <= f.start < pe]
        if len(after) < 2:
            continue
        names = [n for n in re.split(r"和|、|及|与|以及", _clean(sentence[ps:m.start()])) if n]
        if len(names) < len(after):
            continue
        for i, name in zip(after, names[-len(after):]):
            out[i] = name
    return out


def _candidates(sentence: str, part: str, fig: Figure, ps: int, figs: list[Figure],
                base: Figure | None = None) -> list[str]:
    """Where the indicator's name may stand, in order: before the figure, after it, the part, the sentence.

    After another figure of the same part ("示范企业5家、优势企业10家") only the words between the
    two name the second: the part and the sentence before it belong to the first.
    """
    start = fig.start - ps
    if base is not None and ps <= base.start:  # "…拥有量由2020年的18.5件提高到30件": the name is before 由
        start = base.start - ps
        start = next((m.start() for m in re.finditer(r"由|从|比|较", part[:start])), start)
    before, shared = part[:start], False
    for other in figs:
        o = other.end - ps
        if 0 <= o <= start and other is not fig:
            before, shared = part[o:start], True
    after = part[fig.end - ps:]
    after = after[2:] if after.startswith("以上") else after
    if shared:
        return [w for w in (_clean(before), _clean(after)) if len(key(w)) >= 2]
    rest = _clean(part[:start] + part[fig.end - ps:])
    nearby = sentence[max(0, fig.start - _NEARBY):fig.start]  # a name in an earlier part of the sentence
    return [w for w in (_clean(before), _clean(after), rest, nearby) if len(key(w)) >= 2]


def _clean(words: str) -> str:
    """Words without the cue words around the name (到2025年, 力争, 全市, 达到, 以上 ...)."""
    w = words.strip(" 。；;，,、")
    w = _LEAD_WORDS.sub("", w)
    w = _TAIL_WORDS.sub("", w)
    return w.strip(" 。；;，,、“”")


def _kind(part: str, before: str, fig: Figure, unit_counter: str, setting: Setting, name: str) -> str:
    """What kind of figure a target is, from the words and the unit."""
    if re.search(r"年均(?:增长|增速|递增|提高)|年平均增长", before):
        return "average_growth"
    if fig.doubling or (fig.unit == "%" and re.search(r"增长|递增|增幅|提高|提升|增加", before)
                        and not _SHARE.search(name)):
        return "growth"
    if "百户" in part or "每百家" in part or "百家企业" in part:
        return "per_100_enterprises"
    if unit_counter == "件/万人" or re.search(r"每万人|万人(?:口)?(?:有效|高价值)?发明", part):
        return "per_capita"
    if fig.unit in ("%", PER_MILLE):
        return "share"
    if unit_counter == "分":
        return "score"
    if re.search(r"年新增|年增|每年|全年|年培育|年登记|年申请|年质押|年度|年均", part):
        return "flow"
    if "累计" in part:
        return "added"
    if re.search(r"新增|新培育|培育|新建|新认定", part):  # added over a plan of years, a flow in a plan of one
        return "added" if setting.multi_year else "flow"
    return "stock"


def _comparison(before: str, fig: Figure) -> str:
    """The comparison: at least unless the words say more than, at most or a range."""
    if fig.upper is not None:
        return "range"
    if fig.after in ("以内", "以下"):
        return "<="
    tail = before[-8:]
    best: tuple[int, int, str] | None = None  # (where the word ends, its length, comparison)
    for word, cmp in _LESS + _MORE:
        at = tail.rfind(word)
        if at >= 0:
            found = (at + len(word), len(word), cmp)
            best = found if best is None or found > best else best
    return best[2] if best else ">="


@dataclass(frozen=True)
class _Facts:
    """What a sentence says once, for all its figures (a sentence may hold thousands of them)."""
    text: str
    target_years: list[tuple[int, int, int]]
    year_starts: list[int]
    marks: list[tuple[int, int, int]]
    mark_starts: list[int]
    aspire: list[int]            # where 力争 stands
    this_year: bool              # 年内 / 今年 / 当年: the plan's own year
    nature: str | None

    @classmethod
    def of(cls, sentence: str, target_years: list[tuple[int, int, int]],
           marks: list[tuple[int, int, int]]) -> _Facts:
        """The facts of one sentence."""
        nature = "binding" if "约束性" in sentence else "expected" if "预期性" in sentence else None
        return cls(sentence, target_years, [s for s, _, _ in target_years], marks, [s for s, _, _ in marks],
                   [m.start() for m in re.finditer("力争", sentence)],
                   bool(re.search(r"年内|今年|当年|本年度", sentence)), nature)

    def marks_between(self, a: int, b: int) -> list[tuple[int, int, int]]:
        """The years named in [a, b)."""
        return self.marks[bisect_left(self.mark_starts, a):bisect_left(self.mark_starts, b)]


def _target(facts: _Facts, part: str, ps: int, fig: Figure, candidates: list[str], clause: str | None,
            lead_unit: str | None, carried: int | None, setting: Setting, base: Figure | None,
            prev: Figure | None) -> Target:
    """One figure read as a target."""
    cat = setting.catalogue
    sentence, target_years = facts.text, facts.target_years
    before = sentence[max(ps, prev.end if prev else 0):fig.start]
    growth = fig.unit == "%" and (fig.doubling or bool(re.search(r"增长|递增|增幅", before)))
    counter = fig.unit.lstrip("万亿千") if fig.unit not in ("万", "亿") else ""
    if counter == PER_MILLE:  # 5‰ is a share as 0.5% is: found as one, kept as written
        counter = "%"
    match, words = _indicator(cat, candidates, counter, growth, fig, sentence)
    review: list[str] = []
    unit = fig.unit
    if unit in ("万", "亿", "千"):  # 3.6亿: the counter is the indicator's
        ind_unit = cat.units.get(match.indicator) if match.indicator else None
        if ind_unit is not None and ind_unit.counter not in ("%", "件/万人"):
            unit = unit + ind_unit.counter
        elif re.search(r"金额|融资|资金|投入|经费|收入|产值|额", words):
            unit = unit + "元"
        else:
            review.append(REVIEW_UNIT_UNCLEAR)
    indicator = match.indicator
    review += _match_review(match)
    # the year: in this sentence before the figure, else the paragraph's, else the plan's
    k = bisect_left(facts.year_starts, fig.start)
    year = target_years[k - 1][2] if k else (target_years[0][2] if target_years else None)
    if year is None and facts.this_year and setting.first_year is not None:
        year = setting.first_year  # "年内新增…": the year the plan is for
    if year is None:
        year = carried
    if year is None:
        year = setting.default_year
        review.append(REVIEW_YEAR_FROM_DOCUMENT if year is not None else REVIEW_YEAR_NOT_STATED)
    base_year = None
    if base is not None:
        base_year = next((y for s, e, y in facts.marks_between(ps, base.start) if y != year), None)
    else:
        for s, e, y in facts.marks_between(ps, fig.start):
            if sentence[max(0, s - 1):s] in _BASE_BEFORE:
                base_year = y
    kind = _kind(part, before, fig, counter or (unit if unit == "%" else ""), setting, words)
    if kind == "per_capita" and indicator is not None and cat.units[indicator].counter != "件/万人":
        indicator, match, review = _per_capita(cat, words, review)  # "发明专利拥有量达到每万人10件"
    if kind == "per_100_enterprises" and indicator is not None:  # the catalogue counts no rate per 100 firms
        indicator, match = None, Match(None, "none")
        review = [r for r in review if r != REVIEW_FUZZY] + [REVIEW_NOT_IN_CATALOGUE]
    if kind == "stock" and indicator and cat.indicators[indicator].kind in ("flow", "count"):
        kind = "flow"
    if fig.after == "左右" or re.search(r"(?:约|大约|近|接近)$", before):
        review.append(REVIEW_APPROXIMATE)
    # 力争 holds the figures after it until another figure comes between
    k = bisect_left(facts.aspire, fig.start)
    aspirational = k > 0 and facts.aspire[k - 1] > (prev.start if prev else -1)
    return Target(name=words or part, indicator=indicator, value=fig.value, value_text=fig.text, unit=unit,
                  comparison=_comparison(before, fig), year=year,
                  base_value=base.value if base else None, base_year=base_year, kind=kind, nature=facts.nature,
                  aspirational=aspirational, upper=fig.upper, clause=clause, lead_unit=lead_unit,
                  quote=sentence, review=tuple(dict.fromkeys(review)), incomplete=False,
                  match=match.how if indicator else "none")


# Words that end as an indicator's name does: the figure names its own indicator
_NAMED = re.compile(r"(?:量|额|数|率|比重|占比)$")


def _indicator(cat: Catalogue, candidates: list[str], counter: str, growth: bool, fig: Figure,
               sentence: str) -> tuple[Match, str]:
    """The first candidate naming a catalogue indicator exactly or by alias, else a fuzzy proposal;
    none when the nearest words name a rate the catalogue lacks (每百万人口发明专利拥有量)."""
    if not candidates:
        return Match(None, "none"), ""
    named = _NAMED.search(candidates[0]) is not None and len(key(candidates[0])) >= 4
    for i, words in enumerate(candidates):
        last = i == len(candidates) - 1 and i > 0
        if last and named:  # "涉外专利申请量、授权量年均增长20%": its own name, not an earlier part's
            break
        near = len(key(words)) if i == len(candidates) - 1 else None  # the sentence: nearest the figure
        m = find(cat, words, counter, growth, near=near)
        if m.rate:  # a rate the catalogue lacks (每百户…): in the figure's own words it is the answer
            if i < len(candidates) - 1 or len(candidates) == 1:
                return m, candidates[0]
            continue
        if m.how in ("exact", "alias"):
            return m, words if i < 3 else candidates[0]
    fuzzy = find(cat, candidates[min(2, len(candidates) - 1)], counter, growth)
    return fuzzy, candidates[0]


_PER_CAPITA_WORDS = re.compile(r"(?:达到|达|为)?每万人口?$")


def _per_capita(cat: Catalogue, words: str, review: list[str]) -> tuple[str | None, Match, list[str]]:
    """A figure per 10,000 people whose words matched a count ("发明专利拥有量达到每万人10件"):
    the per-capita indicator of that name, else none (for review), never the count."""
    head = _PER_CAPITA_WORDS.sub("", words)
    m = find(cat, "每万人口" + head, "件/万人", fuzzy=False) if head else Match(None, "none")
    review = [r for r in review if r != REVIEW_FUZZY]
    if m.indicator is not None and cat.units[m.indicator].counter == "件/万人":
        return m.indicator, m, review
    return None, Match(None, "none"), review + [REVIEW_NOT_IN_CATALOGUE]


# Names a plan shortens after a first full one: "专利申请量达3.5万件，授权量达2.1万件"
_ELLIPTIC = ("申请量", "授权量", "拥有量", "注册量", "登记量")


_SHARED_FIGURE = re.compile(rf"^(?P<head>.+?)(?P<a>{'|'.join(_ELLIPTIC)})、(?P<b>{'|'.join(_ELLIPTIC)})$")


def _elliptic(cat: Catalogue, targets: list[Target]) -> list[Target]:
    """"…专利申请量达3.5万件，授权量达2.1万件": the second name takes the first's head (专利授权量);
    "涉外专利申请量、授权量年均增长20%": one figure for two indicators, two targets."""
    out: list[Target] = []
    for t in targets:
        both = _SHARED_FIGURE.match(t.name)
        if not both:
            out.append(t)
            continue
        for tail in (both["a"], both["b"]):
            name = both["head"] + tail
            m = find(cat, name, t.unit.lstrip("万亿千"), t.kind in ("growth", "average_growth"), fuzzy=False)
            if m.span != (0, len(key(name))):  # 涉外专利授权量 is not 专利授权量: the whole name, or none
                m = Match(None, "none")
            review = tuple(r for r in t.review if r not in (REVIEW_NOT_IN_CATALOGUE, REVIEW_FUZZY))
            if m.indicator is None:
                review += (REVIEW_NOT_IN_CATALOGUE,)
            out.append(replace(t, name=name, indicator=m.indicator, match=m.how if m.indicator else "none",
                               review=review))
    for i in range(1, len(out)):
        t, prev = out[i], out[i - 1]
        tail = next((e for e in _ELLIPTIC if key(t.name) == e), None)
        prev_tail = next((e for e in _ELLIPTIC if prev.name.endswith(e)), None)
        if t.indicator is not None or tail is None or prev_tail is None:
            continue
        name = prev.name[:-len(prev_tail)] + tail
        counter = t.unit.lstrip("万亿千")
        m = find(cat, name, counter, t.kind in ("growth", "average_growth"), fuzzy=False)
        if m.indicator is not None:
            review = tuple(r for r in t.review if r != REVIEW_NOT_IN_CATALOGUE)
            out[i] = replace(t, name=name, indicator=m.indicator, match=m.how, review=review)
    return out


def _match_review(match: Match) -> list[str]:
    """Why a person checks the indicator: a fuzzy proposal, or none found in the catalogue."""
    if match.how == "fuzzy":
        return [REVIEW_FUZZY]
    return [REVIEW_NOT_IN_CATALOGUE] if match.indicator is None else []


def row_targets(row: Row, clause: str | None, setting: Setting) -> list[Target]:
    """One target per target column of a table row; the base column gives base value and year."""
    cat = setting.catalogue
    base_value = base_year = None
    for col, text in row.values:
        if col.role == "base":
            read = read_value(text)
            if read:
                base_value, base_year = read[0], col.year
    out = []
    last_year = max((c.year for c, _ in row.values if c.role == "target" and c.year), default=None)
    for col, text in row.values:
        if col.role == "growth":
            out += _growth_column(row, text, clause, last_year, base_year, setting)
        if col.role != "target":
            continue
        read = read_value(text)
        label = f"{clause or ''}表{row.table}第{row.number}行"
        if read is None:
            out.append(Target(name=row.name, indicator=None, value=None, value_text=text, unit=row.unit,
                              comparison=">=", year=col.year, clause=label, quote=row.quote,
                              review=(REVIEW_INCOMPLETE,), incomplete=True))
            continue
        value, cell_unit, cmp, cumulative = read
        unit = cell_unit if cell_unit and cell_unit not in ("万", "亿") else row.unit or cell_unit
        if cell_unit in ("万", "亿"):
            unit = cell_unit + (row.unit or "")
        counter = unit.lstrip("万亿") if unit not in ("万", "亿") else ""
        growth = bool(re.search(r"增长|增速|增幅", row.name)) and unit == "%"
        match: Match = find(cat, row.name, counter, growth)
        review = _match_review(match)
        if not unit:
            ind_unit = cat.units.get(match.indicator) if match.indicator else None
            if ind_unit is None:
                review.append(REVIEW_UNIT_UNCLEAR)
            else:
                unit = ind_unit.text
        fake = Figure(0, 0, text, value, None, unit, "", False)
        kind = "added" if cumulative or col.added else _kind(row.name, row.name, fake, counter, setting, row.name)
        if kind == "stock" and match.indicator and cat.indicators[match.indicator].kind in ("flow", "count"):
            kind = "flow"
        out.append(Target(name=row.name, indicator=match.indicator, value=value, value_text=text, unit=unit,
                          comparison=cmp, year=col.year,
                          base_value=base_value if base_year != col.year else None,
                          base_year=base_year if base_year != col.year else None, kind=kind,
                          nature=row.nature, clause=label, quote=row.quote, review=tuple(review),
                          match=match.how if match.indicator else "none"))
    return out


def _growth_column(row: Row, text: str, clause: str | None, year: int | None, base_year: int | None,
                   setting: Setting) -> list[Target]:
    """A table's 年均增速 column: average growth in % to the last target year."""
    read = read_value(text)
    if read is None:
        return []
    value, _, cmp, _ = read
    match = find(setting.catalogue, row.name, "", True)
    review = _match_review(match)
    return [Target(name=row.name, indicator=match.indicator, value=value, value_text=text, unit="%", comparison=cmp,
                   year=year, base_year=base_year, kind="average_growth", nature=row.nature,
                   clause=f"{clause or ''}表{row.table}第{row.number}行", quote=row.quote, review=tuple(review),
                   match=match.how if match.indicator else "none")]


def restatement_key(t: Target) -> tuple | None:
    """What makes two targets one (a table row and a sentence restating it): indicator (or, for a
    proposal, its name), year, kind of measure and value with 万/亿 multiplied out; None for a
    target that cannot be compared."""
    if t.value is None:
        return None
    if t.indicator is None:  # a proposal stated twice (a headline and its text) under the same name
        return None, key(t.name), t.year, _growthy(t), _scaled(t.value, t.unit)
    return t.indicator, t.year, _growthy(t), _scaled(t.value, t.unit)


def _growthy(t: Target) -> bool:
    return t.kind in ("growth", "average_growth")


def _scaled(value: Decimal, unit: str) -> Decimal:
    """A value with its 万/亿 multiplied out, so 3.6亿 and 3.6亿元 and 36000万元 compare equal."""
    mult = Decimal(1)
    if unit.startswith("万") and unit != "万人":
        mult = Decimal(10_000)
    elif unit.startswith("亿"):
        mult = Decimal(100_000_000)
    return (value * mult).normalize()
