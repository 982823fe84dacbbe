"""The year judged without a target year (issue 25): the year whose evidence covers the most weight, the latest
of equals, however the choice is worked out (issue 24 made it pass over years that cannot win)."""

from __future__ import annotations

import random
import sys
from decimal import Decimal

import pytest
from conftest import CITY_FILES, ROOT
from helpers import city, crit, framework
from ipcheck.engine.checks import evidence_until
from ipcheck.engine.evaluate import evaluate, run_example
from ipcheck.engine.load import load_city
from ipcheck.engine.score import EVIDENCE

sys.path.insert(0, str(ROOT / "bench"))
from synth import city_text  # noqa: E402

# Every kind a framework without a target year can hold, among them a mechanism due in a later year than the
# figures (its evidence comes from that year) and checks of a fixed year, a base year and a plan period.
MIXED = (
    crit("T", "{kind: threshold, indicator: valid_invention_patents, target: 30000件}", weight=2)
    + crit("C", "{kind: count, indicator: enforcement_campaigns, target: 3次}", category="protection")
    + crit("G", "{kind: growth, indicator: ip_budget, op: '>', min_growth: 0%}", category="funding")
    + crit("B", "{kind: growth, indicator: valid_patents, base_year: 2019, min_growth: 5%}")
    + crit("F", "{kind: flow, indicator: ip_service_institutions, since: 2019, target: 5家}", category="services")
    + crit("P", "{kind: per_capita, indicator: valid_invention_patents, population: population, "
                "published: invention_patents_per_10k, target: 20}", weight=3)
    + crit("R", "{kind: trajectory, indicator: valid_trademarks, base_year: 2018, base: 50000件, "
                "target_year: 2025, target: 200000件}")
    + crit("H", "{kind: path, indicator: pct_applications, targets: {2020: 100件, 2023: 300件}}")
    + crit("E", "{kind: exists, indicator: leadership_group}", category="organisation", weight=2)
    + crit("L", "{kind: exists, indicator: patent_insurance, year: 2025}", category="protection", weight=4)
    + crit("A", "{kind: any_of, checks: [{kind: exists, indicator: ip_risk_early_warning}, "
                "{kind: threshold, indicator: ip_pledge_financing, op: '>', target: 0亿元}]}", category="utilisation")
    + crit("W", "{kind: all_of, checks: [{kind: exists, indicator: world_ip_day_publicity}, "
                "{kind: count, indicator: enforcement_campaigns, year: 2024, target: 1次}]}", category="supervision")
)


def _synthetic(cat, n: int) -> list:
    rnd = random.Random(20261207)
    return [load_city(f"synth{i}.yaml", city_text(i, rnd).encode(), cat) for i in range(n)]


def _by_brute_force(fw, c, cat, decider) -> int:
    """Evaluate in every year the city has figures for; the year of the most coverage, the latest of equals."""
    years = sorted({y for ys in c.model.facts.values() for y in ys})
    return max(years, key=lambda y: (evaluate(fw, c, cat, decider, year=y, detail=False).coverage, y))


def test_the_year_chosen_is_the_year_of_the_most_coverage_the_latest_of_equals(library, catalogue, deciders):
    """Shipped cities and 40 synthetic ones (figures in some years, each mechanism in one year), against the
    reference framework and a framework of every kind: the year chosen is the year that, given, covers the
    most weight (the latest of equals), and the evaluation is the one of that year given."""
    mixed = framework(MIXED, catalogue, year="null")
    cities = [load_city(str(p), p.read_bytes(), catalogue) for p in CITY_FILES] + _synthetic(catalogue, 40)
    later = 0
    for fw in (library.frameworks["reference"], mixed):
        for c in cities:
            got = evaluate(fw, c, catalogue, deciders["python"], detail=False)
            assert (got.year, got.year_basis) == (_by_brute_force(fw, c, catalogue, deciders["python"]),
                                                  "most_evidence"), (fw.id, c.id)
            given = evaluate(fw, c, catalogue, deciders["python"], year=got.year, detail=False)
            assert (got.coverage, got.score, [r.status for r in got.results]) == (
                given.coverage, given.score, [r.status for r in given.results]), (fw.id, c.id)
            later += fw is mixed and next(r for r in got.results if r.id == "L").status in EVIDENCE
    assert later  # the mechanism due in 2025 gave evidence in years before it


def test_a_mechanism_due_later_counts_in_the_years_before(catalogue, deciders):
    """A mechanism due in 2025, in place in 2025, is evidence whatever the year judged: 2020, with both flows
    (weight 2 each) and the mechanism (weight 4), covers everything and is chosen over 2022 and 2025."""
    fw = framework(crit("T", "{kind: threshold, indicator: pct_applications, target: 10件}", weight=2)
                   + crit("G", "{kind: threshold, indicator: invention_patent_grants, target: 100件}", weight=2)
                   + crit("L", "{kind: exists, indicator: patent_insurance, year: 2025}", weight=4), catalogue,
                   year="null")
    facts = {"pct_applications": {2020: 12, 2022: 15}, "invention_patent_grants": {2020: 80},
             "patent_insurance": {2025: True}}
    res = evaluate(fw, city(facts, catalogue), catalogue, deciders["python"])
    assert (res.year, res.coverage, [r.status for r in res.results]) == (2020, Decimal(1), ["pass", "partial", "pass"])


@pytest.mark.parametrize("fw_id", ["reference", "national-2025", "ningbo-2020", "heze-2022", "shaoxing-2014",
                                   "tianjin-2017", "yinchuan-2023"])
def test_a_check_has_no_evidence_from_figures_after_its_last_year(library, catalogue, deciders, fw_id):
    """What passing over a year rests on: every shipped criterion, its examples' figures moved after the latest
    year that can give it evidence (`evidence_until`), has none in the example's year; left where they are,
    some give evidence (the move is what takes it away)."""
    fw = library.frameworks[fw_id]
    tried = evidence = 0
    for c in fw.model.criteria:
        for ex in c.examples:
            if not ex.facts:
                continue
            # an example without a year, of a framework without one, is judged in its latest figure's year
            year = ex.year or fw.model.framework.target_year or max(y for ys in ex.facts.values() for y in ys)
            until = evidence_until(c.check, year)
            if until is None:
                continue
            moved = ex.model_copy(update={"year": year, "facts": {
                ind: {until + 1 + k: x for k, (_, x) in enumerate(sorted(ys.items()))}
                for ind, ys in ex.facts.items()}})
            assert run_example(fw, c, moved, catalogue, deciders["python"]) not in EVIDENCE, (c.id, ex)
            tried += 1
            evidence += run_example(fw, c, ex.model_copy(update={"year": year}), catalogue,
                                    deciders["python"]) in EVIDENCE
    assert tried and evidence
