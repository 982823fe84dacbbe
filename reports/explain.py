"""`ipcheck explain`: one criterion's result in plain words — facts, formula, target, source — in one language."""

from __future__ import annotations

from ..engine.result import CriterionResult, FrameworkResult, Measurement, Reason, say
from .analysis import Doc
from .blocks import Bullets, Item, Section, para
from .labels import (
    check_kind,
    city_name,
    confidence_word,
    fact_source,
    fact_value,
    formula_text,
    gap_text,
    parts_heading,
    progress_note,
    source_line,
    status_word,
    status_words,
    target_text,
    title,
    value_text,
    version_text,
)
from .terminal import document
from .words import PHRASES, display, named, phrase, score_text, text


def _w(key: str, lang: str, **args) -> str:
    return phrase(f"explain.{key}", lang, **args)


def _reason(r: CriterionResult, lang: str) -> str:
    """The result's reason; a plan target's opens with its achievement (未完成), not a readiness status (部分达标)."""
    if r.achievement and r.reason and r.reason[0].code.startswith("status."):
        return status_words(r, lang)[2:] + text(Reason(r.reason[1:]), lang)
    return text(r.reason, lang)


def _sep(lang: str) -> tuple[str, str]:
    """(colon, semicolon) in the output's language."""
    return phrase("sep.colon", lang), phrase("sep.semicolon", lang)


def _growth(label: str, span: str, pct_text: str, lang: str) -> str:
    colon, _ = _sep(lang)
    return f"{_w(label, lang)} {span}{colon}{pct_text}{_w('a_year', lang)}"


def _measurement_lines(ms: Measurement, names: dict, lang: str, indent: str = "  ") -> list[str]:
    colon, _ = _sep(lang)
    lines = []
    if ms.combine:
        lines.append(f"{indent}{parts_heading(ms.combine, lang)}{colon}")
        for i, p in enumerate(ms.parts, 1):
            state = phrase(f"explain.state.{p.state}", lang) if f"explain.state.{p.state}" in PHRASES else p.state
            lines.append(f"{indent}[{i}] {state}{colon}{text(p.reason, lang)}")
            lines += _measurement_lines(p, names, lang, indent + "    ")
        return lines
    if ms.formula:
        labelled = {**names, **dict(ms.labels)}  # indicators and a mechanism's attributes by their names
        lines.append(f"{indent}{_w('formula', lang)}{colon}{formula_text(ms.formula, labelled, lang)}")
    if ms.trajectory:
        t = ms.trajectory
        u = ms.unit
        state = _w("on_track" if t.on_track else "behind", lang)
        lines.append(indent + phrase("explain.path_line", lang, base=display(t.base, u, lang), base_year=t.base_year,
                                     target=display(t.target, u, lang), target_year=t.target_year, year=t.year,
                                     expected=display(t.expected_now, u, lang), value=display(t.value, u, lang),
                                     state=state))
        if t.observed_cagr_pct is not None:
            lines.append(indent + _growth("growth_observed", f"{t.base_year}–{t.year}",
                                          display(t.observed_cagr_pct, "%"), lang))
        if t.needed_cagr_pct is not None:
            lines.append(indent + _growth("growth_needed", f"{t.year}–{t.target_year}", display(t.needed_cagr_pct, "%"),
                                          lang) + f" = (target / value)^(1/{t.target_year - t.year}) − 1"
                         .replace("target", _w("target", lang)).replace("value", _w("value", lang)))
        if t.projected_year is not None:
            lines.append(indent + _w("pace", lang, y=t.projected_year))
    return lines


