"""The word book: every phrase ipcheck writes for people, in Chinese and English, and how figures look.

The engine hands over reasons as codes with arguments (`engine.result.Reason`); `text` turns
them into one language. Adding a phrase means adding its code here in both languages.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ..engine.fields import Names
from ..engine.phrases import use_book
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

# What `ipcheck draft` wrote for a title or issuer it did not find, before it left them out: a framework
# drafted then still holds these words; validate warns of them and the reports take them as not stated.
EARLIER_PLACEHOLDERS = frozenset({"文件中未识别出标题", "title not found in the document",
                                  "文件中未识别出发布单位", "issuer not found in the document"})

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
    # issue 25 (items 3–4): the year judged with its reason, figures with their context
    "year.given": ("{year} (given with --year)", "{year}年（按 --year 指定）"),
    "year.target_year": ("{year} (the plan's target year)", "{year}年（目标年）"),
    "year.most_evidence": ("{year} (the year whose figures cover the most weight)",
                           "{year}年（证据覆盖权重最多的年份）"),
    "year.no_evidence": ("{year} (no figures yet: the last full year)", "{year}年（尚无数据：上一完整年度）"),
    "evaluate.no_year": ("no facts to take {fw}'s evaluation year from: give --year",
                         "没有可据以确定{fw}评价年度的数据：请用 --year 指定年度"),
    "year.differ": ("The frameworks are judged in different years: {items}.", "各框架的评价年度不同：{items}。"),
    "year.of": ("{fw} in {year}", "{fw}为{year}"),
    "title.aspirational": (" (aspirational)", "（力争）"),
    "gap.points": ("{sign}{v} percentage points", "{sign}{v}个百分点"),
    "context.times": ("{y}: {v}, already {k} times the target", "{y}{v}，已为目标的{k}倍"),
    "context.above": ("{y}: {v}, already at or above the target of {t}", "{y}{v}，已达到目标{t}"),
    "context.share": ("{y}: {v}, {share} of the target", "{y}{v}，为目标的{share}"),
    "context.was": ("{y}: {v}", "{y}{v}"),
    "standing.coverage": (" (coverage {cov})", "（证据覆盖率{cov}）"),
    "plan.publish_context": ("{ctx}; {why} is needed", "{ctx}；需补充{why}"),
    "chart.rests_on": ("the score rests on {share} of its weight", "得分仅依据该类{share}的权重"),
    # issue 25 (item 6): 新增/培育 … N以上 over a plan period is a count added, not a stock
    "added.needs": ("the count added needs {ind} at the end of {y0} and of {y}",
                    "计算新增数需要{y0}年末和{y}年末的{ind}"),
    "added.rose": ("{ind} rose from {a} (end of {y0}) to {b} ({y}): {d} added",
                   "{ind}由{a}（{y0}年末）增至{b}（{y}年），新增{d}"),
    "describe.added": ("added since {y0} {op} {v} ({y})", "{y0}年以来新增{op} {v}（{y}年）"),
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
    # issue 21 B: the gate every file read and written goes through (app/files.py, cli.py, app/forms.py,
    # app/newcity.py, app/formread.py) and the decider's fallback (engine/decide.py)
    "files.folder_unusable": ("cannot be used as the forms' folder: {why}", "不能用作征集表文件夹：{why}"),
    "files.folder_is_input": ("is an input of this command, not a folder: refusing to write over it",
                              "是本命令读取的输入文件，不是文件夹：拒绝覆盖"),
    "files.not_a_folder": ("is not a folder: name a new or existing folder for the CSV forms",
                           "不是文件夹：请为 CSV 征集表指定一个新的或已有的文件夹"),
    "files.name_too_long": ("the name is longer than {limit} bytes, the longest this file system allows",
                            "名称超过本文件系统允许的 {limit} 字节"),
    "files.changed_since_read": ("changed while this import ran (another import, or an edit): nothing was "
                                 "written; run the import again",
                                 "在导入过程中被修改（另一次导入或手工编辑）：未写入任何内容；请重新导入"),
    "files.stdout_failed": ("cannot print the result ({why}): nothing was written",
                            "无法输出结果（{why}）：未写入任何文件"),
    "files.stale_forms": ("already holds CSV forms ({names}): collect into a new or empty folder, so that filled "
                          "forms are never overwritten and import reads only this collect's sheets",
                          "中已有 CSV 征集表（{names}）：请导出到新的或空的文件夹，以免覆盖已填写的表格，"
                          "并保证导入只读取本次导出的工作表"),
    "files.name_has_break": ("the name holds a line break or another control character",
                             "名称中含有换行符或其他控制字符"),
    "files.sheet_too_big": ("sheet {sheet} reaches cell {cell} ({rows} rows × {cols} columns); a form has at "
                            "most {max_rows} rows and {max_cols} columns: delete what lies beyond the form",
                            "工作表 {sheet} 延伸到单元格 {cell}（{rows} 行 × {cols} 列）；征集表最多 {max_rows} 行、"
                            "{max_cols} 列：请删除表格范围以外的内容"),
    "files.sheet_too_many_cells": ("sheet {sheet} holds {cells} cells; a form has at most {limit}",
                                   "工作表 {sheet} 含 {cells} 个单元格；征集表最多 {limit} 个"),
    "decide.fallback": ("the durable-rules decider failed ({why}); decided with the Python reference decider "
                        "(the same rules, the same results)",
                        "durable-rules 判定器出错（{why}）；已改用 Python 参考判定器判定（规则与结果相同）"),
    # ---- ipcheck draft: reading a plan document, the drafted framework, the review workbook (issues 22, 23)
    "draft.err.no_file": ("no such file", "文件不存在"),
    "draft.err.cannot_read": ("cannot read: {why}", "无法读取：{why}"),
    "draft.err.not_a_file": ("not a regular file", "不是普通文件"),
    "draft.err.too_big": ("file is {size} bytes; a plan document is far smaller (limit {limit})",
                          "文件有{size}字节，超过规划文件的上限（{limit}字节）"),
    "draft.err.too_many_pages": ("the PDF has {n} pages (limit {limit}): not one plan document",
                                 "PDF共{n}页（上限{limit}页），不是一份规划文件"),
    "draft.err.old_format": ("an old Word (.doc) or WPS file: save it as .docx (or PDF with text) first",
                             "旧版Word（.doc）或WPS文件：请先另存为.docx（或带文字的PDF）"),
    "draft.err.suffix": ("not a plan document ipcheck reads: give a {suffixes} file",
                         "不是可读取的规划文件：请提供 {suffixes} 文件"),
    "draft.err.encoding": ("cannot tell the text's encoding: save it as UTF-8 (or GB18030) text",
                           "无法判断文本编码：请另存为UTF-8（或GB18030）编码的文本"),
    "draft.err.damaged": ("not a readable {what} file ({why})", "不是可读取的{what}文件（{why}）"),
    "draft.err.no_text_layer": ("no text layer: run OCR first (a scanned PDF holds pictures of pages)",
                                "没有文字层：请先做OCR文字识别（扫描版PDF只有页面图像）"),
    "draft.err.no_target": ("no target found: the document sets no quantitative target ipcheck can read",
                            "未找到目标：文件中没有可识别的量化目标"),
    "draft.err.exists": ("already exists; draft writes over a file only with --force",
                         "文件已存在；加 --force 才会覆盖"),
    "draft.err.city": ("{city!r} is not a city id: letters, digits, _ . - (starting with a letter)",
                       "{city!r} 不是城市代码：只能用字母、数字和 _ . -，以字母开头"),
    "draft.err.plan_and_from": ("give either a plan document or --from TARGETS.xlsx, not both",
                                "请给出规划文件或 --from 审核表，二者选一"),
    "draft.err.nothing": ("give a plan document (or --from TARGETS.xlsx)", "请给出规划文件（或 --from 审核表）"),
    "draft.found": ("{n} targets, {m} matched to the catalogue, {k} to review; {mech} mechanisms",
                    "共{n}项目标，{m}项对应到指标目录，{k}项待核对；机制类任务{mech}项"),
    "draft.document": ("{title} ({extra})", "{title}（{extra}）"),
    "draft.list_sep": (", ", "，"),
    "draft.review_item": ("  to review: {name} ({where}): {why}", "  待核对：{name}（{where}）：{why}"),
    "draft.no_clause": ("clause not stated", "未注明条款"),
    "draft.next_output": ("Next: review the targets (--xlsx TARGETS.xlsx), then write the framework with "
                          "--output FRAMEWORK.yaml",
                          "下一步：核对目标（--xlsx 审核表.xlsx），再用 --output 框架.yaml 写出框架"),
    "draft.next_from": ("Next: check {xlsx} against the document, then: ipcheck draft --from {xlsx} --city {city} "
                        "--output FRAMEWORK.yaml",
                        "下一步：对照原文核对 {xlsx}，然后：ipcheck draft --from {xlsx} --city {city} "
                        "--output 框架.yaml"),
    "draft.next_validate": ("Next: ipcheck validate {path} && ipcheck test {path}",
                            "下一步：ipcheck validate {path} && ipcheck test {path}"),
    "draft.commented": ("{n} target(s) left commented out in the framework (see the reason above each)",
                        "{n}项目标在框架中以注释保留（原因见各条上方）"),
    "draft.err.nothing_placed": ("none of the {n} targets fits the catalogue as a check: review them in a workbook "
                                 "(--xlsx) and draft from it (--from)",
                                 "{n}项目标均无法作为指标目录中的检查项：请用审核表（--xlsx）核对后再生成（--from）"),
    "draft.yaml.head": ("Drafted by ipcheck draft from {file}: review every criterion against the document.",
                        "由 ipcheck draft 根据 {file} 生成的草稿：请逐条对照原文核对。"),
    "draft.yaml.head2": ("The quote above each criterion is the document's own words; examples follow each target.",
                         "每条上方的注释为原文摘录；examples 由目标生成。"),
    "draft.yaml.note": ("Drafted from {file} by ipcheck draft; thresholds and coverage floor are ipcheck's defaults.",
                        "由 ipcheck draft 根据 {file} 生成；达标线和证据覆盖下限为 ipcheck 默认值。"),
    "draft.yaml.no_lead_unit": ("lead unit not named in the document", "文件未注明牵头单位"),
    "draft.yaml.target_fails": ("the target itself does not pass its check ({got}): check the figures",
                                "目标值本身不能通过检查（{got}）：请核对数值"),
    "draft.yaml.quote": ("quote: {quote}", "原文：{quote}"),
    "draft.yaml.left_out": ("left out (commented): {why}", "未纳入（以注释保留）：{why}"),
    "draft.yaml.proposed": ("proposed indicator id: {id} (add it to your indicators, then uncomment)",
                            "建议的指标代码：{id}（在指标目录中添加后取消注释）"),
    "draft.yaml.mechanisms_unplaced": ("Mechanism tasks without a catalogue indicator (not checked):",
                                       "指标目录中没有对应指标的机制类任务（未纳入检查）："),
    "review.indicator_not_in_catalogue": ("indicator not in the catalogue", "指标目录中没有该指标"),
    "review.year_not_stated": ("year not stated", "未写明目标年份"),
    "review.unit_unclear": ("unit unclear", "单位不明确"),
    "review.year_from_document": ("the sentence names no year: the plan's own year was taken",
                                  "原句未写年份：已取规划本身的目标年"),
    "review.approximate": ("an approximate figure (左右): check the exact target", "约数（左右）：请核对确切目标值"),
    "review.fuzzy_match": ("indicator matched by a similar name only", "仅按相近名称对应到指标"),
    "review.incomplete": ("the text cuts the target off", "原文不完整，目标被截断"),
    "review.aspirational": ("an aspiration (力争), not a firm target", "“力争”目标，非硬性目标"),
    "review.range": ("a range: the lower end is the target", "区间目标：以下限为目标"),
    "review.unit_mismatch": ("its unit does not fit the indicator's ({unit})", "单位与指标单位（{unit}）不符"),
    "review.period_total": ("a total added over the plan period, with no base to add it to: write it as a target "
                            "for the stock (base + added)",
                            "规划期内累计新增数，且未给出基期值：请按“基期值＋新增数”写成存量目标"),
    # the plan's title and issuer (w27reader): read from a page's metadata table or the notice; where the
    # document does not state them, the draft leaves them out and says what to write, validate warns,
    # and the reports say the title is not stated rather than print a placeholder as if it were one
    "draft.yaml.untitled": ("{city} plan drafted from {file}", "根据 {file} 起草的框架"),
    "draft.yaml.no_title": ("the document's title was not found: write it in source as title: \"…\" "
                            "(the full name, as the document gives it), and as the framework's title above",
                            "文件中未识别出标题：请照原文在 source 中写上 title: \"…\"（文件全称），"
                            "并据此改写上面的 title"),
    "draft.yaml.no_issuer": ("the issuer was not found: write issuer: \"…\" here (the office that issued the "
                             "document, as it signs it)",
                             "文件中未识别出发布单位：请在此写上 issuer: \"…\"（发文机关，照文件落款）"),
    "validate.warn": ("warning: ", "提示："),
    "validate.no_title": ("the source document's title is not stated: write title: \"…\" in source "
                          "(the full name, as the document gives it), or the reports say it is not stated",
                          "未写明依据文件的标题：请在 source 中写上 title: \"…\"（文件全称，照原文），"
                          "否则报告中写作“未写明标题的规划文件”"),
    # a drafted framework's title still the draft's (w28misc): validate says so until the analyst names it
    "validate.drafted_title": ("the framework's title is still the one the draft made up: write the plan's name "
                               "as title under framework, as zh: \"…\" and en: \"…\" (the reports are headed "
                               "with it)",
                               "框架标题仍是起草时代拟的占位文字：请在 framework 下把 title 改写为规划名称，"
                               "zh: \"…\" 与 en: \"…\"（报告以此为标题）"),
    "validate.no_issuer": ("the issuer is not stated: write issuer: \"…\" under framework (the office that "
                           "issued the document, as it signs it)",
                           "未写明发布单位：请在 framework 下写上 issuer: \"…\"（发文机关，照文件落款）"),
    "draft.unstated": ("not found in the document: {what} (fill in from the document in the framework; "
                       "validate reminds you)", "文件中未读出：{what}（请照原文补入框架，validate 会提示）"),
    "draft.unstated.title": ("its title", "标题"),
    "draft.unstated.issuer": ("its issuer", "发布单位"),
    "source.untitled": ("a plan document whose title is not stated", "未写明标题的规划文件"),
    "criteria.meta_untitled": ("Source: {doc}", "依据：{doc}"),
    # draft hunt: what a plan document, a review workbook or a drafted framework can hold, and what is refused
    "draft.err.not_word": ("not a Word document: it is {what}; save the plan as .docx (or PDF with text)",
                           "不是Word文档：它是{what}；请将规划另存为.docx（或带文字层的PDF）"),
    "draft.err.not_word.workbook": ("a spreadsheet (.xlsx)", "电子表格（.xlsx）"),
    "draft.err.not_word.slides": ("a presentation (.pptx)", "演示文稿（.pptx）"),
    "draft.err.not_word.odf": ("an OpenDocument file (.odt/.ods)", "OpenDocument文件（.odt/.ods）"),
    "draft.err.not_word.other": ("a zip archive without a Word document in it", "不含Word文档的压缩包"),
    "draft.err.output_suffix": ("{path!r}: the file written must end in {suffix}",
                                "{path!r}：写出的文件名须以 {suffix} 结尾"),
    "draft.err.is_folder": ("is a folder: give a file name", "是文件夹：请给出文件名"),
    "draft.err.too_many_targets": ("the framework drafted from the {n} targets found would be {size} bytes, more than "
                                   "a framework file may be ({limit}): write the workbook (--xlsx) alone, keep the "
                                   "targets you need, then draft from it (--from)",
                                   "由找到的{n}项目标生成的框架将有{size}字节，超过框架文件的上限（{limit}字节）："
                                   "请只写出审核表（--xlsx），保留所需目标后再用 --from 生成框架"),
    # a user's own frameworks and indicators (issue 23): an id the library already has
    "library.clash.framework": ("framework id {id!r} is also defined in {other}: give one of them another id",
                                "框架编号 {id!r} 已在 {other} 中定义：请为其中一个改用其他编号"),
    "library.clash.indicator": ("indicator id {id!r} is also defined in {other}: give one of them another id",
                                "指标代码 {id!r} 已在 {other} 中定义：请为其中一个改用其他代码"),
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
    # a plan not assessable: the index's range, never the index on the known part beside that verdict
    "plan.doc.now_range": ("Now: {targets}; {verdict} (achievement index {range})",
                           "现状：{targets}；{verdict}（达成指数{range}）"),
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
    "plan.progress.changes": ("Achievement changes", "完成情况变化"),
    "plan.progress.none": ("No target changes its achievement from year to year.", "各年之间没有目标改变完成情况。"),
    "method.plan": (
        "A plan is judged target by target, as plan evaluations do: met (before its year: met early); before "
        "its year, on track when at or beyond the path from its base to its target, behind when short of it; "
        "missed when its year is reached and the target is not, on a figure of that year (a figure from before "
        "it that falls short says nothing of how the year ended: no evidence; one that already meets the target "
        "is met); a mechanism is met or missed. The base is the"
        " plan's own base value, else the city's figure for the plan's base year; the path is base × "
        "(target/base)^((t − base year)/(target year − base year)), linear from a base of 0. Without a base "
        "there is no path: the share of the target reached is shown, and the target is never counted as on "
        "track. Verdict, on the targets judged (met, on track, behind, missed): below the coverage floor of "
        "their weight, not assessable; none behind or missed, on track overall; behind or missed weighing "
        "less than half, partly behind; half or more, behind overall. The achievement index (the score) comes"
        " second.",
        "规划按目标逐项评价（同规划中期、总结评估）：已完成（目标年之前完成为提前完成）；目标年之前，不低"
        "于由基期值到目标值的路径为进度符合预期，低于路径为进度滞后；到目标年仍未达到为未完成（须以目标年的数据判定：早于目标年的数据若未达到目标，"
        "不足以说明目标年的情况，为缺少证据；若已达到目标，为已完成）；机制类目标"
        "为已完成或未完成。基期值取规划自身的基期值，否则取城市在规划基期年的数据；路径值 = 基期值 ×"
        " (目标/基期值)^((当年 − 基期年)/(目标年 − 基期年))，基期值为0时按线性。无基期"
        "值则无路径：只列出已达目标的比例，且从不计为符合预期。总体结论按可判断的目标（已完成、符合预期、"
        "滞后、未完成）：其权重低于覆盖率下限为证据不足，无法评定；无滞后或未完成为总体符合预期；滞后与未"
        "完成占其权重不足一半为部分滞后，达到一半及以上为总体滞后。达成指数（得分）列于其后，仅供参考。"),
    # issue 24: the planning and comparison documents (reports/analysis.py, reports/catalogue.py, app/analysis.py)
    "doc.col.seq": ("#", "序"),
    "doc.col.id": ("ID", "编号"),
    "doc.col.criterion": ("Criterion", "指标"),
    "doc.col.status": ("Status", "状态"),
    "doc.col.need": ("What it takes", "需要"),
    "doc.col.lead": ("Lead unit", "牵头单位"),
    "doc.col.rank": ("Rank", "名次"),
    "doc.col.city": ("City", "城市"),
    "doc.col.year": ("Year", "年度"),
    "doc.col.verdict": ("Verdict", "结论"),
    "doc.col.coverage": ("Coverage", "覆盖率"),
    "doc.col.score": ("Score", "得分"),
    "doc.col.possible": ("Possible score", "可能得分"),
    "doc.col.score_interval": ("Score 5–95%", "得分区间(5–95%)"),
    "doc.col.verdict_kept": ("Verdict kept", "结论保持"),
    "doc.col.rank_range": ("Rank range", "名次区间"),
    "doc.col.before": ("Before", "之前"),
    "doc.col.after": ("After", "之后"),
    "doc.col.change": ("Change", "变化"),
    "doc.col.fields": ("Fields", "字段"),
    "plan.doc.title": ("{city}: improvement plan", "{city} 改进计划"),
    "plan.doc.year": ("Evaluation year {year}", "评价年度 {year}"),
    "plan.doc.now_score": ("Now: {verdict}, score {s}, coverage {cov}", "现状：{verdict}，{s} 分，覆盖率 {cov}"),
    "plan.doc.now_lacking": ("Now: {verdict}, {lacking}, a score {range}",
                             "现状：{verdict}，{lacking}，可能得分{range}"),
    "plan.doc.goal": ("Goal: {verdict}", "目标：{verdict}"),
    "plan.doc.reached": ("The goal is already reached.", "已达到目标，无需改进。"),
    "plan.doc.but_lacking": ("But {lacking}: the verdict may change as it comes in (a score {range}).",
                             "但{lacking}，补齐后结论可能改变（可能得分{range}）。"),
    "plan.doc.search.exhaustive": ("exhaustive search", "穷举搜索"),
    "plan.doc.search.greedy": ("greedy search", "贪心搜索"),
    "plan.doc.after": ("After: {verdict}, score {s} on the criteria with evidence "
                       "(coverage {cov}{rest}; {how}{unreached})",
                       "达成后：{verdict}，有证据的指标得分 {s}（覆盖率 {cov}{rest}；{how}{unreached}）"),
    "plan.doc.rest": ("; {rest} of the weight still lacks evidence", "，其余 {rest} 的权重仍缺证据"),
    "plan.doc.unreached": ("; the goal cannot be reached", "，未能达到目标"),
    "compare.title": ("City comparison", "城市比较"),
    "compare.cities": ("{n} cities", "{n} 个城市"),
    "compare.ranking": ("Ranking", "排名"),
    "compare.heat": ("Category scores (heat map)", "分类得分热力图"),
    "compare.matrix": ("Which cities pass each criterion", "各指标达标城市"),
    "compare.counts": ("Cities per status, per criterion", "各指标城市数"),
    "compare.none_ranked": ("No city has enough evidence to be ranked: all {n} are not assessable, listed by "
                            "coverage.",
                            "没有城市的证据覆盖率达到下限，{n} 个城市均不排名，按覆盖率列出。"),
    "compare.one_unranked": ("Only cities with enough evidence are ranked; the other one is not assessable and "
                             "follows, unranked.",
                             "只有证据覆盖率达到下限的城市参与排名；其余 1 个城市证据不足，按覆盖率列出，不排名。"),
    "compare.unranked": ("Only cities with enough evidence are ranked; the other {n} are not assessable and follow, "
                         "unranked, by coverage.",
                         "只有证据覆盖率达到下限的城市参与排名；其余 {n} 个城市证据不足，按覆盖率列出，不排名。"),
    "compare.years": ("The cities are evaluated in different years ({years}): their scores do not compare year for "
                      "year; give --year for one common year.",
                      "各城市的评价年度不同（{years}），得分不能逐年比较；用 --year 指定同一年度。"),
    "progress.title": ("{city}: progress by year", "{city} 逐年进展"),
    "progress.framework": ("{title} ({id})", "{title}（{id}）"),
    "progress.years": ("Year by year", "逐年结果"),
    "progress.changes": ("Status changes", "状态变化"),
    "progress.none": ("No criterion changes status.", "各年之间没有指标改变状态。"),
    "diff.title": ("Framework diff: {a} → {b}", "框架比较：{a} → {b}"),
    "diff.criteria": ("Criteria", "指标变化"),
    "diff.none": ("No criterion differs.", "无变化。"),
    "diff.flips": (" (verdict flips)", "（结论改变）"),
    "diff.changes": ("Status changes: {changes}", "状态改变：{changes}"),
    "catalogue.title": ("Indicator catalogue: {n} indicators", "指标目录：共 {n} 项指标"),
    "catalogue.title_framework": ("Indicator catalogue: the {n} indicators {fw} uses",
                                  "指标目录：{fw} 使用的 {n} 项指标"),
    "catalogue.meta": ("Fact files name indicators by id; values are written as published (5.2万件, 3.6亿元, 95%) and "
                       "converted into the unit listed.",
                       "事实文件按“指标代码”填写；数值按公布值写（如 5.2万件、3.6亿元、95%），换算为所列单位。"),
    "catalogue.heading": ("Indicators", "指标"),
    "catalogue.head.id": ("Indicator", "指标代码"),
    "catalogue.head.name": ("Name", "名称"),
    "catalogue.head.unit": ("Unit", "单位"),
    "catalogue.head.kind": ("Kind", "类型"),
    "catalogue.head.better": ("Better", "方向"),
    "catalogue.head.definition": ("Definition", "定义"),
    "catalogue.head.attributes": ("Attributes and allowed values", "属性及可取值"),
    "catalogue.head.used_by": ("Used by", "使用该指标的评价条目"),
    "catalogue.better.higher": ("higher is better", "越高越好"),
    "catalogue.better.lower": ("lower is better", "越低越好"),
    "catalogue.unit.yes_no": ("yes/no", "有/无"),
    "diff.added": ("added", "新增"),
    "diff.removed": ("removed", "删除"),
    "diff.changed": ("changed", "修改"),
    "diff.field.title": ("title", "标题"),
    "diff.field.category": ("category", "类别"),
    "diff.field.weight": ("weight", "权重"),
    "diff.field.required": ("required", "必备"),
    "diff.field.clause": ("clause", "条款"),
    "diff.field.lead_unit": ("lead unit", "牵头单位"),
    "diff.field.check": ("check", "检查方式"),
    "diff.field.applies_if": ("applies to", "适用范围"),
    "diff.field.aspirational": ("aspirational (力争)", "力争（预期）目标"),
    # the method under plan, compare and progress (reports/analysis.py)
    "method.plan_search": (
        "Plan: meeting a criterion sets its status to pass (score 1); the verdict is recomputed with the "
        "framework's model, thresholds and coverage floor. Every set of 1, 2, 3, … criteria is tried (exhaustive, "
        "up to 20,000 evaluations); among the smallest sets reaching the goal the one with the highest score "
        "is chosen; past that budget, criteria are added one at a time by the largest rise in verdict, then "
        "score, then coverage (greedy). Improvement = target − value (value − target when lower is better).",
        "改进计划：某指标“达标”即其状态为达标、得分为 1，按框架自身的计分模型、门槛和覆盖率下限重新计算结论；"
        "依次尝试 1、2、3……个指标的所有组合（穷举，评估次数上限 20,000），在能达到目标的最小组合中取总分最高者；"
        "超出上限时逐个加入使结论、总分、覆盖率提升最多的指标（贪心）。改进量 = 目标 − 现值（越低越好时为 "
        "现值 − 目标）。"),
    "method.rank": (
        "Ranking: by overall score, highest first; no score ranks last; equal scores share a rank (1, 2, "
        "2, 4). Without --year each city is evaluated for the framework's target year (for the reference "
        "framework, the year of its own fact file whose figures cover the most weight, the later of equals), "
        "as the Year column shows. Heat-map colours step every 10 points.",
        "排名：按总分从高到低，无得分者排在最后；同分同名次（1、2、2、4）。未指定 --year "
        "时，各城市按框架目标年度评价（参考框架按各自事实文件中证据覆盖权重最多的年份，同等时取较晚者），"
        "年度列注明。热力图颜色每 10 分一档。"),
    "method.sensitivity": (
        "Sensitivity: each draw multiplies every criterion weight and category weight by (1 + u), u uniform "
        "in [−w, w], and every measured target by (1 + v), v uniform in [−g, g], then decides and scores "
        "again with the reference semantics (composite criteria keep their result); the seed is fixed, so "
        "results repeat. The score interval is the 5th–95th percentile of the draws (nearest rank); the "
        "rank range is the best and worst rank across draws.",
        "敏感性：每次抽样将每个指标权重和分类权重乘以 (1 + u)，u 在 [−w, w] 均匀分布，"
        "并将每个已测指标的目标乘以 (1 + v)，v 在 [−g, g] 均匀分布，再按参考语义重新判定与计分（组合指标保持原结果）；"
        "随机数种子固定，结果可复现。得分区间为各次抽样的第 5 至第 95 百分位（最近秩法）；"
        "名次区间为各次抽样中的最好与最差名次。"),
    "method.progress": (
        "Progress: each year is evaluated on its own as the evaluation year, with the latest figures in "
        "or before that year (older ones flagged stale).",
        "逐年进展：每一年以该年为评价年度单独评价，所用数据为该年或之前最近一年的数据（更早的数据标注为“陈旧”）。"),
    "catalogue.value": ("{id} ({name})", "{id}（{name}）"),
    "catalogue.attribute": ("{attr} ({name}): {values}", "{attr}（{name}）：{values}"),
}

# ipcheck's vocabularies (engine.result.Term): code -> (English, Chinese)
TERMS: dict[str, dict[str, tuple[str, str]]] = {
    "level": {"municipality": ("municipality", "直辖市"), "sub_provincial": ("sub-provincial city", "副省级城市"),
              "provincial_capital": ("provincial capital", "省会城市"),
              "prefecture": ("prefecture-level city", "地级市"),
              "district": ("district", "市辖区"), "county": ("county", "县（县级市）")},
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


class _Args(dict):
    """A phrase's arguments; one not given (a review code of the reader, without its details) shows as '…'."""

    def __missing__(self, key: str) -> str:
        return "…"


