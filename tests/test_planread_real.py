"""The plan reader on real plans of other cities: the texts in tests/plans/, read by hand.

Each text is a real page (its address on the file's first line): a city's strong-city work
plan, a city government's opinion on patents, a city's action plan to 2020 in traditional
characters with its converter's pinyin noise, news of a municipality's and a province's
five-year targets, the national 14th plan's IP indicator, and two pages of where cities and
counties stand today, which set no target. tests/plans/targets.yaml holds what a careful
reader finds in each: the reader must find exactly those targets, with the right indicator
(or, where the catalogue has none, a proposal for review), value, unit, year and comparison,
and nothing the text does not set.
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


@pytest.mark.parametrize("name", sorted(HAND))
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


def test_every_fixture_names_its_page_and_is_read_by_hand():
    texts = sorted(p.name for p in PLANS.glob("*.txt"))
    assert texts == sorted(HAND)
    for name in texts:
        first = (PLANS / name).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# ") and "http" in first
