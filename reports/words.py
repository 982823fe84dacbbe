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
    # issue 25: a plan judged as a plan, target by target — achievements, the plan verdict, its counts
    "verdict.short": ("; with evidence but short of the target: {ids}", "；有证据但未达标：{ids}"),
    "verdict.name.plan_on_track": ("on track overall", "总体符合预期"),
    "verdict.name.plan_partly_behind": ("partly behind", "部分滞后"),
    "verdict.name.plan_behind": ("behind overall", "总体滞后"),
    "plan.verdict.coverage": ("only {cov} of the targets' weight can be judged (met, on track, behind or missed), "
                              "below the coverage floor of {floor}",
                              "可判断完成情况（已完成、符合预期、滞后或未完成）的目标仅占权重{cov}，低于覆盖率下限{floor}"),
    "plan.verdict.on_track": ("each of the {n} targets judged is met or on track",
                              "已判断的{n}项目标均已完成或进度符合预期"),
    "plan.verdict.partly_behind": ("{n} of the {m} targets judged are behind or missed ({share} of their weight): "
                                   "{ids}", "已判断的{m}项目标中{n}项滞后或未完成（占其权重{share}）：{ids}"),
    "plan.verdict.behind": ("{n} of the {m} targets judged are behind or missed ({share} of their weight, half or "
                            "more): {ids}",
                            "已判断的{m}项目标中{n}项滞后或未完成（占其权重{share}，达到一半及以上）：{ids}"),
    "plan.count.head": ("{n} targets: ", "{n}项目标："),
    "plan.count.met": ("{n} met", "已完成{n}项"),
    "plan.count.early": (" ({n} early)", "（其中提前完成{n}项）"),
    "plan.count.on_track": ("{n} on track", "符合预期{n}项"),
    "plan.count.behind": ("{n} behind", "滞后{n}项"),
    "plan.count.missed": ("{n} missed", "未完成{n}项"),
    "plan.count.no_path": ("{n} whose progress cannot be judged", "无法判断进度{n}项"),
    "plan.count.unknown": ("{n} without evidence", "缺少证据{n}项"),
    "plan.head.targets": ("Target achievement", "目标完成情况"),
    "plan.head.index": ("Achievement index", "达成指数"),
    "plan.index": ("{s} / 100 on the targets with evidence ({cov} of the weight), second to the targets above",
                   "{s} / 100（有证据的目标占权重{cov}；仅供参考，以上方目标完成情况为准）"),
    "plan.doc.now": ("Now: {targets}; {verdict} (achievement index {s}, coverage {cov})",
                     "现状：{targets}；{verdict}（达成指数{s}，覆盖率{cov}）"),
    "plan.doc.method": ("targets behind or missed first", "先补滞后和未完成的目标"),
    "method.plan_steps": ("A plan framework's plan: to be on track overall, every target behind or missed is met; to "
                          "be no more than partly behind (--to nearly_ready), those of the largest weight first until "
                          "they weigh less than half of the targets judged; then, while the targets judged weigh less "
                          "than the coverage floor, the targets without a judgement, largest weight first.",
                          "规划类框架的改进计划：要总体符合预期，须完成全部滞后和未完成的目标；只要求不差于部分滞后时，"
                          "按权重从大到小补齐，直至其权重不足可判断目标的一半；可判断目标的权重低于覆盖率"
                          "下限时，再按权重从大到小补充尚无判断的目标。"),
    "msg.plan_gap_more": ("; {n} more targets are not met", "；另有{n}项目标尚未完成"),
    "msg.plan_met": ("{n} targets met, among them {items}", "已完成{n}项目标，包括{items}"),
    "msg.plan_met_one": ("1 target met: {items}", "已完成1项目标：{items}"),
    "msg.plan_met_count": ("{n} targets met", "已完成{n}项目标"),
    "msg.plan_met_none": ("No target is shown to be met yet", "尚无已证实完成的目标"),
    "plan.body.met": ("Met", "已完成"),
    "chart.index": ("Achievement index by category", "分类达成指数"),
    "plan.body.open": ("Not met yet", "尚未完成"),
    "achievement.met": ("met", "已完成"),
    "achievement.early": ("met early", "提前完成"),
    "achievement.on_track": ("on track", "进度符合预期"),
    "achievement.behind": ("behind", "进度滞后"),
    "achievement.missed": ("missed", "未完成"),
    "achievement.no_path": ("progress cannot be judged", "无法判断进度"),
    "achievement.unknown": ("no evidence", "缺少证据"),
    "achievement.share": (" ({share} of the target reached; no base to draw a path from)",
                          "（已达目标的{share}；无基期值，无法画出进度路径）"),
    "achievement.path": (" (path {ex} in {y})", "（{y}年路径值{ex}）"),
    "method.plan": (
        "A plan is judged target by target, as plan evaluations do: met (before its year: met early); before "
        "its year, on track when at or beyond the path from its base to its target, behind when short of it; "
        "missed when its year is reached and the target is not; a mechanism is met or missed. The base is the"
        " plan's own base value, else the city's figure for the plan's base year; the path is base × "
        "(target/base)^((t − base year)/(target year − base year)), linear from a base of 0. Without a base "
        "there is no path: the share of the target reached is shown, and the target is never counted as on "
        "track. Verdict, on the targets judged (met, on track, behind, missed): below the coverage floor of "
        "their weight, not assessable; none behind or missed, on track overall; behind or missed weighing "
        "less than half, partly behind; half or more, behind overall. The achievement index (the score) comes"
        " second.",
        "规划按目标逐项评价（同规划中期、总结评估）：已完成（目标年之前完成为提前完成）；目标年之前，不低"
        "于由基期值到目标值的路径为进度符合预期，低于路径为进度滞后；到目标年仍未达到为未完成；机制类目标"
        "为已完成或未完成。基期值取规划自身的基期值，否则取城市在规划基期年的数据；路径值 = 基期值 ×"
        " (目标/基期值)^((当年 − 基期年)/(目标年 − 基期年))，基期值为0时按线性。无基期"
        "值则无路径：只列出已达目标的比例，且从不计为符合预期。总体结论按可判断的目标（已完成、符合预期、"
        "滞后、未完成）：其权重低于覆盖率下限为证据不足，无法评定；无滞后或未完成为总体符合预期；滞后与未"
        "完成占其权重不足一半为部分滞后，达到一半及以上为总体滞后。达成指数（得分）列于其后，仅供参考。"),
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
