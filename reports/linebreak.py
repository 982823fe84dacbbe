"""Where a line of terminal text may break, and tables laid out with no word broken.

rich wraps at spaces only: a Chinese sentence, which has none, is folded wherever the line
ends ("4 / 500件", "（202 / 2年）", "（起草 / 单位）"), and a label followed by such a sentence
is left alone on its line. Here the break opportunities are Unicode's line-breaking rules
(UAX #14, by uniseg): between two Chinese characters, never inside a number or an English
word, never before a closing bracket or after an opening one. A name (a lead unit) breaks
only between its parts (`name_pieces`), and `name_lines` decides where for a column's width:
one rule for the terminal, the PDF/HTML and Word. Widths are terminal cells (a Chinese
character takes two; so does a character on paper, against a Latin letter's one).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, chop_cells
from uniseg.linebreak import line_break_units

_NAME_BREAKS = re.compile(r"(?<=[、，；/ ])|(?=[（(])|(?<=[）)])")
_NUMBER_END = re.compile(r"\d\s?$")          # "2022" + "年", "40 " + "亿元": a number keeps its measure word
_HAN = re.compile(r"[\u3400-\u9fff]")
_MAGNITUDE = re.compile(r"(\d\s?|/)[万亿]$")  # (with the word after 万 or 亿: "40 亿" + "元", "件/万" + "人")
_PER = re.compile(r"\d\s?\S*/$")              # "10 件/" + "万人"
_DASHES = re.compile(r"-+")                     # "--" + "year": an option's name stays whole
_SIGN = re.compile(r"[≥≤<>=＞＜＝]\s*$")           # "≥ " + "4,500": a sign keeps its number


@lru_cache(maxsize=4096)
def _units(s: str, name: bool) -> tuple[str, ...]:
    return tuple(_cut(s, name))


def units(s: str, name: bool = False) -> list[str]:
    """`s` cut where a line may break; each piece keeps the spaces after it. `name`: a name (a lead unit,
    a status), cut only between its parts (`name_pieces`)."""
    return list(_units(s, name))


def name_pieces(name: str) -> list[str]:
    """A name (a lead unit) cut where a line may break: after 、，；/ and spaces, before an opening bracket and
    after a closing one; never inside a unit's name ("市市场监管局、" "市科技局" "（起草单位）")."""
    return [p for p in _NAME_BREAKS.split(name) if p]


def name_lines(name: str, width: int) -> list[str]:
    """A name as lines at most `width` cells wide: its pieces (`name_pieces`) joined while they fit, a piece
    wider than a line on a line of its own, never broken. The one rule for a lead unit in every output: the
    terminal's table, the PDF/HTML's cells (each line a run kept whole) and Word's."""
    lines: list[str] = []
    for piece in name_pieces(name):
        if lines and cell_len((lines[-1] + piece).rstrip()) <= width:
            lines[-1] += piece
        else:
            lines.append(piece)
    return lines


def _cut(s: str, name: bool) -> list[str]:
    out: list[str] = []
    if not name:
        for u in line_break_units(s):
            if out and ((_NUMBER_END.search(out[-1]) or _MAGNITUDE.search(out[-1]) or _PER.search(out[-1]))
                        and _HAN.match(u)
                        or _SIGN.fullmatch(out[-1]) or _DASHES.fullmatch(out[-1])):
                out[-1] += u
            else:
                out.append(u)
        return out
    return name_pieces(s)


FIGURE = 16  # characters: longer pieces with digits (a hash, a URL) are not figures and may break
_TAG = re.compile(r"[\u4e00-\u9fff]{1,4}[）)]")  # the word that closes a figure's bracket: "（2016年，陈旧）"


def numbers(s: str) -> list[tuple[str, bool]]:
    """`s` as (text, whole) pieces: `whole` for each figure with its measure word ("2022年", "≥ 40 亿元",
    "10 件/万人") — what a document keeps on one line — the rest as it is. A line may break between two
    whole pieces side by side: a figure and its bracketed year ("≥ 75%" "（2024年）") in a narrow cell."""
    out: list[tuple[str, bool]] = []
    us = units(s)
    i = 0
    while i < len(us):
        u = us[i]
        i += 1
        core = u.rstrip()
        # (a figure alone, "38,289" or "+6.36%", has no break in it: only one with a space, a slash or
        # a Chinese measure word needs keeping together)
        whole = (1 < len(core) <= FIGURE and any(ch.isdigit() for ch in core)
                 and (" " in core or "/" in core or _HAN.search(core) is not None))
        if whole:
            k = core.find("（", 1)
            out += [(core[:k], True), (core[k:], True)] if k > 0 else [(core, True)]
            out.append((u[len(core):], False))
            # the word that closes the figure's bracket: "，陈旧）"
            if core.endswith("，") and (tag := _TAG.match("".join(us[i:i + 4]))):
                n, got = i, ""
                while n < len(us) and len(got) < tag.end():
                    got += us[n]
                    n += 1
                if got.rstrip() == tag.group():
                    out += [(tag.group(), True), (got[tag.end():], False)]
                    i = n
        elif out and not out[-1][1]:
            out[-1] = (out[-1][0] + u, False)
        else:
            out.append((u, False))
    return [p for p in out if p[0]]


