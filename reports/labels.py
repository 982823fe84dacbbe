"""Words every renderer shares, in Chinese and English, and the formatting of figures."""

from __future__ import annotations

from decimal import Decimal

from engine.result import CriterionResult, FrameworkResult
from engine.units import OP_SYMBOL, display

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
}


def pct(share: Decimal | None) -> str:
    """A share in [0, 1] as a whole percentage."""
    return "—" if share is None else f"{(share * 100).quantize(Decimal(1))}%"


def score_text(score: Decimal | None) -> str:
    return "—" if score is None else f"{score.quantize(Decimal('0.1'))}"


def score_line(res: FrameworkResult, lang: str) -> str:
    """'78.4 / 100 on 86% of the weight with evidence'."""
    if lang == "zh":
        return f"{score_text(res.score)} / 100（有证据的权重占 {pct(res.coverage)}）"
    return f"{score_text(res.score)} / 100 on {pct(res.coverage)} of the weight with evidence"


def title(r: CriterionResult | FrameworkResult, lang: str) -> str:
    if isinstance(r, FrameworkResult):
        return r.framework_title_zh if lang == "zh" else r.framework_title_en
    return r.title_zh if lang == "zh" else r.title_en


def value_text(r: CriterionResult) -> str:
    ms = r.measurement
    if ms.combine:
        return ", ".join(MARK[s] for s in r.part_statuses)
    if ms.value is None:
        return "—"
    if ms.unit == "yes/no":
        v = "yes" if ms.value else "no"
    elif ms.value >= Decimal(4_000_000_000_000):
        v = "∞ (from 0)"
    else:
        v = display(ms.value, ms.unit)
        bounds = {f.bound for f in ms.facts}
        v = ("≥ " if "at_least" in bounds else "≤ " if "at_most" in bounds else "") + v
    year = f" ({ms.year}{', stale' if ms.stale else ''})" if ms.year else ""
    return v + year


def target_text(r: CriterionResult) -> str:
    ms = r.measurement
    if ms.combine or ms.target is None:
        return r.target_summary
    if ms.trajectory:
        t = ms.trajectory
        return f"{display(t.target, ms.unit)} by {t.target_year}"
    if ms.unit == "yes/no":
        return "exists"
    return f"{OP_SYMBOL[ms.op]} {display(ms.target, ms.unit)}"


def gap_text(r: CriterionResult) -> str:
    if r.gap is None:
        return "—"
    sign = "+" if r.gap > 0 else ""
    text = f"{sign}{display(r.gap, r.measurement.unit)}"
    if r.gap_pct is not None:
        text += f" ({sign}{display(r.gap_pct)}%)"
    return text


def criterion_row(r: CriterionResult, lang: str) -> list[str]:
    """The cells of one criterion in the table and Markdown outputs."""
    return [f"{MARK[r.status]} {SHORT[r.status][lang]}", r.id, title(r, lang), value_text(r), target_text(r),
            gap_text(r), "—" if r.score is None else f"{(r.score * 100).quantize(Decimal('0.1'))}"]


ROW_HEAD = ("status", "id", "criterion", "value", "target", "gap", "score")


def category_line(res: FrameworkResult, lang: str) -> str:
    return " · ".join(f"{CATEGORY[c.category][lang]} {score_text(c.score)} ({pct(c.coverage)})" for c in res.categories)


def header_lines(res: FrameworkResult, lang: str) -> list[tuple[str, str]]:
    """(label, text) pairs heading one framework's evaluation."""
    city = res.city_zh if lang == "zh" else f"{res.city_en} {res.city_zh}"
    return [
        ("", f"{city} — {res.framework_id} v{res.framework_version}: {title(res, lang)}"),
        (HEAD["source"][lang], f"{res.source_file} 《{res.source_title}》 ({res.issuer})"),
        (HEAD["year"][lang], f"{res.year} · engine {res.engine} · model {res.model}"),
        (HEAD["verdict"][lang], f"{VERDICT[res.verdict][lang].upper()} — {res.verdict_reason}"),
        (HEAD["overall"][lang], score_line(res, lang)),
        (HEAD["categories"][lang], category_line(res, lang)),
    ]
