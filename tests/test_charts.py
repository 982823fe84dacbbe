"""The report's charts (issue 13): what each one draws, checked on its SVG."""

from __future__ import annotations

import re
from decimal import Decimal

from helpers import city, crit, framework
from ipcheck.engine.evaluate import evaluate
from ipcheck.engine.models import CATEGORIES as CATEGORY
from ipcheck.engine.result import CategoryScore, Trend
from ipcheck.reports import charts, readiness
from ipcheck.reports.labels import category_name

D = Decimal
NAMES = {c: category_name(c, "zh") for c in CATEGORY}


def texts(svg: str) -> list[str]:
    return re.findall(r">([^<>]+)</text>", svg)


def points(svg: str) -> list[str]:
    """The labels beside the points (centred), not the axis's ticks (right-aligned) or years (below the axis)."""
    return re.findall(r'<text x="[\d.]+" y="([\d.]+)"[^>]*text-anchor="middle">([^<>]+)</text>', svg)


def xs_of(svg: str, label: str) -> float:
    """The x of the axis label `label`."""
    return float(re.search(rf'<text x="([\d.]+)" y="[\d.]+"[^>]*>{re.escape(label)}</text>', svg).group(1))


def test_ticks_are_round():
    assert charts.nice_ticks(36000 * 1.08) == [0, 10000, 20000, 30000, 40000]
    assert charts.nice_ticks(1.89) == [0, 0.5, 1, 1.5, 2]
    assert charts.nice_ticks(127) == [0, 50, 100, 150]
    for top in (0.87, 3.3, 18, 650, 8979, 401100, 1.2e9):
        ticks = charts.nice_ticks(top)
        step = ticks[1]
        mantissa = step / 10 ** (len(str(int(step))) - 1) if step >= 1 else step * 10 ** len(str(step).split(".")[1])
        assert ticks[-1] >= top and all(abs(t - i * step) < 1e-9 for i, t in enumerate(ticks))
        assert round(mantissa, 6) in (1, 2, 2.5, 5, 10, 20, 25, 50), (top, step)


def test_axis_labels_share_a_scale():
    assert [charts.short(t, "件", "zh", 15000) for t in (0, 5000, 10000)] == ["0", "0.5万", "1万"]
    assert charts.short(40, "亿元", "en") == "4bn" and charts.short(401100, "件", "en") == "401.1k"


TREND = Trend("valid_patents", "件", ((2019, D(100)), (2020, D(120)), (2021, D(150)), (2023, D(300))), D(200), 2022,
              None, None)


def test_a_trend_ends_at_the_target_or_the_year_judged_and_draws_nothing_later():
    svg = charts.trend(TREND, 2021, "有效专利", "zh").svg
    labels = texts(svg)
    assert "有效专利（件）" in labels  # the indicator with its unit
    assert [t for _, t in points(svg) if not t.startswith("20")] == ["100", "120", "150"]  # each point labelled
    assert "300" not in labels and "2023" not in labels  # 2023's figure was not known in 2021
    assert "2022" in labels and "目标 200（2022）" in labels  # the axis runs to the target's year
    assert "评价年度" in labels  # where the known figures stop
    assert 'stroke-dasharray="1 3"' in svg  # the growth still ahead, from the last figure to the target
    later = charts.trend(TREND, 2024, "有效专利", "zh").svg
    assert "2024" in texts(later) and "300" in [t for _, t in points(later)]  # judged in 2024: the axis ends there
    assert 'stroke-dasharray="1 3"' not in later  # the target's year is past: no growth "still needed"


def test_the_target_is_drawn_at_its_year():
    svg = charts.trend(TREND, 2021, "有效专利", "zh").svg
    diamond = re.search(r'<polygon points="([\d.]+),[\d.]+ ', svg.split("目标 200")[0].rsplit("<line", 1)[0]
                        + svg.split("目标 200")[0].rsplit("<line", 1)[1])
    x2022 = xs_of(svg, "2022")
    tips = [float(x) for x in re.findall(r'<polygon points="([\d.]+),', svg)]
    assert any(abs(x - x2022) < 0.2 for x in tips), (x2022, tips, diamond)


def test_gridlines_at_every_tick_and_text_never_below_8_points():
    svg = charts.trend(TREND, 2021, "有效专利", "zh").svg
    ticks = re.findall(r'<text x="41.0" y="([\d.]+)"[^>]*text-anchor="end">([^<>]+)</text>', svg)
    assert [t for _, t in ticks] == ["0", "50", "100", "150", "200", "250"]  # round ticks up past the target
    grid = {round(float(y) - 4, 1) for y, _ in ticks}
    lines = {float(y) for y in re.findall(r'<line x1="46.0" y1="([\d.]+)" x2="316.0" y2="\1" stroke="#dddddd"', svg)}
    assert grid <= lines  # a gridline at every tick
    for chart in (charts.trend(TREND, 2021, "x", "en"), charts.categories(_cats(5, 2), D(85), NAMES, "zh"),
                  charts.categories(_cats(1, 6), D(85), NAMES, "en"),
                  charts.progress([charts.YearPoint(2016, D(50), D(10), D(90), D("0.4")),
                                   charts.YearPoint(2017, None, D(5), D(100), D("0.3"))], "zh")):
        sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', chart.svg)]
        assert sizes and min(sizes) * 0.75 >= 8  # CSS px to points, at the chart's own size
        assert chart.width <= 89 / 25.4 * 96 or chart.kind == "progress"  # fits half a page: never scaled down


