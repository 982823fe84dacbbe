"""No chart label covers another or runs off its chart: the radar (and bars) of category scores, every indicator's
trend and progress's score and coverage, for every shipped city in both languages, and radars of every size.

Each label's box is measured from the SVG the renderer emits with the advances of the font the PDF draws it in
(Noto Sans CJK SC, read with fontTools), not with the renderer's own estimate."""

from __future__ import annotations

import html
import itertools
import re
from decimal import Decimal
from functools import cache

import pytest
from click.testing import CliRunner
from conftest import CITIES
from fontTools.ttLib import TTCollection
from ipcheck.app.analysis import progress
from ipcheck.cli import main
from ipcheck.engine.models import CATEGORIES
from ipcheck.engine.result import CategoryScore
from ipcheck.reports import charts
from ipcheck.reports.labels import category_name

D = Decimal
SHIPPED = sorted(CITIES.glob("*.yaml"))
EVERY = [a for fw in ("heze-2022", "national-2025", "ningbo-2020", "reference", "shaoxing-2014", "tianjin-2017",
                      "yinchuan-2023") for a in ("--framework", fw)]
NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc"
TEXT = re.compile(r'<text x="([-\d.]+)" y="([-\d.]+)" font-size="([\d.]+)"[^>]*?text-anchor="(\w+)"'
                  r'( font-weight="bold")?>([^<]*)</text>')


@cache
def _font(bold: bool):
    font = TTCollection(NOTO.format("Bold" if bold else "Regular")).fonts[2]  # Noto Sans CJK SC
    return font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm


def advance(s: str, size: float, bold: bool) -> float:
    """How wide the font draws `s` at `size` px."""
    cmap, hmtx, upm = _font(bold)
    return sum(hmtx[cmap.get(ord(ch), cmap[ord("中")])][0] for ch in s) / upm * size


def label_boxes(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each label of an SVG chart with its box (left, top, right, bottom): its advance from x as anchored, the
    font's ascent and descent (0.88 and 0.12 em) about its baseline."""
    out = []
    for m in TEXT.finditer(svg):
        x, y, size, anchor, bold, s = float(m[1]), float(m[2]), float(m[3]), m[4], bool(m[5]), html.unescape(m[6])
        w = advance(s, size, bold)
        x0 = x - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
        out.append((s, (x0, y - 0.88 * size, x0 + w, y + 0.12 * size)))
    return out


def crowded(svg: str) -> list[str]:
    """The labels of a chart that run off it, and the pairs that cover one another."""
    width = float(re.search(r'<svg[^>]* width="([\d.]+)"', svg)[1])
    height = float(re.search(r'<svg[^>]* height="([\d.]+)"', svg)[1])
    boxes = label_boxes(svg)
    out = [f"{s!r} runs off the {width:g}×{height:g} chart" for s, (a, b, c, d) in boxes
           if a < 0 or b < 0 or c > width or d > height]
    out += [f"{s!r} covers {t!r}" for (s, p), (t, q) in itertools.combinations(boxes, 2)
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]
    return out


def test_the_measure_sees_a_label_covering_another_or_off_the_chart():
    ch = charts.Chart(200, 100, "t", "trend")
    ch.text(20, 30, "12.3k", anchor="middle")
    ch.text(40, 30, "14.11k", anchor="middle")  # 20 px apart: "12.3k" is 28 px wide
    ch.text(195, 60, "target 36k (2022)")
    ch.text(100, 90, "50%", anchor="middle")
    assert crowded(ch.svg) == ["'target 36k (2022)' runs off the 200×100 chart", "'12.3k' covers '14.11k'"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("city", SHIPPED, ids=lambda p: p.stem)
def test_no_label_of_a_readiness_report_chart_is_crowded(city, lang, tmp_path):
    page = tmp_path / "report.html"
    r = CliRunner().invoke(main, ["evaluate", str(city), *EVERY, "--lang", lang, "--html", str(page)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    svgs = re.findall(r"<svg.*?</svg>", page.read_text(encoding="utf-8"), re.S)
    assert svgs
    assert {i: crowded(svg) for i, svg in enumerate(svgs) if crowded(svg)} == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_label_of_progress_charts_is_crowded(lang, monkeypatch):
    drawn = []

    def kept(points, lang):
        drawn.append(chart := real(points, lang))
        return chart

    real = charts.progress
    monkeypatch.setattr(charts, "progress", kept)
    for city in SHIPPED:
        for start in (2013, 2017):
            progress(city, start, 2022, lang=lang)
    assert len(drawn) == 2 * len(SHIPPED)
    assert {i: crowded(ch.svg) for i, ch in enumerate(drawn) if crowded(ch.svg)} == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("n", range(3, len(CATEGORIES) + 1))
def test_no_label_of_a_radar_is_crowded_whatever_its_categories(n, lang):
    """Every category known (some on part of their weight, saying so), or every other one, with and without the
    ready threshold: a category straight below the centre keeps its coverage clear of the legend."""
    names = {c: category_name(c, lang) for c in CATEGORIES}
    for every in (1, 2):
        cats = [CategoryScore(c, D("92.5") - 5 * i if i % every == 0 else None, D("0.39") if i % 3 else D(1), D(1))
                for i, c in enumerate(CATEGORIES[:n])]
        for ready in (D(85), None):
            chart = charts.categories(cats, ready, names, lang)
            assert crowded(chart.svg) == [], (every, ready)
