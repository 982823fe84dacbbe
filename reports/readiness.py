"""The readiness report's content, built once from the results: the leadership page, the body, the appendix.

Every sentence, cell and chart of the report is decided here, in one language; the HTML/PDF
template (`templates/report.html.j2`) and the Word writer (`docx_report.py`) only lay it out.

- Page 1, for leadership: per framework the verdict, the coverage and the score range (or the
  score when assessable), three key messages drawn from the results (the largest gap, the
  evidence missing, what is met) and the first actions with their lead units and target years.
- The body: per framework what is met, what is not, and the gap analysis with its charts.
- The appendix: every criterion, the evidence to collect (once, grouped by lead unit), the
  method and the sources.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from .. import CRITERIA_DIR
from ..engine.models import CATEGORIES
from ..engine.result import (
    CriterionResult,
    FrameworkResult,
    Listed,
    Reason,
    Share,
    collect_first,
    meet_first,
    say,
)
from . import charts
from . import labels as L
from .blocks import Bullets, Cell, Figure, Figures, Grid, Heading, Item, Para, Row, Run, Section, lead_runs
from .linebreak import WORD_JOINER
from .words import colon, display, is_cjk, name_in, named, pct, phrase, score_text, text

# ---------------------------------------------------------------- the report around its blocks (reports/blocks.py)

@dataclass(frozen=True)
class Brief:
    """One framework on the leadership page."""
    title: str
    year: int              # the year judged
    meta: str
    verdict: str           # the verdict's code (its colour)
    verdict_words: str
    verdict_reason: str
    lead: str              # the largest figure: the score, or "N of M criteria lack evidence"
    details: tuple[str, ...]
    messages: tuple[tuple[str, str], ...]  # (gap | evidence | met, sentence)
    actions: Grid | None


@dataclass(frozen=True)
class Report:
    """The whole readiness report in one language."""
    lang: str
    city: str
    title: str
    subtitle: str
    briefs: tuple[Brief, ...]
    contents: tuple[tuple[str, str, int], ...]  # (anchor, heading, level)
    body: tuple[Section, ...]
    appendix: tuple[Section, ...]
    footer: str
    date: dt.date                                # the evaluation's date (as of): the document's date
    density: int = 0                            # page 1 set tighter as frameworks add up: 0, 1 (three), 2 (more)
    notes: tuple[str, ...] = field(default=())  # under the briefs (the reference framework is not official)
    whatif: str = ""                            # a what-if's figures, said before any verdict (page 1, each section)


# ---------------------------------------------------------------- small helpers

def clause_runs(clause: str, style: str = "note") -> tuple[Run, ...]:
    """A clause reference as runs that each stay on one line: each citation ("四.（十四）", "002 四.（一）",
    "附件1") with the separator after it, so a line breaks between citations, never inside "（十四）"; a
    citation longer than a line of its column may break."""
    return tuple(Run(p, style, keep=len(p) <= 14) for p in re.findall(r"[^；、，·]+[；、，·]?\s*", clause))


def result_run(r: CriterionResult, lang: str) -> Run:
    """A criterion's status in words with its mark and colour, never broken across lines; a plan target's
    achievement ('✘ 未完成')."""
    return Run(L.status_words(r, lang), f"s-{L.shown_status(r)}", keep=True)


def _cell(*lines: tuple[Run, ...] | str, cls: str = "") -> Cell:
    return Cell(tuple((Run(x),) if isinstance(x, str) else x for x in lines), cls)


def _para(*runs: Run | str, cls: str = "") -> Para:
    return Para(tuple(Run(r) if isinstance(r, str) else r for r in runs), cls)


def running(res: FrameworkResult, lang: str, limit: int = 34) -> str:
    """The page header while a framework's section runs: its title, shortened to fit."""
    t = L.title(res, lang)
    n = limit if is_cjk(lang) else limit * 2  # (a Chinese character is as wide as two Latin letters)
    return t if len(t) <= n else t[: n - 1] + "…"