def phrase(code: str, lang: str, **args: Any) -> str:
    """One phrase in one language, its arguments as given; a code the book lacks (a reader's new review
    reason) is shown verbatim rather than lost."""
    pair = PHRASES.get(code)
    if pair is None:
        return code
    return pair[lang == "zh"].format_map(_Args(args))


def both(reason: Reason) -> dict[str, str]:
    """A reason in both languages, as the JSON report gives it: {"en": ..., "zh": ...}."""
    return {"en": text(reason, "en"), "zh": text(reason, "zh")}


# ---- forms: collect, import, init (issue 21): what department staff and analysts read ----
PHRASES |= {
    "form.sheet_extra": ("{at}: a sheet the form did not have: remove it (or copy its rows into the sheet of that "
                         "unit)", "{at}：征集表中没有这个工作表：请删除（或把其中的行抄到相应单位的工作表）"),
    "form.sheet_missing": ("{at}: the sheet is missing (it was renamed or deleted)",
                           "{at}：缺少这个工作表（被改名或删除了）"),
    "form.formula": ("{at}: a formula; type the value itself", "{at}：这是公式，请直接填写数值"),
    "form.merged": ("{at}: merged cells; unmerge them (every cell holds one value)",
                    "{at}：合并单元格，请取消合并（每个单元格只填一个值）"),
    "form.header": ("{at}: header {got} should be {want} (do not rename or move columns)",
                    "{at}：表头 {got} 应为 {want}（不要改名或移动列）"),
    "form.column_extra": ("{at}: a column the form did not have", "{at}：征集表中没有这一列"),
    "form.row_extra": ("{at}: a row the form did not have: remove it (rows cannot be added)",
                       "{at}：征集表中没有这一行，请删除（不能增加行）"),
    "form.rows_missing": ("{at}: rows are missing (rows cannot be deleted)", "{at}：缺少行（不能删除行）"),
    "form.cell_extra": ("{at}: a cell outside the form's columns", "{at}：单元格在征集表的列之外"),
    "form.row_moved": ("{at}: {got} should be {want} (rows cannot be moved or edited)",
                       "{at}：{got} 应为 {want}（行不能移动或修改）"),
    "form.year_date": ("{at}: a date ({got}) where a year is expected; type the year, e.g. {year}",
                       "{at}：这里应填年份，却是日期（{got}）；请填写年份，如 {year}"),
    "form.year_text": ("{at}: {got} is a year stored as text; type it as a number, {year}",
                       "{at}：{got} 是文本格式的年份，请填写数字 {year}"),
    "form.year_fixed": ("{at}: {got} should be {year} (the year is fixed by the form)",
                        "{at}：{got} 应为 {year}（年份由征集表确定，不要修改）"),
    "form.unit": ("{at}: unit {got} should be {want}; convert the value into the form's unit instead",
                  "{at}：单位 {got} 应为 {want}；请把数值换算成表中的单位"),
    "form.value_empty": ("{at}: the value is empty but other cells of the row are filled; fill the value, or clear "
                         "the row", "{at}：该行其他单元格已填写，但填报数值为空；请填写数值，或清空该行"),
    "form.option_only": ("{at}: an option row takes only the value (its source is the row of the fact itself)",
                         "{at}：选项行只填数值（来源即该机制所在行的来源）"),
    "form.option_bad": ("{at}: {got} is not one of the options: choose {choices}",
                        "{at}：{got} 不是可选项，请选择：{choices}"),
    "form.value_bad": ("{at}: {why}", "{at}：{why}"),
    "form.no_bound": ("{at}: a yes/no fact has no bound; clear the cell", "{at}：是/否类指标没有数值性质，请清空"),
    "form.date_for_number": ("{at}: a date where a number is expected", "{at}：这里应填数字，却是日期"),
    "form.over_100": ("{at}: {value}% is more than 100%; type 95% (or 0.95) for 95%",
                      "{at}：{value}% 超过 100%；95% 请填 95% 或 0.95"),
    "form.bound_bad": ("{at}: {got} is not a bound: choose 确切值, 不少于 or 不多于",
                       "{at}：{got} 不是数值性质，请选择：确切值、不少于、不多于"),
    "form.bound_clash": ("{at}: the value says {word} but the bound chosen is {got}",
                         "{at}：数值写明“{word}”，但数值性质选的是 {got}"),
    "form.source_empty": ("{at}: empty; every value names its source (title and publisher)",
                          "{at}：为空；每个数值都须注明来源（来源名称和发布单位）"),
    "form.not_text": ("{at}: {got} is not text", "{at}：{got} 不是文字"),
    "form.too_long": ("{at}: longer than 1,000 characters", "{at}：超过 1000 个字符"),
    "form.date_bad": ("{at}: {got} is not a date; write it as 2024-03-01 (or 2024-03 for a month)",
                      "{at}：{got} 不是日期，请写成 2024-03-01（或只写月份 2024-03）"),
    "form.date_implausible": ("{at}: {got} is not a plausible date of publication", "{at}：{got} 不像是发布日期"),
    "form.date_future": ("{at}: published {got}, after today ({today}): a date of publication cannot be in the future; "
                         "check the year", "{at}：发布日期 {got} 晚于今天（{today}），发布日期不能在将来，请检查年份"),
    "form.date_before_year": ("{at}: published {got}, more than a year before {year}, the year of the figure; check "
                              "the year", "{at}：发布日期 {got} 比数据所属的 {year} 年早一年以上，请检查年份"),
    "form.year_future": ("{at}: {year} has not begun (today is {today}): no figure can be published for it yet; "
                         "leave this row empty", "{at}：{year}年尚未开始（今天是 {today}），还不可能有该年的公布数据，"
                         "请不要填写这一行"),
    "form.duplicate": ("{at}: {ind} {year} is also given in {other} with another value ({a} and {b}): keep one",
                       "{at}：{ind} {year}年 在 {other} 中也有填写，但数值不同（{a} 与 {b}），请只保留一个"),
    "form.more": ("… and {n} more problems (fix these and import again)", "……另有 {n} 处问题（先改正以上各处再导入）"),
    "form.not_form": ("not a form made by `ipcheck collect` (no {part} part)",
                      "不是 ipcheck collect 生成的征集表（没有 {part} 部分）"),
    "form.other_format": ("not a form this ipcheck reads (its {part} part is not {fmt})",
                          "不是本版 ipcheck 能读的征集表（其 {part} 部分不是 {fmt}）"),
    "form.damaged": ("the form's {part} part is damaged; collect the forms again",
                     "征集表的 {part} 部分已损坏，请重新生成征集表"),
    "form.other_catalogue": ("the form asks for {key}, which this catalogue does not have (made with other criteria? "
                             "use the same --criteria)",
                            "征集表所列的 {key} 不在本指标目录中（用其他评价标准生成？请用同一个 --criteria）"),
    "form.other_city": ("the forms were made for {got}, not for {want} ({path})",
                        "这份征集表是为 {got} 生成的，不是 {want}（{path}）"),
    "form.one_csv": ("one CSV file: import reads the folder the CSV forms are in (ipcheck import DIR)",
                     "单个 CSV 文件：请导入 CSV 征集表所在的文件夹（ipcheck import 文件夹）"),
    "form.not_xlsx": ("{what}: ipcheck reads .xlsx forms only; save it as an Excel workbook (.xlsx)",
                      "{what}：ipcheck 只读 .xlsx 征集表，请另存为 Excel 工作簿（.xlsx）"),
    "form.unreadable": ("not a readable .xlsx workbook ({why})", "不是可读的 .xlsx 工作簿（{why}）"),
    "form.csv_only": ("not part of the forms (a CSV form folder holds .csv files only)",
                      "不属于征集表（CSV 征集表文件夹只含 .csv 文件）"),
    "form.csv_utf8": ("not UTF-8 text: save the CSV as UTF-8", "不是 UTF-8 文本，请将 CSV 另存为 UTF-8 编码"),
    "form.csv_bad": ("not a readable CSV file ({why})", "不是可读的 CSV 文件（{why}）"),
    "form.missing_path": ("no such file or folder", "文件或文件夹不存在"),
    "form.fact_conflict": ("{at}: {city} already has {ind} {year} = {old} (source {source}); the form says {new}: "
                           "check which is right, or import with --replace",
                           "{at}：{city}已有 {ind} {year}年 = {old}（来源 {source}），征集表填的是 {new}："
                           "请核实哪个正确，或用 --replace 导入"),
    "form.attr_orphan": ("{at}: {attr} is given but {ind} has no value for {year}: fill the 是/否 row of that year too",
                         "{at}：填写了{attr}，但 {ind} 没有 {year}年 的数值：请同时填写该年的是/否行"),
    "form.attr_conflict": ("{at}: {city} already has {ind} {year} {attr} = {old}; the form says {new}: check which "
                           "is right, or import with --replace",
                           "{at}：{city}已有 {ind} {year}年 {attr} = {old}，征集表填的是 {new}：请核实哪个正确，"
                           "或用 --replace 导入"),
    "form.merge_failed": ("the merged file would not validate ({why}); nothing was written (please report this)",
                          "合并后的文件无法通过校验（{why}），未写入任何内容（请报告此问题）"),
    "merge.flow": ("{key} is written in flow style ({{...}} on one line): write it as a block, one entry per line, "
                   "and import again", "{key} 写成了流式（{{...}} 在一行内）：请改为块式（每项一行）后再导入"),
    "merge.comment": ("cannot add the facts without losing the comment {comment}; add them by hand",
                      "无法在保留注释 {comment} 的同时加入数据，请手工添加"),
    "merge.line": ("cannot add the facts without changing this line; add them by hand",
                   "无法在不改动这一行的情况下加入数据，请手工添加"),
    "import.head": ("{city}: {forms} → {path}", "{city}：{forms} → {path}"),
    "import.added": ("added", "新增"),
    "import.replaced": ("replaced", "替换"),
    "import.attribute": ("set", "补充"),
    "import.was": (" (was {old})", "（原为 {old}）"),
    "import.source": ("  new source {key}: {title}", "  新增来源 {key}：{title}"),
    "import.source_low": ("  new source {key}: {title} (no document number or address: confidence low)",
                          "  新增来源 {key}：{title}（未填网址或文号：可信度为低）"),
    "import.same": ("  {n} already in the file, unchanged", "  {n} 项与文件中已有数值相同，未改动"),
    "import.nothing": ("Nothing to change.", "没有需要写入的改动。"),
    "import.moves": ("{fw} ({year}): coverage {a} → {b}; verdict {va} → {vb}",
                     "{fw}（{year}年）：覆盖率 {a} → {b}；结论 {va} → {vb}"),
    "import.no_change": ("{fw} ({year}): no change", "{fw}（{year}年）：无变化"),
    "import.criterion": ("  {id} {title}: {a} → {b}", "  {id} {title}：{a} → {b}"),
    "import.dry_run": ("Dry run: nothing written.", "试运行：未写入任何文件。"),
    "import.kept": ("All {n} comment lines, the order and the layout of the file are kept.",
                    "原文件的 {n} 行注释、顺序与格式均已保留。"),
    "import.at_least": ("at least {v}", "不少于{v}"),
    "import.at_most": ("at most {v}", "不多于{v}"),
    "import.yes": ("yes", "是"),
    "import.no": ("no", "否"),
    "init.empty": ("; no figures yet.", "，尚无任何数据。"),
    "init.filled": ("; figures imported from forms ({day}).", "，数据已由征集表导入（{day}）。"),
    "init.exists": ("already exists; init never overwrites a fact file (choose --output)",
                    "文件已存在；init 从不覆盖事实文件（请用 --output 另选文件名）"),
    "init.done": ("{city}: {path} lists {n} indicators ({fws}); no figures yet.\n"
                  "Next: ipcheck collect {path} --year {year} --xlsx forms.xlsx",
                  "{city}：{path}，列出 {n} 项指标（{fws}），尚无数据。\n"
                  "下一步：ipcheck collect {path} --year {year} --xlsx 数据征集表.xlsx"),
    "collect.head": ("{city}: {rows} rows to fill, for {units} units", "{city}：{units} 个单位，{rows} 行待填报"),
    "collect.sheet": ("  {sheet}: {rows} rows", "  {sheet}：{rows} 行"),
    "collect.sheet_choice": ("  {sheet}: {rows} rows ({groups} groups where one row of several is enough)",
                             "  {sheet}：{rows} 行（其中 {groups} 组填其中一项即可）"),
    "out.wrote": ("wrote {path}", "已写入 {path}"),
    "validate.ok": ("{n} files valid", "{n} 个文件有效"),
    "validate.ok_one": ("1 file valid", "1 个文件有效"),
    "validate.count": ("{n} problems in this file", "该文件共 {n} 处问题"),
    "validate.count_cut": ("{n} problems in this file, the first {shown} shown above",
                           "该文件共 {n} 处问题，上面只列出前 {shown} 处"),
}


