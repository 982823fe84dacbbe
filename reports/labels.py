"""Sentences every renderer shares, built from the phrase book (`words.PHRASES`), and the figures in a cell.

The words themselves are phrases in `reports/words.py`; here they are put together for one
result: a headline, a table cell, the counts under a table, what to fix first. What is not
about words went where it belongs: what to fix first is chosen in `engine.result`
(`meet_first`, `collect_first`), the page counter's CSS in `document`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..engine.checks import kind_of
from ..engine.checks.base import UNBOUNDED
from ..engine.fields import Names
from ..engine.result import (
    MUST_EXIST,
    CriterionResult,
    FrameworkResult,
    Listed,
    Q,
    Score,
    Share,
    When,
    collect_first,
    meet_first,
    say,
)
from ..engine.units import PERCENT
from .words import (
    EARLIER_PLACEHOLDERS,
    OP_SYMBOL,
    PHRASES,
    colon,
    display,
    name_in,
    named,
    note_text,
    pct,
    phrase,
    score_text,
    text,
)

MARK = {"pass": "✔", "partial": "◐", "fail": "✘", "unknown": "?", "not_applicable": "–", "waived": "W", "error": "!"}
STATUSES = tuple(MARK)



def status_word(status: str, lang: str) -> str:
    """A status in words ('达标', 'unknown — evidence missing')."""
    return phrase(f"label.status.{status}", lang)


def short_word(status: str, lang: str) -> str:
    """A status as a table cell says it ('未知', 'unknown')."""
    return phrase(f"label.short.{status}", lang)


def category_name(category: str, lang: str) -> str:
    """A category of criteria in words ('组织保障', 'organisation')."""
    return phrase(f"category.{category}", lang)


def head(key: str, lang: str) -> str:
    """A column's or a line's head ('牵头单位', 'Lead unit')."""
    return phrase(f"head.{key}", lang)


def verdict_word(verdict: str, lang: str) -> str:
    """A verdict's code in words ('已具备条件', 'partly behind')."""
    return phrase(f"verdict.name.{verdict}", lang)


def verdict_name(r, lang: str) -> str:
    """The verdict in words ('ready'), marked when the missing evidence could still lower it
    ('ready (provisional)'); `r` is an evaluation or a comparison's summary of one."""
    return verdict_word(r.verdict, lang) + (phrase("verdict.provisional_mark", lang) if r.provisional else "")


def verdict_text(res: FrameworkResult, lang: str) -> str:
    """Why the verdict; for a provisional one, also what it would be were the missing evidence all unmet."""
    why = text(res.verdict_reason, lang)
    if res.provisional:
        code = "verdict.plan_provisional" if is_plan(res) else "verdict.provisional"
        why += phrase("sep.semicolon", lang) + text(say(code, v=verdict_word(res.verdict_low, lang),
                                                        s=Score(res.score_low)), lang)
    return why


def score_line(res: FrameworkResult, lang: str) -> str:
    """'78.4 / 100 on 86% of the weight with evidence' (for an assessable evaluation)."""
    line = text(say("headline.score", score=Score(res.score), cov=Share(res.coverage)), lang)
    if res.lacking:
        line += phrase("sep.semicolon", lang) + range_text(res, lang)
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
    """'100.0 on the criteria with evidence (43% of the weight)'; a plan's 'achievement index 100.0 on the targets
    with evidence'."""
    code = "plan.known" if is_plan(res) else "headline.known"
    return text(say(code, score=Score(res.score), cov=Share(res.coverage)), lang)


def range_and_known_text(res: FrameworkResult, lang: str) -> str:
    """The score range, then the score on the known part: 'between 10.4 and 100.0 depending on the missing
    evidence; 100.0 on the criteria with evidence (21% of the weight)' — for an evaluation with some evidence
    (with none, the range is 0 to 100 and says nothing: the outputs leave it out)."""
    return range_text(res, lang) + phrase("sep.semicolon", lang) + known_text(res, lang)


def is_plan(res) -> bool:
    """A plan framework's evaluation: judged target by target (it carries its achievement counts)."""
    return getattr(res, "achievement", None) is not None


def targets_text(res, lang: str) -> str:
    """A plan's targets by achievement: '32项目标：已完成4项、符合预期2项、滞后1项、未完成3项、缺少证据22项'
    (the counts that are not 0, in that order; met always); `res` is an evaluation or a comparison's summary
    of one."""
    counts = res.achievement or {}
    met_early = (sum(1 for r in res.results if r.early) if hasattr(res, "results")
                 else sum(1 for _, _, early in res.targets if early))
    parts = []
    for a, n in counts.items():
        if n or a == "met":
            part = say(f"plan.count.{a}", n=n)
            early = met_early if a == "met" else 0
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
    return [(phrase("plan.head.targets", lang), targets_text(res, lang)),
            (head("verdict", lang), f"{verdict_name(res, lang).upper()} — {verdict_text(res, lang)}"),
            (phrase("plan.head.index", lang), index_text(res, lang))]