def _due(r: CriterionResult, res: FrameworkResult) -> int:
    """The year an action on a criterion is due: its target's year, else the year the evidence is for."""
    ms = r.measurement
    if ms.trajectory:
        return ms.trajectory.target_year
    if ms.target_year:
        return ms.target_year
    years = [y for m in ms.missing for y in m.years]
    return max(years + [res.year])  # (evidence for an earlier year, a growth's base, is due by the year judged)


# ---------------------------------------------------------------- page 1

def inline(title: str, lang: str) -> str:
    """A title inside an English sentence: 'Valid patents reach …' → 'valid patents reach …' (not 'IP …')."""
    if not is_cjk(lang) and len(title) > 1 and title[0].isupper() and (title[1].islower() or title[1] == " "):
        return title[0].lower() + title[1:]
    return title


def _numeric(r: CriterionResult) -> bool:
    """A criterion measured as a figure (not a yes/no mechanism, not a combination)."""
    ms = r.measurement
    return ms.value is not None and not ms.is_mechanism and not ms.combine


def key_messages(res: FrameworkResult, lang: str, examples: int = 2) -> tuple[tuple[str, str], ...]:
    """Three sentences drawn from the results: the largest gap, the evidence missing, what is met (naming up to
    `examples` of the criteria met)."""
    gains = {g.criterion: g.gain for g in res.fix_first}
    plan = L.is_plan(res)  # a plan's targets in its own words: missed or behind, met
    m = "msg.plan_" if plan else "msg."
    short = sorted((r for r in res.results if r.status in ("fail", "partial")),
                   key=lambda r: (r.achievement not in ("missed", "behind"), -gains.get(r.id, Decimal(0)),
                                  r.score or 0, r.id))
    measured = [r for r in res.results if r.score is not None]
    if short:
        r = short[0]
        gap = say("msg.gap", title=inline(L.title(r, lang), lang), value=L.value_text(r, lang),
                  target=L.target_text(r, lang))
        if r.gap is not None:
            gap += say("msg.gap_by", gap=L.gap_text(r, lang))
        if len(short) > 1:
            gap += say("msg.plan_gap_more" if plan else "msg.gap_more", n=len(short) - 1)
    elif measured:
        gap = say(m + "no_gap", n=len(measured)) if len(measured) > 1 else say(m + "no_gap_one")
    else:
        gap = say(m + "no_evidence")
    if res.lacking and res.lacking == res.applicable:  # nothing known: no share or category to single out
        holes = say(m + "holes_all", m=res.applicable)
    elif res.lacking:
        holes = say(m + "holes", n=res.lacking, m=res.applicable, share=Share(1 - res.coverage))
        empty = [L.category_name(c.category, lang) for c in res.categories if c.score is None]
        if empty:
            holes += say("msg.holes_cats", cats=Listed(tuple(empty), "list"))
    else:
        holes = say(m + "holes_none")
    met = sorted((r for r in res.results if (r.achievement == "met" if plan else r.status == "pass")),
                 key=lambda r: (-r.weight, not _numeric(r), r.id))
    if met:
        items = tuple(say("msg.met_item", title=inline(L.title(r, lang), lang), value=L.value_text(r, lang))
                      if _numeric(r) else inline(L.title(r, lang), lang) for r in met[:examples])
        if not items:
            ok = say(m + "met_count", n=len(met))
        elif len(met) > 1:
            ok = say(m + "met", n=len(met), items=Listed(items, "clauses"))
        else:
            ok = say(m + "met_one", items=items[0])
    else:
        ok = say(m + "met_none")
    # a gap is marked as one (▲) only when there is one: "no gap found" and "no evidence yet" are not alarms;
    # without a gap, the evidence missing comes first (no gap among a few criteria is no reassurance)
    evidence = ("evidence", text(holes, lang))
    first = [("gap", text(gap, lang)), evidence] if short else [evidence, ("nogap", text(gap, lang))]
    return (*first, ("met" if met else "nomet", text(ok, lang)))


