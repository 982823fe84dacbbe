"""A plan's text as the reader sees it: normalised characters, then blocks with their clause.

Real plans arrive with full-width digits (２０２５年), stray spaces from OCR or a PDF's text
layer ("7. 8万件", "2 025年"), and clause markers either at the start of a line or run into
the prose (a web page that lost its line breaks: "…领导小组)2.强化…"). `normalise` evens out
the characters; `blocks` cuts the text at every clause marker and keeps, for each piece, the
clause it belongs to (一、（二）3.) so a target can say where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width ASCII (digits, letters, ％, ．, ：, ，-less) to half-width; the ideographic space to a space.
# Chinese punctuation that carries meaning in a plan (，。；、（）“”《》) is kept: only the forms that
# are the same character as an ASCII one are folded.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}          # ０-９
_FOLD |= {c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)}         # Ａ-Ｚ
_FOLD |= {c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)}         # ａ-ｚ
_FOLD |= {ord("％"): "%", ord("．"): ".", ord("："): ":", ord("／"): "/", ord("～"): "~",
          ord("＋"): "+", ord("＞"): ">", ord("＜"): "<", ord("\u3000"): " ", ord("\u00a0"): " ",
          ord("\u2002"): " ", ord("\u2003"): " ", ord("\u200b"): "", ord("\ufeff"): "",
          ord("("): "（", ord(")"): "）", ord("〈"): "（", ord("〉"): "）",
          ord("–"): "—", ord("―"): "—", ord("－"): "—", ord("〜"): "~"}

# Spaces a PDF or OCR put between the characters of one figure: "7. 8万", "2 025年", "12 件".
# One space only: two or more, or a tab, part the cells of a flattened table ("0.87  1.75").
_SPACED_DIGITS = re.compile(r"(?<=[\d.]) (?=[\d.])")
_SPACE_BEFORE_UNIT = re.compile(r"(?<=\d) (?=[万亿件家个项次%年月日分])")
_SPACE_AFTER_WORD = re.compile(r"(?<=[到至达年底末]) (?=\d)")
# Pinyin a page's character converter wrote after a character, "发（fā）明", "数（shù）量": noise
# inside the words of an indicator (a syllable in brackets with a tone mark, right after a character).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])（[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*）")


# A comma that is not a thousands separator ("1,200") is the Chinese comma pages often lose.
_ASCII_COMMA = re.compile(r",(?!\d{3}(?!\d))|(?<!\d),")


def normalise(text: str) -> str:
    """Characters folded to one form, figures joined again; line breaks kept."""
    return normalise_map(text)[0]


def normalise_map(text: str) -> tuple[str, list[int]]:
    """The normalised text, and for each of its characters the index of the original one.

    Folding maps one character to at most one; the only characters dropped are the spaces
    inside a figure, a converter's pinyin in brackets, a \r before \n, and invisible ones: so any
    stretch of the normalised text can be quoted as the document wrote it (`verbatim`).
    """
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch == "\r" and text[i + 1:i + 2] == "\n":
            continue
        folded = "\n" if ch == "\r" else ch.translate(_FOLD)
        if folded:
            chars.append(folded)
            where.append(i)
    out = _ASCII_COMMA.sub("，", "".join(chars))
    for rx in (_PINYIN, _SPACED_DIGITS, _SPACE_BEFORE_UNIT, _SPACE_AFTER_WORD):
        keep = [True] * len(out)
        for m in rx.finditer(out):
            for k in range(m.start(), m.end()):
                keep[k] = False
        out = "".join(c for c, k in zip(out, keep) if k)
        where = [w for w, k in zip(where, keep) if k]
    return out, where


class Verbatim:
    """Quotes a normalised sentence as the document wrote it, sentences asked for in order."""

    def __init__(self, original: str, normalised: str, where: list[int]) -> None:
        self.original, self.normalised, self.where, self.cursor = original, normalised, where, 0

    def quote(self, sentence: str) -> str:
        """The original text of the next occurrence of `sentence` (itself when not found)."""
        at = self.normalised.find(sentence, self.cursor)
        if at < 0 or not sentence:
            return sentence
        self.cursor = at
        return self.original[self.where[at]:self.where[at + len(sentence) - 1] + 1]


# Clause markers, by level: 一、 / （一） / 1. 1、 / （1）. A marker counts at the start of a line,
# or run into prose after a sentence end or a closing bracket (pages that lost their line breaks).
_CN = "一二三四五六七八九十百"
_LEVELS = (
    (0, re.compile(rf"第[{_CN}]{{1,3}}[章部篇节](?:分)?\s*")),
    (1, re.compile(rf"[{_CN}]{{1,3}}、")),
    (2, re.compile(rf"（[{_CN}]{{1,3}}）")),
    (3, re.compile(r"\d{1,2}(?:\.(?!\d)|、)")),
    (4, re.compile(r"（\d{1,2}）")),
)
_BEFORE_INLINE = "。；;）」”!！?？:："
_MARKER_START = re.compile(rf"(?:[{_CN}]{{1,3}}、|（[{_CN}]{{1,3}}）|\d{{1,2}}(?:\.(?!\d)|、)|（\d{{1,2}}）)")


@dataclass(frozen=True)
class Block:
    """A piece of text under one clause: a task, a heading with its prose, or a table line."""
    text: str
    clause: str | None        # the full path, e.g. 三、（二）8.
    line: int                 # 0-based line of the text where the block starts
    starts_line: bool         # True when the block began a line (a heading or a table line)


class ClauseTracker:
    """The current clause path: a marker of one level clears every deeper level."""

    def __init__(self) -> None:
        self.path: dict[int, str] = {}

    def enter(self, level: int, marker: str) -> None:
        """Record a marker of `level` (deeper levels end)."""
        marker = marker.strip()
        if level == 3 and marker.endswith("、"):
            marker = marker[:-1] + "."
        self.path = {k: v for k, v in self.path.items() if k < level}
        self.path[level] = marker

    def current(self) -> str | None:
        """The clause as written in the document, outermost first, or None before the first."""
        return "".join(self.path[k] for k in sorted(self.path)) or None


def _marker_at(text: str, pos: int) -> tuple[int, str] | None:
    """The clause marker starting at `pos`, if any, with its level."""
    for level, rx in _LEVELS:
        m = rx.match(text, pos)
        if m:
            after = text[m.end():m.end() + 1]
            # a marker is followed by words, not by a figure ("1、2个" is not a clause)
            if after and (after.isdigit() or after in ".%万亿件家个项"):
                return None
            return level, m.group(0)
    return None


def blocks(text: str) -> list[Block]:
    """The text cut at every clause marker, each piece with the clause it stands in."""
    tracker = ClauseTracker()
    out: list[Block] = []
    for n, raw in enumerate(text.split("\n")):
        line = raw.strip()
        if not line:
            continue
        cuts: list[tuple[int, int, str]] = []  # (position, level, marker)
        start = _marker_at(line, 0)
        if start:
            cuts.append((0, *start))
        for m in _MARKER_START.finditer(line):
            p = m.start()
            last = cuts[-1][0] if cuts else None
            if p == 0 or line[p - 1] not in _BEFORE_INLINE and not _after_heading(line, p, last):
                continue
            found = _marker_at(line, p)
            if found:
                cuts.append((p, *found))
        pieces = [0] + [c[0] for c in cuts if c[0] > 0] + [len(line)]
        markers = {c[0]: (c[1], c[2]) for c in cuts}
        for a, b in zip(pieces, pieces[1:]):
            if a in markers:
                tracker.enter(*markers[a])
            piece = line[a:b].strip()
            if piece:
                out.append(Block(piece, tracker.current(), n, a == 0))
    return out


def _after_heading(line: str, p: int, last: int | None) -> bool:
    """A marker run into a short heading without a full stop: "三、工作任务（一）建设…体系1.召开…"."""
    if last is None:
        return False
    heading = line[last:p]
    return len(heading) <= 24 and not re.search(r"[，。；,;]", heading)


# Sentences end at 。；! ? and at a line end; a comma splits a sentence into its parts.
_SENTENCE_END = re.compile(r"(?<=[。；;!！?？])")


def sentences(block: str) -> list[str]:
    """A block's sentences, each with its closing mark."""
    return [s.strip() for s in _SENTENCE_END.split(block) if s.strip()]
