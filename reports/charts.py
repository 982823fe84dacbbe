"""The report's charts as SVG, drawn from the results: category scores (a radar, or bars when
fewer than three categories have evidence), an indicator's trend against its target, and a
city's score and coverage year by year.

One drawing serves every format: the HTML and PDF embed the SVG, Word gets it as a PNG
(`raster.png`, by CairoSVG). Sizes are CSS pixels (1 px = 0.75 pt): text is never smaller than
`MIN_FONT` px, which is 8 pt on paper at the chart's natural size.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from ..engine.result import CategoryScore, Share, Trend, say
from .linebreak import wrap
from .words import EN_UNIT, axis_scales, display, is_cjk, phrase, text, unit_word

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
MIN_FONT = 11          # px: 8.25 pt
INK, MUTED, GRID = "#222222", "#555555", "#dddddd"
BLUE, GREEN, RED, GREY = "#1f4e79", "#2e7d32", "#c62828", "#9e9e9e"



_WIDE, _NARROW = set("mwMW%@"), set("fijlrtI.,:;'!|()[]/-")


def text_width(s: str, size: float, bold: bool = False) -> float:
    """How wide a label is drawn, in px at `size` px: an estimate on Noto Sans CJK's advances, never below them
    (a Chinese character 1 em, a digit 0.56, most Latin letters 0.62, m and W 0.93; bold Latin 8 % wider)."""
    em = 0.0
    for ch in s:
        if ord(ch) >= 0x2E80 or ch in "“”‘’…—":
            em += 1.0
        elif ch.isdigit():
            em += 0.56
        elif ch in _WIDE:
            em += 0.93
        elif ch in _NARROW:
            em += 0.4
        elif ch == " ":
            em += 0.23
        else:
            em += 0.75 if ch.isupper() else 0.62
    return em * size * (1.08 if bold else 1)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(x: float, y: float, s: str, size: float = MIN_FONT, anchor: str = "start", bold: bool = False) -> Box:
    """The box a label takes, its baseline at y: the font's ascent (0.88 em) above, its descent (0.12 em) below."""
    w = text_width(s, size, bold)
    x0 = x - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
    return (x0, y - 0.88 * size, x0 + w, y + 0.12 * size)


def _meet(a: Box, b: Box, gap: float = 1) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