def actions(res: FrameworkResult, lang: str, top: int, needs: dict[str, Reason]) -> Grid | None:
    """The first actions: what meeting the criteria that raise the score most takes, then the evidence
    that adds the most coverage (`needs`: each one's action, as the command worked it out,
    `engine.plan.first_actions`); each with its lead unit and target year."""
    by_id = {r.id: r for r in res.results}
    picked = [by_id[g.criterion] for g in meet_first(res)] + [by_id[g.criterion] for g in collect_first(res)]
    seen, rows = set(), []
    for r in picked:
        if r.id in seen or len(rows) >= top:
            continue
        seen.add(r.id)
        what = text(needs[r.id], lang)
        name = (Run(L.title(r, lang), "strong"), Run(" "), Run(r.id, "note", keep=True))
        if r.achievement not in (None, "unknown"):  # a plan's target judged, with its achievement ('✘ 未完成'); one
            name += (Run(" "), result_run(r, lang))    # without evidence says so in its action (补充…)
        rows.append(Row((_cell(name, what),
                         _cell(lead_runs(r.lead_unit, fit=15)), _cell(str(_due(r, res)), cls="num"))))
    if not rows:
        return None
    return Grid((phrase("report.action", lang), L.head("lead", lang), phrase("report.due", lang)), (62, 28, 10),
                tuple(rows), "actions")


def low_confidence(res: FrameworkResult) -> tuple[int, int] | None:
    """(figures of low confidence, figures) among those the results with evidence rest on (an old figure shown
    beside an unknown result decides nothing), each figure once; None when none is of low confidence."""
    used = {(f.indicator, f.year, f.source_key): f.confidence for r in res.results
            if r.status in ("pass", "partial", "fail") for f in r.measurement.facts}
    low = sum(1 for c in used.values() if c == "low")
    return (low, len(used)) if low else None


def brief(res: FrameworkResult, lang: str, top: int, needs: dict[str, Reason], examples: int = 2) -> Brief:
    """One framework's block on the leadership page (`top` actions, `needs` what each takes; `examples` of what
    is met, by name)."""
    range_head = phrase("plan.head.range", lang) if L.is_plan(res) else L.head("range", lang)
    range_line = f"{range_head}{colon(lang)}{L.range_text(res, lang)}"
    if L.is_plan(res):  # a plan: its targets by achievement lead; the achievement index comes second
        lead = L.targets_text(res, lang)
        details = [f"{text(say('plan.head.index'), lang)}{colon(lang)}{L.index_text(res, lang)}"]
        if not res.assessable and res.score is not None:  # the range first (issue 11), then the known part
            details.append(L.known_text(res, lang))
        elif res.lacking:  # an index on part of the evidence: the range it may still take under it
            details.append(range_line)
    elif res.assessable and not res.lacking:
        lead = f"{phrase('report.score', lang)} {score_text(res.score)} / 100"
        details = [L.known_text(res, lang)]
    elif res.assessable:  # a score on part of the evidence: the evidence missing stands beside it, as large
        lead = f"{phrase('report.score', lang)} {score_text(res.score)} · {L.lacking_text(res, lang)}"
        details = [L.known_text(res, lang), range_line]
    else:  # with no evidence at all, neither a range (0 to 100) nor a score on a known part says anything
        lead = L.lacking_text(res, lang)
        lead = lead[:1].upper() + lead[1:]  # a headline: "None of the 22 criteria has evidence"
        details = [range_line, L.known_text(res, lang)] if res.score is not None else []
    low = low_confidence(res)
    if low:
        code = "low_confidence" if low[0] < low[1] else "low_confidence_one" if low[1] == 1 else "low_confidence_all"
        details.append(text(say(f"brief.{code}", n=low[0], m=low[1]), lang))
    year = f"{phrase('report.eval_year', lang)} {L.year_text(res, lang)}"
    later = L.later_text(res, lang)
    if later:  # the later year the report does not judge, beside the year it judges
        year += phrase("sep.semicolon", lang) + L.head("later", lang) + colon(lang) + later  # as the terminal says it
    meta = phrase("report.brief_meta", lang, year=year,
                  source=f"{phrase('report.source_doc', lang)}{colon(lang)}{L.source_line(res, lang)}")
    return Brief(L.title(res, lang), res.year, meta, res.verdict, L.verdict_name(res, lang), L.verdict_text(res, lang),
                 lead, tuple(details), key_messages(res, lang, examples), actions(res, lang, top, needs))


