"""Planning and comparison documents (plan, compare, progress, diff, sensitivity).

Each builder turns engine results into a `Doc` — a title, lines under it and sections of blocks
(`blocks.py`: paragraphs, tables, charts) — that one writer per format draws: terminal
(`terminal.document`), Markdown (`markdown.document`), HTML/PDF (`templates/items.j2`, as the
readiness report's blocks) and Word (`docx_report.analysis_docx`). Nothing is computed here beyond
formatting.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine.compare import CriterionDiff, StatusChange, Summary
from ..engine.plan import Plan
from ..engine.result import FrameworkResult, Score, Share, say
from ..engine.sensitivity import Sensitivity
from . import words as W
from .blocks import Cell, Doc, Figure, Figures, Grid, Item, Para, Row, Run, Section, para
from .labels import (
    ACHIEVED_AS,
    ACHIEVED_MARK,
    MARK,
    achieved_words,
    category_name,
    is_plan,
    lacking_text,
    later_text,
    pct,
    range_text,
    score_text,
    short_status,
    shown_status,
    status_words,
    targets_text,
    title,
    verdict_name,
    verdict_word,
    version_text,
    whatif_line,
    year_text,
    years_note,
)
from .linebreak import name_pieces
from .words import colon, text


def section(heading: str, *items: Item) -> Section:
    """A section of a planning or comparison document (no page of its own: its heading runs as the header)."""
    return Section("", heading, heading, tuple(items))


def lines(*texts: str) -> tuple[Para, ...]:
    """Lines of text as paragraphs."""
    return tuple(para(t) for t in texts)


def _run(text: str, cls: str) -> Run:
    """A cell's text as a run: a lead unit's parts and a status never broken across lines."""
    return Run(text, keep=cls.startswith("s-"))


def _cell(text: str, cls: str) -> Cell:
    if cls == "lead":  # a lead unit: its parts kept whole, a line breaking only between them
        return Cell((tuple(Run(p, keep=True) for p in name_pieces(text)),), cls)
    return Cell(((_run(text, cls),),), cls)


def table(head: list[str], rows: list[list[str]], classes: list[list[str]] | None = None, title: int = 1) -> Grid:
    """A table of text cells as wide as their text asks, with a CSS class per cell when given (a heat map, a
    status colour, "lead" for a lead unit); `title`: how many leading cells name a row."""
    classes = classes or [[""] * len(head) for _ in rows]
    return Grid(tuple(head), (), tuple(Row(tuple(_cell(c, k) for c, k in zip(row, cls)))
                                       for row, cls in zip(rows, classes)), "wide", title, figures=False)


def _city(r, lang: str) -> str:
    """A city by its name in the output's language."""
    return W.name_in(lang, r.city_zh, r.city_en)


def _heat(score: Decimal | None) -> str:
    return "heat-na" if score is None else f"heat-{min(9, int(score // 10))}"


# ---------------------------------------------------------------- builders

def whatif_meta(assumptions, lang: str, results=None, years_before: dict | None = None) -> tuple[Para, ...]:
    """A what-if's line heading a document, before any verdict (none without assumptions); said of `results`,
    the frameworks it heads (`labels.whatif_line`)."""
    line = whatif_line(assumptions, lang, results, years_before)
    sep = colon(lang)  # (the colon's space after the bold label: Markdown's ** closes on no space)
    return (Para((Run(W.say("whatif.title", lang) + sep.rstrip(), "strong"), Run(sep[len(sep.rstrip()):] + line)),
                 "whatif"),) if line else ()