def headline(res: FrameworkResult, lang: str) -> list[tuple[str, str]]:
    """(label, text) of what an evaluation leads with: the verdict; then, when it is not assessable,
    how much evidence is missing and the range of scores it allows (the score on the known part
    last); otherwise the score. A plan framework leads with its targets (`plan_headline`)."""
    if is_plan(res):
        return plan_headline(res, lang)
    lines = [(head("verdict", lang), f"{verdict_name(res, lang).upper()} — {verdict_text(res, lang)}")]
    if not res.assessable:  # with no evidence at all, the range (0 to 100) says nothing
        return lines + [(head("evidence", lang), lacking_text(res, lang))] + (
            [(head("range", lang), range_and_known_text(res, lang))] if res.score is not None else [])
    return lines + [(head("overall", lang), score_line(res, lang))]


def title(r: CriterionResult | FrameworkResult, lang: str) -> str:
    """A criterion's or a framework's title in the output's language."""
    if isinstance(r, FrameworkResult):
        if r.framework_title_zh in EARLIER_PLACEHOLDERS:  # an earlier draft's words for a title not found
            return phrase("draft.yaml.untitled", lang, city=r.city_id, file=r.source_file)
        return name_in(lang, r.framework_title_zh, r.framework_title_en)
    name = name_in(lang, r.title_zh, r.title_en)
    return name + text(say("title.aspirational"), lang) if r.aspirational else name


def city_name(res, lang: str) -> str:
    """The city by its name in the output's language."""
    return name_in(lang, res.city_zh, res.city_en)


def value_text(r: CriterionResult, lang: str) -> str:
    """The measured value in a table cell: '38,289 件 (2021, stale)', '≥ 1,200 件 (2021)', 'yes (2023)'."""
    ms = r.measurement
    if ms.combine:
        return parts_text(r.part_statuses, lang, plan=r.achievement is not None)
    if ms.value is None:
        return "—"
    if ms.is_mechanism:  # in place with an attribute short of the target: what it has and needs, not "no"
        v = text(ms.held or say("value.yes" if ms.value else "value.no"), lang)
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
        out += phrase("gap.share", lang, share=f"{sign}{display(r.gap_pct)}")
    return out


def parts_text(statuses: tuple[str, ...], lang: str, plan: bool = False) -> str:
    """A combined criterion's parts in words: '2 parts: 1 pass, 1 unknown' / '2项子条件：达标1，未知1'; a plan
    target's in plan words ('2项子条件：已满足1，缺少证据1')."""
    counts = {s: statuses.count(s) for s in STATUSES if s in statuses}
    word = (lambda s: phrase(f"plan.part.{s}", lang)) if plan else (lambda s: short_word(s, lang))
    items = tuple(phrase("parts.count", lang, n=n, status=word(s)) for s, n in counts.items())
    return text(say("parts.counts", n=len(statuses), items=Listed(items, "series")), lang)


# a plan target's achievement as the status it is drawn like (its mark and colour)
ACHIEVED_AS = {"met": "pass", "on_track": "pass", "behind": "partial", "missed": "fail", "no_path": "partial",
               "unknown": "unknown"}
ACHIEVED_MARK = {"met": "✔", "on_track": "↗", "behind": "◐", "missed": "✘", "no_path": "~", "unknown": "?"}


def shown_status(r: CriterionResult) -> str:
    """The status a criterion is drawn as (its colour): a plan target's achievement as a status, else its status."""
    a = r.achievement
    return r.status if a is None else ACHIEVED_AS[a]


def achievement_word(r: CriterionResult, lang: str) -> str:
    """A plan target's achievement in words ('未完成', 'met early')."""
    return text(say("achievement.early" if r.early else f"achievement.{r.achievement}"), lang)


def achieved_words(achievement: str, early: bool, lang: str) -> str:
    """A plan target's achievement as a cell shows it, from its code ('✘ 未完成', '✔ 提前完成')."""
    word = text(say("achievement.early" if early else f"achievement.{achievement}"), lang)
    return f"{ACHIEVED_MARK[achievement]} {word}"