@dataclass
class Chart:
    """An SVG drawing in CSS pixels, built from a few primitives; `svg` is its text. Every label's box is kept
    (`boxes`), so that a label placed later (`place`) goes where it covers none and stays inside the drawing."""
    width: int
    height: int
    label: str
    kind: str
    items: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    def free(self, box: Box, gap: float = 1) -> bool:
        """Whether a box lies inside the drawing and at least `gap` px clear of every label drawn so far."""
        inside = box[0] >= 1 and box[1] >= 1 and box[2] <= self.width - 1 and box[3] <= self.height - 1
        return inside and not any(_meet(box, b, gap) for b in self.boxes)

    def place(self, x: float, y: float, s: str, tries: list[tuple[float, float, str]], **style) -> bool:
        """A label near (x, y) at the first offset (dx, dy, anchor) of `tries` where it is `free`; where none is,
        at the first (False). Style as `text`."""
        size, bold = max(style.get("size", MIN_FONT), MIN_FONT), style.get("bold", False)
        for dx, dy, anchor in tries:
            if self.free(text_box(x + dx, y + dy, s, size, anchor, bold)):
                self.text(x + dx, y + dy, s, anchor=anchor, **style)
                return True
        dx, dy, anchor = tries[0]
        self.text(x + dx, y + dy, s, anchor=anchor, **style)
        return False

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = GRID, width: float = 1,
             dash: str = "") -> None:
        """A straight line (dashed with `dash`, an SVG dash array)."""
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" '
                          f'stroke-width="{width}"{d}/>')

    def poly(self, points: list[tuple[float, float]], *, stroke: str = BLUE, fill: str = "none",
             width: float = 1.5, opacity: float = 1, dash: str = "", closed: bool = False) -> None:
        """A polyline through `points`, or a polygon when `closed`."""
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        d = f' stroke-dasharray="{dash}"' if dash else ""
        o = f' fill-opacity="{opacity}"' if opacity != 1 else ""
        self.items.append(f'<{"polygon" if closed else "polyline"} points="{pts}" fill="{fill}"{o} '
                          f'stroke="{stroke}" stroke-width="{width}"{d}/>')

    def dot(self, x: float, y: float, r: float = 3, color: str = BLUE, hollow: bool = False) -> None:
        """A point: a filled circle, or a ring when `hollow`."""
        fill = "#ffffff" if hollow else color
        self.items.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{fill}" stroke="{color}" '
                          'stroke-width="1.5"/>')

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str = "none", dash: str = "",
             opacity: float = 1) -> None:
        """A rectangle from its top-left corner."""
        d = f' stroke-dasharray="{dash}"' if dash else ""
        o = f' fill-opacity="{opacity}"' if opacity != 1 else ""
        self.items.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}"{o} '
                          f'stroke="{stroke}"{d}/>')

    def text(self, x: float, y: float, s: str, *, size: int = MIN_FONT, color: str = INK, anchor: str = "start",
             bold: bool = False) -> None:
        """A label at (x, y), its baseline; never smaller than MIN_FONT."""
        size = max(size, MIN_FONT)
        self.boxes.append(text_box(x, y, s, size, anchor, bold))
        b = ' font-weight="bold"' if bold else ""
        self.items.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}" '
                          f'text-anchor="{anchor}"{b}>{escape(s)}</text>')

    @property
    def svg(self) -> str:
        """The chart as one <svg> element (inline in HTML, or converted to PNG for Word)."""
        return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {self.kind}" width="{self.width}" '
                f'height="{self.height}" viewBox="0 0 {self.width} {self.height}" font-family="{FONT}" '
                f'role="img" aria-label={quoteattr(self.label)}>' + "".join(self.items) + "</svg>")


# ---------------------------------------------------------------- numbers on axes

