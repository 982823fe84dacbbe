"""Words every renderer shares, in Chinese and English, and the formatting of figures."""

from __future__ import annotations

import re
from decimal import Decimal

from ..engine.checks import kind_of
from ..engine.checks.base import UNBOUNDED
from ..engine.result import MUST_EXIST, CriterionResult, FrameworkResult, Listed, Q, Score, Share, When, say
from ..engine.units import PERCENT
from .words import OP_SYMBOL, PHRASES, colon, display, named, pct, score_text, text

STATUS = {
    "pass": {"zh": "达标", "en": "pass"},
    "partial": {"zh": "部分达标", "en": "partial"},
    "fail": {"zh": "未达标", "en": "fail"},
    "unknown": {"zh": "未知（缺证据）", "en": "unknown — evidence missing"},
    "not_applicable": {"zh": "不适用", "en": "not applicable"},
    "waived": {"zh": "豁免", "en": "waived"},
    "error": {"zh": "数据错误", "en": "error (bad data)"},
}
SHORT = {**STATUS, "unknown": {"zh": "未知", "en": "unknown"}, "error": {"zh": "错误", "en": "error"}}
MARK = {"pass": "✔", "partial": "◐", "fail": "✘", "unknown": "?", "not_applicable": "–", "waived": "W", "error": "!"}
VERDICT = {
    "ready": {"zh": "已具备条件", "en": "ready"},
    "nearly_ready": {"zh": "基本具备条件", "en": "nearly ready"},
    "not_ready": {"zh": "尚不具备条件", "en": "not ready"},
    "not_assessable": {"zh": "证据不足，无法评定", "en": "not assessable"},
}
# a plan framework's verdicts, in the words plan evaluations use (the phrase book's "verdict.name.*")
VERDICT.update({code: {"en": PHRASES[f"verdict.name.{code}"][0], "zh": PHRASES[f"verdict.name.{code}"][1]}
                for code in ("plan_on_track", "plan_partly_behind", "plan_behind")})
PROVISIONAL = {"zh": "（暂定）", "en": " (provisional)"}
CATEGORY = {
    "creation": {"zh": "创造", "en": "creation"},
    "utilisation": {"zh": "运用", "en": "utilisation"},
    "protection": {"zh": "保护", "en": "protection"},
    "management": {"zh": "管理", "en": "management"},
    "services": {"zh": "服务", "en": "services"},
    "organisation": {"zh": "组织保障", "en": "organisation"},
    "funding": {"zh": "经费保障", "en": "funding"},
    "supervision": {"zh": "督查考核", "en": "supervision"},
}
HEAD = {
    "status": {"zh": "状态", "en": "Status"}, "id": {"zh": "编号", "en": "ID"},
    "criterion": {"zh": "指标", "en": "Criterion"}, "value": {"zh": "现值（年份）", "en": "Value (year)"},
    "target": {"zh": "目标", "en": "Target"}, "gap": {"zh": "差距", "en": "Gap"},
    "score": {"zh": "得分", "en": "Score"}, "weight": {"zh": "权重", "en": "Weight"},
    "lead": {"zh": "牵头单位", "en": "Lead unit"}, "clause": {"zh": "条款", "en": "Clause"},
    "verdict": {"zh": "结论", "en": "Verdict"}, "overall": {"zh": "总分", "en": "Score"},
    "source": {"zh": "依据", "en": "Source"}, "year": {"zh": "评价年度", "en": "Evaluation year"},
    "categories": {"zh": "分类得分", "en": "Categories"}, "missing": {"zh": "缺失证据", "en": "Missing evidence"},
    "evidence": {"zh": "证据", "en": "Evidence"}, "range": {"zh": "可能得分", "en": "Possible score"},
}


def verdict_name(r, lang: str) -> str:
    """The verdict in words ('ready'), marked when the missing evidence could still lower it
    ('ready (provisional)'); `r` is an evaluation or a comparison's summary of one."""
    return VERDICT[r.verdict][lang] + (PROVISIONAL[lang] if r.provisional else "")


def verdict_text(res: FrameworkResult, lang: str) -> str:
    """Why the verdict; for a provisional one, also what it would be were the missing evidence all unmet."""
    why = text(res.verdict_reason, lang)
    if res.provisional:
        why += ("；" if lang == "zh" else "; ") + text(say("verdict.provisional", v=VERDICT[res.verdict_low][lang],
                                                          s=Score(res.score_low)), lang)
    return why


def score_line(res: FrameworkResult, lang: str) -> str:
    """'78.4 / 100 on 86% of the weight with evidence' (for an assessable evaluation)."""
    if lang == "zh":
        line = f"{score_text(res.score)} / 100（有证据的权重占 {pct(res.coverage)}）"
    else:
        line = f"{score_text(res.score)} / 100 on {pct(res.coverage)} of the weight with evidence"
    if res.lacking:
        line += ("；" if lang == "zh" else "; ") + range_text(res, lang)
    return line


