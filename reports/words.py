"""The word book: every phrase ipcheck writes for people, in Chinese and English, and how figures look.

The engine hands over reasons as codes with arguments (`engine.result.Reason`); `text` turns
them into one language. Adding a phrase means adding its code here in both languages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..engine.fields import Names
from ..engine.result import Cmp, Listed, Q, Reason, Score, Share, Term, When
from ..engine.units import CTX, PERCENT

OP_SYMBOL = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def display(d: Decimal, unit: str = "", lang: str = "zh") -> str:
    """A figure for people: grouped digits, at most two decimals, with its unit (36,000 件, 95%).

    In English a counter word is dropped (36,000), other units are said in English (people,
    per 10k people) and money in yuan with m or bn (40 亿元 → 4 bn yuan).
    """
    if lang == "en" and unit in _EN_MONEY:
        yuan = d * _EN_MONEY[unit]
        for scale, word in ((Decimal(10) ** 9, "bn yuan"), (Decimal(10) ** 6, "m yuan")):
            if abs(yuan) >= scale:
                return f"{_digits(yuan / scale)} {word}"
        return f"{_digits(yuan)} yuan"
    text = _digits(d)
    if unit == PERCENT:
        return f"{text}%"
    if lang == "en":
        unit = EN_UNIT.get(unit, unit)
    return f"{text} {unit}".strip()


def _digits(d: Decimal) -> str:
    text = f"{d.quantize(Decimal('0.01'), context=CTX):,.2f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


# How a unit reads in English: counter words (件, 家, ...) say nothing a figure needs.
EN_UNIT = {"件": "", "家": "", "个": "", "项": "", "次": "", "所": "", "人": "people", "天": "days", "分": "points",
           "元": "yuan", "件/万人": "per 10k people", "yes/no": ""}
_EN_MONEY = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


def unit_word(unit: str, lang: str) -> str:
    """A unit as a chart's axis names it: '件', '万元'; in English 'per 10k people', 'm yuan' ('' for a count)."""
    if lang == "en":
        return "yuan" if unit in _EN_MONEY else EN_UNIT.get(unit, unit)
    return "" if unit == "yes/no" else unit


def pct(share: Decimal | None) -> str:
    """A share in [0, 1] as a whole percentage."""
    return "—" if share is None else f"{(share * 100).quantize(Decimal(1))}%"


def score_text(score: Decimal | None) -> str:
    """A score on 0–100 with one decimal ("—" without a score)."""
    return "—" if score is None else f"{score.quantize(Decimal('0.1'))}"