# ---------------------------------------------------------------- the body

def _labelled(label: str, value: str, before: str = "", whole: int = 16) -> list[Run]:
    """'目标：≥ 11,000 家' under a chart: the label never broken nor left at a line's end without its value.
    Label and value are kept on one line when short (at most `whole` characters); else the label is kept
    whole and joined to the value (a word joiner ending it: no line break between them). The value's own
    figures stay whole as in any cell ("≥ 650 件": `linebreak.numbers`)."""
    lead = [Run(before)] if before else []
    if len(label) + len(value) <= whole:
        return lead + [Run(label + value, keep=True)]
    return lead + [Run(label + WORD_JOINER, keep=True), Run(value)]


def trend_figure(r: CriterionResult, res: FrameworkResult, lang: str, assumed: frozenset = frozenset()
                 ) -> Figure | None:
    """An indicator's chart with what it says: the result, growth observed, growth still needed (only
    when the target's year is still ahead of the year judged), the year reached at the observed pace; `assumed`:
    the (indicator, year) a what-if set, drawn as assumptions."""
    t = r.trend
    if t is None:
        return None
    name = res.indicator_names.get(t.indicator)
    label = name_in(lang, name.zh, name.en[:1].upper() + name.en[1:]) if name else L.title(r, lang)
    chart = charts.trend(t, res.year, label, lang, frozenset(y for i, y in assumed if i == t.indicator))
    if chart is None:
        return None
    gap = phrase("report.facts_gap", lang)
    pairs = [("value", L.value_text(r, lang)), ("target", L.target_text(r, lang))] + \
        ([("gap", L.gap_text(r, lang))] if r.gap is not None else [])
    facts: list[Run] = []
    for k, (head, value) in enumerate(pairs):
        facts += _labelled(phrase("report.labelled", lang, label=L.head(head, lang)), value, gap if k else "")
    notes = [_para(Run(r.id, "strong", keep=True), Run(" "), result_run(r, lang), Run(" " + L.title(r, lang))),
             Para(tuple(facts), "note")]

    def growth(label: str, span: str, value) -> Para:  # 已观察年均增长（2019–2021）：10%
        return _para(phrase("report.growth", lang, label=phrase(f"report.{label}", lang), span=span,
                            v=display(value, "%")), cls="note")

    points = [p for p in t.history if p[0] <= res.year]
    ahead = t.target_year is not None and t.target_year > res.year
    if t.observed_cagr_pct is not None and len(points) > 1:
        notes.append(growth("observed", f"{points[0][0]}–{points[-1][0]}", t.observed_cagr_pct))
    if ahead and t.needed_cagr_pct is not None:
        notes.append(growth("needed", f"{points[-1][0]}–{t.target_year}", t.needed_cagr_pct))
    if ahead and t.projected_year is not None:
        notes.append(_para(f"{phrase('report.reached_at_pace', lang)}{colon(lang)}{t.projected_year}", cls="note"))
    return Figure(chart, tuple(notes))


def whatif_para(whatif: str, lang: str) -> Para:
    """A what-if's line as the report shows it before a verdict: its label in bold, in the what-if's colour."""
    sep = colon(lang)
    return _para(Run(phrase("whatif.title", lang) + sep.rstrip(), "strong"), sep[len(sep.rstrip()):] + whatif,
                 cls="whatif")