def lacking_text(res: FrameworkResult, lang: str) -> str:
    """'20 of 24 criteria lack evidence'."""
    if res.lacking == res.applicable:
        return text(say("headline.lacking_all", m=res.applicable), lang)
    return text(say("headline.lacking", n=res.lacking, m=res.applicable), lang)


def range_text(res: FrameworkResult, lang: str) -> str:
    """'between 43.0 and 100.0 depending on the missing evidence'."""
    return text(say("headline.range", low=Score(res.score_low), high=Score(res.score_high)), lang)


def known_text(res: FrameworkResult, lang: str) -> str:
    """'100.0 on the criteria with evidence (43% of the weight)'."""
    return text(say("headline.known", score=Score(res.score), cov=Share(res.coverage)), lang)


def range_and_known_text(res: FrameworkResult, lang: str) -> str:
    """The score range, then the score on the known part: 'between 10.4 and 100.0 depending on the missing
    evidence; 100.0 on the criteria with evidence (21% of the weight)' — for an evaluation with some evidence
    (with none, the range is 0 to 100 and says nothing: the outputs leave it out)."""
    return range_text(res, lang) + ("；" if lang == "zh" else "; ") + known_text(res, lang)


def is_plan(res) -> bool:
    """A plan framework's evaluation: judged target by target (it carries its achievement counts)."""
    return getattr(res, "achievement", None) is not None


def targets_text(res: FrameworkResult, lang: str) -> str:
    """A plan's targets by achievement: '32项目标：已完成4项、符合预期2项、滞后1项、未完成3项、缺少证据22项'
    (the counts that are not 0, in that order; met always)."""
    counts = res.achievement or {}
    parts = []
    for a, n in counts.items():
        if n or a == "met":
            part = say(f"plan.count.{a}", n=n)
            early = sum(1 for r in res.results if r.early) if a == "met" else 0
            parts.append(part + say("plan.count.early", n=early) if early else part)
    return text(say("plan.count.head", n=sum(counts.values())) + say("items", items=Listed(tuple(parts), "list")),
                lang)


def index_text(res: FrameworkResult, lang: str) -> str:
    """The achievement index (a plan framework's score), second to its targets."""
    if res.score is None:
        return "—"
    if not res.assessable:  # issue 11: no "100 / 100" beside a verdict of not assessable, only the range
        return range_text(res, lang)
    return text(say("plan.index", s=Score(res.score), cov=Share(res.coverage)), lang)


def plan_headline(res: FrameworkResult, lang: str) -> list[tuple[str, str]]:
    """(label, text) a plan framework leads with: its targets by achievement, its verdict in the plan
    vocabulary, then the achievement index."""
    return [(text(say("plan.head.targets"), lang), targets_text(res, lang)),
            (HEAD["verdict"][lang], f"{verdict_name(res, lang).upper()} — {verdict_text(res, lang)}"),
            (text(say("plan.head.index"), lang), index_text(res, lang))]


def headline(res: FrameworkResult, lang: str) -> list[tuple[str, str]]:
    """(label, text) of what an evaluation leads with: the verdict; then, when it is not assessable,
    how much evidence is missing and the range of scores it allows (the score on the known part
    last); otherwise the score. A plan framework leads with its targets (`plan_headline`)."""
    if is_plan(res):
        return plan_headline(res, lang)
    lines = [(HEAD["verdict"][lang], f"{verdict_name(res, lang).upper()} — {verdict_text(res, lang)}")]
    if not res.assessable:  # with no evidence at all, the range (0 to 100) says nothing
        return lines + [(HEAD["evidence"][lang], lacking_text(res, lang))] + (
            [(HEAD["range"][lang], range_and_known_text(res, lang))] if res.score is not None else [])
    return lines + [(HEAD["overall"][lang], score_line(res, lang))]


def title(r: CriterionResult | FrameworkResult, lang: str) -> str:
    """A criterion's or a framework's title in the output's language."""
    if isinstance(r, FrameworkResult):
        return r.framework_title_zh if lang == "zh" else r.framework_title_en
    name = r.title_zh if lang == "zh" else r.title_en
    return name + text(say("title.aspirational"), lang) if r.aspirational else name


def value_text(r: CriterionResult, lang: str) -> str:
    """The measured value in a table cell: '38,289 件 (2021, stale)', '≥ 1,200 件 (2021)', 'yes (2023)'."""
    ms = r.measurement
    if ms.combine:
        return parts_text(r.part_statuses, lang)
    if ms.value is None:
        return "—"
    if ms.is_mechanism:
        v = text(say("value.yes" if ms.value else "value.no"), lang)
    elif ms.value >= UNBOUNDED:
        v = text(say("value.from_zero"), lang)
    else:
        v = display(ms.value, ms.unit, lang)
        bounds = {f.bound for f in ms.facts}
        v = ("≥ " if "at_least" in bounds else "≤ " if "at_most" in bounds else "") + v
        if any(f.assumed for f in ms.facts):
            v += text(say("value.assumed"), lang)
    if not ms.year:
        return v
    when = "value.as_of" if ms.as_of else "value.year"
    code = f"{when}_{ms.freshness}" if ms.freshness else when
    return v + text(say(code, y=When.of(ms.year, ms.as_of) if ms.as_of else ms.year), lang)