def plan_doc(plans: list[tuple[FrameworkResult, Plan]], lang: str, assumptions: tuple = (),
             years_before: dict | None = None) -> Doc:
    """For each framework, where the city stands, the goal and the steps that reach it, with their lead units;
    a what-if's figures (`assumptions`, `engine.result.Assumption`) said first."""
    sections = []
    for res, p in plans:
        if is_plan(res) and not res.assessable and res.score is not None:  # issue 11: the range, not the index
            now = W.say("plan.doc.now_range", lang, targets=targets_text(res, lang),
                        verdict=verdict_word(p.from_verdict, lang), range=range_text(res, lang))
        elif is_plan(res):  # a plan: its targets and its verdict lead, the achievement index second
            now = text(say("plan.doc.now", targets=targets_text(res, lang), verdict=verdict_word(p.from_verdict, lang),
                           s=Score(res.score) if res.score is not None else "—", cov=Share(res.coverage)), lang)
        elif res.assessable:
            now = W.say("plan.doc.now_score", lang, verdict=verdict_word(p.from_verdict, lang), s=score_text(res.score),
                        cov=pct(res.coverage))
        else:  # issue 11: the missing evidence and the range lead, not the score on the known part
            now = W.say("plan.doc.now_lacking", lang, verdict=verdict_word(p.from_verdict, lang),
                        lacking=lacking_text(res, lang), range=range_text(res, lang))
        now_lines = [now, *filter(None, [later_text(res, lang)]),  # the later year this one does not judge
                     W.say("plan.doc.goal", lang, verdict=verdict_word(p.goal, lang))]
        if not p.steps:
            now_lines.append(W.say("plan.doc.reached", lang))
            if res.lacking:  # reached on part of the evidence: what comes in may still move the verdict
                now_lines.append(W.say("plan.doc.but_lacking", lang, lacking=lacking_text(res, lang),
                                       range=range_text(res, lang)))
        else:
            rest = 1 - p.coverage_after  # the score after is on the evidence the steps bring; the rest is unknown
            how = (text(say("plan.doc.method"), lang) if p.method == "targets"
                   else W.say(f"plan.doc.search.{p.method}", lang))
            now_lines.append(W.say("plan.doc.after", lang, verdict=verdict_word(p.verdict_after, lang),
                                   s=score_text(p.score_after), cov=pct(p.coverage_after),
                                   rest=W.say("plan.doc.rest", lang, rest=pct(rest)) if rest > 0 else "", how=how,
                                   unreached="" if p.reached else W.say("plan.doc.unreached", lang)))
        by_id = {r.id: r for r in res.results}
        rows = [[str(i), s.criterion, title(by_id[s.criterion], lang),
                 status_words(by_id[s.criterion], lang), text(s.need, lang), s.lead_unit]
                for i, s in enumerate(p.steps, 1)]
        tables = [table([W.say("doc.col.seq", lang), W.say("doc.col.id", lang), W.say("doc.col.criterion", lang),
                         W.say("doc.col.status", lang),
                         W.say("doc.col.need", lang), W.say("doc.col.lead", lang)], rows,
                        [["", "", "", f"s-{shown_status(by_id[s.criterion])}", "", "lead"] for s in p.steps],
                        title=3)] if rows else []
        sections.append(section(f"{res.framework_id}{colon(lang)}{title(res, lang)}",
                                *[para(t) for t in now_lines], *tables))
    city = plans[0][0]
    results = [r for r, _ in plans]
    return Doc(W.say("plan.doc.title", lang, city=_city(city, lang)),
               whatif_meta(assumptions, lang, results, years_before) + lines(years_note(results, lang)
                                                      or W.say("plan.doc.year", lang, year=year_text(city, lang))),
               tuple(sections),
               lines(W.say("method.plan_search", lang),
                     *([text(say("method.plan_steps"), lang)] if any(is_plan(r) for r, _ in plans) else [])))