def status_words(r: CriterionResult, lang: str) -> str:
    """A criterion's status as a cell shows it: a plan target's achievement ('✘ 未完成', '✔ 提前完成'), else
    its status ('✔ 达标')."""
    a = r.achievement
    if a is None:
        return short_status(r.status, lang)
    return achieved_words(a, r.early, lang)


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


def counts_text(res: FrameworkResult, lang: str, item: str = "counts.item") -> str:
    """The line under the criteria: a plan's targets by achievement, else the criteria by status (`item`: how one
    count reads, 'pass 3' or, in Markdown, 'pass: 3')."""
    if is_plan(res):
        return targets_text(res, lang)
    items = tuple(phrase(item, lang, status=status_word(s, lang), n=n) for s, n in res.counts.items() if n)
    return text(say("items", items=Listed(items, "series")), lang)


ROW_HEAD = ("status", "id", "criterion", "value", "target", "gap", "score")
_PLAN_HEAD = {"status", "criterion", "target", "score"}  # the heads a plan says in its own words


def row_head(key: str, res: FrameworkResult, lang: str) -> str:
    """A column's head over an evaluation's criteria: a plan's in plan words ('完成情况', '目标', '目标值')."""
    return phrase(f"plan.head.{key}", lang) if is_plan(res) and key in _PLAN_HEAD else head(key, lang)


def version_text(framework_id: str, version: int, lang: str) -> str:
    """A framework's id and version: 'ningbo-2020 第2版' / 'ningbo-2020 v2'."""
    return phrase("framework.version", lang, fw=framework_id, v=version)


def source_line(res: FrameworkResult, lang: str) -> str:
    """A framework's source document by title, number and date, and its issuer (never a file name)."""
    extra = tuple(x for x in (res.source_number, res.source_date and res.source_date.isoformat()) if x)
    # the reference framework is ipcheck's own summary of the five documents: said so, not named as an issuer
    issuer = phrase("source.compiled", lang) if res.framework_kind == "reference" else res.issuer
    issuer = None if issuer in EARLIER_PLACEHOLDERS else issuer
    more = text(say("source.extra", items=Listed(extra, "series")), lang) if extra else ""
    doc = source_title(res.source_title, lang)
    return phrase("source.line", lang, doc=doc, extra=more, issuer=issuer) if issuer else doc + more


def source_title(title: str | None, lang: str) -> str:
    """A source document's title in 《》, or words saying the framework does not state it (never a placeholder
    shown as if it were the title)."""
    if title and title not in EARLIER_PLACEHOLDERS:
        return phrase("source.titled", lang, title=title)
    return phrase("source.untitled", lang)


def category_line(res: FrameworkResult, lang: str) -> str:
    """Each category's score and coverage on one line."""
    # (no-break spaces: a category's name, score and coverage stay on one line when the line is broken)
    return " · ".join(f"{category_name(c.category, lang)}\u00a0{score_text(c.score)}\u00a0({pct(c.coverage)})"
                      for c in res.categories)


def year_text(res: FrameworkResult, lang: str) -> str:
    """The year judged with its reason: '2022年（目标年）' / '2019 (the year whose figures cover the most weight)'."""
    return text(say(f"year.{res.year_basis}", year=res.year), lang)


def later_text(res: FrameworkResult, lang: str) -> str | None:
    """What a framework judged in its most-evidence year leaves out: '较新的2024年另有3项指标的数据（其中2项在该年
    未达标：REF-03、REF-07），本报告按证据最全的2019年评定'; None when no later figure bears on it."""
    later = res.later
    if later is None:
        return None
    m = len(later.unmet)
    ids = Listed(later.unmet)
    unmet = (say("later.all_met") if not m else say("later.unmet_one", year=later.year, ids=ids) if m == len(
        later.criteria) == 1 else say("later.unmet", m=m, year=later.year, ids=ids))
    n = len(later.criteria)
    return text(say("later.note_one" if n == 1 else "later.note", year=later.year, n=n, unmet=unmet,
                    judged=res.year), lang)


def years_note(results, lang: str) -> str | None:
    """When frameworks are judged in different years, one sentence naming each with its year and reason."""
    if len({r.year for r in results}) < 2:
        return None
    items = Listed(tuple(say("year.of", fw=version_text(r.framework_id, r.framework_version, lang),
                             year=year_text(r, lang)) for r in results), "clauses")
    return text(say("year.differ", items=items), lang)