def target_text(r: CriterionResult, lang: str) -> str:
    """The target in a table cell: '≥ 36,000 件', '3 亿元 by 2025', 'must exist'."""
    ms = r.measurement
    if kind_of(r.check_kind).yes_no:
        return text(MUST_EXIST, lang)
    if ms.combine or ms.target is None:
        return text(r.target_summary, lang)
    if ms.trajectory:
        t = ms.trajectory
        return text(say("target.by_short", v=Q(t.target, ms.unit), year=t.target_year), lang)
    return f"{OP_SYMBOL[ms.op]} {display(ms.target, ms.unit, lang)}"


def gap_text(r: CriterionResult, lang: str) -> str:
    """The signed gap, value − target, with its share of the target: '+2,289 件 (+6.36%)'; a rate's or a
    growth's gap in percentage points, alone ('+16.67个百分点': a share of a share says nothing)."""
    if r.gap is None:
        return "—"
    sign = "+" if r.gap > 0 else ""
    if r.measurement.unit == PERCENT:
        return text(say("gap.points", sign=sign, v=display(r.gap)), lang)
    out = f"{sign}{display(r.gap, r.measurement.unit, lang)}"
    if r.gap_pct is not None:
        out += f"（{sign}{display(r.gap_pct)}%）" if lang == "zh" else f" ({sign}{display(r.gap_pct)}%)"
    return out


def parts_text(statuses: tuple[str, ...], lang: str) -> str:
    """A combined criterion's parts in words: '2 parts: 1 pass, 1 unknown' / '2项子条件：达标1，未知1'."""
    counts = {s: statuses.count(s) for s in STATUS if s in statuses}
    if lang == "zh":
        return f"{len(statuses)}项子条件：" + "，".join(f"{SHORT[s]['zh']}{n}" for s, n in counts.items())
    return f"{len(statuses)} parts: " + ", ".join(f"{n} {SHORT[s]['en']}" for s, n in counts.items())


# a plan target's achievement as the status it is drawn like (its mark and colour)
ACHIEVED_AS = {"met": "pass", "on_track": "pass", "behind": "partial", "missed": "fail", "no_path": "partial",
               "unknown": "unknown"}
ACHIEVED_MARK = {"met": "✔", "on_track": "↗", "behind": "◐", "missed": "✘", "no_path": "~", "unknown": "?"}


def shown_status(r: CriterionResult) -> str:
    """The status a criterion is drawn as (its colour): a plan target's achievement as a status, else its status."""
    a = r.achievement
    return r.status if a is None else ACHIEVED_AS[a]


def status_words(r: CriterionResult, lang: str) -> str:
    """A criterion's status as a cell shows it: a plan target's achievement ('✘ 未完成', '✔ 提前完成'), else
    its status ('✔ 达标')."""
    a = r.achievement
    if a is None:
        return f"{MARK[r.status]} {SHORT[r.status][lang]}"
    return f"{ACHIEVED_MARK[a]} {text(say('achievement.early' if r.early else f'achievement.{a}'), lang)}"


def progress_note(r: CriterionResult, lang: str) -> str:
    """Beside a plan target before its year: the path value it is held against, or the share of the target
    reached when there is no path ('' otherwise)."""
    p = r.plan
    if p is None or r.achievement not in ("on_track", "behind", "no_path") or r.measurement.trajectory:
        return ""
    if p.expected is not None:
        return text(say("achievement.path", ex=Q(p.expected, r.measurement.unit), y=r.measurement.year), lang)
    return text(say("achievement.share", share=Share(p.share)), lang) if p.share is not None else ""


def criterion_row(r: CriterionResult, lang: str) -> list[str]:
    """The cells of one criterion in the table and Markdown outputs."""
    return [status_words(r, lang), r.id, title(r, lang), value_text(r, lang) + progress_note(r, lang),
            target_text(r, lang), gap_text(r, lang),
            "—" if r.score is None else f"{(r.score * 100).quantize(Decimal('0.1'))}"]


def counts_text(res: FrameworkResult, lang: str) -> str:
    """The line under the criteria: a plan's targets by achievement, else the criteria by status."""
    if is_plan(res):
        return targets_text(res, lang)
    return ("，" if lang == "zh" else ", ").join(f"{STATUS[s][lang]} {n}" for s, n in res.counts.items() if n)


ROW_HEAD = ("status", "id", "criterion", "value", "target", "gap", "score")


def version_text(framework_id: str, version: int, lang: str) -> str:
    """A framework's id and version: 'ningbo-2020 第2版' / 'ningbo-2020 v2'."""
    return f"{framework_id} 第{version}版" if lang == "zh" else f"{framework_id} v{version}"