def framework_section(k: int, res: FrameworkResult, lang: str, sens, whatif: str = "",
                      assumed: frozenset = frozenset()) -> Section:
    """A framework's part of the body: the headline (after a what-if's line, `whatif`), what is met, what is not,
    the gap analysis (its charts drawing the figures a what-if set, `assumed`: (indicator, year), as such)."""
    sep = colon(lang)
    items: list[Item] = [whatif_para(whatif, lang)] if whatif else []
    items += [
        # each label stays with its figure
        _para(f"{phrase('report.source_doc', lang)}{sep}{L.source_line(res, lang)}　",
              Run(f"{phrase('report.eval_year', lang)} {L.year_text(res, lang)}", keep=True), "　",
              Run(f"{phrase('report.as_of', lang)} {res.as_of.isoformat()}", keep=True), cls="note"),
    ]
    head = [Run(L.verdict_name(res, lang), f"verdict v-{res.verdict}", keep=True), Run(" ")]
    if L.is_plan(res):
        head += [Run(L.targets_text(res, lang), "strong")]
    elif res.assessable:
        head += [Run(L.score_line(res, lang), "strong")]
    else:
        head += [Run(L.lacking_text(res, lang), "strong")]
    items.append(Para(tuple(head)))
    items.append(_para(L.verdict_text(res, lang), cls="note"))
    if L.is_plan(res):
        items.append(_para(f"{text(say('plan.head.index'), lang)}{colon(lang)}{L.index_text(res, lang)}", cls="note"))
    elif not res.assessable and res.score is not None:  # (with no evidence at all, the range 0 to 100 says nothing)
        # the score on the criteria with evidence never on the verdict's line when it is not assessable (issue 25)
        # (Chinese says 可能得分; English 'between …')
        items.append(_para(phrase("report.range_line", lang, range=L.range_and_known_text(res, lang))))
    if res.framework_kind == "reference":
        items.append(_para(phrase("report.not_official", lang), cls="note"))
    s = (sens or {}).get(res.framework_id)
    if s:
        items.append(_para(L.sensitivity_lines([res], {res.framework_id: s}, lang).strip(), cls="note"))

    plan = L.is_plan(res)
    met = [r for r in res.results if (r.achievement == "met" if plan else r.status == "pass")]
    met_head = text(say("plan.body.met"), lang) if plan else phrase("report.met", lang)
    items.append(Heading(3, phrase("report.count_head", lang, head=met_head, n=len(met))))
    if met:
        items.append(Bullets(tuple(_para(Run(f"{r.id} ", "strong"), L.title(r, lang),
                                         Run(f"{sep}{L.value_text(r, lang)}", "note")) for r in met)))
    else:
        items.append(_para(phrase("report.plan_none_met" if plan else "report.none_met", lang)))

    # a plan: the targets missed and behind first, then those whose progress cannot be judged, then on track
    rank = {"missed": 0, "behind": 1, "no_path": 2, "on_track": 3}
    short = (sorted((r for r in res.results if r.achievement in rank), key=lambda r: rank[r.achievement]) if plan
             else [r for r in res.results if r.status in ("fail", "partial", "error")])
    short_head = text(say("plan.body.open"), lang) if plan else phrase("report.not_met", lang)
    items.append(Heading(3, phrase("report.count_head", lang, head=short_head, n=len(short))))
    if short:
        items.append(Grid(tuple(L.row_head(key, res, lang) for key in ("criterion", "value", "target", "gap", "lead")),
                          (34, 18, 16, 14, 18),
                          tuple(Row((_cell((Run(r.id, "strong", keep=True), Run(" " + L.title(r, lang))),
                                            (result_run(r, lang),)),
                                     _cell(L.value_text(r, lang) + L.progress_note(r, lang)),
                                     _cell(L.target_text(r, lang)),
                                     _cell(L.gap_text(r, lang)), _cell(lead_runs(r.lead_unit, fit=10))))
                                for r in short), "short"))
    else:
        items.append(_para(phrase("report.plan_none_short" if plan else "report.none_short", lang)))
    if res.lacking:
        items.append(_para(phrase("report.plan_lacking_see" if plan else "report.lacking_see", lang, n=res.lacking),
                           cls="note"))

    items.append(Heading(3, phrase("report.gaps", lang)))
    names = {c: L.category_name(c, lang) for c in CATEGORIES}  # (every category, by code)
    figs = [Figure(charts.categories(res.categories, None if plan else res.ready_threshold, names, lang),
                   (_para(text(say("chart.index"), lang) if plan else phrase("report.radar", lang), cls="note"),))]
    # the indicators behind the criteria not met, then those without evidence that have older figures
    order = {"fail": 0, "partial": 0, "error": 0, "unknown": 1}
    ranked = sorted((r for r in res.results if r.status in order and r.trend),
                    key=lambda r: (order[r.status], -r.weight, r.id))
    seen: set[str] = set()
    for r in ranked:
        if len(figs) >= 4:
            break
        if r.trend.indicator in seen:  # type: ignore[union-attr]
            continue
        f = trend_figure(r, res, lang, assumed)
        if f:
            seen.add(r.trend.indicator)  # type: ignore[union-attr]
            figs.append(f)
    items.append(Figures(tuple(figs)))
    return Section(f"fw{k}", L.title(res, lang), running(res, lang), tuple(items))