def joined(items, style: str, lang: str) -> str:
    """Items joined as a list of `style` (`_JOIN`: "list" 、/, , "series" ，/, , "clauses" ；/; )."""
    return _JOIN[style][lang == "zh"].join(items)

# ---- the readiness report and its helpers (issue 24: one phrase book): the words of reports/labels.py,
# readiness.py, explain.py, charts.py, docx_report.py and markdown.py; a plan framework's own words (issue 25) ----
PHRASES |= {
    # a criterion's status in a report
    "label.status.pass": ("pass", "达标"),
    "label.status.partial": ("partial", "部分达标"),
    "label.status.fail": ("fail", "未达标"),
    "label.status.unknown": ("unknown — evidence missing", "未知（缺证据）"),
    "label.status.not_applicable": ("not applicable", "不适用"),
    "label.status.waived": ("waived", "豁免"),
    "label.status.error": ("error (bad data)", "数据错误"),
    # a status in a table cell
    "label.short.pass": ("pass", "达标"),
    "label.short.partial": ("partial", "部分达标"),
    "label.short.fail": ("fail", "未达标"),
    "label.short.unknown": ("unknown", "未知"),
    "label.short.not_applicable": ("not applicable", "不适用"),
    "label.short.waived": ("waived", "豁免"),
    "label.short.error": ("error", "错误"),
    # the categories of criteria
    "category.creation": ("creation", "创造"),
    "category.utilisation": ("utilisation", "运用"),
    "category.protection": ("protection", "保护"),
    "category.management": ("management", "管理"),
    "category.services": ("services", "服务"),
    "category.organisation": ("organisation", "组织保障"),
    "category.funding": ("funding", "经费保障"),
    "category.supervision": ("supervision", "督查考核"),
    # column and line heads
    "head.status": ("Status", "状态"),
    "head.id": ("ID", "编号"),
    "head.criterion": ("Criterion", "指标"),
    "head.value": ("Value (year)", "现值（年份）"),
    "head.target": ("Target", "目标"),
    "head.gap": ("Gap", "差距"),
    "head.score": ("Score", "得分"),
    "head.weight": ("Weight", "权重"),
    "head.lead": ("Lead unit", "牵头单位"),
    "head.clause": ("Clause", "条款"),
    "head.verdict": ("Verdict", "结论"),
    "head.overall": ("Score", "总分"),
    "head.source": ("Source", "依据"),
    "head.year": ("Evaluation year", "评价年度"),
    "head.categories": ("Categories", "分类得分"),
    "head.missing": ("Missing evidence", "缺失证据"),
    "head.evidence": ("Evidence", "证据"),
    "head.range": ("Possible score", "可能得分"),
    # the deciders
    "engine.durable": ("durable-rules", "durable-rules 规则引擎"),
    "engine.python": ("Python reference decider", "Python 参考判定器"),
    # the scoring models
    "model.xccdf_default": ("XCCDF default", "XCCDF 默认模型"),
    "model.flat": ("XCCDF flat", "XCCDF 平面模型"),
    "model.flat_unweighted": ("XCCDF flat unweighted", "XCCDF 平面不加权模型"),
    "model.absolute": ("XCCDF absolute", "XCCDF 绝对模型"),
    # `ipcheck explain`
    "explain.framework": ("framework", "评价框架"),
    "explain.clause": ("clause", "条款"),
    "explain.lead": ("lead unit", "牵头单位"),
    "explain.city": ("city", "城市"),
    "explain.year": ("evaluation year", "评价年度"),
    "explain.check": ("check", "检查方式"),
    "explain.weight": ("weight", "权重"),
    "explain.required": ("required (a gate for the verdict)", "必备指标（结论的门槛）"),
    "explain.status": ("status", "状态"),
    "explain.score": ("score", "得分"),
    "explain.value": ("value", "现值"),
    "explain.target": ("target", "目标"),
    "explain.gap": ("gap", "差距"),
    "explain.why": ("why", "理由"),
    "explain.formula": ("formula", "公式"),
    "explain.history": ("history", "历年数据"),
    "explain.facts": ("facts used", "所用数据"),
    "explain.missing": ("evidence missing", "缺失的证据"),
    "explain.read": ("read", "读取于"),
    "explain.confidence": ("confidence", "可信度"),
    "explain.note": ("note", "备注"),
    "explain.waiver": ("waiver", "豁免"),
    "explain.expires": ("expires", "到期"),
    "explain.path": ("path", "路径"),
    "explain.expected": ("expected", "应达"),
    "explain.observed": ("observed", "实际"),
    "explain.on_track": ("on track", "进度达标"),
    "explain.behind": ("behind", "落后于路径"),
    "explain.growth_observed": ("growth observed", "已观察年均增长"),
    "explain.growth_needed": ("growth still needed", "达标尚需年均增长"),
    "explain.a_year": (" a year", ""),
    "explain.pace": ("at the observed pace the target is reached in {y}", "按已观察增速将于{y}年达标"),
    "explain.method": ("Method", "方法"),
    # a measurement's state
    "explain.state.measured": ("measured", "已测得"),
    "explain.state.unknown": ("unknown", "未知"),
    "explain.state.not_applicable": ("not applicable", "不适用"),
    "explain.state.error": ("error", "数据错误"),
    "explain.state.composite": ("combined", "组合"),
    # `ipcheck criteria`
    "catalogue.criteria": ("{n} criteria", "{n}项指标"),
    "catalogue.required": ("required", "必备"),
    "catalogue.weight": ("weight", "权重"),
    "catalogue.plan": ("plan", "城市规划"),
    "catalogue.reference": ("reference", "参考框架"),
    "catalogue.benchmark": ("benchmark", "国家基准"),
    "catalogue.targets": ("{n} targets", "{n}项目标"),
    "criteria.title": ("Frameworks: {n}", "评价框架：共 {n} 个"),
    "criteria.title_framework": ("{fw}: {title}", "{fw}：{title}"),
    "criteria.meta": ("Source: {source}", "依据：《{source}》"),
    "criteria.source": (" ({source})", "《{source}》"),
    "criteria.heading": ("Frameworks", "评价框架"),
    "criteria.heading_framework": ("Criteria", "评价条目"),
    "criteria.head.id": ("Framework", "框架编号"),
    "criteria.head.kind": ("Kind", "类型"),
    "criteria.head.count": ("Criteria", "条目数"),
    "criteria.head.title": ("Title and source document", "名称及依据文件"),
    "criteria.head.criterion": ("Id", "编号"),
    "criteria.head.category": ("Category", "类别"),
    "criteria.head.weight": ("Weight", "权重"),
    "criteria.head.required": ("Required", "必备"),
    "criteria.head.check": ("Check", "判定方式"),
    "criteria.head.clause": ("Clause", "条款"),
    "criteria.head.name": ("Title", "名称"),
    # the charts
    "chart.no_evidence": ("no evidence", "无证据"),
    "chart.ready": ("ready threshold", "“已具备条件”门槛"),
    "chart.score": ("score", "得分"),
    "chart.target": ("target", "目标"),
    "chart.judged": ("year judged", "评价年度"),
    "chart.coverage": ("coverage", "证据覆盖率"),
    "chart.range": ("possible score range", "可能得分区间"),
    # the PDF/HTML/Word report
    "report.report": ("IP demonstration-city readiness report", "知识产权示范城市建设评估报告"),
    "report.contents": ("Contents", "目录"),
    "report.gaps": ("Gap analysis", "差距分析"),
    "report.source_doc": ("Source document", "依据文件"),
    "report.eval_year": ("Evaluation year", "评价年度"),
    "report.as_of": ("As of", "基准日"),
    "report.score": ("Score", "得分"),
    "report.coverage": ("Coverage", "证据覆盖率"),
    "report.fix_first": ("Fix first (overall score gained if met)", "优先补齐（达标后总分提升）"),
    "report.data_age": ("Data age and target years", "数据时效与目标年份"),
    "report.radar": ("Category scores against the ready threshold", "分类得分与“已具备条件”门槛"),
    "report.needed": ("growth still needed", "达标尚需年均增长"),
    "report.observed": ("growth observed", "已观察年均增长"),
    "report.no_missing": ("No evidence is missing.", "没有缺失证据。"),
    "report.needs": ("Needed", "需要"),
    "report.waivers": ("Waivers", "豁免事项"),
    "report.justification": ("Justification", "理由"),
    "report.expires": ("Expires", "到期日"),
    "report.expired": ("expired: no longer applies", "已过期，不再适用"),
    "report.active": ("active", "有效"),
    "report.indicator": ("Indicator", "指标项"),
    "report.year": ("Year", "年份"),
    "report.value": ("Value", "数值"),
    "report.publisher": ("Publisher", "发布者"),
    "report.read": ("Read", "读取日期"),
    "report.confidence": ("Confidence", "可信度"),
    "report.not_official": (
        "The reference framework is derived from five city documents; it is not an official CNIPA table.",
        "参考框架据五份城市文件归纳，并非国家知识产权局官方评价表。"),
    "report.generated": ("Generated by ipcheck {v}", "由 ipcheck {v} 生成"),
    "report.category_weight": ("Category weight", "分类权重"),
    "report.thresholds": ("Verdict thresholds", "结论门槛"),
    "report.floor": ("Coverage floor", "覆盖率下限"),
    "report.goalposts": ("Partial credit", "部分得分"),
    "report.inputs": ("Input files (SHA-256)", "输入文件（SHA-256）"),
    "report.action": ("Action", "行动"),
    "report.due": ("Target year", "目标年份"),
    "report.met": ("What is met", "已达标"),
    "report.not_met": ("What is not met", "未达标"),
    "report.none_met": ("No criterion is shown to be met yet.", "尚无已证实达标的指标。"),
    "report.none_short": ("No criterion with evidence falls short.", "有证据的指标中没有未达标项。"),
    "report.lacking_see": (
        "{n} criteria lack evidence: what to collect, by lead unit, is in appendix B.",
        "{n}项指标缺少证据，需补充的证据按牵头单位列于附录B。"),
    "report.appendix": ("Appendix", "附录"),
    "report.app_criteria": ("Appendix A. Every criterion", "附录A　指标评价明细"),
    "report.app_evidence": ("Appendix B. Evidence to collect, by lead unit", "附录B　需补充的证据（按牵头单位）"),
    "report.app_method": ("Appendix C. Method", "附录C　评价方法"),
    "report.app_sources": ("Appendix D. Sources", "附录D　数据来源"),
    "report.for_criteria": ("For", "用于"),
    "report.documents": ("Source documents", "依据文件"),
    "report.data": ("Figures", "数据"),
    "report.required_note": ("* required (a gate for the verdict)", "* 必备指标（门槛）"),
    "report.reached_at_pace": ("reached at the observed pace in", "按已观察增速达标年份"),
    "report.file": ("File", "文件"),
    # a figure's confidence
    "confidence.high": ("high", "高"),
    "confidence.medium": ("medium", "中"),
    "confidence.low": ("low", "低"),
    # the scoring models' formulas
    "method.model.xccdf_default": (
        "XCCDF default model (NISTIR 7275r4 §3.3.1): category = 100 × Σ(w × s) / Σw over criteria with evidence; "
        "overall = the category-weighted mean of category scores.",
        "XCCDF 默认模型（NISTIR 7275r4 §3.3.1）：分类得分 = 100 × Σ(权重×得分) / Σ权重（仅计有证据的指标）；总分 "
        "= 各分类得分按分类权重的加权平均。"),
    "method.model.flat": (
        "XCCDF flat model: overall = 100 × Σ(w × s) / Σw over criteria with evidence.",
        "XCCDF 平面模型：总分 = 100 × Σ(权重×得分) / Σ权重（仅计有证据的指标）。"),
    "method.model.flat_unweighted": (
        "XCCDF flat unweighted model: overall = 100 × Σs / n over criteria with evidence.",
        "XCCDF 平面不加权模型：总分 = 100 × Σ得分 / 指标数（仅计有证据的指标）。"),
    "method.model.absolute": (
        "XCCDF absolute model: 100 if every criterion with evidence passes, else 0.",
        "XCCDF 绝对模型：所有有证据的指标均达标为 100，否则为 0。"),
    # the verdicts of a readiness framework (a plan's are above)
    "verdict.name.ready": ("ready", "已具备条件"),
    "verdict.name.nearly_ready": ("nearly ready", "基本具备条件"),
    "verdict.name.not_ready": ("not ready", "尚不具备条件"),
    "verdict.name.not_assessable": ("not assessable", "证据不足，无法评定"),
    # the method
    "verdict.provisional_mark": (" (provisional)", "（暂定）"),
    "source.compiled": ("summarised by ipcheck", "本工具归纳"),
    "method.goalposts": (
        "pass scores 1, fail 0; between baseline and target, partial credit clamp((value − baseline)/(target − "
        "baseline), 0, 1), or value/target without a baseline (target/value when lower is better). Trajectories "
        "take the base value as baseline and the path value for the year as target. Coverage = weight with "
        "evidence / weight applicable and not waived; below the floor the verdict is \"not assessable\". Unknown "
        "is neither a fail nor ignored.",
        "达标得 1，未达标得 0；介于基线与目标之间按 (现值 − 基线)/(目标 − 基线) 计部分得分（限于0与1之间），无基"
        "线时为 现值/目标（越低越好时为 目标/现值）。路径类指标以基期值为基线、以当年路径值为目标。覆盖率 = 有证"
        "据指标的权重 / 适用且未豁免指标的权重；低于覆盖率下限时结论为“证据不足，无法评定”。未知（缺证据）既不计"
        "为未达标，也不被忽略。"),
    "method.data_age": (
        "Data age: a figure's age is the year judged minus its year (a stock published for a month, such as 'as "
        "of September', is not year-end and counts a year older). Stocks and rates per capita may be one year "
        "older, mechanisms two, flagged stale; yearly flows, counts and shares must be of the year judged — the "
        "previous year's is shown as indicative and scores nothing; anything older is 'unknown — latest figure "
        "too old', shown as context. A framework or criterion may set other limits (max_age). Target years: a "
        "target with a year is judged in that year against that year's figure; before it, on track or off track "
        "on the path, or the latest figure against the target, marked as a projection. A growth target is the "
        "growth into the year judged. Score range: the low end with every criterion without evidence failed, the "
        "high end with every one met.",
        "数据时效：数据的年龄 = 评价年度 − 数据年份（按月公布的存量数据，如“截至9月”，不视为年末数据，按早一年计"
        "）。存量及按人口计算的比率最多可早1年，机制类最多可早2年，均标注“陈旧”；年度流量、次数和比例须为评价年度"
        "的数据，上一年的数据仅作参考、不计分；更早的数据视为“未知——最新数据过旧”，仅作背景列出。框架和指标可另行"
        "规定时效上限。目标年份：带年份的目标到该年份时以该年份的数据判定；此前按路径判断是否“进度达标”，或以最新"
        "数据对照目标，并注明为“预测”。增长率指标一律为评价年度相对上一年的增长。得分区间：缺证据的指标全部未达标"
        "时的得分为下限，全部达标时为上限。"),
    "method.planning": (
        "the overall score if the criterion were met (status pass, full marks), recomputed with the same model, "
        "minus the score now; meeting an unknown criterion also raises coverage by its weight over the "
        "applicable weight. Trends: growth observed = (last/first)^(1/years) − 1; growth still needed = "
        "(target/last)^(1/(target year − last year)) − 1; year reached at the observed pace = last year + "
        "⌈ln(target/last) / ln(1 + observed)⌉. A trajectory's path value in year t = base × (target/base)^((t − "
        "base year)/(target year − base year)).",
        "某指标达标（状态为达标、满分）后按同一模型重新计算的总分与现总分之差；未知指标达标还会提高覆盖率（覆盖率"
        "提升 = 其权重 / 适用权重）。趋势：已观察年均增长 = (末值/首值)^(1/年数) − 1；达标尚需年均增长 = (目标/末"
        "值)^(1/(目标年 − 末值年)) − 1；按已观察增速达标年份 = 末值年 + ⌈ln(目标/末值) / ln(1 + 已观察增长)⌉。路"
        "径类指标的当年路径值 = 基期值 × (目标/基期值)^((当年 − 基期年)/(目标年 − 基期年))。"),
    "assumed.title": (
        "assumption given with --set, not a published figure",
        "假设：命令行 --set 给出的数值，并非公布数据"),
    "assumed.publisher": ("ipcheck (what-if)", "ipcheck（假设分析）"),
    # the evaluation's text: headline, cells, counts, what follows the table
    "headline.score": ("{score} / 100 on {cov} of the weight with evidence", "{score} / 100（有证据的权重占 {cov}）"),
    "gap.share": (" ({share}%)", "（{share}%）"),
    "parts.counts": ("{n} parts: {items}", "{n}项子条件：{items}"),
    "parts.count": ("{n} {status}", "{status}{n}"),
    "counts.item": ("{status} {n}", "{status} {n}"),
    "counts.item_colon": ("{status}: {n}", "{status}：{n}"),
    "framework.version": ("{fw} v{v}", "{fw} 第{v}版"),
    "source.line": ("{doc}{extra}, {issuer}", "{doc}{extra}，{issuer}"),
    "source.titled": ("《{title}》", "《{title}》"),
    "source.extra": (" ({items})", "（{items}）"),
    "header.year": ("{year} · engine {engine} · model {model}", "{year} · 判定引擎 {engine} · 计分模型 {model}"),
    "trend.line": ("{id}: {items}", "{id}: {items}"),
    "trend.observed": ("observed {v} a year", "已观察年均增长 {v}"),
    "trend.needed": ("needed {v} a year", "达标尚需年均增长 {v}"),
    "trend.on_track": ("on track", "进度达标"),
    "trend.off_track": ("off track", "落后于路径"),
    "trend.pace": ("at this pace reached in {y}", "按当前增速 {y}年达标"),
    "followup.fix": ("Fix first (score gained if met): {items}", "优先补齐（达标后总分提升）：{items}"),
    "followup.fix_item": ("{id}\u00a0+{gain}", "{id}\u00a0+{gain}"),
    "followup.fix_cov": ("\u00a0(coverage\u00a0+{cov})", "（覆盖率\u00a0+{cov}）"),
    "followup.collect": ("Collect this evidence first (coverage gained, score range narrowed): {items}",
                         "优先收集以下证据（提高覆盖率、缩小得分区间）：{items}"),
    "followup.collect_item": ("{id}\u00a0coverage\u00a0+{cov}", "{id}\u00a0覆盖率\u00a0+{cov}"),
    "followup.collect_range": (", range narrows by\u00a0{r}", "，区间缩小\u00a0{r}"),
    "followup.trends": ("Trends:", "趋势："),
    "followup.assumed": ("Assumptions (--set, not published figures): {items}", "假设（--set，非公布数据）：{items}"),
    "sensitivity.line": ("{fw} sensitivity: {draws} draws (weights ±{w}, targets ±{g}, seed {seed}): score 5–95% "
                         "{p5}–{p95}, verdict '{verdict}' kept in {kept} of draws",
                         "{fw} 敏感性：{draws} 次抽样（权重 ±{w}，目标 ±{g}，种子 {seed}），得分 5–95% 区间 "
                         "{p5}–{p95}，结论“{verdict}”保持 {kept}"),
    "formula.target": ("target", "目标"), "formula.published": ("published", "公布的"),
    "formula.exists": ("exists", "具备"), "formula.and": ("and", "且"), "formula.in": ("in", "属于"),
    "formula.vs": ("vs", "对比"), "formula.base": ("base", "基期值"),
    # the readiness report (reports/readiness.py) and its documents
    "report.page": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "report.brief_meta": ("{year} · {source}", "{year}　{source}"),
    "report.brief_year": (" ({y})", "（{y}）"),
    "report.count_head": ("{head} ({n})", "{head}（{n}）"),
    "report.range_line": ("{range}", "可能得分：{range}"),
    "report.subtitle_as_of": ("{subtitle} · {as_of}", "{subtitle}　{as_of}"),
    "report.labelled": ("{label}: ", "{label}："),
    "report.facts_gap": (" · ", "　"),
    "report.growth": ("{label} {span}: {v} a year", "{label}（{span}）：{v}"),
    "report.weights_gap": (" · ", "　"),
    "sep.comma": (", ", "，"),
    "report.source_gap": (" · ", "　"),  # between a page-1 action's lead unit and its year
    # `ipcheck explain` (reports/explain.py)
    "explain.score_in": (" (score {s})", "（得分 {s}）"),
    "explain.path_line": ("path: {base} in {base_year} → {target} in {target_year}; expected {expected} in {year}, "
                          "observed {value} ({state})",
                          "路径：{base_year}年{base} → {target_year}年{target}；{year}年应达{expected}，"
                          "实际{value}（{state}）"),
    "explain.history_of": ("{head} ({ind}): ", "{head}（{ind}）："),
    "explain.history_item": ("{y} {v}", "{y}年 {v}"),
    "explain.fact_year": ("{y}", "{y}年"),
    # the charts (reports/charts.py)
    "chart.coverage_share": ("coverage {share}", "证据覆盖{share}"),
    "chart.with_unit": ("{name} ({unit})", "{name}（{unit}）"),
    "chart.target_at": ("target {v} ({y})", "目标 {v}（{y}）"),
    # issue 25: a plan framework says targets, achievements and its index where a readiness framework says criteria,
    # statuses and its score (terminal, Markdown, page 1 of the PDF/HTML and Word)
    "plan.head.status": ("Achievement", "完成情况"),
    "plan.head.criterion": ("Target", "目标"),
    "plan.head.target": ("Target value", "目标值"),
    "plan.head.score": ("Index", "指数"),
    "plan.head.categories": ("Index by category", "分类达成指数"),
    "plan.head.range": ("Possible index", "达成指数可能区间"),
    # issue 25, `ipcheck compare` over a plan framework: targets, achievements and the achievement index where a
    # readiness framework's comparison says criteria, statuses and scores
    "compare.plan.heat": ("Achievement index by category (heat map)", "分类达成指数热力图"),
    "compare.plan.matrix": ("Each target's achievement, city by city", "各目标完成情况"),
    "compare.plan.counts": ("Cities per achievement, per target", "各目标完成情况城市数"),
    "compare.plan.index_interval": ("Index 5–95%", "达成指数区间(5–95%)"),
    "method.plan_rank": (
        "Ranking: by achievement index, highest first; no index ranks last; equal indices share a rank (1, 2, 2, "
        "4); the target counts and the verdict lead, the index is second to them. Without --year each city is "
        "evaluated for the plan's target year, as the Year column shows. Heat-map colours step every 10 points.",
        "排名：按达成指数从高到低，无指数者排在最后；同指数同名次（1、2、2、4）；以目标完成情况和结论为准，"
        "达成指数仅供参考。未指定 --year 时，各城市按规划目标年度评价，年度列注明。热力图颜色每 10 分一档。"),
    "verdict.plan_provisional": ("were every target without evidence missed, the verdict would be '{v}' "
                                 "(achievement index {s})", "缺少证据的目标若均未完成，结论将为“{v}”（达成指数{s}）"),
    "plan.known": ("{score} on the targets with evidence ({cov} of the weight)",
                   "有证据的目标达成指数{score}（占权重{cov}）"),
    "followup.plan_fix": ("Act first (achievement index gained if met): {items}",
                          "优先推进（完成后达成指数提升）：{items}"),
    "followup.plan_fix_item": ("{id} ({a})\u00a0+{gain}", "{id}（{a}）\u00a0+{gain}"),
    "followup.plan_collect": ("Collect this evidence first (targets judged, index range narrowed): {items}",
                              "优先收集以下证据（增加可判断的目标、缩小达成指数区间）：{items}"),
    "followup.plan_collect_range": (", index range narrows by\u00a0{r}", "，指数区间缩小\u00a0{r}"),
    "trend.plan_needed": ("needed to meet it {v} a year", "完成尚需年均增长 {v}"),
    "trend.plan_on_track": ("on track", "进度符合预期"),
    "trend.plan_off_track": ("behind the path", "进度滞后"),
    "trend.plan_pace": ("at this pace met in {y}", "按当前增速 {y}年完成"),
    "msg.plan_no_gap": ("None of the {n} targets with evidence is behind or missed",
                        "有证据的{n}项目标均无滞后或未完成"),
    "msg.plan_no_gap_one": ("The one target with evidence is neither behind nor missed",
                            "唯一有证据的目标无滞后或未完成"),
    "msg.plan_no_evidence": ("No target has evidence yet, so none can be judged",
                             "尚无任何目标有证据，完成情况无法判断"),
    "msg.plan_holes": ("The {n} targets without evidence carry {share} of the weight",
                       "缺少证据的{n}项目标占权重{share}"),
    "msg.plan_holes_all": ("Evidence is needed for all {m} targets, in every category",
                           "全部{m}项目标均需补充证据，涉及所有类别"),
    "msg.plan_holes_none": ("Every target has evidence", "全部目标均有证据"),
    "report.plan_none_met": ("No target is shown to be met yet.", "尚无已证实完成的目标。"),
    "report.plan_none_short": ("No target with evidence is behind or missed.", "有证据的目标中没有滞后或未完成项。"),
    # a plan target's parts (a combined target), counted in plan words: '2项子条件：已满足1，缺少证据1'
    "plan.part.pass": ("met", "已满足"), "plan.part.partial": ("partly met", "部分满足"),
    "plan.part.fail": ("not met", "未满足"), "plan.part.unknown": ("no evidence", "缺少证据"),
    "plan.part.not_applicable": ("not applicable", "不适用"), "plan.part.waived": ("waived", "豁免"),
    "plan.part.error": ("error", "数据错误"),
    "report.plan_lacking_see": ("{n} targets lack evidence: what to collect, by lead unit, is in appendix B.",
                                "{n}项目标缺少证据，需补充的证据按牵头单位列于附录B。"),
}