def source_line(res: FrameworkResult, lang: str) -> str:
    """A framework's source document by title, number and date, and its issuer (never a file name)."""
    extra = [x for x in (res.source_number, res.source_date and res.source_date.isoformat()) if x]
    # the reference framework is ipcheck's own summary of the five documents: said so, not named as an issuer
    issuer = COMPILED[lang] if res.framework_kind == "reference" else res.issuer
    if lang == "zh":
        return f"《{res.source_title}》" + ("（" + "，".join(extra) + "）" if extra else "") + f"，{issuer}"
    return f"《{res.source_title}》" + (f" ({', '.join(extra)})" if extra else "") + f", {issuer}"


COMPILED = {"zh": "本工具归纳", "en": "summarised by ipcheck"}


ENGINE = {"durable": {"zh": "durable-rules 规则引擎", "en": "durable-rules"},
          "python": {"zh": "Python 参考判定器", "en": "Python reference decider"}}
MODEL = {"xccdf_default": {"zh": "XCCDF 默认模型", "en": "XCCDF default"},
         "flat": {"zh": "XCCDF 平面模型", "en": "XCCDF flat"},
         "flat_unweighted": {"zh": "XCCDF 平面不加权模型", "en": "XCCDF flat unweighted"},
         "absolute": {"zh": "XCCDF 绝对模型", "en": "XCCDF absolute"}}


def category_line(res: FrameworkResult, lang: str) -> str:
    """Each category's score and coverage on one line."""
    # (no-break spaces: a category's name, score and coverage stay on one line when the line is broken)
    return " · ".join(f"{CATEGORY[c.category][lang]}\u00a0{score_text(c.score)}\u00a0({pct(c.coverage)})"
                      for c in res.categories)


def year_text(res: FrameworkResult, lang: str) -> str:
    """The year judged with its reason: '2022年（目标年）' / '2019 (the year whose figures cover the most weight)'."""
    return text(say(f"year.{res.year_basis}", year=res.year), lang)


def years_note(results, lang: str) -> str | None:
    """When frameworks are judged in different years, one sentence naming each with its year and reason."""
    if len({r.year for r in results}) < 2:
        return None
    items = Listed(tuple(say("year.of", fw=version_text(r.framework_id, r.framework_version, lang),
                             year=year_text(r, lang)) for r in results), "clauses")
    return text(say("year.differ", items=items), lang)


def header_lines(res: FrameworkResult, lang: str, compact: bool = False) -> list[tuple[str, str]]:
    """(label, text) pairs heading one framework's evaluation; `compact` puts the title on its own line."""
    city = res.city_zh if lang == "zh" else res.city_en
    name = f"{city} — {version_text(res.framework_id, res.framework_version, lang)}"
    return [
        *([("", name), ("", title(res, lang))] if compact else [("", f"{name}{colon(lang)}{title(res, lang)}")]),
        *(plan_headline(res, lang) if is_plan(res) else []),  # a plan's targets and verdict come first
        (HEAD["source"][lang], source_line(res, lang)),
        (HEAD["year"][lang], f"{year_text(res, lang)} · {'判定引擎' if lang == 'zh' else 'engine'} "
                             f"{ENGINE[res.engine][lang]} · {'计分模型' if lang == 'zh' else 'model'} "
                             f"{MODEL[res.model][lang]}"),
        *([] if is_plan(res) else headline(res, lang)),
        (HEAD["categories"][lang], category_line(res, lang)),
    ]


# Words of `ipcheck explain` (reports/explain.py).
EXPLAIN = {
    "framework": {"zh": "评价框架", "en": "framework"}, "clause": {"zh": "条款", "en": "clause"},
    "lead": {"zh": "牵头单位", "en": "lead unit"}, "city": {"zh": "城市", "en": "city"},
    "year": {"zh": "评价年度", "en": "evaluation year"}, "check": {"zh": "检查方式", "en": "check"},
    "weight": {"zh": "权重", "en": "weight"},
    "required": {"zh": "必备指标（结论的门槛）", "en": "required (a gate for the verdict)"},
    "status": {"zh": "状态", "en": "status"}, "score": {"zh": "得分", "en": "score"},
    "value": {"zh": "现值", "en": "value"}, "target": {"zh": "目标", "en": "target"},
    "gap": {"zh": "差距", "en": "gap"},
    "why": {"zh": "理由", "en": "why"}, "formula": {"zh": "公式", "en": "formula"},
    "history": {"zh": "历年数据", "en": "history"}, "facts": {"zh": "所用数据", "en": "facts used"},
    "missing": {"zh": "缺失的证据", "en": "evidence missing"}, "read": {"zh": "读取于", "en": "read"},
    "confidence": {"zh": "可信度", "en": "confidence"}, "note": {"zh": "备注", "en": "note"},
    "waiver": {"zh": "豁免", "en": "waiver"}, "expires": {"zh": "到期", "en": "expires"},
    "path": {"zh": "路径", "en": "path"}, "expected": {"zh": "应达", "en": "expected"},
    "observed": {"zh": "实际", "en": "observed"},
    "on_track": {"zh": "进度达标", "en": "on track"}, "behind": {"zh": "落后于路径", "en": "behind"},
    "growth_observed": {"zh": "已观察年均增长", "en": "growth observed"},
    "growth_needed": {"zh": "达标尚需年均增长", "en": "growth still needed"},
    "a_year": {"zh": "", "en": " a year"},
    "pace": {"zh": "按已观察增速将于{y}年达标", "en": "at the observed pace the target is reached in {y}"},
    "method": {"zh": "方法", "en": "Method"},
}
STATE = {"measured": {"zh": "已测得", "en": "measured"}, "unknown": {"zh": "未知", "en": "unknown"},
         "not_applicable": {"zh": "不适用", "en": "not applicable"}, "error": {"zh": "数据错误", "en": "error"},
         "composite": {"zh": "组合", "en": "combined"}}


