"""The Markdown report: the same blocks as the terminal table, plus lead units and clauses."""

from __future__ import annotations

from ..engine.result import FrameworkResult

from .labels import HEAD, ROW_HEAD, STATUS, criterion_row, followup_lines, header_lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(results: list[FrameworkResult], lang: str) -> str:
    out: list[str] = []
    for res in results:
        lines = header_lines(res, lang)
        out.append(f"## {lines[0][1]}\n")
        out += [f"- **{label}:** {_cell(text)}" for label, text in lines[1:]]
        out.append("")
        heads = [HEAD[k][lang] for k in ROW_HEAD] + [HEAD["lead"][lang], HEAD["clause"][lang]]
        out.append("| " + " | ".join(heads) + " |")
        out.append("|" + "---|" * len(heads))
        for r in res.results:
            cells = criterion_row(r, lang) + [r.lead_unit, r.clause]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        out.append("")
        out.append(", ".join(f"{STATUS[s][lang]}: {n}" for s, n in res.counts.items() if n))
        out.append("")
        out += [f"{line}  " for line in followup_lines(res, lang)]
        out.append("")
    return "\n".join(out)