def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round ticks from 0 covering `top` in at most `count` steps of 1, 2, 2.5 or 5 × 10^k (0, 10,000, 20,000, …)."""
    if top <= 0:
        return [0.0, 1.0]
    mag = 10 ** math.floor(math.log10(top / count))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if math.ceil(top / (m * mag) - 1e-9) <= count)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def short(x: float, unit: str, lang: str, ref: float | None = None) -> str:
    """A figure on an axis or beside a point, without its unit (the chart's title names it): 40.11万 in
    Chinese, 401.1k or 4 bn in English. `ref` (the axis's largest figure) sets one scale for a whole axis."""
    d = Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    big = abs(Decimal(repr(ref)) if ref is not None else d)
    if unit == "%":
        return display(d) + "%"
    if not is_cjk(lang) and unit in ("万元", "亿元", "元"):  # (in English, money in yuan: 40 亿元 → 4 bn)
        d, big = d * _YUAN[unit], big * _YUAN[unit]
    for scale, word in axis_scales(lang):
        if big >= scale * (10 if word == "k" else 1):
            return display(d / scale) + ("" if d == 0 else word)
    return display(d)


_YUAN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


# ---------------------------------------------------------------- category scores

def categories(cats: list[CategoryScore] | tuple[CategoryScore, ...], ready: Decimal | None, names: dict[str, str],
               lang: str) -> Chart:
    """Category scores against the ready threshold: a radar with three or more categories with evidence,
    else bars. A category without evidence is a gap (a dashed axis, 'no evidence'), never a zero.
    A plan's achievement index by category has no threshold to reach (`ready` None): none is drawn."""
    known = [c for c in cats if c.score is not None]
    line = None if ready is None else float(ready)
    if len(known) >= 3:
        return _radar(list(cats), line, names, lang)
    return _bars(list(cats), line, names, lang)


def _scores_title(ready: float | None, lang: str) -> str:
    return phrase("chart.ready", lang) if ready is not None else text(say("chart.index"), lang)


def _radar(cats: list[CategoryScore], ready: float | None, names: dict[str, str], lang: str) -> Chart:
    n = len(cats)
    w, h = 330, 285
    cx, cy, r = w / 2, 140, 80
    ch = Chart(w, h, _scores_title(ready, lang), "radar")

    def at(i: int, s: float) -> tuple[float, float]:
        a = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * s / 100 * math.cos(a), cy + r * s / 100 * math.sin(a)

    for ring in (25, 50, 75, 100):
        ch.poly([at(i, ring) for i in range(n)], stroke=GRID, width=0.8, closed=True)
    for i, c in enumerate(cats):
        ch.line(cx, cy, *at(i, 100), color="#999999" if c.score is not None else GREY, width=0.8,
                dash="" if c.score is not None else "2 3")
    ch.text(cx + 3, cy - r * 0.5 + 12, "50", color=MUTED)
    if ready is not None:
        ch.poly([at(i, ready) for i in range(n)], stroke=GREEN, width=1.2, dash="5 3", closed=True)
    # The score is drawn only where there is evidence: a point at each known category's score, and the
    # area between two neighbouring known categories. Across a category without evidence nothing is
    # drawn (its axis is dashed and says so): no line suggests a score there, zero or otherwise — nor a
    # line from the centre to a known score, which read as the outline dropping to zero in between.
    known = {i for i, c in enumerate(cats) if c.score is not None}
    pts = {i: at(i, float(cats[i].score)) for i in known}  # type: ignore[arg-type]
    for i in sorted(known):
        j = (i + 1) % n
        if j in known and j != i:
            ch.poly([(cx, cy), pts[i], pts[j]], stroke="none", fill=BLUE, opacity=0.18, width=0, closed=True)
            ch.line(*pts[i], *pts[j], color=BLUE, width=1.8)
    for i in sorted(known):
        ch.dot(*pts[i], r=3.5)
    for i, c in enumerate(cats):
        a = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + (r + 10) * math.cos(a), cy + (r + 10) * math.sin(a)
        anchor = "middle" if abs(math.cos(a)) < 0.3 else ("start" if math.cos(a) > 0 else "end")
        dy = -18 if math.sin(a) < -0.3 else (12 if math.sin(a) > 0.3 else -3)
        known_c = c.score is not None
        score = f"{c.score.quantize(Decimal(1))}" if known_c else phrase("chart.no_evidence", lang)
        cov = _coverage(c, lang) if known_c else ""
        if cov and math.sin(a) < -0.3:  # a label above the radar grows upwards
            dy -= 12
        colour = INK if known_c else MUTED
        lines = [(names[c.category], colour, known_c), (score, colour, False)] + ([(cov, MUTED, False)] if cov else [])
        # the label's lines kept inside the drawing, and moved away from the radar's centre (up above it, down
        # below it, down at its sides) until clear of the labels drawn before
        wide = max(text_width(t, MIN_FONT, b) for t, _, b in lines)
        lead = {"start": 0, "middle": wide / 2, "end": wide}[anchor]
        x = min(max(x, 2 + lead), w - 2 - (wide - lead))
        step = -3 if math.sin(a) < -0.3 else 3
        for _ in range(8):
            if all(ch.free(text_box(x, y + dy + 12.5 * k, t, anchor=anchor, bold=b)) for k, (t, _, b) in
                   enumerate(lines)):
                break
            dy += step
        for k, (t, colour, bold) in enumerate(lines):  # (the coverage: how much of the category the score stands on)
            ch.text(x, y + dy + 12.5 * k, t, color=colour, anchor=anchor, bold=bold)
    # the legend under the lowest label (a category straight below the centre, with its coverage, reaches past
    # the radar's usual height): the drawing grows for it
    legend = max(h - 8, max(b[3] for b in ch.boxes) + 16)
    ch.height = max(h, math.ceil(legend + 8))
    _legend(ch, 12, legend, ready, lang)
    return ch


def _coverage(c: CategoryScore, lang: str) -> str:
    """The share of a category's weight that has evidence ("证据覆盖39%", "coverage 39%"); "" when all of it has."""
    if c.coverage is None or c.coverage >= 1:
        return ""
    return phrase("chart.coverage_share", lang, share=f"{(c.coverage * 100).quantize(Decimal(1))}%")


def _keys(ch: Chart, x: float, y: float, keys: list[tuple[Callable[[float, float], None], str]]) -> None:
    """A legend along the baseline y from x: each key's mark (22 px wide, drawn at (x, y)) and its words, one after
    the other as wide as they are; a key that does not fit starts a further line (the drawing grows for it)."""
    start = x
    for mark, words in keys:
        need = 26 + text_width(words, MIN_FONT)
        if x > start and x + need > ch.width - 4:
            x, y = start, y + 15
            ch.height = max(ch.height, math.ceil(y + 6))
        mark(x, y)
        ch.text(x + 26, y, words, color=MUTED)
        x += need + 16


def _legend(ch: Chart, x: float, y: float, ready: float | None, lang: str) -> None:
    keys = [] if ready is None else [
        (lambda x, y: ch.line(x, y - 4, x + 22, y - 4, color=GREEN, width=1.2, dash="5 3"),
         f"{phrase('chart.ready', lang)} {ready:g}")]
    keys.append((lambda x, y: ch.line(x, y - 4, x + 22, y - 4, color=GREY, width=0.8, dash="2 3"),
                 phrase("chart.no_evidence", lang)))
    _keys(ch, x, y, keys)


def _bars(cats: list[CategoryScore], ready: float | None, names: dict[str, str], lang: str) -> Chart:
    # a bar drawn at full length on part of the weight says so under it, in words that cannot be read as its value
    partial = any(c.score is not None and c.coverage is not None and c.coverage < 1 for c in cats)
    row = 34 if partial else 22
    label_w = 80 if is_cjk(lang) else 92
    w = 330
    bar_w = w - label_w - 50
    h = 24 + row * len(cats) + 24
    ch = Chart(w, h, _scores_title(ready, lang), "bars")
    for i, c in enumerate(cats):
        y = 14 + row * i
        ch.text(label_w - 6, y + 12, names[c.category], anchor="end", color=INK if c.score is not None else MUTED)
        if c.score is None:
            ch.rect(label_w, y, bar_w, 15, fill="none", stroke=GREY, dash="2 3")
            ch.text(label_w + 6, y + 12, phrase("chart.no_evidence", lang), color=MUTED)
        else:
            ch.rect(label_w, y, bar_w, 15, fill="#eeeeee")
            ch.rect(label_w, y, bar_w * float(c.score) / 100, 15, fill=BLUE)
            ch.text(label_w + bar_w + 4, y + 12, f"{c.score.quantize(Decimal(1))}")
            if c.coverage is not None and c.coverage < 1:  # how much of the category the score stands on
                ch.text(label_w, y + 28, text(say("chart.rests_on", share=Share(c.coverage)), lang), color=MUTED)
    if ready is not None:
        x = label_w + bar_w * ready / 100
        ch.line(x, 8, x, 16 + row * len(cats), color=GREEN, width=1.2, dash="5 3")
    _legend(ch, 12, h - 8, ready, lang)
    return ch


# ---------------------------------------------------------------- an indicator's trend

def _title(ch: Chart, label: str, w: float) -> None:
    """A chart's title in bold, on two lines when one is too narrow for it (a third would cover the plot:
    what does not fit ends with "…"); broken where a line may break."""
    cells = int((w - 8) / 5.9)  # a cell of 8 pt bold text (a Chinese character takes two)
    lines = wrap(label, cells)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: max(len(lines[1]) - 1, 1)] + "…"]
    for k, line in enumerate(lines):
        ch.text(4, 12 + 12 * k if len(lines) > 1 else 14, line, bold=True)