# ---------------------------------------------------------------- the appendix

def criteria_grid(res: FrameworkResult, lang: str) -> Grid:
    """Every criterion by category: status, name (clause, lead unit), value, target, gap, score × weight."""
    rows: list[Row] = []
    for c in res.categories:
        rows.append(Row(group=f"{L.category_name(c.category, lang)} — {phrase('report.score', lang)} "
                              f"{score_text(c.score)} · {phrase('report.coverage', lang)} {pct(c.coverage)}"))
        for r in res.results:
            if r.category != c.category:
                continue
            score = "—" if r.score is None else score_text(r.score * 100)
            rows.append(Row((
                _cell((result_run(r, lang),), (Run(f"{score} × {r.weight}", "note", keep=True),)),
                _cell((Run(f"{r.id}{'*' if r.required else ''}", "strong", keep=True), Run(" " + L.title(r, lang))),
                      lead_runs(r.lead_unit, "note", fit=26) + (Run(" · ", "note"),) + clause_runs(r.clause)),
                _cell(L.value_text(r, lang)), _cell(L.target_text(r, lang)), _cell(L.gap_text(r, lang)))))
    return Grid((f"{L.head('status', lang)}\n{L.head('score', lang)} × {L.head('weight', lang)}",  # as the cells
                 f"{L.head('criterion', lang)} · {L.head('lead', lang)} · {L.head('clause', lang)}",
                 L.head("value", lang), L.head("target", lang), L.head("gap", lang)), (13, 46, 16, 14, 11), tuple(rows),
                "criteria")


def evidence_grid(results: list[FrameworkResult], lang: str) -> Grid | None:
    """The evidence to collect across every framework, each item once, grouped by lead unit."""
    by_unit: dict[str, dict[str, list[str]]] = {}
    for res in results:
        for r in res.results:
            if r.status not in ("unknown", "error"):
                continue
            needs = [text(m.why, lang) for m in r.measurement.missing] or [text(say("plan.evidence"), lang)]
            for need in needs:
                by_unit.setdefault(r.lead_unit, {}).setdefault(need, [])
                if r.id not in by_unit[r.lead_unit][need]:
                    by_unit[r.lead_unit][need].append(r.id)
    if not by_unit:
        return None
    rows: list[Row] = []
    for unit in sorted(by_unit, key=lambda u: (-len(by_unit[u]), u)):
        rows.append(Row(group=unit))
        for need, ids in by_unit[unit].items():
            rows.append(Row((_cell(need), _cell(text(say("items", items=Listed(tuple(ids), "list")), lang)))))
    return Grid((phrase("report.needs", lang), phrase("report.for_criteria", lang)), (78, 22), tuple(rows), "evidence")


