"""The Markdown writer: a document of blocks (`blocks.py`) — `evaluate`'s (`evaluation.py`), the planning
and comparison documents (`analysis.py`), the catalogue (`catalogue.py`) — as Markdown.

Every piece of text goes through `text` (one place for this format): text from a fact or
criteria file is never markup here — no HTML (`<img>`, `<script>`), no link or image, no
code span, no table cell break, no new line, no terminal control sequence.
"""

from __future__ import annotations

import unicodedata

from ..engine.errors import printable

# HTML-significant characters as entities; Markdown's link, image, code and cell marks escaped
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "[": "\\[",
                          "]": "\\]", "|": "\\|", "\r": " ", "\n": " "})


def text(s: str) -> str:
    """`s` as Markdown text that shows exactly `s`, on one line, with no control character."""
    return printable(s.translate(_ESCAPES))


def _cell(c) -> str:
    return text(" ".join("".join(r.text for r in line) for line in c.lines))


def _punct(c: str) -> bool:
    """A punctuation mark or symbol in CommonMark's sense (ASCII or Unicode P*/S*: '：', '）', '%')."""
    return unicodedata.category(c)[0] in "PS"


def _loose(c: str) -> bool:
    """Whether `**` may close before (or open after) `c`: the text's end, a space or a punctuation mark."""
    return not c or c.isspace() or _punct(c)


def _strong(s: str, before: str, after: str) -> str:
    """`s` in bold between the text `before` and `after` it. CommonMark reads `**` that closes after a
    punctuation mark and before a letter ('**结论：**2023年') as text, not bold; such a run's closing (or
    opening) punctuation then stands outside the bold ('**结论**：2023年'), which shows the same words."""
    head, tail = "", ""
    while s and _punct(s[-1]) and not _loose(after[:1]):
        s, tail = s[:-1], s[-1] + tail
    while s and _punct(s[0]) and not _loose(before[-1:]):
        head, s = head + s[0], s[1:]
    return text(head) + (f"**{text(s)}**" if s else "") + text(tail)


def _runs(p) -> str:
    """A paragraph's runs as Markdown text, a 'strong' run in bold (as CommonMark renders it: `_strong`)."""
    runs = p.runs
    return "".join(_strong(r.text, "".join(q.text for q in runs[:i]), "".join(q.text for q in runs[i + 1:]))
                   if r.style == "strong" else text(r.text) for i, r in enumerate(runs))


def document(doc) -> str:
    """A document of blocks (`analysis.Doc`) as Markdown; every piece of text escaped by `text`. A document
    without a title (`evaluate`'s) starts with its first section; a section without a heading runs on."""
    out = ([f"# {text(doc.title)}", ""] + [f"- {_runs(m)}" for m in doc.meta] + [""]) if doc.title else []
    for s in doc.sections:
        if s.heading:
            out += [f"## {text(s.heading)}", ""]
        lead = bool(s.heading)  # the paragraphs under the heading, one paragraph closed by a blank line
        for it in s.items:
            if it.kind != "para" and lead:
                if it.kind != "bullets":  # (a list starts under them, and ends with its own blank line)
                    out.append("")
                lead = False
            if it.kind == "para":
                if it.cls == "caption":  # the line under a table: a paragraph of its own
                    out += [_runs(it), ""]
                else:
                    out.append(f"{_runs(it)}  " + ("" if lead else "\n"))
            elif it.kind == "heading":
                out += [f"### {text(it.text)}", ""]
            elif it.kind == "bullets":
                out += [f"- {_runs(p)}" for p in it.items] + [""]
            elif it.kind == "lines":
                out += [f"{_runs(p)}  " for p in it.items] + [""]
            elif it.kind == "grid":
                out.append("| " + " | ".join(text(h) for h in it.head) + " |")
                out.append("|" + "---|" * len(it.head))
                out += ["| " + " | ".join(_cell(c) for c in r.cells) + " |" for r in it.rows if not r.group]
                out.append("")
        if lead:
            out.append("")
    out += [text(m.plain) + "\n" for m in doc.method]
    return "\n".join(out)