def check_kind(kind: str, lang: str) -> str:
    """A check kind's name as reports print it ("门槛值" / "threshold"): the kind's own label (engine/checks)."""
    names = kind_of(kind).label
    return kind if names is None else named(names, lang)


def parts_heading(kind: str, lang: str) -> str:
    """The line that introduces a combined check's parts ("以下检查须全部满足")."""
    names = kind_of(kind).parts_heading
    return check_kind(kind, lang) if names is None else named(names, lang)


_FORMULA_WORDS = {"target": "目标", "published": "公布的", "exists": "具备", "and": "且", "in": "属于", "vs": "对比",
                  "base": "基期值"}


def formula_text(formula: str, names: dict, lang: str) -> str:
    """A measurement's formula with indicator names for ids, its words in the output's language, and ≥ ≤
    as the report writes them: 'valid_invention_patents[2021] >= target' → '有效发明专利拥有量[2021] ≥ 目标'."""
    out = formula.replace(">=", "≥").replace("<=", "≤")
    if lang == "zh":
        out = re.sub(r"\b(" + "|".join(_FORMULA_WORDS) + r")\b", lambda m: _FORMULA_WORDS[m.group(1)], out)
    for ind in sorted(names, key=len, reverse=True):
        n = names[ind]
        out = re.sub(rf"\b{re.escape(ind)}\b", n.zh if lang == "zh" else n.en, out)
    return out


# Words of `ipcheck criteria`.
CATALOGUE = {"criteria": {"zh": "{n}项指标", "en": "{n} criteria"}, "required": {"zh": "必备", "en": "required"},
             "weight": {"zh": "权重", "en": "weight"}, "plan": {"zh": "城市规划", "en": "plan"},
             "reference": {"zh": "参考框架", "en": "reference"}, "benchmark": {"zh": "国家基准", "en": "benchmark"}}

# Words of the charts (reports/charts.py).
CHART = {
    "no_evidence": {"zh": "无证据", "en": "no evidence"},
    "evidence": {"zh": "证据覆盖", "en": "coverage"},  # a category's share with evidence: "证据覆盖39%"
    "ready": {"zh": "“已具备条件”门槛", "en": "ready threshold"},
    "score": {"zh": "得分", "en": "score"},
    "target": {"zh": "目标", "en": "target"},
    "judged": {"zh": "评价年度", "en": "year judged"},
    "coverage": {"zh": "证据覆盖率", "en": "coverage"},
    "range": {"zh": "可能得分区间", "en": "possible score range"},
}

