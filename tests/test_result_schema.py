"""`ipcheck schema result` describes the JSON every command prints: jsonschema checks the JSON of evaluate, plan,
compare, progress and diff for every shipped city against it, and draft's for the seed plans and real pages
(and the schema refuses JSON that strays)."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CITIES, ROOT
from ipcheck.cli import main

SHIPPED = sorted(CITIES.glob("*.yaml"))
# The five seed plan documents (tests/plans/seeds: copies of ../shared/seeds, in the repository so that a clone
# anywhere reads them, as bench/draft.py does) and real pages of other cities.
SEEDS = sorted((ROOT / "tests" / "plans" / "seeds").glob("*.txt"))
PAGES = [ROOT / "tests" / "plans" / f"{name}.txt" for name in ("wenzhou-2022", "zhengzhou-2016")]
EVERY = [a for fw in ("heze-2022", "national-2025", "ningbo-2020", "reference", "shaoxing-2014", "tianjin-2017",
                      "yinchuan-2023") for a in ("--framework", fw)]


def run(*args) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output  # 1: a verdict below --fail-under, still a whole document
    return r.stdout


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(run("schema", "result"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def valid(validator, text: str) -> dict:
    doc = json.loads(text)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errors[:5]]
    return doc


@pytest.mark.parametrize("city", SHIPPED, ids=lambda p: p.stem)
def test_every_commands_json_for_every_city_follows_the_schema(validator, city):
    ev = valid(validator, run("evaluate", city, "--format", "json", *EVERY))
    assert ev["schema"] == "ipcheck.evaluation/1" and len(ev["evaluations"]) == 7
    assert any(c["measurement"].get("parts") for e in ev["evaluations"] for c in e["criteria"]) or city.stem != "ningbo"
    plan = valid(validator, run("plan", city, "--format", "json", *EVERY))
    assert len(plan["plans"]) == 7
    progress = valid(validator, run("progress", city, "--from", 2017, "--to", 2022, "--format", "json"))
    years = [y["year"] for y in progress["years"]]
    assert years == list(range(2017, 2023))
    diff = valid(validator, run("diff", "reference", "national-2025", city, "--format", "json"))
    assert [c["city"] for c in diff["cities"]] == [city.stem]


def test_compare_of_every_city_and_framework_follows_the_schema(validator):
    doc = valid(validator, run("compare", CITIES, "--framework", "all", "--format", "json"))
    assert len(doc["comparisons"]) == 7 and all(len(c["ranking"]) == len(SHIPPED) for c in doc["comparisons"])
    perturbed = valid(validator, run("compare", CITIES, "--framework", "reference", "--format", "json",
                                     "--sensitivity", 50))
    assert all("sensitivity" in row for row in perturbed["comparisons"][0]["ranking"])
    ev = valid(validator, run("evaluate", CITIES / "ningbo.yaml", "--format", "json", "--sensitivity", 50))
    assert all(e["sensitivity"]["draws"] == 50 for e in ev["evaluations"])


def test_json_that_strays_from_the_result_types_is_refused(validator):
    doc = json.loads(run("evaluate", CITIES / "ningbo.yaml", "--format", "json"))
    for stray in (lambda d: d["evaluations"][0]["criteria"][0].update(extra="x"),           # a key nobody described
                  lambda d: d["evaluations"][0].update(score=87.5),                        # a float, not exact digits
                  lambda d: d["evaluations"][0]["criteria"][0]["facts"][0].pop("source_key"),  # a field dropped
                  lambda d: d.update(schema="ipcheck.evaluation/2")):                      # another version
        bad = copy.deepcopy(doc)
        stray(bad)
        assert not validator.is_valid(bad)


@pytest.mark.parametrize("plan", SEEDS + PAGES, ids=lambda p: p.stem)
def test_draft_json_of_a_plan_follows_the_schema(validator, plan):
    doc = valid(validator, run("draft", plan, "--city", "somecity", "--format", "json"))
    assert doc["schema"] == "ipcheck.draft/1"
    assert doc["targets"], "a plan with targets"
    assert any(t["indicator"] and t["value"] for t in doc["targets"])
    bad = copy.deepcopy(doc)
    bad["targets"][0]["value"] = 12.5  # a float, not exact digits
    assert not validator.is_valid(bad)
    bad = copy.deepcopy(doc)
    bad["targets"][0].pop("quote")     # a field dropped
    assert not validator.is_valid(bad)


def test_the_seed_plans_are_there():
    """The draft schema test above reads the five seed plans; without them it would check only the pages."""
    assert len(SEEDS) == 5