def header_lines(res: FrameworkResult, lang: str, compact: bool = False) -> list[tuple[str, str]]:
    """(label, text) pairs heading one framework's evaluation; `compact` puts the title on its own line."""
    name = f"{city_name(res, lang)} — {version_text(res.framework_id, res.framework_version, lang)}"
    year = phrase("header.year", lang, year=year_text(res, lang), engine=phrase(f"engine.{res.engine}", lang),
                  model=phrase(f"model.{res.model}", lang))
    return [
        *([("", name), ("", title(res, lang))] if compact else [("", f"{name}{colon(lang)}{title(res, lang)}")]),
        *(plan_headline(res, lang) if is_plan(res) else []),  # a plan's targets and verdict come first
        (head("source", lang), source_line(res, lang)),
        (head("year", lang), year),
        *([(head("later", lang), later)] if (later := later_text(res, lang)) else []),
        *([] if is_plan(res) else headline(res, lang)),
        (phrase("plan.head.categories", lang) if is_plan(res) else head("categories", lang), category_line(res, lang)),
    ]


def check_kind(kind: str, lang: str) -> str:
    """A check kind's name as reports print it ("门槛值" / "threshold"): the kind's own label (engine/checks)."""
    names = kind_of(kind).label
    return kind if names is None else named(names, lang)


def parts_heading(kind: str, lang: str) -> str:
    """The line that introduces a combined check's parts ("以下检查须全部满足")."""
    names = kind_of(kind).parts_heading
    return check_kind(kind, lang) if names is None else named(names, lang)


_FORMULA_WORDS = ("target", "published", "exists", "and", "in", "vs", "base")


def formula_text(formula: str, names: dict, lang: str) -> str:
    """A measurement's formula with indicator names for ids, its words in the output's language, and ≥ ≤
    as the report writes them: 'valid_invention_patents[2021] >= target' → '有效发明专利拥有量[2021] ≥ 目标'."""
    out = formula.replace(">=", "≥").replace("<=", "≤")
    out = re.sub(r"\b(" + "|".join(_FORMULA_WORDS) + r")\b", lambda m: phrase(f"formula.{m.group(1)}", lang), out)
    for ind in sorted(names, key=len, reverse=True):
        out = re.sub(rf"\b{re.escape(ind)}\b", named(names[ind], lang), out)
    return out


def fact_value(f, lang: str) -> str:
    """A fact as published into its unit: '38,289 件', '≥ 1,200 件', 'yes'."""
    return figure_text(f.value, f.bound, f.unit, lang)


def figure_text(value, bound: str | None, unit: str, lang: str) -> str:
    """A figure with its bound in its unit: '38,289 件', '≥ 1,200 件', 'yes'."""
    if isinstance(value, bool):
        return text(say("value.yes" if value else "value.no"), lang)
    prefix = {"at_least": "≥ ", "at_most": "≤ "}.get(bound or "", "")
    return prefix + display(value, unit, lang)


def whatif_line(assumptions, lang: str, results=None, years_before: dict | None = None) -> str:
    """What a what-if changed, said before any verdict (`engine.result.Assumption`s): each figure set, with the
    published one it replaces; "" without assumptions. Said of `results` (the frameworks the line heads), it says
    instead when none of them reads an assumed figure, and, of one framework, the year the assumptions moved its
    judgement from (`years_before`: framework id -> year judged on the published figures)."""
    if not assumptions:
        return ""
    items = tuple(phrase("whatif.added" if a.published is None else "whatif.replaced", lang,
                         name=name_in(lang, a.name_zh, a.name_en), year=a.year,
                         value=figure_text(a.value, a.bound, a.unit, lang),
                         was=None if a.published is None else figure_text(a.published, a.published_bound, a.unit,
                                                                          lang))
                  for a in assumptions)
    many = len(assumptions) > 1
    listed = Listed(items, "clauses")
    if results is not None and not any(r.rests_on_assumption for r in results):
        return text(say("whatif.unused_many" if many else "whatif.unused", items=listed), lang)
    if results is not None and len(results) == 1 and results[0].framework_id in (years_before or {}):
        return text(say("whatif.moved_many" if many else "whatif.moved", items=listed, year=results[0].year,
                        was=years_before[results[0].framework_id]), lang)
    return text(say("whatif.lines" if many else "whatif.line", items=listed), lang)


def fact_source(f, lang: str) -> tuple[str, str, str | None]:
    """(source title, publisher, note) of a fact as a report shows it; a what-if assumption in the output's language."""
    if f.assumed:
        return phrase("assumed.title", lang), phrase("assumed.publisher", lang), None
    publisher = named(f.publisher, lang) if isinstance(f.publisher, Names) else f.publisher
    return f.source_title, publisher, None if f.note is None else note_text(f.note, lang)