# Words of the PDF/HTML report.
REPORT = {
    "report": {"zh": "知识产权示范城市建设评估报告", "en": "IP demonstration-city readiness report"},
    "contents": {"zh": "目录", "en": "Contents"},
    "gaps": {"zh": "差距分析", "en": "Gap analysis"},
    "source_doc": {"zh": "依据文件", "en": "Source document"},
    "eval_year": {"zh": "评价年度", "en": "Evaluation year"},
    "as_of": {"zh": "基准日", "en": "As of"},
    "score": {"zh": "得分", "en": "Score"},
    "coverage": {"zh": "证据覆盖率", "en": "Coverage"},
    "fix_first": {"zh": "优先补齐（达标后总分提升）", "en": "Fix first (overall score gained if met)"},
    "data_age": {"zh": "数据时效与目标年份", "en": "Data age and target years"},
    "radar": {"zh": "分类得分与“已具备条件”门槛", "en": "Category scores against the ready threshold"},
    "needed": {"zh": "达标尚需年均增长", "en": "growth still needed"},
    "observed": {"zh": "已观察年均增长", "en": "growth observed"},
    "no_missing": {"zh": "没有缺失证据。", "en": "No evidence is missing."},
    "needs": {"zh": "需要", "en": "Needed"},
    "waivers": {"zh": "豁免事项", "en": "Waivers"},
    "justification": {"zh": "理由", "en": "Justification"},
    "expires": {"zh": "到期日", "en": "Expires"},
    "expired": {"zh": "已过期，不再适用", "en": "expired: no longer applies"},
    "active": {"zh": "有效", "en": "active"},
    "indicator": {"zh": "指标项", "en": "Indicator"},
    "year": {"zh": "年份", "en": "Year"},
    "value": {"zh": "数值", "en": "Value"},
    "publisher": {"zh": "发布者", "en": "Publisher"},
    "read": {"zh": "读取日期", "en": "Read"},
    "confidence": {"zh": "可信度", "en": "Confidence"},
    "not_official": {"zh": "参考框架据五份城市文件归纳，并非国家知识产权局官方评价表。",
                     "en": "The reference framework is derived from five city documents; it is not an official CNIPA "
                           "table."},
    "generated": {"zh": "由 ipcheck {v} 生成", "en": "Generated by ipcheck {v}"},
    "category_weight": {"zh": "分类权重", "en": "Category weight"},
    "thresholds": {"zh": "结论门槛", "en": "Verdict thresholds"},
    "floor": {"zh": "覆盖率下限", "en": "Coverage floor"},
    "goalposts": {"zh": "部分得分", "en": "Partial credit"},
    "inputs": {"zh": "输入文件（SHA-256）", "en": "Input files (SHA-256)"},
    # the leadership page, the body and the appendix
    "action": {"zh": "行动", "en": "Action"},
    "due": {"zh": "目标年份", "en": "Target year"},
    "met": {"zh": "已达标", "en": "What is met"},
    "not_met": {"zh": "未达标", "en": "What is not met"},
    "none_met": {"zh": "尚无已证实达标的指标。", "en": "No criterion is shown to be met yet."},
    "none_short": {"zh": "有证据的指标中没有未达标项。", "en": "No criterion with evidence falls short."},
    "lacking_see": {"zh": "{n}项指标缺少证据，需补充的证据按牵头单位列于附录B。",
                    "en": "{n} criteria lack evidence: what to collect, by lead unit, is in appendix B."},
    "appendix": {"zh": "附录", "en": "Appendix"},
    "app_criteria": {"zh": "附录A　指标评价明细", "en": "Appendix A. Every criterion"},
    "app_evidence": {"zh": "附录B　需补充的证据（按牵头单位）", "en": "Appendix B. Evidence to collect, by lead unit"},
    "app_method": {"zh": "附录C　评价方法", "en": "Appendix C. Method"},
    "app_sources": {"zh": "附录D　数据来源", "en": "Appendix D. Sources"},
    "for_criteria": {"zh": "用于", "en": "For"},
    "documents": {"zh": "依据文件", "en": "Source documents"},
    "data": {"zh": "数据", "en": "Figures"},
    "required_note": {"zh": "* 必备指标（门槛）", "en": "* required (a gate for the verdict)"},
    "reached_at_pace": {"zh": "按已观察增速达标年份", "en": "reached at the observed pace in"},
    "file": {"zh": "文件", "en": "File"},
}

CONFIDENCE = {"high": {"zh": "高", "en": "high"}, "medium": {"zh": "中", "en": "medium"},
              "low": {"zh": "低", "en": "low"}}

METHOD = {
    "xccdf_default": {
        "zh": "XCCDF 默认模型（NISTIR 7275r4 §3.3.1）：分类得分 = 100 × Σ(权重×得分) / Σ权重（仅计有证据的指标）；总"
              "分 = 各分类得分按分类权重的加权平均。",
        "en": "XCCDF default model (NISTIR 7275r4 §3.3.1): category = 100 × Σ(w × s) / Σw over criteria with evidence; "
              "overall = the category-weighted mean of category scores."},
    "flat": {
        "zh": "XCCDF 平面模型：总分 = 100 × Σ(权重×得分) / Σ权重（仅计有证据的指标）。",
        "en": "XCCDF flat model: overall = 100 × Σ(w × s) / Σw over criteria with evidence."},
    "flat_unweighted": {
        "zh": "XCCDF 平面不加权模型：总分 = 100 × Σ得分 / 指标数（仅计有证据的指标）。",
        "en": "XCCDF flat unweighted model: overall = 100 × Σs / n over criteria with evidence."},
    "absolute": {
        "zh": "XCCDF 绝对模型：所有有证据的指标均达标为 100，否则为 0。",
        "en": "XCCDF absolute model: 100 if every criterion with evidence passes, else 0."},
}
GOALPOSTS = {
    "zh": "达标得 1，未达标得 0；介于基线与目标之间按 (现值 − 基线)/(目标 − 基线) 计部分得分（限于0与1之间），"
          "无基线时为 现值/目标（越低越好时为 目标/现值）。路径类指标以基期值为基线、以当年路径值为目标。"
          "覆盖率 = 有证据指标的权重 / 适用且未豁免指标的权重；低于覆盖率下限时结论为“证据不足，无法评定”。"
          "未知（缺证据）既不计为未达标，也不被忽略。",
    "en": "pass scores 1, fail 0; between baseline and target, partial credit clamp((value − baseline)/(target − "
          "baseline), 0, 1), or value/target without a baseline (target/value when lower is better). Trajectories take "
          "the base value as baseline and the path value for the year as target. Coverage = weight with evidence / "
          "weight applicable and not waived; below the floor the verdict is \"not assessable\". Unknown is neither a "
          "fail nor ignored.",
}