def compare_doc(ranked: list[tuple[int, Summary]], titles: list[tuple[str, str, str]], lang: str,
                sens: dict[str, Sensitivity] | None = None, rank_ci: dict[str, tuple[int, int]] | None = None,
                matrix_limit: int = 25) -> Doc:
    """`titles`: (id, title zh, title en) of the framework's criteria. A plan framework reads as a plan: each
    city leads with its target counts and its plan verdict, its achievement index after them, and the
    per-target table shows achievements ('✘ 未完成') rather than readiness marks."""
    first = ranked[0][1]
    plan = is_plan(first)
    cats = [c.category for c in first.categories]
    if plan:  # the targets and the verdict lead, the achievement index second (issue 25)
        head = [W.say("doc.col.rank", lang), W.say("doc.col.city", lang), W.say("doc.col.year", lang),
                text(say("plan.head.targets"), lang), W.say("doc.col.verdict", lang),
                text(say("plan.head.index"), lang), text(say("plan.head.range"), lang),
                W.say("doc.col.coverage", lang)]
    else:
        head = [W.say("doc.col.rank", lang), W.say("doc.col.city", lang), W.say("doc.col.year", lang),
                W.say("doc.col.verdict", lang),
                W.say("doc.col.coverage", lang), W.say("doc.col.score", lang), W.say("doc.col.possible", lang)]
    if sens:
        head += [W.say("compare.plan.index_interval" if plan else "doc.col.score_interval", lang),
                 W.say("doc.col.verdict_kept", lang), W.say("doc.col.rank_range", lang)]
    rows, classes = [], []
    for rk, r in ranked:
        # a city that is not assessable has no rank, and its score on the known part does not stand alone
        assessable = r.verdict != "not_assessable"
        score = score_text(r.score) if assessable else "—"
        possible = f"{score_text(r.score_low)}–{score_text(r.score_high)}"
        heat = _heat(r.score) if assessable else "heat-na"
        if plan:
            row = ["—" if rk is None else str(rk), _city(r, lang), str(r.year), targets_text(r, lang),
                   verdict_name(r, lang), score, possible, pct(r.coverage)]
            cls = ["", "", "", "", f"v-{r.verdict}", heat, "", ""]
        else:
            row = ["—" if rk is None else str(rk), _city(r, lang), str(r.year), verdict_name(r, lang),
                   pct(r.coverage), score, possible]
            cls = ["", "", "", f"v-{r.verdict}", "", heat, ""]
        if sens:
            s = sens[r.city_id]
            lo, hi = (rank_ci or {}).get(r.city_id, (0, 0))
            row += [f"{score_text(s.score_p5)}–{score_text(s.score_p95)}", pct(s.verdict_kept), f"{lo}–{hi}"]
        rows.append(row)
        classes.append(cls + ([""] * 3 if sens else []))
    heat_rows, heat_classes = [], []
    for _, r in ranked:
        by_cat = {c.category: c for c in r.categories}
        # a city not assessable: its category scores rest on the few criteria with evidence, so they are shown
        # in brackets and uncoloured, never green as a good score would be (as the ranking shows no score for it)
        sure = r.verdict != "not_assessable"
        heat_rows.append([_city(r, lang)] + [
            "—" if c not in by_cat or by_cat[c].score is None else score_text(by_cat[c].score) if sure
            else W.say("compare.heat.provisional", lang, s=score_text(by_cat[c].score)) for c in cats])
        heat_classes.append([""] + [_heat(by_cat[c].score) if c in by_cat and sure else
                                    "heat-provisional" if c in by_cat and by_cat[c].score is not None else "heat-na"
                                    for c in cats])
    heat_notes = lines(W.say("compare.heat.provisional_note", lang)) if any(
        "heat-provisional" in row for row in heat_classes) else ()
    years = sorted({r.year for _, r in ranked})
    unranked = sum(1 for rk, _ in ranked if rk is None)
    notes = []
    if unranked == len(ranked):
        notes.append(W.say("compare.none_ranked", lang, n=unranked))
    elif unranked:
        notes.append(W.say("compare.one_unranked" if unranked == 1 else "compare.unranked", lang, n=unranked))
    if len(years) > 1:
        notes.append(W.say("compare.years", lang, years=W.joined(map(str, years), "list", lang)))
    sections = [
        section(W.say("compare.ranking", lang), *lines(*notes), table(head, rows, classes, title=2)),
        section(W.say("compare.plan.heat" if plan else "compare.heat", lang),
                table([W.say("doc.col.city", lang)] + [category_name(c, lang) for c in cats], heat_rows, heat_classes),
                *heat_notes),
    ]
    crits = [(i, W.name_in(lang, zh, en)) for i, zh, en in titles]
    cities = [r for _, r in ranked]
    crit_head = [W.say("doc.col.id", lang), text(say("plan.head.criterion"), lang) if plan
                 else W.say("doc.col.criterion", lang)]
    if plan:  # each target's achievement (met early kept apart in words, counted as met)
        achieved = [{cid: (a, early) for cid, a, early in r.targets} for r in cities]
        if len(cities) <= matrix_limit:
            mrows, mclasses = [], []
            for cid, title in crits:
                sts = [st[cid] for st in achieved]
                mrows.append([cid, title] + [achieved_words(a, early, lang) for a, early in sts])
                mclasses.append(["", ""] + [f"s-{ACHIEVED_AS[a]}" for a, _ in sts])
            sections.append(section(W.say("compare.plan.matrix", lang),
                                    table(crit_head + [_city(r, lang) for r in cities], mrows, mclasses, title=2)))
        else:
            srows = []
            for cid, title in crits:
                sts = [st[cid][0] for st in achieved]
                srows.append([cid, title] + [str(sts.count(a)) for a in ACHIEVED_MARK])
            sections.append(section(W.say("compare.plan.counts", lang),
                                    table(crit_head + list(ACHIEVED_MARK.values()), srows, title=2)))
    elif len(cities) <= matrix_limit:
        status_of = [dict(r.statuses) for r in cities]
        mhead = crit_head + [_city(r, lang) for r in cities]
        mrows, mclasses = [], []
        for cid, title in crits:
            sts = [st[cid] for st in status_of]
            mrows.append([cid, title] + [MARK[s] for s in sts])
            mclasses.append(["", ""] + [f"s-{s}" for s in sts])
        sections.append(section(W.say("compare.matrix", lang),
                                table(mhead, mrows, mclasses, title=2)))
    else:
        status_of = [dict(r.statuses) for r in cities]
        srows = []
        for cid, title in crits:
            sts = [st[cid] for st in status_of]
            srows.append([cid, title] + [str(sts.count(s)) for s in ("pass", "partial", "fail", "unknown")])
        sections.append(section(W.say("compare.counts", lang),
                                table(crit_head + ["✔", "◐", "✘", "?"], srows, title=2)))
    meta = [f"{version_text(first.framework_id, first.framework_version, lang)}{colon(lang)}"
            f"{W.name_in(lang, first.framework_title_zh, first.framework_title_en)}",
            W.say("compare.cities", lang, n=len(cities))]
    method = [W.say("method.plan_rank" if plan else "method.rank", lang)] + (
        [W.say("method.sensitivity", lang)] if sens else [])
    return Doc(W.say("compare.title", lang), lines(*meta), tuple(sections), lines(*method))