# code: (English, Chinese). Arguments are named {like_this}.
PHRASES: dict[str, tuple[str, str]] = {
    # separators and plain pieces
    "sep.colon": (": ", "："),
    "sep.semicolon": ("; ", "；"),
    "ind": ("{ind}", "{ind}"),
    "items": ("{items}", "{items}"),
    # result heads (the status in a reason)
    "status.pass": ("meets the target", "达标"),
    "status.partial": ("partly meets the target", "部分达标"),
    "status.fail": ("does not meet the target", "未达标"),
    "status.unknown": ("unknown — evidence missing", "未知（缺证据）"),
    "status.not_applicable": ("not applicable", "不适用"),
    "status.error": ("error in the data", "数据错误"),
    "status.waived": ("waived", "豁免"),
    "status.": ("", ""),
    # targets
    "target.must_exist": ("must exist", "须具备"),
    "target.by": ("target {v} by {year}", "目标：{year}年达到{v}"),
    "target.at": ("target {op} {v} ({year})", "目标{op} {v}（{year}年）"),
    "target.by_short": ("{v} by {year}", "{year}年达到{v}"),
    # values in a table cell
    "value.yes": ("yes", "有"),
    "value.no": ("no", "无"),
    "value.from_zero": ("∞ (from 0)", "∞（由0起）"),
    "value.assumed": (" (assumed)", "（假设）"),
    "value.year": (" ({y})", "（{y}年）"),
    "value.year_stale": (" ({y}, stale)", "（{y}年，陈旧）"),
    "value.year_previous_year": (" ({y}, previous year, indicative)", "（{y}年，上一年数据，仅供参考）"),
    "value.year_too_old": (" ({y}, too old)", "（{y}年，过旧）"),
    "value.as_of": (" (as of {y})", "（截至{y}）"),
    "value.as_of_stale": (" (as of {y}, stale)", "（截至{y}，陈旧）"),
    "value.as_of_previous_year": (" (as of {y}, previous year, indicative)", "（截至{y}，上一年数据，仅供参考）"),
    "value.as_of_too_old": (" (as of {y}, too old)", "（截至{y}，过旧）"),
    # what is missing
    "need.for_year": ("{ind} ({year})", "{ind}（{year}年）"),
    "need.for_year_or_earlier": ("{ind} ({year}, or as far back as {earliest})",
                                 "{ind}（{year}年，最早可用{earliest}年）"),
    "need.pair": ("{ind} ({y0} and {year})", "{ind}{y0}年和{year}年的数据"),
    "need.base_and_later": ("{ind} for the base year {base} and a later year up to {year}",
                            "{ind}基期{base}年及其后（截至{year}年）的数据"),
    "need.same_year": ("{a} and {b} for one same year, in or before {year}",
                       "同一年份的{a}与{b}（{year}年或之前）"),
    "need.or_published": ("or the published {ind}", "或公布的{ind}"),
    "need.after_base": ("{ind} for a year after the {base} base (up to {year})",
                        "{ind}基期{base}年之后（截至{year}年）的数据"),
    "need.evidence": ("evidence of {ind} (in or before {year})", "{ind}的证据（{year}年或之前）"),
    "need.attribute": ("{attr} of the {ind} (one of: {allowed})", "{ind}的{attr}（须为{allowed}之一）"),
    "need.exact": ("an exact figure", "确切数值"),
    "need.exact_both": ("exact figures", "确切数值"),
    # reading one figure
    "no_figure": ("no figure for ", "缺少"),
    "only_for": (" (only for {years})", "（仅有{years}年的数据）"),
    "bound.at_least": ("at least", "不少于"),
    "bound.at_most": ("at most", "不超过"),
    "bound_unsettled": ("only a bound is published ({bound} {v} in {y}), which does not settle the target",
                        "仅公布了区间值（{y}{bound}{v}），不足以判定是否达标"),
    "was": ("{ind} was {v} in {y}", "{ind}{y}年为{v}"),
    "was_as_of": ("{ind} was {v} as of {m}", "{ind}截至{m}为{v}"),
    "stale": (" (latest figure is for {used}, older than {year}: stale)",
              "（最新数据为{used}年，早于{year}年，已陈旧）"),
    "stale_as_of": (" (latest figure is as of {m}, not the end of {year}: stale)",
                    "（最新数据截至{m}，并非{year}年末数据，已陈旧）"),
    "too_old": ("latest figure too old ({y}): {ind} was {v} in {y}; judging {year} takes a figure at most {most} "
                "year{most_s} older", "最新数据过旧（{y}）：{ind}{y}为{v}；评价{year}年最多可用早{most}年的数据"),
    "too_old_as_of": ("latest figure too old (as of {y}): {ind} was {v} as of {y}; judging {year} takes a figure at "
                      "most {most} year{most_s} older",
                      "最新数据过旧（截至{y}）：{ind}截至{y}为{v}；评价{year}年最多可用早{most}年的数据"),
    "previous_year": ("only the previous year's figure: {ind} was {v} in {y} (indicative only; a yearly figure must "
                      "be for {year})", "仅有上一年数据：{ind}{y}为{v}（仅供参考，年度数据须为{year}年数据）"),
    "previous_year_as_of": ("only the previous year's figure: {ind} was {v} as of {y} (indicative only; a yearly "
                            "figure must be for {year})",
                            "仅有上一年数据：{ind}截至{y}为{v}（仅供参考，年度数据须为{year}年数据）"),
    "projection": (" (projection: the {year} target is not due yet)", "（预测：{year}年目标尚未到期）"),
    "lower_bound_note": (" (published as a lower bound)", "（公布值为下限）"),
    "not_applicable.level": ("applies to {levels} only; this city is a {level}", "仅适用于{levels}；本市为{level}"),
    # path
    "path.not_started": ("the target path starts in {start}; the evaluation year is {year}",
                         "目标路径自{start}年开始，评价年度为{year}年"),
    # flow
    "flow.needs": ("the yearly increase needs ", "计算年增量需要"),
    "flow.bounds": ("a yearly increase cannot be computed from bounds", "仅有区间值，无法计算年增量"),
    "flow.rose": ("{ind} rose from {a} ({y0}) to {b} ({y}): an increase of {d}",
                  "{ind}由{a}（{y0}年）变为{b}（{y}年），年增量{d}"),
    # growth
    "growth.needs": ("growth needs ", "计算增长率需要"),
    "cagr.needs": ("average growth needs ", "计算年均增长率需要"),
    "growth.bounds": ("growth cannot be computed from bounds", "仅有区间值，无法计算增长率"),
    "growth.zero": (" stayed at zero", "保持为零"),
    "growth.from_zero": (" grew from zero to {b} (growth from a zero base is unbounded)",
                         "由零增至{b}（零基数增长率无上限）"),
    "growth.went": (" went from {a} ({y0}) to {b} ({y}): {g}", "由{a}（{y0}年）变为{b}（{y}年），增长{g}"),
    "cagr.went": (" went from {a} ({y0}) to {b} ({y}): {g} a year on average",
                  "由{a}（{y0}年）变为{b}（{y}年），年均增长{g}"),
    # rates (ratio, per capita)
    "rate.what.ratio": ("the rate", "比率"),
    "rate.what.per_capita": ("the figure per 10,000 people", "每万人口数值"),
    "rate.published": (" (the officially published rate)", "（采用官方公布值）"),
    "rate.cannot_derive": ("; the derived rate cannot be computed for ", "；无法计算派生比率："),
    "rate.broken_bounds": ("{y}: only bounds are published", "{y}年仅有区间值"),
    "rate.broken_zero": ("{ind} is 0 in {y} (division by zero)", "{ind}{y}年为0（除数为零）"),
    "rate.needs": (" needs {num} and {den} for the same year (in or before {year})",
                   "需要同一年份（{year}年或之前）的{num}和{den}"),
    "rate.bounds": (" cannot be computed from bounds", "仅有区间值，无法计算"),
    "rate.zero_head": ("{ind} is 0 in {y}: ", "{ind}{y}年为0："),
    "rate.undefined": (" is not defined (division by zero)", "无法计算（除数为零）"),
    "rate.value": (" = {a} / {b} × {per} = {v} in {y}", " = {a} / {b} × {per} = {v}（{y}年）"),
    # trajectory
    "trajectory.needs": ("progress needs ", "判断进度需要"),
    "trajectory.bounds": ("only a bound is published, which does not settle progress",
                          "仅公布了区间值，不足以判断进度"),
    "trajectory.path": ("{ind} was {v} in {t}; the path from {b0} ({by}) to {tg} ({ty}) stands at {ex} in {t}: ",
                        "{ind}{t}年为{v}；由{b0}（{by}年）到{tg}（{ty}年）的路径在{t}年应为{ex}："),
    "trajectory.on_track": ("on track", "进度达标"),
    "trajectory.behind": ("behind the path", "落后于路径"),
    "trajectory.needed": ("; {n} a year is needed from here", "；此后每年需增长{n}"),
    # mechanisms
    "exists.none": ("no ", "缺少"),
    "exists.yes": ("{ind}: yes ({y})", "{ind}：有（{y}年）"),
    "exists.no": ("{ind}: no ({y})", "{ind}：无（{y}年）"),
    "exists.attr_unstated": ("{ind} exists ({y}) but its {attr} is not stated", "{ind}已有（{y}年），但未说明{attr}"),
    "exists.attr_not_allowed": ("; {attr} is {got}, not one of {allowed}", "；{attr}为{got}，不属于{allowed}"),
    "exists.attr": ("; {attr}: {got}", "；{attr}：{got}"),
    # a criterion's target in a few words
    "describe.all_of": ("all of: {parts}", "全部满足：{parts}"),
    "describe.any_of": ("any of: {parts}", "满足其一：{parts}"),
    "describe.part": ("{ind} {target}", "{ind}{target}"),
    "describe.any_of_same": ("any of {inds}: {target}", "{inds}满足其一：{target}"),
    "describe.all_of_same": ("each of {inds}: {target}", "{inds}均须：{target}"),
    "describe.exists": ("{ind} exists", "具备{ind}"),
    "describe.where": (", {attr} in {values}", "，{attr}为{values}"),
    "describe.trajectory": ("{base} ({by}) → {target} ({ty})", "{base}（{by}年）→ {target}（{ty}年）"),
    "describe.path_item": ("{y}: {op} {v}", "{y}年{op} {v}"),
    "describe.cagr": ("growth {op} {g} a year since {base} ({y})", "自{base}年起年均增长{op} {g}（{y}年）"),
    "describe.growth": ("growth {op} {g} year on year ({y})", "同比增长{op} {g}（{y}年）"),
    "describe.flow": ("increase {op} {v} in the year ({y})", "年增量{op} {v}（{y}年）"),
    "describe.target": ("{op} {v} ({y})", "{op} {v}（{y}年）"),
    # a criterion's reason
    "reason.all_of": ("{head} (all of): {parts}", "{head}（全部满足）：{parts}"),
    "reason.any_of": ("{head} (any of): {parts}", "{head}（满足其一）：{parts}"),
    "reason.engine_error": ("error: {msg}", "错误：{msg}"),
    "reason.waived": ("waived until {expires}: {why} (measured: {measured})",
                      "豁免至{expires}：{why}（测量结果：{measured}）"),
    "reason.waiver_expired": (" (a waiver expired on {expires} and no longer applies)",
                              "（豁免已于{expires}到期，不再适用）"),
    # verdicts
    "verdict.no_evidence": ("no criterion has evidence yet; a verdict needs evidence for {floor} of the weight",
                            "尚无任何指标有证据；评定结论需要至少{floor}的权重有证据"),
    "verdict.coverage": ("only {cov} of the weight has evidence, below the coverage floor of {floor}",
                         "有证据的权重仅占{cov}，低于覆盖率下限{floor}"),
    "verdict.ready": ("score {s} ≥ {ready} and every required criterion passes",
                      "得分{s} ≥ {ready}，且必备指标全部达标"),
    "verdict.nearly_open": ("score {s} ≥ {nearly}, but required criteria are not yet passed: {ids}",
                            "得分{s} ≥ {nearly}，但必备指标尚未达标：{ids}"),
    "verdict.nearly": ("score {s} ≥ {nearly} but below {ready}", "得分{s} ≥ {nearly}，但低于{ready}"),
    "verdict.required_fail": ("required criteria fail: {ids}", "必备指标未达标：{ids}"),
    "verdict.provisional": ("were every criterion without evidence unmet, the verdict would be '{v}' (score {s})",
                            "缺少证据的指标若均未达标，结论将为“{v}”（得分{s}）"),
    "verdict.below": ("score {s} is below {nearly}", "得分{s}低于{nearly}"),
    # errors of arithmetic
    "error.out_of_range": ("the result {v} is beyond what ipcheck decides (at most {most} in magnitude): check the "
                           "figures", "计算结果{v}超出可判定范围（绝对值不超过{most}）：请核对数据"),
    "error.arithmetic": ("the figures give a result beyond exact decimal arithmetic: check them",
                         "数据的计算结果超出精确十进制运算范围：请核对数据"),
    # the headline of an evaluation
    "headline.lacking": ("{n} of {m} criteria lack evidence", "{m}项指标中{n}项缺少证据"),
    "headline.lacking_all": ("none of the {m} criteria has evidence", "{m}项指标均缺少证据"),
    "headline.range": ("between {low} and {high} depending on the missing evidence",
                       "取决于缺失的证据，介于{low}与{high}之间"),
    "brief.low_confidence": ("{n} of the {m} figures used come from low-confidence sources (see the sources)",
                             "所用{m}项数据中{n}项来源可信度低（见数据来源）"),
    "brief.low_confidence_all": ("all {m} figures used come from low-confidence sources (see the sources)",
                                 "所用{m}项数据来源可信度均低（见数据来源）"),
    "brief.low_confidence_one": ("the one figure used comes from a low-confidence source (see the sources)",
                                 "所用的1项数据来源可信度低（见数据来源）"),
    "headline.known": ("{score} on the criteria with evidence ({cov} of the weight)",
                       "有证据的指标得分{score}（占权重{cov}）"),
    # the leadership page: key messages drawn from the results
    "msg.gap": ("Largest gap: {title} — {value} against a target of {target}",
                "差距最大：{title}，现为{value}，目标{target}"),
    "msg.gap_by": (", a gap of {gap}", "，差距{gap}"),
    "msg.gap_more": ("; {n} more fall short", "；另有{n}项未达标"),
    "msg.no_gap": ("None of the {n} criteria with evidence falls short", "有证据的{n}项指标均未发现差距"),
    "msg.no_gap_one": ("The one criterion with evidence does not fall short", "唯一有证据的指标未发现差距"),
    "msg.no_evidence": ("No criterion has evidence yet, so no gap can be shown", "尚无任何指标有证据，差距无法判断"),
    "msg.holes": ("The {n} criteria without evidence carry {share} of the weight", "缺少证据的{n}项指标占权重{share}"),
    "msg.holes_all": ("Evidence is needed for all {m} criteria, in every category",
                      "全部{m}项指标均需补充证据，涉及所有类别"),
    "msg.holes_cats": ("; none at all for {cats}", "，其中{cats}没有任何证据"),
    "msg.holes_none": ("Every criterion has evidence", "全部指标均有证据"),
    "msg.met": ("{n} met, among them {items}", "已达标{n}项，包括{items}"),
    "msg.met_one": ("1 met: {items}", "已达标1项：{items}"),
    "msg.met_count": ("{n} met", "已达标{n}项"),
    "msg.met_item": ("{title}: {value}", "{title}：{value}"),
    "msg.met_none": ("No criterion is shown to be met yet", "尚无已证实达标的指标"),
    "action.collect": ("publish {what}", "补充{what}"),
    # plan steps
    "plan.evidence": ("evidence that it is met", "达标的证据"),
    "plan.meet": ("meet {goal}", "达到{goal}"),
    "plan.publish": ("publish {why}", "补充{why}"),
    "plan.publish_showing": ("publish {why}, showing it meets {goal}", "补充{why}，证明达到{goal}"),
    "plan.mechanism": ("put the mechanism in place, with evidence", "建立该机制并留存证据"),
    "plan.raise": ("raise from {frm} to {op} {to} (+{by})", "由{frm}提高到{op} {to}（+{by}）"),
    "plan.lower": ("lower from {frm} to {op} {to} (−{by})", "由{frm}降低到{op} {to}（−{by}）"),
    "plan.strict": (", strictly beyond", "，须严格超过"),
}