def _cats(known: int, unknown: int) -> list[CategoryScore]:
    cats = list(CATEGORY)[: known + unknown]
    return [CategoryScore(c, D(90) if i < known else None, D("0.5") if i < known else None, D(1))
            for i, c in enumerate(cats)]


def test_the_radar_leaves_categories_without_evidence_as_gaps():
    chart = charts.categories(_cats(3, 4), D(85), NAMES, "zh")
    assert chart.kind == "radar"
    svg = chart.svg
    assert texts(svg).count("无证据") == 4 + 1  # each category without evidence says so (and the legend)
    assert svg.count("<circle") == 3  # a point for each known category only: none at the centre for a zero
    assert 'stroke-dasharray="2 3"' in svg  # their axes are dashed


def test_the_radar_draws_no_score_across_a_category_without_evidence():
    """Known, unknown, known, known, unknown: the score is drawn between the neighbours 2–3 only; nothing
    joins 0 to 2 across the unknown 1, or 3 to 0 across 4 (a line there would read as a score of ~50)."""
    known = (0, 2, 3)
    cats = [CategoryScore(c, D(90) if i in known else None, D("0.5") if i in known else None, D(1))
            for i, c in enumerate(list(CATEGORY)[:5])]
    svg = charts.categories(cats, D(85), NAMES, "zh").svg
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert len(dots) == 3
    score_lines = re.findall(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#1f4e79"', svg)
    ends = [{(a, b), (c, d)} for a, b, c, d in score_lines]
    p0, p2, p3 = dots
    assert {p2, p3} in ends                      # neighbours with evidence: joined
    assert {p0, p2} not in ends and {p3, p0} not in ends  # across a category without evidence: nothing
    assert len(re.findall(r'<polygon points="[^"]*" fill="#1f4e79"', svg)) == 1  # one filled wedge: 2–3


def test_each_category_says_how_much_of_it_has_evidence():
    svg = charts.categories(_cats(3, 0), D(85), NAMES, "zh").svg
    assert texts(svg).count("证据覆盖50%") == 3
    # a bar at full length is not labelled with a share it could be read as the value of (issue 25): the share
    # is said under the bar, as what the score rests on, and nothing is written inside the bar
    bars = charts.categories(_cats(2, 0), D(85), NAMES, "en").svg
    assert texts(bars).count("the score rests on 50% of its weight") == 2 and "coverage 50%" not in texts(bars)
    full = charts.categories([CategoryScore(c, D(90), D(1), D(1)) for c in list(CATEGORY)[:2]], D(85), NAMES, "en")
    assert "rests on" not in texts(full.svg)


def test_fewer_than_three_known_categories_give_bars():
    chart = charts.categories(_cats(2, 5), D(85), NAMES, "en")
    assert chart.kind == "bars"
    assert texts(chart.svg).count("no evidence") == 5 + 1
    assert len(re.findall(r'<rect [^>]*fill="#1f4e79"', chart.svg)) == 2  # a bar for each known category only


def test_no_growth_still_needed_over_a_period_already_past(catalogue, deciders):
    c = crit("A", "{kind: threshold, indicator: valid_patents, target: 200件, year: 2022}")
    facts = city({"valid_patents": {2019: 100, 2020: 120, 2021: 150}}, catalogue)
    fw = framework(c, catalogue, year=2022)
    ahead = evaluate(fw, facts, catalogue, deciders["python"], year=2021)
    past = evaluate(fw, facts, catalogue, deciders["python"], year=2024)

    def notes(res):
        fig = readiness.trend_figure(res.results[0], res, "en")
        return " ".join(r.text for p in fig.notes for r in p.runs)
    assert "growth still needed 2021–2022: 33.33% a year" in notes(ahead)  # (200 / 150)^(1/1) − 1
    assert "growth still needed" not in notes(past) and "growth observed 2019–2021: 22.47% a year" in notes(past)


def test_a_year_without_a_score_shows_its_range_only():
    chart = charts.progress([charts.YearPoint(2016, None, D(10), D(90), D("0.4")),
                             charts.YearPoint(2017, D("99.6"), D("34.1"), D("99.8"), D("0.5"))], "zh")
    labels = texts(chart.svg)
    assert "99.6" in labels and "40%" in labels and "50%" in labels
    assert chart.svg.count('fill="#1f4e79" stroke="#1f4e79"') == 1  # one score point: 2017's