def fact_value(f, lang: str) -> str:
    """A fact as published into its unit: '38,289 件', '≥ 1,200 件', 'yes'."""
    if isinstance(f.value, bool):
        return text(say("value.yes" if f.value else "value.no"), lang)
    prefix = {"at_least": "≥ ", "at_most": "≤ "}.get(f.bound, "")
    return prefix + display(f.value, f.unit, lang)


ASSUMED = {"title": {"zh": "假设：命令行 --set 给出的数值，并非公布数据",
                     "en": "assumption given with --set, not a published figure"},
           "publisher": {"zh": "ipcheck（假设分析）", "en": "ipcheck (what-if)"}}


def fact_source(f, lang: str) -> tuple[str, str, str | None]:
    """(source title, publisher, note) of a fact as a report shows it; a what-if assumption in the output's language."""
    if f.assumed:
        return ASSUMED["title"][lang], ASSUMED["publisher"][lang], None
    return f.source_title, f.publisher, f.note


def page_counter_css(lang: str) -> str:
    """The CSS content of the footer: 第 N 页 / 共 M 页, or Page N of M."""
    if lang == "zh":
        return '"第 " counter(page) " 页 / 共 " counter(pages) " 页"'
    return '"Page " counter(page) " of " counter(pages)'


def short_status(status: str, lang: str) -> str:
    """A status as a table cell shows it: its mark and a short word ('✔ 达标', '? unknown')."""
    return f"{MARK[status]} {SHORT[status][lang]}"


DATA_AGE = {
    "zh": "数据时效：数据的年龄 = 评价年度 − 数据年份（按月公布的存量数据，如“截至9月”，不视为年末数据，按早一年计）。"
          "存量及按人口计算的比率最多可早1年，机制类最多可早2年，均标注“陈旧”；年度流量、次数和比例须为评价年度的数据，"
          "上一年的数据仅作参考、不计分；更早的数据视为“未知——最新数据过旧”，仅作背景列出。框架和指标可另行规定"
          "时效上限。目标年份：带年份的目标到该年份时以该年份的数据判定；此前按路径判断是否“进度达标”，或以最新数据"
          "对照目标，并注明为“预测”。增长率指标一律为评价年度相对上一年的增长。得分区间：缺证据的指标全部未达标时的得分"
          "为下限，全部达标时为上限。",
    "en": "Data age: a figure's age is the year judged minus its year (a stock published for a month, such as 'as of "
          "September', is not year-end and counts a year older). Stocks and rates per capita may be one year older, "
          "mechanisms two, flagged stale; yearly flows, counts and shares must be of the year judged — the previous "
          "year's is shown as indicative and scores nothing; anything older is 'unknown — latest figure too old', "
          "shown as context. A framework or criterion may set other limits (max_age). Target years: a target with a "
          "year is judged in that year against that year's figure; before it, on track or off track on the path, or "
          "the latest figure against the target, marked as a projection. A growth target is the growth into the year "
          "judged. Score range: the low end with every criterion without evidence failed, the high end with every one "
          "met.",
}

PLANNING = {
    "zh": "某指标达标（状态为达标、满分）后按同一模型重新计算的总分与现总分之差；未知指标达标还会提高覆盖"
          "率（覆盖率提升 = 其权重 / 适用权重）。趋势：已观察年均增长 = (末值/首值)^(1/年数) − 1；达标尚需年均增长 = "
          "(目标/末值)^(1/(目标年 − 末值年)) − 1；按已观察增速达标年份 = 末值年 + ⌈ln(目标/末值) / ln(1 + 已观察增"
          "长)⌉。路径类指标的当年路径值 = 基期值 × (目标/基期值)^((当年 − 基期年)/(目标年 − 基期年))。",
    "en": "the overall score if the criterion were met (status pass, full marks), recomputed with the same "
          "model, minus the score now; meeting an unknown criterion also raises coverage by its weight over the "
          "applicable weight. Trends: growth observed = (last/first)^(1/years) − 1; growth still needed = "
          "(target/last)^(1/(target year − last year)) − 1; year reached at the observed pace = last year + "
          "⌈ln(target/last) / ln(1 + observed)⌉. A trajectory's path value in year t = base × (target/base)^((t − base "
          "year)/(target year − base year)).",
}