# ipcheck's vocabularies (engine.result.Term): code -> (English, Chinese)
TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "level": {"municipality": ("municipality", "直辖市"), "sub_provincial": ("sub-provincial city", "副省级城市"),
              "provincial_capital": ("provincial capital", "省会城市"),
              "prefecture": ("prefecture-level city", "地级市")},
}

_JOIN = {  # Listed.style: (English separator, Chinese separator)
    "list": (", ", "、"), "codes": (", ", ", "), "alternatives": ("/", "/"), "clauses": ("; ", "；"),
    "series": (", ", "，"), "numbered": ("; ", "；"),
}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _arg(x: Any, lang: str) -> str:
    t = type(x)
    if t is str:
        return x
    if t is int:
        return str(x)
    if t is Q:
        return display(x.value, x.unit, lang)
    if t is Names:
        return x.zh if lang == "zh" else x.en
    if t is Reason:
        return text(x, lang)
    if t is Cmp:
        return OP_SYMBOL[x.op]
    if t is Term:
        return TERMS[x.vocabulary][x.code][lang == "zh"]
    if t is Share:
        return pct(x.value)
    if t is Score:
        return score_text(x.value)
    if t is When:
        if lang == "zh":
            return f"{x.year}年{x.month}月" if x.month else f"{x.year}年"
        return f"{MONTHS[x.month - 1]} {x.year}" if x.month else str(x.year)
    if t is Listed:
        sep = _JOIN[x.style][lang == "zh"]
        items = [_arg(i, lang) for i in x.items]
        if x.style == "numbered":
            items = [f"[{n}] {i}" for n, i in enumerate(items, 1)]
        return sep.join(items)
    if isinstance(x, (Decimal, dt.date)):
        return str(x)
    raise TypeError(f"no word-book form for {t.__name__}")


def named(names: Names, lang: str) -> str:
    """A name given in both languages (an indicator's, a check kind's) in the output's language."""
    return _arg(names, lang)


def colon(lang: str) -> str:
    """What follows a label: a full-width colon in Chinese ("依据："), a colon and a space in English."""
    return PHRASES["sep.colon"][lang == "zh"]


def text(reason: Reason, lang: str) -> str:
    """A reason in one language ("zh" or "en")."""
    out = []
    for phrase in reason:
        template = PHRASES[phrase.code][lang == "zh"]
        out.append(template.format(**{k: _arg(v, lang) for k, v in phrase.args}) if phrase.args else template)
    return "".join(out)


def both(reason: Reason) -> dict[str, str]:
    """A reason in both languages, as the JSON report gives it: {"en": ..., "zh": ...}."""
    return {"en": text(reason, "en"), "zh": text(reason, "zh")}