def method_items(results: list[FrameworkResult], lang: str, sens) -> list[Item]:
    """The method: each framework's model, thresholds and category weights; the shared rules."""
    sep = colon(lang)
    items: list[Item] = []
    for res in results:
        items.append(Heading(3, L.title(res, lang)))
        gap, comma = phrase("report.weights_gap", lang), phrase("sep.comma", lang)
        weights: list[Run] = []  # each category with its weight on one line ("经费保障 1", never "经/费保障")
        for k, c in enumerate(res.categories):
            weights += ([Run(gap)] if k else []) + [Run(f"{L.category_name(c.category, lang)} {c.weight}", keep=True)]
        if L.is_plan(res):  # the plan's rule, once, before the score's model
            items.append(_para(text(say("method.plan"), lang)))
        items.append(_para(phrase(f"method.model.{res.model}", lang)))
        # a plan's verdict has no score thresholds (its rule is above): only the floor and the weights
        thresholds = "" if L.is_plan(res) else (
            f"{phrase('report.thresholds', lang)}{sep}{L.verdict_word('ready', lang)} ≥ {res.ready_threshold}{comma}"
            f"{L.verdict_word('nearly_ready', lang)} ≥ {res.nearly_threshold}{gap}")
        items.append(_para(f"{thresholds}{phrase('report.floor', lang)}{sep}{pct(res.coverage_floor)}{gap}"
                           f"{phrase('report.category_weight', lang)}{sep}", *weights, cls="note"))
    items.append(_para(Run(phrase("report.goalposts", lang) + sep, "strong"), phrase("method.goalposts", lang)))
    items.append(_para(Run(phrase("report.fix_first", lang) + sep, "strong"), phrase("method.planning", lang)))
    items.append(_para(Run(phrase("report.data_age", lang) + sep, "strong"), phrase("method.data_age", lang)))
    if sens:
        from .analysis import METHOD_SENS
        items.append(_para(METHOD_SENS[lang]))
    return items


def shown_path(path: str) -> str:
    """An input file as a report names it: ipcheck's own criteria by their place in it ("criteria/
    reference.yaml"), not by where ipcheck is installed (a report is handed on; a local path says nothing
    to its reader and tells where a machine keeps its files); any other file as the command was given it."""
    given = PurePath(path)
    if given.is_relative_to(CRITERIA_DIR):
        return str(PurePath("criteria") / given.relative_to(CRITERIA_DIR))
    return path


def source_items(results: list[FrameworkResult], inputs: list[tuple[str, str]], lang: str) -> list[Item]:
    """The documents each framework rests on, every figure used with its source, the files read."""
    items: list[Item] = [Heading(3, phrase("report.documents", lang))]
    docs = []
    for res in results:
        docs.append(_para(Run(L.title(res, lang), "strong"),
                          Run(colon(lang) + L.source_line(res, lang))))
        if res.derived_from:
            docs += [_para(Run(d, "note")) for d in res.derived_from]
    items.append(Bullets(tuple(docs)))
    rows, seen = [], set()
    names = {k: v for res in results for k, v in res.indicator_names.items()}
    for res in results:
        for r in res.results:
            for f in r.measurement.facts:
                key = (f.indicator, f.year, f.source_key)
                if key in seen:
                    continue
                seen.add(key)
                n = names.get(f.indicator)
                title, publisher, note = L.fact_source(f, lang)
                src: list[tuple[Run, ...]] = [(Run(title),)]
                # an address a reader can open; a path to a local copy ("shared/seeds/001_….txt") is for
                # the analyst, in the JSON and `explain`
                if f.source_url and f.source_url.startswith(("http://", "https://")):
                    src.append((Run(f.source_url, "url"),))
                if note:
                    src.append((Run(note, "note"),))
                conf = L.confidence_word(f.confidence, lang)
                if f.assumed:
                    conf += text(say("value.assumed"), lang)
                rows.append(Row((_cell(named(n, lang) if n else f.indicator), _cell(str(f.year)),
                                 _cell(L.fact_value(f, lang)), Cell(tuple(src)), _cell(publisher),
                                 _cell(f.read.isoformat() if f.read else "—"), _cell(conf))))
    if rows:
        items.append(Heading(3, phrase("report.data", lang)))
        heads = (phrase("report.indicator", lang), phrase("report.year", lang), phrase("report.value", lang),
                 L.head("source", lang), phrase("report.publisher", lang), phrase("report.read", lang),
                 phrase("report.confidence", lang))
        items.append(Grid(heads, (16, 6, 12, 29, 16, 10, 11), tuple(rows), "sources"))
    items.append(Heading(3, phrase("report.inputs", lang)))
    items.append(Grid((phrase("report.file", lang), "SHA-256"), (38, 62),
                      tuple(Row((_cell(shown_path(p)), _cell((Run(h, "url"),)))) for p, h in inputs), "inputs"))
    return items