def is_cjk(lang: str) -> bool:
    """Whether `lang` is set in Chinese characters: for typography (a font, a width, a language tag), not for words."""
    return lang == "zh"


def name_in(lang: str, zh: str, en: str) -> str:
    """A name a file gives in both languages (a city's, a framework's title) in the output's language; ipcheck's own
    words are phrases, never picked this way."""
    return zh if is_cjk(lang) else en


def lang_tag(lang: str, region: bool = True) -> str:
    """The language's tag for a document: zh-CN, en-US (`region=False`: en)."""
    return "zh-CN" if is_cjk(lang) else "en-US" if region else "en"


def axis_scales(lang: str) -> tuple[tuple[Decimal, str], ...]:
    """How a chart's axis shortens large figures: 万 and 亿 in Chinese; k, m and bn in English."""
    if is_cjk(lang):
        return (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")
    return (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"), (Decimal(10) ** 3, "k")


def page_parts(lang: str) -> list[tuple[str, str]]:
    """The page footer as (kind, text) pieces: ("text", "第 "), ("field", "page"), …, from the phrase "report.page";
    the PDF writes it as CSS counters, Word as fields."""
    out = []
    for k, piece in enumerate(re.split(r"\{(page|pages)\}", PHRASES["report.page"][is_cjk(lang)])):
        if piece:
            out.append(("field" if k % 2 else "text", piece))
    return out


def say(code: str, lang: str, **args: object) -> str:
    """One phrase of PHRASES in one language, its `{named}` arguments filled in."""
    template = PHRASES[code][lang == "zh"]
    return template.format(**args) if args else template


# ---- errors of bad input (issue 21: every message in the user's language): engine/errors.InputError,
# engine/units.UnitError, engine/yamldoc, engine/load and pydantic's checks, app/ readers; click's usage errors
PHRASES |= {
    "err.as_given": ("{text}", "{text}"),
    "err.did_you_mean": (" (did you mean {word}?)", "（是否应为 {word}？）"),
    "err.more_one": (" [and 1 more problem]", "［另有 1 处问题］"),
    "err.more": (" [and {n} more problems]", "［另有 {n} 处问题］"),
    "err.for_ind": ("{ind}: {why}", "{ind}：{why}"),
    # values and units (engine/units.py)
    "unit.unknown": ("unknown unit {unit} (known: {known}, with 万 or 亿 before a counter)",
                     "未知单位 {unit}（可用：{known}，计数单位前可加 万 或 亿）"),
    "unit.signed": ("{value}: a published figure here is never negative or signed",
                    "{value}：这里的公开数据不会是负数，也不带正负号"),
    "unit.exponent": ("{value}: exponent notation is not a published figure; write plain digits",
                      "{value}：科学计数法不是公开数据的写法，请直接写数字"),
    "unit.approximate": ("{value} is an approximate figure: ipcheck compares exact figures only: write the exact "
                         "figure from the source, or leave it out (it then shows as evidence missing)",
                         "{value} 是约数：ipcheck 只比较确切数值；请填写来源中的确切数字，或不填（显示为缺证据）"),
    "unit.qualifier_here": ("{value}: write the number alone and state 'bound: at_least' (or at_most) for "
                            "突破/超过/以上",
                            "{value}：请只写数字，并用 bound: at_least（或 at_most）表示“突破/超过/以上”"),
    "unit.not_number": ("{value} is not a number with a unit, e.g. 5.2万件, 3.6亿元, 95%",
                        "{value} 不是带单位的数字，应如 5.2万件、3.6亿元、95%"),
    "unit.unknown_in": ("{value}: unknown unit {unit}", "{value}：未知单位 {unit}"),
    "unit.expected_number": ("expected a number with a unit, got {got}", "应为带单位的数字，实为 {got}"),
    "unit.not_finite": ("{value} is not a finite number", "{value} 不是有限数值"),
    "unit.negative": ("{value}: a published figure here is never negative (or -0)",
                      "{value}：这里的公开数据不会是负数（或 -0）"),
    "unit.scale_percent": ("{value}: 万/亿 make no sense for a percentage", "{value}：百分比不能带 万/亿"),
    "unit.not_percent": ("{value} does not fit a percentage (write 95% or 0.95)",
                         "{value} 不是百分比（请写 95% 或 0.95）"),
    "unit.mismatch": ("{value}: unit {got} does not fit {want}", "{value}：单位 {got} 与 {want} 不符"),
    "unit.scale_rate": ("{value}: 万/亿 make no sense for a rate per 10,000 people", "{value}：每万人指标不能带 万/亿"),
    "unit.invalid": ("{value}: {why}", "{value}：{why}"),
    "unit.too_large": ("{value} is larger than any published figure ipcheck accepts (10^12 {unit})",
                       "{value} 超过 ipcheck 接受的最大公开数值（10^12 {unit}）"),
    "unit.contradict": ("{value}: {word} and 多/余 contradict each other", "{value}：“{word}”与“多/余”相互矛盾"),
    "unit.two_qualifiers": ("{value}: more than one qualifier; write the number with one (e.g. 突破1200件)",
                            "{value}：限定词多于一个，请只用一个（如 突破1200件）"),
    "unit.not_yes_no": ("{value} is not yes/no: write 是 or 否 (有/无, ✓/✗, yes/no)",
                        "{value} 不是“是/否”：请填 是 或 否（有/无、✓/✗、yes/no 亦可）"),
    "unit.yes_no_for_number": ("takes a number in {unit}, not yes/no (got {got})",
                               "应填以 {unit} 计的数字，而不是“是/否”（实为 {got}）"),
    # YAML files (engine/yamldoc.py)
    "yaml.too_big": ("file is {size} bytes; the limit is {limit}", "文件有 {size} 字节，上限为 {limit}"),
    "yaml.not_utf8": ("not UTF-8 text (byte {byte})", "不是 UTF-8 文本（字节 {byte}）"),
    "yaml.control": ("control character {char} is not allowed in YAML", "YAML 中不允许控制字符 {char}"),
    "yaml.deep": ("nested deeper than {n} levels", "嵌套超过 {n} 层"),
    "yaml.many": ("more than {n} values in one file", "一个文件中的值超过 {n} 个"),
    "yaml.alias_named": ("YAML aliases are not allowed ({anchor})", "不允许使用 YAML 别名（{anchor}）"),
    "yaml.alias": ("YAML aliases are not allowed", "不允许使用 YAML 别名"),
    "yaml.documents": ("more than one YAML document in the file", "文件中有不止一个 YAML 文档"),
    "yaml.key_kind": ("key {key} must be a name or a whole year", "键 {key} 应为名称或整数年份"),
    "yaml.key_duplicate": ("duplicate key {key}", "重复的键 {key}"),
    "yaml.number_nan": ("number {number} is not a number; write it as plain digits, e.g. 0.00001",
                        "数值 {number} 不是数字；请写成普通数字，如 0.00001"),
    "yaml.number_inf": ("number {number} is infinite; write it as plain digits, e.g. 0.00001",
                        "数值 {number} 是无穷大；请写成普通数字，如 0.00001"),
    "yaml.number_digits": ("number {number} is not written in plain decimal digits; write it as plain digits, "
                           "e.g. 0.00001", "数值 {number} 不是普通十进制数字；请写成普通数字，如 0.00001"),
    "yaml.number_sign": ("number {number} is written with a sign; write the digits alone",
                         "数值 {number} 带有正负号；请只写数字"),
    "yaml.number_long": ("number of {n} digits; ipcheck reads numbers of at most {limit}",
                         "数值有 {n} 位数字；ipcheck 只读不超过 {limit} 位的数字"),
    "yaml.tag": ("YAML tag {tag} is not allowed", "不允许使用 YAML 标签 {tag}"),
    "yaml.escaped_control": ("an escape in this quoted text makes the control character {char}, which is not "
                             "allowed; remove it", "引号内的转义写出了控制字符 {char}，这是不允许的，请删除"),
    "yaml.key_plain": ("a key must be a plain value, not a list or mapping", "键必须是普通值，不能是列表或映射"),
    "yaml.merge_key": ("YAML merge keys (<<) are not allowed", "不允许使用 YAML 合并键（<<）"),
    "yaml.node": ("unsupported YAML node", "不支持的 YAML 节点"),
    "yaml.empty": ("the file is empty", "文件为空"),
    # files as the models read them (engine/load.py, engine/fields.py): pydantic's error types, our checks
    "pyd.whole": ("the file", "文件"),
    "pyd.got": (" (got {got})", "（实为 {got}）"),
    "pyd.at": ("{where}: {why}", "{where}：{why}"),
    "pyd.other": ("{where}: {msg}", "{where}：不符合要求（{msg}）"),
    "pyd.union": ("{where}: expected a number, a figure such as 5.2万件 or 95%, or yes/no (got {got})",
                  "{where}：应为数字、如 5.2万件 或 95% 的数值，或 是/否（实为 {got}）"),
    "pyd.kind": ("{where}: unknown check kind {kind} (known: {known})",
                 "{where}：未知的检查类型 {kind}（可用：{known}）"),
    "pyd.missing": ("missing field {where}", "缺少字段 {where}"),
    "pyd.extra_forbidden": ("unknown field {where}", "未知字段 {where}"),
    "pyd.int_parsing": ("{where}: should be a valid integer", "{where}：应为整数"),
    "pyd.int_type": ("{where}: should be a valid integer", "{where}：应为整数"),
    "pyd.int_from_float": ("{where}: should be a valid integer, without a fractional part",
                           "{where}：应为整数，不能有小数"),
    "pyd.bool_type": ("{where}: should be true or false", "{where}：应为 true 或 false"),
    "pyd.bool_parsing": ("{where}: should be true or false", "{where}：应为 true 或 false"),
    "pyd.string_type": ("{where}: should be text", "{where}：应为文字"),
    "pyd.string_too_short": ("{where}: should have at least {min_length} characters",
                             "{where}：至少应有 {min_length} 个字符"),
    "pyd.string_too_long": ("{where}: should have at most {max_length} characters",
                            "{where}：最多 {max_length} 个字符"),
    "pyd.string_pattern_mismatch": ("{where}: should match pattern '{pattern}'", "{where}：应符合格式 '{pattern}'"),
    "pyd.literal_error": ("{where}: should be one of {expected}", "{where}：应为 {expected} 之一"),
    "pyd.dict_type": ("{where}: should be a valid dictionary (a mapping of keys to values)",
                      "{where}：应为映射（键: 值）"),
    "pyd.list_type": ("{where}: should be a valid list", "{where}：应为列表"),
    "pyd.too_short": ("{where}: should have at least {min_length} item(s)", "{where}：至少应有 {min_length} 项"),
    "pyd.too_long": ("{where}: should have at most {max_length} item(s)", "{where}：最多 {max_length} 项"),
    "pyd.greater_than_equal": ("{where}: should be at least {ge}", "{where}：应不小于 {ge}"),
    "pyd.less_than_equal": ("{where}: should be at most {le}", "{where}：应不大于 {le}"),
    "pyd.greater_than": ("{where}: should be greater than {gt}", "{where}：应大于 {gt}"),
    "pyd.less_than": ("{where}: should be less than {lt}", "{where}：应小于 {lt}"),
    "pyd.date_type": ("{where}: should be a valid date", "{where}：应为日期"),
    "pyd.date_parsing": ("{where}: should be a valid date (YYYY-MM-DD)", "{where}：应为日期（YYYY-MM-DD）"),
    "pyd.decimal_type": ("{where}: should be a number", "{where}：应为数字"),
    "pyd.decimal_parsing": ("{where}: should be a number", "{where}：应为数字"),
    "pyd.model_type": ("{where}: should be a valid dictionary (a mapping of keys to values)",
                       "{where}：应为映射（键: 值）"),
    "pyd.model_attributes_type": ("{where}: should be a valid dictionary (a mapping of keys to values)",
                                  "{where}：应为映射（键: 值）"),
    "pyd.union_tag_invalid": ("{where}: unknown kind {tag} (known: {expected_tags})",
                              "{where}：未知类型 {tag}（可用：{expected_tags}）"),
    "pyd.union_tag_not_found": ("{where}: the kind ({discriminator}) is missing",
                                "{where}：缺少类型（{discriminator}）"),
    "value.number": ("must be a number", "应为数字"),
    "value.finite": ("must be a finite number", "应为有限数值"),
    "value.date_form": ("must be a date written YYYY-MM-DD", "应为 YYYY-MM-DD 格式的日期"),
    "value.date_real": ("{value} is not a real date (YYYY-MM-DD)", "{value} 不是真实的日期（YYYY-MM-DD）"),
    "value.weight": ("weight must be between 0 and 1000", "权重应在 0 到 1000 之间"),
    # criteria, cities and waivers as ipcheck checks them (engine/load.py, engine/checks)
    "load.indicator_duplicate": ("duplicate indicator id {id}", "指标编号 {id} 重复"),
    "load.mechanism_unit": ("a mechanism's unit is {unit}", "机制类指标的单位应为 {unit}"),
    "load.percent_unit": ("a percentage indicator's unit is %", "百分比指标的单位应为 %"),
    "load.attributes_mechanism": ("only a mechanism (yes/no) carries attributes", "只有机制类（是/否）指标才有属性"),
    "load.unknown_indicator": ("unknown indicator {id}", "未知指标 {id}"),
    "load.not_exact": ("{ind}: {value} is not an exact figure ({word}); write the number alone",
                       "{ind}：{value} 不是确切数值（{word}），请只写数字"),
    "load.thresholds": ("thresholds must satisfy 0 ≤ nearly_ready ≤ ready ≤ 100",
                        "阈值须满足 0 ≤ nearly_ready ≤ ready ≤ 100"),
    "load.coverage_floor": ("coverage_floor is a share between 0 and 1", "coverage_floor 应为 0 到 1 之间的比例"),
    "load.plan_city": ("a plan framework names the city it belongs to (city: ...)",
                       "规划类评价标准须写明所属城市（city: ...）"),
    "load.plan_year": ("a plan framework names its target year (target_year: ...)",
                       "规划类评价标准须写明目标年份（target_year: ...）"),
    "load.category_weight": ("a category weight cannot be negative", "类别权重不能为负数"),
    "load.criterion_duplicate": ("duplicate criterion id {id} (first at criteria[{first}])",
                                 "评价条目编号 {id} 重复（首次出现于 criteria[{first}]）"),
    "load.weights_zero": ("the criteria's weights add up to zero: nothing could be scored",
                          "各评价条目的权重之和为零，无法计分"),
    "load.no_examples": ("criterion {id} has no examples", "评价条目 {id} 没有示例"),
    "load.attribute_unknown": ("{ind} has no attribute {attr}", "{ind} 没有属性 {attr}"),
    "load.attribute_known": (" (known: {known})", "（可用：{known}）"),
    "load.attribute_none": (" (known: none)", "（该指标没有属性）"),
    "load.attribute_value": ("{ind} {attr} {value} is not one of the allowed values: write one of {choices}",
                             "{ind} 的 {attr} 值 {value} 不是可选值，请填写其中之一：{choices}"),
    "load.yes_no_bound": ("a yes/no fact has no bound", "是/否类数据没有数值性质（bound）"),
    "load.bound_clash": ("the value says {word} ({bound}) but the bound given is {given}",
                         "数值写明“{word}”（{bound}），但给出的 bound 是 {given}"),
    "load.unknown_source": ("unknown source {source}", "未知来源 {source}"),
    "load.as_of_year": ("as_of {as_of} is not in {year}, the year the fact is filed under",
                        "as_of {as_of} 不在该数据所属的年份 {year} 内"),
    # dates a fact file cannot hold (validate, import): a typing slip such as 2099 for 2019
    "load.read_future": ("read {read}, after today ({today}): a source cannot have been read on a later day; "
                         "check the year", "读取日期 {read} 晚于今天（{today}）：来源不可能在将来读取，请检查年份"),
    "load.year_future": ("{year} has not begun (today is {today}): no figure can be published for it yet; check "
                         "the year", "{year}年尚未开始（今天是 {today}）：不可能已有该年的公布数据，请检查年份"),
    "load.as_of_future": ("as_of {as_of} is a month to come (today is {today}); check the month",
                          "as_of {as_of} 是尚未到来的月份（今天是 {today}），请检查月份"),
    "load.as_of_after_read": ("as_of {as_of} comes after the day source {source} was read ({read}): a figure "
                              "stands at a month already past when it is published; check the month or the date read",
                              "as_of {as_of} 晚于来源 {source} 的读取日期（{read}）：公布的数据只能截至已过去的月份，"
                              "请检查月份或读取日期"),
    "load.waiver_unknown": ("no criterion {id} in any framework", "任何评价标准中都没有评价条目 {id}"),
    "check.unknown_indicator": ("unknown indicator {id}", "未知指标 {id}"),
    "check.published_rate": ("indicator {id} is {what}; a published rate here must be in {counter}",
                             "指标 {id} {what}；这里的公开比率应以 {counter} 计"),
    "check.a_mechanism": ("a yes/no mechanism", "是是/否类机制"),
    "check.in_unit": ("in {unit}", "以 {unit} 计"),
    "check.use_exists": ("indicator {id} is a yes/no mechanism; use kind: exists",
                         "指标 {id} 是是/否类机制，请用 kind: exists"),
    "check.kind_needs": ("indicator {id} is a {kind}; this check needs a {kinds}",
                         "指标 {id} 的类型是 {kind}；此检查需要 {kinds}"),
    "check.population_unit": ("population must be counted in 人, not {unit}", "人口应以“人”计，而不是 {unit}"),
    "check.target_after_base": ("target_year must come after base_year", "target_year 应晚于 base_year"),
    "check.base_before_year": ("base_year must come before year", "base_year 应早于 year"),
    "check.ratio_units": ("numerator ({a}) and denominator ({b}) are not in the same unit",
                          "分子（{a}）与分母（{b}）单位不同"),
    "check.not_mechanism": ("indicator {id} is not a yes/no mechanism", "指标 {id} 不是是/否类机制"),
    # files read and written (app/files.py)
    "files.kind.dir": ("a folder", "文件夹"),
    "files.kind.fifo": ("a FIFO (named pipe)", "命名管道（FIFO）"),
    "files.kind.char": ("a character device", "字符设备"),
    "files.kind.block": ("a block device", "块设备"),
    "files.kind.socket": ("a socket", "套接字"),
    "files.kind.other": ("not a regular file", "非普通文件"),
    "files.no_such_file": ("no such file", "文件不存在"),
    "files.cannot_read": ("cannot read: {why}", "无法读取：{why}"),
    "files.is_dir": ("is a directory, not a file", "是文件夹，不是文件"),
    "files.not_regular": ("is {kind}, not a regular file", "是{kind}，不是普通文件"),
    "files.too_big": ("file is {size} bytes; the limit is {limit}", "文件有 {size} 字节，上限为 {limit}"),
    "files.grew": ("file is more than {limit} bytes; the limit is {limit}", "文件超过 {limit} 字节，上限为 {limit}"),
    "files.no_yaml": ("no {glob} file in this folder", "此文件夹中没有 {glob} 文件"),
    "files.path_empty": ("the path is empty", "路径为空"),
    "files.names_folder": ("names a folder (it ends with /), not a file", "指向文件夹（以 / 结尾），不是文件"),
    "files.parent_not_folder": ("a part of the path before the file name is not a folder",
                                "文件名之前的路径中有一部分不是文件夹"),
    "files.cannot_write": ("cannot write: {why}", "无法写入：{why}"),
    "files.no_folder": ("folder {folder} does not exist", "文件夹 {folder} 不存在"),
    "files.not_folder_named": ("{folder} is not a folder", "{folder} 不是文件夹"),
    "files.in_read_folder": ("is in {folder}, whose {glob} files this command reads",
                             "位于 {folder} 中，本命令会读取该文件夹的 {glob} 文件"),
    "files.is_input": ("is an input of this command: refusing to write over it", "是本命令的输入文件，拒绝覆盖"),
    "files.is_input_as": ("is the same file as {other}, an input of this command: refusing to write over it",
                          "与 {other} 是同一个文件，是本命令的输入文件，拒绝覆盖"),
    "files.out_is_dir": ("is a folder, not a file", "是文件夹，不是文件"),
    "files.out_kind": ("is {kind}: ipcheck writes files, character devices and FIFOs",
                       "是{kind}：ipcheck 只写入文件、字符设备和命名管道"),
    "files.read_only": ("is read-only", "是只读文件"),
    "files.out_twice": ("is also where another output of this command goes ({other})",
                        "本命令的另一个输出也写到这里（{other}）"),
    "files.cannot_make": ("cannot make a file in {folder}: {why}", "无法在 {folder} 中创建文件：{why}"),
    "files.changed_writing": ("changed while it was being written; nothing written",
                              "写入过程中文件被改动，未写入任何内容"),
    "files.cannot_keep": ("cannot keep the previous file while writing: {why}", "写入时无法保留原文件：{why}"),
    # workbooks and CSV forms as read (app/formread.py)
    "xlsx.old": ("an Excel 97-2003 (.xls) or password-protected workbook: save it as an Excel workbook (.xlsx) "
                 "without a password first",
                 "Excel 97-2003（.xls）或有密码保护的工作簿：请先另存为无密码的 Excel 工作簿（.xlsx）"),
    "xlsx.far_smaller": ("; a form is far smaller", "；征集表远比这小"),
    "xlsx.not_zip": ("not an .xlsx workbook (not a zip file)", "不是 .xlsx 工作簿（不是 zip 文件）"),
    "xlsx.parts": ("the workbook holds {n} parts; a form has a few dozen", "工作簿含 {n} 个部件；征集表只有几十个"),
    "xlsx.unpacks": ("the workbook unpacks to {size} bytes (limit {limit}): not a form (a zip bomb?)",
                     "工作簿解压后有 {size} 字节（上限 {limit}）：不是征集表（压缩炸弹？）"),
    "xlsx.ratio": ("part {part} unpacks {n} times its size: not a form (a zip bomb?)",
                   "部件 {part} 解压后是原大小的 {n} 倍：不是征集表（压缩炸弹？）"),
    "xlsx.macro": ("a macro-enabled workbook (.xlsm): ipcheck reads plain .xlsx only; save it as an Excel workbook "
                   "(.xlsx) without macros",
                   "启用宏的工作簿（.xlsm）：ipcheck 只读普通 .xlsx，请另存为不含宏的 Excel 工作簿（.xlsx）"),
    "xlsx.part_damaged": ("part {part} of the workbook is damaged ({why}): not a readable .xlsx workbook; save it "
                          "again from the spreadsheet program",
                          "工作簿的部件 {part} 已损坏（{why}）：无法读取，请在电子表格程序中重新保存"),
    "csv.control": ("control character {char} in a CSV form", "CSV 征集表中有控制字符 {char}"),
    "csv.encoding": ("neither UTF-8 nor GB 18030 text: save the CSV as UTF-8",
                     "既不是 UTF-8 也不是 GB 18030 文本：请将 CSV 另存为 UTF-8 编码"),
    # the criteria library and the command line's choices (app/library.py, app/catalogue.py, app/examples.py)
    "library.no_folder": ("no such folder (a criteria folder of your own frameworks and indicators)",
                          "文件夹不存在（应为存放自定义评价标准和指标的文件夹）"),
    "files.not_a_folder_plain": ("is not a folder", "不是文件夹"),
    "library.known": (" (known: {known})", "（可用：{known}）"),
    "library.unknown_framework": ("unknown framework {id}", "未知评价标准 {id}"),
    "library.set_form": ("{item}: write INDICATOR=VALUE@YEAR, e.g. pct_applications=700件@2022",
                         "{item}：请写成 指标=数值@年份，如 pct_applications=700件@2022"),
    "library.set_year": ("{item}: the year must be between {first} and {last}",
                         "{item}：年份应在 {first} 到 {last} 之间"),
    "library.no_criterion": ("no criterion {id}", "没有评价条目 {id}"),
    "library.no_framework": ("no framework to evaluate against: name one with --framework",
                             "没有可用于评价的评价标准：请用 --framework 指定"),
    "analysis.city_twice": ("city id {id} is also used by {other}", "城市编号 {id} 也被 {other} 使用"),
    "examples.no_framework": ("no framework file in this folder", "此文件夹中没有评价标准文件"),
    "examples.not_framework": ("not a framework file (it reads as a {kind} file): only frameworks carry examples",
                               "不是评价标准文件（读作 {kind} 文件）：只有评价标准才有示例"),
    # click's own usage errors, said at the command line's boundary (options.py)
    "usage.see_help": (" (see '{command} --help')", "（参见 '{command} --help'）"),
    "usage.path_empty": ("the path is empty", "路径为空"),
    # the review workbook of `draft` as read back (app/draftbook.py)
    "book.at": ("{at}: ", "{at}："),
    "book.sheet_extra": ("{at}: a sheet the workbook did not have: remove it",
                         "{at}：工作簿中原本没有这个工作表，请删除"),
    "book.not_review": ("{at}: not a review workbook of ipcheck draft ({fmt})",
                        "{at}：不是 ipcheck draft 生成的审核工作簿（{fmt}）"),
    "book.other_city": ("{at}: the workbook was drafted for {got}, not for {want} (--city)",
                        "{at}：该工作簿是为 {got} 起草的，不是 {want}（--city）"),
    "book.not_text": ("{value} is not text", "{value} 不是文字"),
    "book.too_long": ("longer than 2,000 characters", "超过 2000 个字符"),
    "book.too_large": ("{value} is too large a figure for a plan's target", "{value}过大，不是规划目标的数值"),
    "book.not_year": ("{value} is not a year; type it as a number, e.g. 2025", "{value} 不是年份，请填写数字，如 2025"),
    "book.year_implausible": ("{value} is not a plausible year", "{value} 不像是年份"),
    "book.not_number": ("{value} where a number is expected", "这里应填数字，却是 {value}"),
    "book.negative": ("{value} is negative", "{value} 是负数"),
    "book.percent": ("a percentage ({value}) where the unit is {unit}", "单位是 {unit}，却填了百分比（{value}）"),
    "book.comparison_in_value": ("{value}: the comparison ({word}) goes in 比较; type the number alone, e.g. {number}",
                                 "{value}：比较词（{word}）请填在“比较”列，这里只填数字，如 {number}"),
    "book.unknown_indicator": ("{value} is not an indicator of the catalogue; choose one from the list",
                               "{value} 不是指标目录中的指标，请从列表中选择"),
    "book.header": ("header {got} should be {want} (do not rename or move columns)",
                    "表头 {got} 应为 {want}（不要改名或移动列）"),
    "book.column_extra": ("a column the workbook did not have", "工作簿中原本没有这一列"),
    "book.cell_extra": ("a cell outside the workbook's columns", "单元格在工作簿的列之外"),
    "book.name_empty": ("the indicator's name is empty; fill it, or clear the row", "指标名称为空，请填写，或清空该行"),
    "book.comparison_bad": ("{value} is not a comparison: choose {choices}", "{value} 不是比较方式，请选择：{choices}"),
    "book.kind_bad": ("{value} is not a kind: choose {choices}", "{value} 不是指标类型，请选择：{choices}"),
    "book.base_after": ("the base year {base} is not before the target year {year}",
                        "基期年 {base} 不早于目标年 {year}"),
    "book.task_empty": ("the task is empty; fill it, or clear the row", "任务为空，请填写，或清空该行"),
    "book.not_mechanism": ("{ind} is not a mechanism (yes/no) indicator", "{ind} 不是机制类（是/否）指标"),
    "book.date_bad": ("{value} is not a date; write it as 2022-03-01", "{value} 不是日期，请写成 2022-03-01"),
    "book.period_bad": ("{value} is not a period; write it as 2021-2025", "{value} 不是规划期，请写成 2021-2025"),
    # init's new fact file (app/newcity.py): its header and comments
    "init.head": ("# {name}: city fact file started by ipcheck init ({day}){empty}\n"
                  "# Write every value as published (5.2万件, 3.6亿元, 95%) and name its source (a key of sources:).\n"
                  "# Leave out what is not published: it shows as unknown (evidence missing), never as a fail.\n"
                  "# To collect figures: ipcheck collect {id}.yaml --year YEAR --xlsx forms.xlsx, then, once the\n"
                  "# departments have filled them: ipcheck import forms.xlsx --into {id}.yaml",
                  "# {name}：城市事实文件，由 ipcheck init 生成（{day}）{empty}\n"
                  "# 每个数值都按公布值填写（如 5.2万件、3.6亿元、95%），并注明来源（sources 中的来源代码）。\n"
                  "# 未公布的数值不要填写：评价时显示为“未知（缺证据）”，不会被当作未达标。\n"
                  "# 收集数据：ipcheck collect {id}.yaml --year 年份 --xlsx 数据征集表.xlsx，\n"
                  "# 各部门填好后：ipcheck import 数据征集表.xlsx --into {id}.yaml"),
    "init.example_comment": ("# an example: replace it with a real source (bulletin, white paper, government site)",
                             "# 示例来源：换成实际的来源（公报、白皮书、政府网站），再添加其他来源"),
    "init.example_title": ("example source (replace with a published document or page)",
                           "示例来源（请替换为实际发布的文件或网页）"),
    "init.example_publisher": ("publisher", "发布单位"),
    "init.indicators": ("# The indicators the frameworks ({fws}) read: uncomment and fill them (if the line above "
                        "still says facts: {{}}, make it facts:)",
                        "# 评价所需的指标（{fws}）：取消注释并填写（上方若仍是 facts: {{}}，先改为 facts:）"),
    "init.indicator": ("# {name} ({unit}) · {kind}: {definition}", "# {name}（{unit}）· {kind}：{definition}"),
    "init.indicator_mechanism": ("# {name} · {kind}: {definition}", "# {name} · {kind}：{definition}"),
    "init.used_by": ("# used by: {criteria}", "# 用于：{criteria}"),
    "init.yes_no": ("yes or no", "是否（yes 或 no）"),
    "init.year": ("YEAR", "年份"),
    "init.number": ("NUMBER", "数值"),
    "init.bad_id": ("{id} is not a city id: letters, digits, _ . - (starting with a letter)",
                    "{id} 不是城市编号：只能用字母、数字和 _ . -（以字母开头）"),
    "init.name_empty": ("the city's name cannot be empty", "城市名称不能为空"),
    "init.no_framework": ("no framework to list indicators for: name one with --framework",
                          "没有可列出指标的评价标准：请用 --framework 指定"),
}

# An indicator's kind, one wording for every output (the catalogue, collect's forms, init's comments)
TERMS["kind"] = {
    "stock": ("stock (year-end level)", "存量（年末数）"),
    "flow": ("flow (during the year)", "流量（全年发生数）"),
    "rate": ("rate (as published)", "比率（公布值）"),
    "percentage": ("percentage", "百分比"),
    "count": ("count (events in the year)", "次数（全年）"),
    "mechanism": ("mechanism (yes/no, with evidence)", "机制（有/无，须有证据）"),
}
PHRASES |= {
    # collect's forms: a row's definition (the forms are in Chinese, for the departments)
    "form.definition": ("{text} — {kind}", "{text}——{kind}"),
    "form.attribute_definition": ("{attr}: choose from the list: {values}; leave it empty when not stated",
                                  "{attr}，从下拉列表选择：{values}；未说明则留空"),
    # import's lines (app/intake.py)
    "import.line": ("  {kind} {ind} {year} = {value}{was}  ← {where}",
                    "  {kind} {ind} {year} = {value}{was}  ← {where}"),
    "import.line_attribute": ("  {kind} {ind} {year} {label}: {value}  ← {where}",
                              "  {kind} {ind} {year} {label}：{value}  ← {where}"),
}



# ---- usage errors and messages said in the user's language (issue 21 / issue 24 item 2): every usage error
# click can give ipcheck (options._CLICK), the commands' own usage errors (cli.py), PyYAML's problems with a
# YAML file (engine/yamldoc.py) and `ipcheck test`'s lines (app/examples.py)
PHRASES |= {
    "usage.missing_argument": ("Missing argument '{name}'.", "缺少参数 '{name}'。"),
    "usage.missing_option": ("Missing option '{name}'.", "缺少选项 '{name}'。"),
    "usage.missing_parameter": ("Missing parameter '{name}'.", "缺少参数 '{name}'。"),
    "usage.missing_command": ("Missing command.", "缺少命令。"),
    "usage.no_such_option": ("No such option '{name}'.", "没有选项 '{name}'。"),
    "usage.no_such_command": ("No such command '{name}'.", "没有命令 '{name}'。"),
    "usage.did_you_mean_any": (" (did you mean one of {word}?)", "（是否应为以下之一：{word}？）"),
    "usage.choose_from": (" Choose from: {choices}.", "可选：{choices}。"),
    "usage.needs_argument": ("Option '{name}' requires an argument.", "选项 '{name}' 需要一个值。"),
    "usage.needs_arguments": ("Option '{name}' requires {n} arguments.", "选项 '{name}' 需要 {n} 个值。"),
    "usage.takes_no_value": ("Option '{name}' does not take a value.", "选项 '{name}' 不带值。"),
    "usage.takes_values": ("Argument '{name}' takes {n} values.", "参数 '{name}' 需要 {n} 个值。"),
    "usage.extra_argument": ("Got unexpected extra argument ({args})", "多余的参数（{args}）"),
    "usage.extra_arguments": ("Got unexpected extra arguments ({args})", "多余的参数（{args}）"),
    "usage.invalid_value": ("Invalid value for {param}: {why}", "{param} 的值无效：{why}"),
    "usage.invalid": ("Invalid value: {why}", "值无效：{why}"),
    "usage.not_choice": ("{value} is not one of {choices}.", "{value} 不是可选值（{choices}）。"),
    "usage.not_in_range": ("{value} is not in the range {range}.", "{value} 不在范围 {range} 内。"),
    "usage.not_integer": ("{value} is not a whole number.", "{value} 不是整数。"),
    "usage.not_number": ("{value} is not a number.", "{value} 不是数字。"),
    "usage.not_boolean": ("{value} is not yes or no.", "{value} 不是“是/否”。"),
    "usage.no_path": ("Path {path} does not exist.", "路径 {path} 不存在。"),
    "usage.path_is_file": ("{path} is a file, not a folder.", "{path} 是文件，不是文件夹。"),
    "usage.path_is_folder": ("{path} is a folder, not a file.", "{path} 是文件夹，不是文件。"),
    "usage.path_denied": ("{path}: permission denied.", "{path}：没有访问权限。"),
    "usage.cannot_open": ("Could not open file {path}: {why}", "无法打开文件 {path}：{why}"),
    "usage.not_date": ("{value} is not a date (YYYY-MM-DD) or 'today'", "{value} 不是日期（YYYY-MM-DD）或 'today'"),
    # PyYAML's problems (engine/yamldoc.py): the slip a person makes, where it is; what the parser met, else
    "yaml.invalid": ("not valid YAML here (the parser says: {problem})",
                     "YAML 格式有误，此处无法解析（解析器提示：{problem}）"),
    "yaml.problem.tab": ("line {line} is indented with a tab: YAML is indented with spaces only",
                         "第{line}行用了制表符（Tab）缩进：YAML 只能用空格缩进"),
    "yaml.problem.fullwidth_colon": ("the colon on line {line} is a full-width '：': write a half-width ':'",
                                     "第{line}行的冒号是全角“：”，请改为半角“:”"),
    "yaml.problem.fullwidth_comma": ("the comma on line {line} is a full-width '，': write a half-width ','",
                                     "第{line}行的逗号是全角“，”，请改为半角“,”"),
    "yaml.problem.mapping_values": ("a 'key: value' where none can start: quote a value that holds ': ', or check "
                                    "the indentation of line {line}",
                                    "此处不能出现“键: 值”：值中含有“: ”时请加引号，或检查第{line}行的缩进"),
    "yaml.problem.expected_colon": ("line {line} has no ':' after its key", "第{line}行的键后缺少冒号“:”"),
    "yaml.problem.quote_unclosed": ("the quotation mark opened on line {line} is never closed",
                                    "第{line}行开始的引号没有闭合"),
    "yaml.problem.ends_early": ("the file ends in the middle of a value", "文件在一个值的中途就结束了"),
    "yaml.problem.flow_unclosed": ("the '{char}' opened on line {line} is not closed, or a ',' is missing between "
                                   "its items",
                                   "第{line}行开始的“{char}”没有闭合，或其中各项之间缺少半角逗号“,”"),
    "yaml.problem.expected_key": ("line {line} is not indented as the keys above it, or text follows a quoted value",
                                  "第{line}行的缩进与上面的键不一致，或引号后还有多余文字"),
    "yaml.problem.expected_dash": ("line {line} is not indented as the list items above it",
                                   "第{line}行的缩进与上面的列表项不一致"),
    "yaml.problem.escape": ("an unknown escape (backslash) in double-quoted text: use single quotes, or write \\\\",
                            "双引号内有无法识别的转义（反斜杠）：请改用单引号，或写成 \\\\"),
    "yaml.problem.cannot_start": ("a value cannot start with '{char}': put the value in quotes",
                                  "值不能以“{char}”开头：请给这个值加引号"),
    "yaml.problem.tag_handle": ("an unknown YAML tag: put the value in quotes", "未知的 YAML 标签：请给这个值加引号"),
    "yaml.problem.anchor": ("'&' or '*' must be followed by a name: put the value in quotes",
                            "“&”或“*”后须有名称：请给这个值加引号"),
    # `ipcheck test` (app/examples.py): a line per framework, a line per failing example, the totals
    "test.framework": ("{id} {passed} passed {failed} failed  {file}", "{id} 通过 {passed}  未通过 {failed}  {file}"),
    "test.failed": ("{id} example {n}: expected {expected}, got {got}", "{id} 示例 {n}：应为 {expected}，实为 {got}"),
    "test.failed_named": ("{id} example {n} ({name}): expected {expected}, got {got}",
                          "{id} 示例 {n}（{name}）：应为 {expected}，实为 {got}"),
    "test.total": ("{passed} passed, {failed} failed", "通过 {passed} 项，未通过 {failed} 项"),
    # the decider (engine/decide.py)
    "decide.unavailable": ("durable-rules cannot be imported ({why}); deciding with the Python reference decider",
                           "无法导入 durable-rules（{why}）；改用 Python 参考判定器判定（规则与结果相同）"),
    # the commands' own (cli.py, app/evaluation.py)
    "usage.below_fail_under": ("below --fail-under {bar}: {ids}", "低于 --fail-under {bar}：{ids}"),
    "usage.to_before_from": ("{to} comes before --from {start}: give the earlier year to --from",
                             "{to} 早于 --from {start}：较早的年份请写在 --from 后"),
    "usage.collect_nothing": ("name the forms to write: --xlsx FILE and/or --csv DIR",
                              "请指定要写出的征集表：--xlsx 文件 和/或 --csv 文件夹"),
}

# ---- three judgements (later figures, a plan target on a stale figure, a mechanism's attributes) ----
PHRASES |= {
    # a framework judged in its most-evidence year: the later year it did not use (FrameworkResult.later)
    "head.later": ("Figures not used", "未采用的数据"),
    "later.note": ("the later year {year} has figures for {n} criteria{unmet}; this report judges {judged}, the year "
                   "whose figures cover the most weight",
                   "较新的{year}年另有{n}项指标的数据{unmet}，本报告按证据最全的{judged}年评定"),
    "later.note_one": ("the later year {year} has figures for 1 criterion{unmet}; this report judges {judged}, the "
                       "year whose figures cover the most weight",
                       "较新的{year}年另有1项指标的数据{unmet}，本报告按证据最全的{judged}年评定"),
    "later.unmet": (" ({m} of them not met in {year}: {ids})", "（其中{m}项在该年未达标：{ids}）"),
    "later.unmet_one": (" (not met in {year}: {ids})", "（该年未达标：{ids}）"),
    "later.all_met": (", all met", "（均已达标）"),
    # a plan target due in a year whose only figure is older (engine/evaluate.py: _stale_for_plan)
    "plan.stale_figure": ("; the figure predates the target's year {due}: whether the target is met is not known yet",
                          "；该数据早于目标年{due}年，尚不能判定是否完成"),
    "need.for_due_year": ("{ind} for {year} (the target's year)", "{ind}的{year}年数据（目标年）"),
    # a mechanism in place whose attribute falls short (exists with where:): the value cell says what is there
    "value.attr_short": ("{got}, needs {allowed}", "{got}，须为{allowed}"),
}


# ---- what-if (--set): the line every output of a what-if puts before its verdict, so that a reader of page 1
# or of the table's headline knows the figures are assumptions (reports/labels.whatif_line)
PHRASES |= {
    "whatif.title": ("What-if, not actual data", "假设情景，并非实际数据"),
    "whatif.replaced": ("{name} {year} set to {value} instead of the published {was}",
                        "{year}年{name}已按假设由公布的{was}改为{value}"),
    "whatif.added": ("{name} {year} assumed to be {value} (no published figure)",
                     "{year}年{name}按假设取{value}（无公布数据）"),
    "whatif.line": ("{items}. The verdict and scores below rest on this assumption.",
                    "{items}。以下结论和得分均以此假设为前提。"),
    "whatif.lines": ("{items}. The verdict and scores below rest on these assumptions.",
                     "{items}。以下结论和得分均以这些假设为前提。"),
}

# ---- what-if (--set), what an assumption does to each framework: the year it moves the judgement to, a framework
# whose judgement reads none of the assumed figures, a year not begun refused (reports/labels.whatif_line,
# app/library.parse_assumptions)
PHRASES |= {
    "whatif.moved": ("{items}. This assumption moves the year judged from {was} to {year}; the verdict and scores "
                     "below rest on it.",
                     "{items}。该假设使评价年度由{was}年变为{year}年，以下结论和得分均以此假设为前提。"),
    "whatif.moved_many": ("{items}. These assumptions move the year judged from {was} to {year}; the verdict and "
                          "scores below rest on them.",
                          "{items}。这些假设使评价年度由{was}年变为{year}年，以下结论和得分均以这些假设为前提。"),
    "whatif.unused": ("{items}. This framework's judgement does not use this assumption.",
                      "{items}。本框架的评价未用到此假设。"),
    "whatif.unused_many": ("{items}. This framework's judgement uses none of these assumptions.",
                           "{items}。本框架的评价未用到这些假设。"),
    "library.set_future": ("{item}: {year} has not begun (today is {today}): no figure can be assumed for it; "
                           "check the year",
                           "{item}：{year}年尚未开始（今天是 {today}），不能假设该年的数据，请检查年份"),
    "chart.assumed": ("{v} (assumed)", "{v}（假设）"),  # an assumed point of a trend chart, drawn hollow
}

# ---- compare's heat map of a city that is not assessable: its few category scores provisional, never coloured
# as a good score (reports/analysis.compare_doc)
PHRASES |= {
    "compare.heat.provisional": ("({s})", "（{s}）"),
    "compare.heat.provisional_note": (
        "Scores in brackets, uncoloured: a city that is not assessable (too little evidence); they rest on the few "
        "criteria with evidence and say nothing of the category as a whole.",
        "括号内、不着色的得分：该城市证据不足，无法评定；得分仅依据少数有证据的指标，不代表该类别的整体水平。"),
}

# ---- a fact's note in the report's language (cities/*.yaml `note:`) ----
PHRASES |= {
    # a note written in one language only, shown in a report of the other: marked as a quotation, since a
    # caveat (not year-end, a lower bound) left out would let the figure be read at face value
    "note.original.zh": ("(as written, in Chinese) {text}", "（原文为中文）{text}"),
    "note.original.en": ("(as written, in English) {text}", "（英文原文）{text}"),
    # what `import` writes for a figure given with words ("突破1200件"): the words as published
    "note.published_as": ("published as {written}", "公布为“{written}”"),
}

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def written_in(note: str) -> str | None:
    """The language a note is written in: "zh" when its Chinese characters outnumber its Latin words ("截至目前
    in an April 2018 report" is English with a quotation), "en" otherwise, None for neither (figures alone)."""
    han, words = len(_HAN.findall(note)), len(_LATIN_WORD.findall(note))
    if not han and not words:
        return None
    return "zh" if han > words else "en"


def note_text(note: str | Names, lang: str) -> str:
    """A fact's note in the output's language: its own text in that language; a text written only in the other
    language, marked as the original wording."""
    if isinstance(note, Names):
        return named(note, lang)
    original = written_in(note)
    if original is None or original == ("zh" if lang == "zh" else "en"):
        return note
    return phrase(f"note.original.{original}", lang, text=note)


def term(vocabulary: str, code: str, lang: str) -> str:
    """A word of one of ipcheck's vocabularies (TERMS) in one language: term("kind", "stock", "zh") → 存量（年末数）."""
    return _arg(Term(vocabulary, code), lang)


use_book(text)  # errors (engine/errors.py) are said through this book