def progress_doc(series: list[FrameworkResult], changes: list[list[StatusChange]], lang: str) -> Doc:
    """Score, coverage and verdict year by year (with a chart of score, range and coverage), then each
    status change with the criterion's title. A plan framework reads as a plan: each year leads with its
    target counts and its plan verdict, the achievement index after them, and `changes` are achievement
    changes (`engine.compare.achievement_changes`) shown in the plan's words."""
    from .charts import YearPoint
    from .charts import progress as progress_chart
    first = series[0]
    plan = is_plan(first)
    changed = [str(len(ch)) if ch else "—" for ch in changes]
    if plan:  # the targets and the verdict lead, the achievement index second (issue 25)
        rows = [[str(r.year), targets_text(r, lang), verdict_name(r, lang),
                 score_text(r.score) if r.assessable else "—",
                 f"{score_text(r.score_low)}–{score_text(r.score_high)}", pct(r.coverage), n]
                for r, n in zip(series, changed)]
        classes = [["", "", f"v-{r.verdict}", _heat(r.score) if r.assessable else "heat-na", "", "", ""]
                   for r in series]
        head = [W.say("doc.col.year", lang), text(say("plan.head.targets"), lang), W.say("doc.col.verdict", lang),
                text(say("plan.head.index"), lang), W.say("doc.col.possible", lang),
                W.say("doc.col.coverage", lang), text(say("plan.progress.changes"), lang)]
    else:
        rows = [[str(r.year), score_text(r.score) if r.assessable else "—",
                 f"{score_text(r.score_low)}–{score_text(r.score_high)}", pct(r.coverage), verdict_name(r, lang), n]
                for r, n in zip(series, changed)]
        classes = [["", _heat(r.score) if r.assessable else "heat-na", "", "", f"v-{r.verdict}", ""] for r in series]
        head = [W.say("doc.col.year", lang), W.say("doc.col.score", lang), W.say("doc.col.possible", lang),
                W.say("doc.col.coverage", lang), W.say("doc.col.verdict", lang), W.say("progress.changes", lang)]
    years = table(head, rows, classes)
    # a year that is not assessable has no score to draw (issue 11): its range only
    chart = progress_chart([YearPoint(r.year, r.score if r.assessable else None, r.score_low, r.score_high, r.coverage)
                            for r in series], lang)
    titles = {r.id: title(r, lang) for r in first.results}
    crows, cclasses = [], []
    prev = None
    for r, ch in zip(series, changes):
        if plan and ch:
            was, now = {x.id: x for x in prev.results}, {x.id: x for x in r.results}
        for c in ch:
            if plan:  # the target's achievement in the plan's words ('✘ 未完成'), coloured as it is drawn
                before, after = was[c.criterion], now[c.criterion]
                crows.append([str(r.year), c.criterion, titles.get(c.criterion, ""), status_words(before, lang),
                              status_words(after, lang)])
                cclasses.append(["", "", "", f"s-{shown_status(before)}", f"s-{shown_status(after)}"])
                continue
            crows.append([str(r.year), c.criterion, titles.get(c.criterion, ""), short_status(c.before, lang),
                          short_status(c.after, lang)])
            cclasses.append(["", "", "", f"s-{c.before}", f"s-{c.after}"])
        prev = r
    heading = text(say("plan.progress.changes"), lang) if plan else W.say("progress.changes", lang)
    none = (text(say("plan.progress.none"), lang) if plan
            else W.say("progress.none", lang))
    changed_items = (table([W.say("doc.col.year", lang), W.say("doc.col.id", lang), W.say("doc.col.criterion", lang),
                            W.say("doc.col.before", lang), W.say("doc.col.after", lang)], crows, cclasses, 3),
                     ) if crows else lines(none)
    # the chart across the page, above the table it draws (the HTML, PDF and Word documents only)
    sections = (section(W.say("progress.years", lang), Figures((Figure(chart),), wide=True), years),
                section(heading, *changed_items))
    method = lines(W.say("method.progress", lang), *([text(say("method.plan"), lang)] if plan else []))
    return Doc(W.say("progress.title", lang, city=_city(first, lang)),
               lines(W.say("progress.framework", lang, title=title(first, lang), id=first.framework_id)), sections,
               method)


