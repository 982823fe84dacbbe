"""The Markdown report: the same blocks as the terminal table, plus lead units and clauses.

Every piece of text goes through `text` (one place for this format): text from a fact or
criteria file is never markup here — no HTML (`<img>`, `<script>`), no link or image, no
code span, no table cell break, no new line, no terminal control sequence.
"""

from __future__ import annotations

from ..engine.errors import printable
from ..engine.result import FrameworkResult
from .labels import ROW_HEAD, counts_text, criterion_row, followup_lines, head, header_lines, row_head
from .words import colon

# HTML-significant characters as entities; Markdown's link, image, code and cell marks escaped
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "[": "\\[",
                          "]": "\\]", "|": "\\|", "\r": " ", "\n": " "})


def text(s: str) -> str:
    """`s` as Markdown text that shows exactly `s`, on one line, with no control character."""
    return printable(s.translate(_ESCAPES))


def lines(block: str) -> str:
    """Each line of a block of plain text as Markdown text (the lines stay lines)."""
    return "".join(text(line) + "\n" for line in block.splitlines())


def render(results: list[FrameworkResult], lang: str) -> str:
    """The evaluation as Markdown: per framework a heading, the header lines, the criteria table, what follows."""
    out: list[str] = []
    for res in results:
        top = header_lines(res, lang)
        out.append(f"## {text(top[0][1])}\n")
        sep = colon(lang)
        out += [f"- **{text(label + sep.rstrip())}** {text(value)}" for label, value in top[1:]]
        out.append("")
        heads = [row_head(k, res, lang) for k in ROW_HEAD] + [head("lead", lang), head("clause", lang)]
        out.append("| " + " | ".join(text(h) for h in heads) + " |")
        out.append("|" + "---|" * len(heads))
        for r in res.results:
            cells = criterion_row(r, lang) + [r.lead_unit, r.clause]
            out.append("| " + " | ".join(text(c) for c in cells) + " |")
        out.append("")
        out.append(text(counts_text(res, lang, "counts.item_colon")))
        out.append("")
        out += [f"{text(line)}  " for line in followup_lines(res, lang)]
        out.append("")
    return "\n".join(out)


def _cell(c) -> str:
    return text(" ".join("".join(r.text for r in line) for line in c.lines))


def document(doc) -> str:
    """A document of blocks (`analysis.Doc`) as Markdown; every piece of text escaped by `text`."""
    out = [f"# {text(doc.title)}", ""] + [f"- {text(m.plain)}" for m in doc.meta] + [""]
    for s in doc.sections:
        out += [f"## {text(s.heading)}", ""]
        lead = True  # the paragraphs under the heading, closed by a blank line
        for it in s.items:
            if it.kind != "para" and lead:
                out.append("")
                lead = False
            if it.kind == "para":
                out.append(f"{text(it.plain)}  " + ("" if lead else "\n"))
            elif it.kind == "heading":
                out += [f"### {text(it.text)}", ""]
            elif it.kind == "bullets":
                out += [f"- {text(p.plain)}" for p in it.items] + [""]
            elif it.kind == "grid":
                out.append("| " + " | ".join(text(h) for h in it.head) + " |")
                out.append("|" + "---|" * len(it.head))
                out += ["| " + " | ".join(_cell(c) for c in r.cells) + " |" for r in it.rows if not r.group]
                out.append("")
        if lead:
            out.append("")
    out += [text(m.plain) + "\n" for m in doc.method]
    return "\n".join(out)