def confidence_word(confidence: str, lang: str) -> str:
    """A figure's confidence in words ('高', 'low'); an unknown one as it is."""
    code = f"confidence.{confidence}"
    return phrase(code, lang) if code in PHRASES else confidence


def short_status(status: str, lang: str) -> str:
    """A status as a table cell shows it: its mark and a short word ('✔ 达标', '? unknown')."""
    return f"{MARK[status]} {short_word(status, lang)}"


def trend_line(r: CriterionResult, lang: str, plan: bool = False) -> str | None:
    """A criterion's trajectory in one line: history, growth observed and needed, on track, projected year (`plan`:
    a plan's target, in plan words)."""
    t = r.trend
    tr = r.measurement.trajectory
    if t is None or (len(t.history) < 2 and tr is None):
        return None
    parts = []
    obs = tr.observed_cagr_pct if tr and tr.observed_cagr_pct is not None else t.observed_cagr_pct
    need = tr.needed_cagr_pct if tr and tr.needed_cagr_pct is not None else t.needed_cagr_pct
    proj = tr.projected_year if tr and tr.projected_year is not None else t.projected_year
    p = "trend.plan_" if plan else "trend."
    if obs is not None:
        parts.append(phrase("trend.observed", lang, v=display(obs, "%")))
    if need is not None:
        parts.append(phrase(p + "needed", lang, v=display(need, "%")))
    if tr is not None:
        parts.append(phrase(p + ("on_track" if tr.on_track else "off_track"), lang))
    if proj is not None:
        parts.append(phrase(p + "pace", lang, y=proj))
    return text(say("trend.line", id=r.id, items=Listed(tuple(parts), "series")), lang) if parts else None


def followup_lines(res: FrameworkResult, lang: str, top: int = 5) -> list[str]:
    """Under the table: what to fix first, and the trends of criteria not passed; a plan's in its own words (its
    targets with their achievements, the achievement index)."""
    plan = is_plan(res)
    by_id = {r.id: r for r in res.results}
    lines = []
    # with no evidence at all there is no score to raise: what to collect says it (a criterion met would
    # read "+100.0"); no-break spaces keep each item's id and figures on one line
    fix = meet_first(res)[:top] if res.score is not None else []
    if fix:
        items = tuple((phrase("followup.plan_fix_item", lang, id=g.criterion, gain=score_text(g.gain),
                              a=achievement_word(by_id[g.criterion], lang)) if plan else
                       phrase("followup.fix_item", lang, id=g.criterion, gain=score_text(g.gain)))
                      + (phrase("followup.fix_cov", lang, cov=pct(g.coverage_gain)) if g.coverage_gain > 0 else "")
                      for g in fix)
        lines.append(text(say("followup.plan_fix" if plan else "followup.fix", items=Listed(items, "clauses")), lang))
    collect = collect_first(res)[:top]
    if collect:
        rng = "followup.plan_collect_range" if plan else "followup.collect_range"
        items = tuple(phrase("followup.collect_item", lang, id=g.criterion, cov=pct(g.coverage_gain))
                      + (phrase(rng, lang, r=score_text(g.range_narrowing)) if g.range_narrowing > 0 else "")
                      for g in collect)
        lines.append(text(say("followup.plan_collect" if plan else "followup.collect", items=Listed(items, "clauses")),
                          lang))
    trends = [x for x in (trend_line(by_id[i], lang, plan) for i in by_id if by_id[i].status in ("partial", "fail"))
              if x]
    if trends:
        lines.append(phrase("followup.trends", lang))
        lines += [f"  {t}" for t in trends]
    assumed = sorted({f"{f.indicator}="
                      f"{display(f.value, f.unit, lang) if not isinstance(f.value, bool) else f.value}@{f.year}"
                      for r in res.results for f in r.measurement.facts if f.assumed})
    if assumed:
        lines.append(text(say("followup.assumed", items=Listed(tuple(assumed), "codes")), lang))
    return lines


def sensitivity_lines(results: list[FrameworkResult], sens: dict, lang: str) -> str:
    """Under an evaluation: each framework's sensitivity interval and how often the verdict held."""
    if not sens:
        return ""
    lines = []
    for r in results:
        s = sens[r.framework_id]
        lines.append(phrase("sensitivity.line", lang, fw=r.framework_id, draws=s.draws, w=pct(s.weight_range),
                            g=pct(s.goalpost_range), seed=s.seed, p5=score_text(s.score_p5),
                            p95=score_text(s.score_p95), verdict=verdict_word(r.verdict, lang),
                            kept=pct(s.verdict_kept)))
    return "\n".join(lines) + "\n"