def trend_line(r: CriterionResult, lang: str) -> str | None:
    """A criterion's trajectory in one line: history, growth observed and needed, on track, projected year."""
    t = r.trend
    tr = r.measurement.trajectory
    if t is None or (len(t.history) < 2 and tr is None):
        return None
    parts = []
    obs = tr.observed_cagr_pct if tr and tr.observed_cagr_pct is not None else t.observed_cagr_pct
    need = tr.needed_cagr_pct if tr and tr.needed_cagr_pct is not None else t.needed_cagr_pct
    proj = tr.projected_year if tr and tr.projected_year is not None else t.projected_year
    zh = lang == "zh"
    if obs is not None:
        parts.append(f"{'已观察年均增长' if zh else 'observed'} {display(obs, '%')}{'' if zh else ' a year'}")
    if need is not None:
        parts.append(f"{'达标尚需年均增长' if zh else 'needed'} {display(need, '%')}{'' if zh else ' a year'}")
    if tr is not None:
        parts.append(("进度达标" if tr.on_track else "落后于路径") if zh
                     else ("on track" if tr.on_track else "off track"))
    if proj is not None:
        parts.append(f"{'按当前增速' if zh else 'at this pace reached in'} {proj}{'年达标' if zh else ''}")
    return f"{r.id}: " + ("，".join(parts) if zh else ", ".join(parts)) if parts else None


def fix_first(res: FrameworkResult) -> list:
    """The criteria whose meeting raises the score, largest gain first."""
    return [g for g in res.fix_first if g.gain > 0]


def collect_first(res: FrameworkResult) -> list:
    """The criteria without evidence whose meeting does not raise the score: ranked by the coverage their
    evidence adds, then by how much it narrows the score range (what to collect first)."""
    rest = [g for g in res.fix_first if g.gain <= 0 and g.status in ("unknown", "error")
            and (g.coverage_gain > 0 or g.range_narrowing > 0)]
    return sorted(rest, key=lambda g: (-g.coverage_gain, -g.range_narrowing, g.criterion))


def followup_lines(res: FrameworkResult, lang: str, top: int = 5) -> list[str]:
    """Under the table: what to fix first, and the trends of criteria not passed."""
    zh = lang == "zh"
    by_id = {r.id: r for r in res.results}
    lines = []
    # with no evidence at all there is no score to raise: what to collect says it (a criterion met would
    # read "+100.0"); no-break spaces keep each item's id and figures on one line
    fix = fix_first(res)[:top] if res.score is not None else []
    if fix:
        items = [f"{g.criterion}\u00a0+{score_text(g.gain)}" + ((f"（覆盖率\u00a0+{pct(g.coverage_gain)}）" if zh else
                                                                f"\u00a0(coverage\u00a0+{pct(g.coverage_gain)})")
                                                               if g.coverage_gain > 0 else "") for g in fix]
        lines.append(("优先补齐（达标后总分提升）：" if zh else "Fix first (score gained if met): ")
                     + ("；" if zh else "; ").join(items))
    collect = collect_first(res)[:top]
    if collect:
        items = [f"{g.criterion}\u00a0{'覆盖率' if zh else 'coverage'}\u00a0+{pct(g.coverage_gain)}"
                 + (f"{'，区间缩小' if zh else ', range narrows by'}\u00a0{score_text(g.range_narrowing)}"
                    if g.range_narrowing > 0 else "")
                 for g in collect]
        lines.append(("优先收集以下证据（提高覆盖率、缩小得分区间）：" if zh else
                      "Collect this evidence first (coverage gained, score range narrowed): ")
                     + ("；" if zh else "; ").join(items))
    trends = [x for x in (trend_line(by_id[i], lang) for i in by_id if by_id[i].status in ("partial", "fail"))
              if x]
    if trends:
        lines.append("趋势：" if zh else "Trends:")
        lines += [f"  {t}" for t in trends]
    assumed = sorted({f"{f.indicator}="
                      f"{display(f.value, f.unit, lang) if not isinstance(f.value, bool) else f.value}@{f.year}"
                      for r in res.results for f in r.measurement.facts if f.assumed})
    if assumed:
        lines.append(("假设（--set，非公布数据）：" if zh else "Assumptions (--set, not published figures): ")
                     + ", ".join(assumed))
    return lines


def sensitivity_lines(results: list[FrameworkResult], sens: dict, lang: str) -> str:
    """Under an evaluation: each framework's sensitivity interval and how often the verdict held."""
    if not sens:
        return ""
    lines = []
    for r in results:
        s = sens[r.framework_id]
        if lang == "zh":
            lines.append(f"{r.framework_id} 敏感性：{s.draws} 次抽样（权重 ±{pct(s.weight_range)}，"
                         f"目标 ±{pct(s.goalpost_range)}，"
                         f"种子 {s.seed}），得分 5–95% 区间 {score_text(s.score_p5)}–{score_text(s.score_p95)}，"
                         f"结论“{VERDICT[r.verdict][lang]}”保持 {pct(s.verdict_kept)}")
        else:
            lines.append(f"{r.framework_id} sensitivity: {s.draws} draws (weights ±{pct(s.weight_range)}, targets "
                         f"±{pct(s.goalpost_range)}, seed {s.seed}): score 5–95% {score_text(s.score_p5)}–"
                         f"{score_text(s.score_p95)}, verdict '{VERDICT[r.verdict][lang]}' kept in "
                         f"{pct(s.verdict_kept)} of draws")
    return "\n".join(lines) + "\n"
