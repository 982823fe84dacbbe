"""The plan reader on real plans of other cities: the texts in tests/plans/, read by hand.

Each text is a real page (its address on the file's first line): a city's strong-city work
plan, a city government's opinion on patents, a city's action plan to 2020 in traditional
characters with its converter's pinyin noise, news of a municipality's and a province's
five-year targets, the national 14th plan's IP indicator, and two pages of where cities and
counties stand today, which set no target. tests/plans/targets.yaml holds what a careful
reader finds in each: the reader must find exactly those targets, with the right indicator
(or, where the catalogue has none, a proposal for review), value, unit, year and comparison,
and nothing the text does not set. A text whose entry names `known_misses` is expected to fail
(strictly: the day the reader gets it right, the mark must go).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from ipcheck.app.plandoc import simplified
from ipcheck.engine.planread import read_plan
from ipcheck.engine.planread.match import key

PLANS = Path(__file__).resolve().parent / "plans"
HAND = yaml.safe_load((PLANS / "targets.yaml").read_text(encoding="utf-8"))


def plan_text(name: str) -> str:
    """The page's text without its first line (the comment naming its address), simplified."""
    return simplified((PLANS / name).read_text(encoding="utf-8").split("\n", 1)[1])


def found(t) -> tuple:
    measure = "growth" if t.kind in ("growth", "average_growth") else "level"
    return (t.indicator, t.value, t.unit, t.year, t.comparison, measure)


def wanted(ref: dict) -> tuple:
    measure = "growth" if ref.get("growth") else "level"
    return (ref["indicator"], Decimal(ref["value"]), ref["unit"], ref["year"], ref["comparison"], measure)


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=HAND[n]["known_misses"]))
    if "known_misses" in HAND[n] else n for n in sorted(HAND)])
def test_the_reader_finds_what_a_careful_reader_finds(name, catalogue):
    reading = read_plan(plan_text(name), catalogue)
    refs = HAND[name]["targets"]
    got = [found(t) for t in reading.targets]
    assert sorted(got, key=str) == sorted((wanted(r) for r in refs), key=str), [
        (t.name, t.value_text, t.year, t.kind) for t in reading.targets]
    for ref in refs:
        if ref["indicator"] is None:  # the catalogue lacks it: proposed for review under the plan's name
            t = next(t for t in reading.targets if found(t) == wanted(ref))
            assert "review.indicator_not_in_catalogue" in t.review
            assert key(ref["name"]) in key(t.name)


@pytest.mark.parametrize("name", sorted(HAND))
def test_each_hand_read_target_is_found_with_its_value_unit_year_and_comparison(name, catalogue):
    got = [found(t) for t in read_plan(plan_text(name), catalogue).targets]
    for ref in HAND[name]["targets"]:
        if not ref.get("miss"):
            assert wanted(ref) in got, (ref, got)


def test_every_fixture_names_its_page_and_is_read_by_hand():
    texts = sorted(p.name for p in PLANS.glob("*.txt"))
    assert texts == sorted(HAND)
    for name in texts:
        first = (PLANS / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# ") and "http" in first


# Indicators real plans set that the catalogue lacks (each one below is worded as the plans above
# and the 强市/强县 plans word them): the reader proposes each, under the plan's own name, for a
# person to review; it never takes the count the rate is made of (有效注册商标 for 每百户…注册商标).
LACKING = """\
二、主要目标
到2025年，每百户市场主体有效注册商标拥有量达到30件，每百户企业注册商标拥有量达到120件，\
知识产权转让许可次数达到2000次，技术合同成交额突破100亿元，每百万人口发明专利拥有量年均增长25%以上，\
每万人口发明专利拥有量和每万人口高价值发明专利拥有量分别达到40件和15件。
"""


def test_indicators_the_catalogue_lacks_are_proposed_under_the_plan_s_own_names(catalogue):
    reading = read_plan(LACKING, catalogue)
    proposed = {t.name: (t.value, t.unit, t.year) for t in reading.targets if t.indicator is None}
    assert proposed == {
        "每百户市场主体有效注册商标拥有量": (Decimal("30"), "件", 2025),
        "每百户企业注册商标拥有量": (Decimal("120"), "件", 2025),
        "知识产权转让许可次数": (Decimal("2000"), "次", 2025),
        "技术合同成交额": (Decimal("100"), "亿元", 2025),
        "每百万人口发明专利拥有量": (Decimal("25"), "%", 2025),
    }
    for t in reading.targets:
        if t.indicator is None:
            assert "review.indicator_not_in_catalogue" in t.review
    matched = sorted((t.indicator, t.value) for t in reading.targets if t.indicator)
    assert matched == [("high_value_invention_patents_per_10k", Decimal("15")),
                       ("invention_patents_per_10k", Decimal("40"))]
