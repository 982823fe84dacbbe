"""What a reader would see go wrong on a PDF page, found with pdfplumber.

- overlapping text: two characters drawn over each other (text running out of its cell into
  the next one, a chart label over another);
- text outside the page's text frame (running past a table's edge);
- a page that ends with a heading, a table's header row or a group row (a category, a lead unit):
  the content it heads starts on the next page;
- a running header (top right) that names another section than the one the page's first line belongs to.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

MM = 72 / 25.4
FRAME = 15 * MM            # the left and right page margins of the report (_style.css.j2)
FOOT = 16 * MM             # the bottom margin: the page number lives below it
HEADING_SIZE = 10.4        # h3 is 10.5 pt, h2 13 pt; body text at most 9 pt
SECTION_SIZE = 13          # h2: a section (a framework, an appendix, the contents)
HEAD = 17 * MM             # the top margin: the running header lives above it
CONTENTS = ("目录", "Contents")  # a section heading that names no section
WHITE = ((1, 1, 1), (1,), [1, 1, 1], [1])
GROUP_BLUE = (0.122, 0.306, 0.475)


def _overlap(a: dict, b: dict) -> float:
    """The share of the smaller character's box that the other covers."""
    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    if w <= 0 or h <= 0:
        return 0.0
    small = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]), (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
    return w * h / small if small > 0 else 0.0


def _color(c: dict) -> tuple:
    col = c.get("non_stroking_color")
    return tuple(round(float(x), 3) for x in col) if isinstance(col, (tuple, list)) else (col,)


def overlaps(page) -> list[str]:
    """Pairs of characters drawn over each other (more than a third of the smaller one covered).

    Two characters drawn one after the other may touch (kerning: ', or 'P' after a narrow letter);
    text running out of its cell over its neighbour's is drawn at another time."""
    chars = sorted((dict(c, n=i) for i, c in enumerate(page.chars) if c["text"].strip()), key=lambda c: c["x0"])
    found, active = [], []
    for c in chars:
        active = [a for a in active if a["x1"] > c["x0"] + 0.01]
        for a in active:
            if abs(a["n"] - c["n"]) > 1 and _overlap(a, c) > 0.34:
                found.append(f"{a['text']!r}@({a['x0']:.0f},{a['top']:.0f}) over "
                             f"{c['text']!r}@({c['x0']:.0f},{c['top']:.0f})")
        active.append(c)
    return found


def outside_frame(page) -> list[str]:
    """Characters past the left or right margin (the header and footer excepted)."""
    out = []
    for c in page.chars:
        if not c["text"].strip() or c["top"] < FOOT or c["bottom"] > page.height - FOOT * 0.75:
            continue
        if c["x0"] < FRAME - 1 or c["x1"] > page.width - FRAME + 1:
            out.append(f"{c['text']!r}@({c['x0']:.0f},{c['top']:.0f})")
    return out


def ends_with_heading(page) -> str | None:
    """The page's last line of content, when it is a heading, a table header or a group row."""
    body = [c for c in page.chars if c["text"].strip() and c["bottom"] < page.height - FOOT * 0.75 and c["top"] > FOOT]
    if not body:
        return None
    last = max(c["bottom"] for c in body)
    line = [c for c in body if c["bottom"] > last - 3]
    text = "".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))
    if any(c["size"] >= HEADING_SIZE for c in line):
        return f"heading {text!r}"
    if all(_color(c) in {(1.0, 1.0, 1.0), (1.0,)} for c in line):
        return f"table header {text!r}"
    if all(_color(c) == GROUP_BLUE and "Bold" in c["fontname"] for c in line):
        return f"group row {text!r}"
    return None


def _squeeze(text: str) -> str:
    return text.replace(" ", "").rstrip("…")


def _sections(page) -> list[tuple[float, str]]:
    """The section headings on a page: (top, first line's text), a heading's wrapped lines taken as one."""
    found: list[list] = []
    for c in sorted((c for c in page.chars if c["text"].strip() and abs(c["size"] - SECTION_SIZE) < 0.3
                     and c["top"] > HEAD), key=lambda c: (round(c["top"]), c["x0"])):
        if found and abs(found[-1][2] - c["top"]) < 1:
            found[-1][1] += c["text"]
        elif found and c["top"] - found[-1][2] < SECTION_SIZE * 1.6:  # the heading's next line
            found[-1][2] = c["top"]
        else:
            found.append([c["top"], c["text"], c["top"]])
    return [(top, _squeeze(text)) for top, text, _ in found]


def wrong_headers(path: Path | str) -> list[str]:
    """Pages whose running header names another section than the one their first line belongs to: the
    section whose heading opens the page, else the last one begun on an earlier page (none before the
    first section, and none for the contents, whose heading names no section)."""
    out, current = [], ""
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            body = [c for c in page.chars if c["text"].strip() and HEAD < c["top"] < page.height - FOOT]
            sections = _sections(page)
            first = min((c["top"] for c in body), default=None)
            opening = sections[0][1] if sections and first is not None and sections[0][0] - first < 1 else None
            expected = current if opening is None else "" if opening in CONTENTS else opening
            header = _squeeze("".join(c["text"] for c in sorted(
                (c for c in page.chars if c["top"] < HEAD and c["x0"] > page.width / 2), key=lambda c: c["x0"])))
            common = min(len(header), len(expected))
            if n > 1 and (header[:common] != expected[:common] or bool(header) != bool(expected)):
                out.append(f"page {n}: the running header names {header!r}, the page begins in {expected!r}")
            if sections:
                current = "" if sections[-1][1] in CONTENTS else sections[-1][1]
    return out


def problems(path: Path | str) -> list[str]:
    """Every layout problem of a PDF, as 'page N: what'."""
    out = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            out += [f"page {n}: overlapping text {x}" for x in overlaps(page)[:5]]
            out += [f"page {n}: text past the margin {x}" for x in outside_frame(page)[:5]]
            end = ends_with_heading(page)
            if end and n < len(pdf.pages):
                out.append(f"page {n}: ends with a {end}")
    return out


def broken(path: Path | str, pieces: set[str]) -> list[str]:
    """The pieces (lead units' parts, statuses) printed in the PDF but never whole on one line."""
    with pdfplumber.open(path) as pdf:
        lines = [line.replace(" ", "") for p in pdf.pages for line in (p.extract_text() or "").split("\n")]
    text = "".join(lines)
    return sorted(p for p in {x.replace(" ", "") for x in pieces}
                  if len(p) > 1 and p in text and not any(p in line for line in lines))