WORD_JOINER, NO_BREAK_SPACE = "\u2060", "\u00a0"


@lru_cache(maxsize=4096)
def joined(s: str) -> str:
    """`s` such that no line can break inside it, written in characters alone: a no-break space for each
    space inside, a word joiner (U+2060: invisible, not copied out of a PDF) between any two other
    characters. (Between all of them: pango breaks "三.|13", where Unicode's rules do not.) Spaces at its
    end stay spaces: a line may break after it."""
    body = s.rstrip(" ")
    return NO_BREAK_SPACE.join(WORD_JOINER.join(word) for word in body.split(" ")) + s[len(body):]


def least(s: str, name: bool = False) -> int:
    """The narrowest width `s` takes with no piece broken: its widest piece (over all its lines)."""
    return max((cell_len(u.rstrip()) for line in s.split("\n") for u in units(line, name)), default=0)


def wrap(s: str, width: int, name: bool = False) -> list[str]:
    """`s` as lines of at most `width` cells, broken only where `units` allows (a piece wider than a
    whole line, the last resort, is folded); the line breaks already in `s` are kept. A name (`name`) is
    broken by `name_lines`."""
    width = max(width, 1)
    out: list[str] = []
    for para in s.split("\n"):
        if cell_len(para) <= width:  # (the common case: nothing to break)
            out.append(para.rstrip())
            continue
        if name and all(cell_len(p.rstrip()) <= width for p in name_pieces(para)):
            out += [line.rstrip() for line in name_lines(para, width)]
            continue
        line = ""
        for u in units(para, name):
            word = u.rstrip()
            if line and cell_len(line) + cell_len(word) > width:
                out.append(line.rstrip())
                line = ""
            if cell_len(word) > width:
                *full, line = chop_cells(word, width) or [""]
                out += full
                line += u[len(word):]
                continue
            line += u
        out.append(line.rstrip())
    return out


def hanging(s: str, width: int, narrowest: int = 10) -> list[str]:
    """`s` wrapped (`wrap`) to `width`, its continuation lines under its text: an indented line, or a
    "- " item, keeps its text's left edge. The text is given at least `narrowest` cells a line."""
    body = s.lstrip(" ")
    lead = s[:len(s) - len(body)]
    indent = " " * (len(lead) + (2 if body.startswith("- ") else 0))
    first, *rest = wrap(body, max(width - len(indent), narrowest))
    return [lead + first] + [indent + line for line in rest]


SHORT = 12     # cells: a column no wider than this (a status, an id, a year, a figure) is never squeezed
READABLE = 10  # cells: a column of text squeezed narrower than this reads a word or two a line: cards instead


def widths(least_: list[int], natural: list[int], room: int, gap: int, stretch_last: bool = False) -> list[int] | None:
    """Column widths for a table `room` cells wide with `gap` cells between columns: each column as wide
    as its longest line when all fit; else the short columns (a status, an id, a year: at most SHORT cells)
    whole, the others at least their widest piece, with what room is left shared evenly among them (each
    at most what it lacks). None when even the narrowest widths do not fit, or leave a column
    of text narrower than READABLE (a word or two a line: a card per row reads better). `stretch_last`:
    the last column takes whatever room is left."""
    room -= gap * (len(natural) - 1)
    natural = [max(n, m) for n, m in zip(natural, least_)]
    if sum(least_) > room:
        return None
    if sum(natural) <= room:
        out = list(natural)
    else:
        out = [n if n <= SHORT else m for n, m in zip(natural, least_)]
        for i in reversed(range(len(out))):  # (when the short columns whole leave the others too little)
            if sum(out) <= room:
                break
            out[i] = least_[i]
        # the room left is shared out evenly, a column taking no more than it lacks: as many columns as
        # can be are made whole, and the widest (a long target, a long need) takes what is left
        lacking = sorted((i for i in range(len(out)) if natural[i] > out[i]), key=lambda i: (natural[i] - out[i], i))
        spare = room - sum(out)
        while lacking and spare > 0:
            share = spare // len(lacking)
            i = lacking[0]
            if natural[i] - out[i] <= share:
                spare -= natural[i] - out[i]
                out[i] = natural[i]
                lacking.pop(0)
                continue
            for k, i in enumerate(sorted(lacking)):  # each gets its even share; the first ones the cells left over
                out[i] += share + (1 if k < spare - share * len(lacking) else 0)
            break
    if stretch_last:
        out[-1] += room - sum(out)
    if any(w < min(n, READABLE) for w, n in zip(out, natural)):
        return None
    return out