def doc(res: FrameworkResult, r: CriterionResult, lang: str, whatif: str = "") -> Doc:
    """One criterion's result as blocks, in `lang` only: a section under the criterion's id and title, with a
    paragraph each for the framework and clause, the lead unit, the city and year, the check and weight, the status
    (a plan target's achievement and index), the value, target and gap, the reason; then what was measured
    (the formula, a path, the growth, the parts of a combined check), the history, the facts as a list with their
    sources, the evidence missing as a list, the waiver."""
    colon, semi = _sep(lang)
    names = res.indicator_names

    def name(ind: str) -> str:
        n = names.get(ind)
        return named(n, lang) if n else ind

    city = city_name(res, lang)
    score = "" if r.score is None else _w("score_in", lang, s=score_text(r.score * 100))
    lines = [
        # a what-if (`whatif`, reports/labels.whatif_line) is said first, before the status it may have changed
        *([f"{phrase('whatif.title', lang)}{colon}{whatif}"] if whatif else []),
        f"{_w('framework', lang)}{colon}{version_text(res.framework_id, res.framework_version, lang)} "
        f"{title(res, lang)}{semi}{source_line(res, lang)}{semi}{_w('clause', lang)} {r.clause}",
        f"{_w('lead', lang)}{colon}{r.lead_unit}",
        f"{_w('city', lang)}{colon}{city}{semi}{_w('year', lang)} {res.year}",
        f"{_w('check', lang)}{colon}{check_kind(r.check_kind, lang)}{semi}{_w('weight', lang)} {r.weight}"
        + (f"{semi}{_w('required', lang)}" if r.required else ""),
        # a plan's target: its achievement first, as the plan evaluation says it, then its index (no readiness word)
        *([f"{text(say('plan.head.targets'), lang)}{colon}{status_words(r, lang)[2:]}{progress_note(r, lang)}",
           f"{phrase('plan.head.index', lang)}{colon}{score_text(r.score * 100) if r.score is not None else '—'}"]
          if r.achievement else [f"{_w('status', lang)}{colon}{status_word(r.status, lang)}{score}"]),
        f"{_w('value', lang)}{colon}{value_text(r, lang)}{semi}{_w('target', lang)}{colon}{target_text(r, lang)}"
        f"{semi}{_w('gap', lang)}{colon}{gap_text(r, lang)}",
        f"{_w('why', lang)}{colon}{_reason(r, lang)}",
    ]
    lines += _measurement_lines(r.measurement, names, lang)
    if r.trend and len(r.trend.history) > 1:
        t = r.trend
        sep = phrase("sep.comma", lang)
        lines.append(_w("history_of", lang, head=_w("history", lang), ind=name(t.indicator))
                     + sep.join(_w("history_item", lang, y=y, v=display(v, t.unit, lang)) for y, v in t.history))
    # A trajectory's growth figures (from its base year) are given with its path above; the
    # history's own first-to-last figures would read as a second answer to the same question.
    if r.trend and len(r.trend.history) > 1 and not r.measurement.trajectory:
        t = r.trend
        if t.observed_cagr_pct is not None:
            lines.append("  " + _growth("growth_observed", f"{t.history[0][0]}–{t.history[-1][0]}",
                                        display(t.observed_cagr_pct, "%"), lang))
        if t.needed_cagr_pct is not None and t.target_year is not None and t.target_year > res.year:
            lines.append("  " + _growth("growth_needed", f"{t.history[-1][0]}–{t.target_year}",
                                        display(t.needed_cagr_pct, "%"), lang))
        if t.projected_year is not None:
            lines.append("  " + _w("pace", lang, y=t.projected_year))
    items: list[Item] = [para(line) for line in lines]
    if r.measurement.facts:
        items.append(para(f"{_w('facts', lang)}{colon.rstrip()}"))
        facts = []
        for f in r.measurement.facts:
            src_title, publisher, note_text = fact_source(f, lang)
            src = f"{src_title} — {publisher}" + (f", {f.source_url}" if f.source_url else "")
            note = f"{semi}{_w('note', lang)}{colon}{note_text}" if note_text else ""
            conf = confidence_word(f.confidence, lang)
            read = f"{semi}{_w('read', lang)} {f.read}" if f.read else ""  # a what-if's figure was read nowhere
            facts.append(para(f"{name(f.indicator)} {_w('fact_year', lang, y=f.year)}{colon}{fact_value(f, lang)} — "
                              f"{src}{read}{semi}{_w('confidence', lang)}{colon}{conf}{note}"))
        items.append(Bullets(tuple(facts)))
    if r.measurement.missing:
        items.append(para(f"{_w('missing', lang)}{colon.rstrip()}"))
        items.append(Bullets(tuple(para(text(mi.why, lang)) for mi in r.measurement.missing)))
    if r.waiver:
        state = phrase("report.active" if r.waiver.active else "report.expired", lang)
        items.append(para(f"{_w('waiver', lang)}{colon}{state}{semi}{_w('expires', lang)} {r.waiver.expires}{semi}"
                          f"{r.waiver.justification}"))
    heading = f"{r.id}  {title(r, lang)}"
    return Doc("", (), (Section("", heading, heading, tuple(items)),))


def render(res: FrameworkResult, r: CriterionResult, lang: str, width: int | None = None, whatif: str = "") -> str:
    """One criterion's result in plain words (`doc`), in `lang` only, as wide as the terminal (or `width`), each
    line continued under its text; no control character from a file reaches the terminal. A what-if's line
    (`whatif`) comes first."""
    return document(doc(res, r, lang, whatif), lang, width=width)
