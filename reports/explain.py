"""`ipcheck explain`: one criterion's result in plain words — facts, formula, target, source."""

from __future__ import annotations

from ..engine.errors import printable
from ..engine.result import CriterionResult, FrameworkResult, Measurement
from .words import display, text

from .labels import STATUS, fact_value, gap_text, target_text, value_text


def _measurement_lines(ms: Measurement, lang: str, indent: str = "  ") -> list[str]:
    lines = []
    if ms.combine:
        lines.append(f"{indent}{'all' if ms.combine == 'all_of' else 'any'} of these checks:")
        for i, p in enumerate(ms.parts, 1):
            lines.append(f"{indent}[{i}] {p.state}: {text(p.reason, lang)}")
            lines += _measurement_lines(p, lang, indent + "    ")
        return lines
    if ms.formula:
        lines.append(f"{indent}formula: {ms.formula}")
    if ms.trajectory:
        t = ms.trajectory
        lines.append(f"{indent}path: {display(t.base, ms.unit)} in {t.base_year} → {display(t.target, ms.unit)} in "
                     f"{t.target_year}; expected {display(t.expected_now, ms.unit)} in {t.year}, observed "
                     f"{display(t.value, ms.unit)} ({'on track' if t.on_track else 'behind'})")
        if t.observed_cagr_pct is not None:
            lines.append(f"{indent}growth observed {t.base_year}–{t.year}: {display(t.observed_cagr_pct, '%')} a year")
        if t.needed_cagr_pct is not None:
            lines.append(f"{indent}growth still needed {t.year}–{t.target_year}: {display(t.needed_cagr_pct, '%')} a year "
                         f"= (target / value)^(1/{t.target_year - t.year}) − 1")
        if t.projected_year is not None:
            lines.append(f"{indent}at the observed pace the target is reached in {t.projected_year}")
    return lines


def render(res: FrameworkResult, r: CriterionResult, lang: str) -> str:
    """One criterion's result in plain words, one fact per line."""
    title = r.title_zh if lang == "zh" else r.title_en
    lines = [
        f"{r.id}  {title}",
        f"  {r.title_en if lang == 'zh' else r.title_zh}",
        f"framework: {res.framework_id} v{res.framework_version} ({res.source_file}, clause {r.clause})",
        f"lead unit: {r.lead_unit}",
        f"city: {res.city_en} {res.city_zh}, evaluation year {res.year}",
        f"check: {r.check_kind}; weight {r.weight}{'; required (a gate for the verdict)' if r.required else ''}",
        f"status: {STATUS[r.status][lang]}" + ("" if r.score is None else f" (score {(r.score * 100).quantize(1)}%)"),
        f"value: {value_text(r, lang)}; target: {target_text(r, lang)}; gap: {gap_text(r)}",
        f"why: {text(r.reason, lang)}",
    ]
    lines += _measurement_lines(r.measurement, lang)
    if r.trend and len(r.trend.history) > 1:
        t = r.trend
        lines.append("history: " + ", ".join(f"{y} {display(v, t.unit)}" for y, v in t.history))
    # A trajectory's growth figures (from its base year) are given with its path above; the
    # history's own first-to-last figures would read as a second answer to the same question.
    if r.trend and len(r.trend.history) > 1 and not r.measurement.trajectory:
        t = r.trend
        if t.observed_cagr_pct is not None:
            lines.append(f"  growth observed {t.history[0][0]}–{t.history[-1][0]}: {display(t.observed_cagr_pct, '%')} a year")
        if t.needed_cagr_pct is not None:
            lines.append(f"  growth needed {t.history[-1][0]}–{t.target_year}: {display(t.needed_cagr_pct, '%')} a year")
        if t.projected_year is not None:
            lines.append(f"  at the observed pace the target is reached in {t.projected_year}")
    if r.measurement.facts:
        lines.append("facts used:")
        for f in r.measurement.facts:
            v = fact_value(f, lang)
            bound = ""
            src = f"{f.source_title} — {f.publisher}" + (f", {f.source_url}" if f.source_url else "")
            note = f"; note: {f.note}" if f.note else ""
            lines.append(f"  - {f.indicator} {f.year}: {v}{bound} — {src}; read {f.read}; confidence {f.confidence}{note}")
    if r.measurement.missing:
        lines.append("evidence missing:")
        for mi in r.measurement.missing:
            lines.append(f"  - {mi.indicator} ({', '.join(map(str, mi.years))}): {text(mi.why, lang)}")
    if r.waiver:
        state = "active" if r.waiver.active else "expired"
        lines.append(f"waiver ({state}, expires {r.waiver.expires}): {r.waiver.justification}")
    return "".join(printable(line) + "\n" for line in lines)  # no control character from a file reaches the terminal