def trend(t: Trend, judged: int, name: str, lang: str, assumed: frozenset[int] = frozenset()) -> Chart | None:
    """An indicator's figures up to the year judged, each labelled, against its target drawn at its year; a figure
    of a year in `assumed` (a what-if's, --set) is drawn hollow, reached by a dashed line and labelled so.

    The x-axis runs from the first figure to the target year or the year judged, whichever is
    later; no figure after the year judged is drawn. Ticks and gridlines sit at round values."""
    points = [(y, float(v)) for y, v in t.history if y <= judged]
    if not points:
        return None
    target = float(t.target) if t.target is not None else None
    end = max(judged, t.target_year or judged)
    x0 = points[0][0]
    x1 = end if end > x0 else x0 + 1
    if x1 - x0 < 2:
        x0 = x1 - 2
    top = max([v for _, v in points] + ([target] if target is not None else []))
    ticks = nice_ticks(top * 1.08)
    ymax = ticks[-1]
    w, h = 330, 170
    left, right, top_px, bottom = 46, w - 14, 34, h - 24
    pad = 16  # between the axes and the first and last years
    unit = unit_word(t.unit, lang)
    if unit and unit in name:  # "… per 10k people" says its unit already
        unit = ""
    label = phrase("chart.with_unit", lang, name=name, unit=unit) if unit else name
    ch = Chart(w, h, label, "trend")
    _title(ch, label, w)

    def px(year: float) -> float:
        return left + pad + (right - left - 2 * pad) * (year - x0) / (x1 - x0)

    def py(v: float) -> float:
        return bottom - (bottom - top_px) * v / ymax

    for tk in ticks:
        ch.line(left, py(tk), right, py(tk), color=GRID, width=0.8)
        ch.text(left - 5, py(tk) + 4, short(tk, t.unit, lang, ymax), color=MUTED, anchor="end")
    ch.line(left, bottom, right, bottom, color="#999999", width=0.8)
    step = 1 if x1 - x0 <= 8 else 2 if x1 - x0 <= 16 else 5
    # the last year always labelled; another only where its label clears those beside it (2021 beside 2022)
    for y in [x1] + [y for y in range(x0, x1) if (y - x0) % step == 0]:
        ch.line(px(y), bottom, px(y), bottom + 3, color="#999999", width=0.8)
        if y == x1 or ch.free(text_box(px(y), bottom + 15, str(y), anchor="middle"), gap=8):
            ch.text(px(y), bottom + 15, str(y), color=MUTED, anchor="middle")
    if judged < end:  # the year judged, where the known figures stop
        ch.line(px(judged), top_px - 6, px(judged), bottom, color=GREY, width=0.8, dash="2 2")
        ch.place(px(judged), top_px - 8, phrase("chart.judged", lang), [(-3, 0, "end"), (3, 0, "start")], color=MUTED)
    if target is not None and t.target_year is not None:
        ty = py(target)
        ch.line(left, ty, px(t.target_year), ty, color=RED, width=0.8, dash="4 3")
        if t.target_year > points[-1][0] and t.target_year > judged:  # the growth still ahead
            ch.line(px(points[-1][0]), py(points[-1][1]), px(t.target_year), ty, color=RED, width=1, dash="1 3")
        ch.poly([(px(t.target_year), ty - 5), (px(t.target_year) + 5, ty), (px(t.target_year), ty + 5),
                 (px(t.target_year) - 5, ty)], stroke=RED, fill=RED, width=1, closed=True)
        tx = px(t.target_year)
        sides = [(-8, -7, "end"), (8, -7, "start")]
        ch.place(tx, ty, phrase("chart.target_at", lang, v=short(target, t.unit, lang), y=t.target_year),
                 (sides if tx > right - 60 else sides[::-1]) + [(-8, 15, "end"), (8, 15, "start")], color=RED)
    if len(points) > 1 and not assumed:
        ch.poly([(px(y), py(v)) for y, v in points], stroke=BLUE, width=1.8)
    for (ya, va), (yb, vb) in zip(points, points[1:]) if assumed else ():  # a line to or from an assumption dashed
        ch.poly([(px(ya), py(va)), (px(yb), py(vb))], stroke=BLUE, width=1.8,
                dash="4 3" if ya in assumed or yb in assumed else "")
    for y, v in points:
        ch.dot(px(y), py(v), hollow=y in assumed)
    for y, v in points:  # each figure above its point, else below, else beside: clear of the others' and the axes'
        below = target is not None and abs(py(v) - py(target)) < 16 and py(v) >= py(target)
        tries = [(0, -7, "middle"), (0, 16, "middle")]
        figure = short(v, t.unit, lang)
        ch.place(px(y), py(v), phrase("chart.assumed", lang, v=figure) if y in assumed else figure,
                 (tries[::-1] if below else tries)
                 + [(-5, -7, "end"), (5, 16, "start"), (5, -7, "start"), (-5, 16, "end")])
    return ch