# ---------------------------------------------------------------- the report

def build(results: list[FrameworkResult], inputs: list[tuple[str, str]], version: str, lang: str,
          sensitivity: dict | None = None, actions: dict | None = None, assumptions: tuple = (),
          years_before: dict | None = None) -> Report:
    """The readiness report of one city's evaluation, in one language; `actions`: by framework id, what meeting
    each criterion not met takes (`engine.plan.first_actions`, worked out by the command); `assumptions`: a
    what-if's figures (`engine.result.Assumption`), said on page 1 and in each section before the verdict."""
    whatif = L.whatif_line(assumptions, lang, results, years_before)
    first = results[0]
    n = len(results)
    top = 4 if n == 1 else 3 if n == 2 else 2 if n == 3 else 1
    briefs = tuple(brief(res, lang, top, (actions or {}).get(res.framework_id, {}), 2 if n <= 4 else 0)
                   for res in results)
    notes = tuple(phrase("report.not_official", lang) for res in results if res.framework_kind == "reference")[:1]
    assumed = frozenset((a.indicator, a.year) for a in assumptions)
    body = tuple(framework_section(k, res, lang, sensitivity, L.whatif_line(assumptions, lang, [res], years_before),
                                   assumed) for k, res in enumerate(results, 1))
    crit: list[Item] = []
    for res in results:
        crit.append(Heading(3, L.title(res, lang)))
        crit.append(criteria_grid(res, lang))
        if res.waivers:
            crit.append(Heading(3, f"{phrase('report.waivers', lang)}{colon(lang)}{L.title(res, lang)}"))
            crit.append(Grid((L.head("id", lang), phrase("report.justification", lang), phrase("report.expires", lang),
                              ""), (12, 54, 14, 20),
                             tuple(Row((_cell(w.criterion), _cell(w.justification), _cell(w.expires.isoformat()),
                                        _cell(phrase("report.active" if w.active else "report.expired", lang),
                                              cls="s-waived" if w.active else "s-fail"))) for w in res.waivers),
                             "waivers"))
    crit.append(_para(phrase("report.required_note", lang), cls="note"))
    evidence = evidence_grid(results, lang)
    running_app = phrase("report.appendix", lang)
    appendix = (
        Section("app-criteria", phrase("report.app_criteria", lang), running_app, tuple(crit)),
        Section("app-evidence", phrase("report.app_evidence", lang), running_app,
                (evidence,) if evidence else (_para(phrase("report.no_missing", lang)),)),
        Section("app-method", phrase("report.app_method", lang), running_app,
                tuple(method_items(results, lang, sensitivity))),
        Section("app-sources", phrase("report.app_sources", lang), running_app,
                tuple(source_items(results, inputs, lang))),
    )
    contents = tuple((s.anchor, s.heading, 1) for s in body + appendix)
    # page 1 says so when the frameworks are judged in different years, each with its year and reason
    subtitle = L.years_note(results, lang) or f"{phrase('report.eval_year', lang)} {L.year_text(first, lang)}"
    if len({r.as_of for r in results}) == 1:  # one date for all; else each framework's year says it
        subtitle = phrase("report.subtitle_as_of", lang, subtitle=subtitle,
                          as_of=f"{phrase('report.as_of', lang)} {first.as_of.isoformat()}")
    return Report(lang, L.city_name(first, lang), phrase("report.report", lang), subtitle, briefs, contents, body,
                  appendix, phrase("report.generated", lang, v=version), first.as_of, notes=notes,
                  density=0 if n <= 2 else 1 if n == 3 else 2, whatif=whatif)