def _standing(r: FrameworkResult, lang: str) -> str:
    """A verdict with its score, or, when not assessable, with its coverage: a score on the criteria with
    evidence never stands beside a verdict of not assessable (issue 25)."""
    if r.assessable:
        return f"{verdict_word(r.verdict, lang)} {score_text(r.score)}"
    return verdict_word(r.verdict, lang) + text(say("standing.coverage", cov=Share(r.coverage)), lang)


def diff_doc(a: str, b: str, diffs: list[CriterionDiff], flips: list[tuple[FrameworkResult, FrameworkResult]],
             lang: str, titles: dict[str, tuple[str, str]] | None = None) -> Doc:
    """Criteria added, removed or changed (with their titles: `titles` id → (zh, en)), and whose verdicts flip."""
    titles = titles or {}
    rows = [[d.criterion, W.name_in(lang, *titles.get(d.criterion, ("", ""))), W.say(f"diff.{d.change}", lang),
             W.joined((W.say(f"diff.field.{f}", lang) for f in d.fields), "list", lang)] for d in diffs]
    sections = [section(W.say("diff.criteria", lang),
                        *(() if rows else lines(W.say("diff.none", lang))),
                        *([table([W.say("doc.col.id", lang), W.say("doc.col.criterion", lang),
                                  W.say("doc.col.change", lang), W.say("doc.col.fields", lang)], rows, title=2)]
                          if rows else []))]
    for ra, rb in flips:
        sa = {r.id: r.status for r in ra.results}
        changed = [f"{r.id} {MARK[sa[r.id]]}→{MARK[r.status]}" for r in rb.results
                   if r.id in sa and sa[r.id] != r.status]
        flip = "" if ra.verdict == rb.verdict else W.say("diff.flips", lang)
        sections.append(section(_city(ra, lang), *lines(
            f"{a}{colon(lang)}{_standing(ra, lang)} · {b}{colon(lang)}{_standing(rb, lang)}{flip}",
            W.say("diff.changes", lang, changes=W.joined(changed, "series", lang) or "—"))))
    return Doc(W.say("diff.title", lang, a=a, b=b), (), tuple(sections))


METHOD_SENS = {lang: W.say("method.sensitivity", lang) for lang in ("zh", "en")}  # (the readiness report's appendix)