# ---------------------------------------------------------------- a city year by year

@dataclass(frozen=True)
class YearPoint:
    """One year of a progress series: the score (None when the year is not assessable) and the range the
    missing evidence allows (0–100), the coverage (0–1)."""
    year: int
    score: Decimal | None
    low: Decimal | None
    high: Decimal | None
    coverage: Decimal


def progress(points: list[YearPoint], lang: str) -> Chart:
    """Score (with the range the missing evidence allows, shaded) and coverage for each year, on 0–100.

    A year without a score (not assessable: the caller leaves its score out) shows its range only."""
    w, h = 520, 210
    left, right, top_px, bottom = 40, w - 16, 20, h - 44
    ch = Chart(w, h, f"{phrase('chart.score', lang)} / {phrase('chart.coverage', lang)}", "progress")
    years = [p.year for p in points]
    x0, x1 = years[0], max(years[-1], years[0] + 1)

    pad = 20  # between the axes and the first and last years: their figures clear of the axis's

    def px(y: float) -> float:
        return left + pad + (right - left - 2 * pad) * (y - x0) / (x1 - x0)

    def py(v: float) -> float:
        return bottom - (bottom - top_px) * v / 100

    for tk in (0, 25, 50, 75, 100):
        ch.line(left, py(tk), right, py(tk), color=GRID, width=0.8)
        ch.text(left - 5, py(tk) + 4, str(tk), color=MUTED, anchor="end")
    for y in years:
        ch.text(px(y), bottom + 15, str(y), color=MUTED, anchor="middle")
    band = [p for p in points if p.low is not None and p.high is not None]
    if band:
        ch.poly([(px(p.year), py(float(p.high))) for p in band] + [(px(p.year), py(float(p.low))) for p in band[::-1]],
                stroke="none", fill=BLUE, opacity=0.12, width=0, closed=True)
    _keys(ch, left, h - 8, [
        (lambda x, y: ch.line(x, y - 4, x + 22, y - 4, color=BLUE, width=1.8), phrase("chart.score", lang)),
        (lambda x, y: ch.rect(x, y - 10, 22, 10, fill=BLUE, opacity=0.12), phrase("chart.range", lang)),
        (lambda x, y: ch.line(x, y - 4, x + 22, y - 4, color=GREEN, width=1.5, dash="5 3"),
         phrase("chart.coverage", lang) + " %")])
    cov = [(px(p.year), py(float(p.coverage) * 100)) for p in points]
    if len(cov) > 1:
        ch.poly(cov, stroke=GREEN, width=1.5, dash="5 3")
    for (x, y), p in zip(cov, points):
        ch.dot(x, y, r=2.5, color=GREEN, hollow=True)
    run: list[tuple[float, float]] = []
    scored = []
    for p in points + [YearPoint(0, None, None, None, Decimal(0))]:
        if p.score is None:
            if len(run) > 1:
                ch.poly(run, stroke=BLUE, width=1.8)
            run = []
            continue
        run.append((px(p.year), py(float(p.score))))
        scored.append((run[-1], p.score))
        ch.dot(*run[-1])
    # the figures last, each where it clears the labels drawn: a score above its point, else below or beside
    for (x, y), score in scored:
        ch.place(x, y, f"{score.quantize(Decimal('0.1'))}",
                 [(0, -7, "middle"), (0, 15, "middle"), (7, 4, "start"), (-7, 4, "end")])
    for (x, y), p in zip(cov, points):
        low = p.coverage < Decimal("0.15")  # near the axis: the label goes above the point, clear of the years
        tries = [(0, -7, "middle"), (0, 15, "middle")]
        ch.place(x, y, f"{(p.coverage * 100).quantize(Decimal(1))}%", (tries if low else tries[::-1])
                 + [(7, 4, "start"), (-7, 4, "end")], color=GREEN)
    return ch


__all__ = ["Chart", "EN_UNIT", "YearPoint", "categories", "nice_ticks", "progress", "short", "trend"]
