"""Where a line of terminal text may break, and tables laid out with no word broken.

rich wraps at spaces only: a Chinese sentence, which has none, is folded wherever the line
ends ("4 / 500件", "（202 / 2年）", "（起草 / 单位）"), and a label followed by such a sentence
is left alone on its line. Here the break opportunities are Unicode's line-breaking rules
(UAX #14, by uniseg): between two Chinese characters, never inside a number or an English
word, never before a closing bracket or after an opening one. A name (a lead unit) breaks
only at a space or before its bracketed part. Widths are terminal cells (a Chinese
character takes two).
"""

from __future__ import annotations

import re

from rich.cells import cell_len, chop_cells
from uniseg.linebreak import line_break_units

_NAME_BREAKS = re.compile(r"\S+\s*|\s+")
_NUMBER_END = re.compile(r"\d\s?$")          # "2022" + "年", "40 " + "亿元": a number keeps its measure word
_HAN_START = re.compile(r"[\u3400-\u9fff]")
_MAGNITUDE = re.compile(r"\d\s?[万亿]$")       # (with the word after 万 or 亿: "40 亿" + "元")
_SIGN = re.compile(r"[≥≤<>=＞＜＝]\s*$")           # "≥ " + "4,500": a sign keeps its number


def units(s: str, name: bool = False) -> list[str]:
    """`s` cut where a line may break; each piece keeps the spaces after it. `name`: a name (a lead unit,
    a status), cut only at spaces and before a bracket ("市市场监管局" "（起草单位）")."""
    out: list[str] = []
    if not name:
        for u in line_break_units(s):
            if out and ((_NUMBER_END.search(out[-1]) or _MAGNITUDE.search(out[-1])) and _HAN_START.match(u)
                        or _SIGN.fullmatch(out[-1])):
                out[-1] += u
            else:
                out.append(u)
        return out
    for word in _NAME_BREAKS.findall(s):
        out += [p for p in re.split(r"(?=[（(])", word) if p]
    return out


def least(s: str, name: bool = False) -> int:
    """The narrowest width `s` takes with no piece broken: its widest piece (over all its lines)."""
    return max((cell_len(u.rstrip()) for line in s.split("\n") for u in units(line, name)), default=0)


def wrap(s: str, width: int, name: bool = False) -> list[str]:
    """`s` as lines of at most `width` cells, broken only where `units` allows (a piece wider than a
    whole line, the last resort, is folded); the line breaks already in `s` are kept."""
    width = max(width, 1)
    out: list[str] = []
    for para in s.split("\n"):
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


def widths(least_: list[int], natural: list[int], room: int, gap: int, stretch_last: bool = False) -> list[int] | None:
    """Column widths for a table `room` cells wide with `gap` cells between columns: each column as wide
    as its longest line when all fit; else each at least its widest piece, the columns that lack least
    (a status, an id) made whole first, and what room is left shared among the others in proportion to
    what each lacks. None when even the narrowest widths do not fit. `stretch_last`: the last column
    takes whatever room is left."""
    room -= gap * (len(natural) - 1)
    natural = [max(n, m) for n, m in zip(natural, least_)]
    if sum(least_) > room:
        return None
    out = list(natural) if sum(natural) <= room else list(least_)
    spare = room - sum(out)
    if sum(natural) > room:
        rest = sorted(range(len(out)), key=lambda i: (natural[i] - least_[i], i))
        while rest and natural[rest[0]] - out[rest[0]] <= spare // len(rest):
            i = rest.pop(0)
            spare -= natural[i] - out[i]
            out[i] = natural[i]
        lack = {i: natural[i] - out[i] for i in rest}
        total = sum(lack.values())
        if total:
            share = {i: spare * lack[i] // total for i in rest}
            left = spare - sum(share.values())   # what rounding down left: one cell each to those that lack most
            for i in sorted(rest, key=lambda i: (-(lack[i] - share[i]), i))[:left]:
                share[i] += 1
            for i in rest:
                out[i] += share[i]
    if stretch_last:
        out[-1] += room - sum(out)
    return out
