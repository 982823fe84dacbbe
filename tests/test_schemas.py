"""The JSON Schemas for editors: `ipcheck schema`, the copies kept in schema/, the modelines of the shipped files."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import CITIES, CITY_FILES, CRITERIA, ROOT
from ipcheck.app.library import FILE_KINDS, sniff_kind
from ipcheck.app.schemas import INDICATOR_FIELDS, schema_path
from ipcheck.cli import main
from ipcheck.engine.errors import InputError
from ipcheck.engine.load import load_city, load_framework

SHIPPED_YAML = CITY_FILES + sorted(CRITERIA.glob("*.yaml"))


def schema_of(kind: str, *args: str) -> dict:
    r = CliRunner().invoke(main, ["schema", kind, *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_kept_schema_is_what_the_command_prints(kind):
    r = CliRunner().invoke(main, ["schema", kind], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    kept = schema_path(kind)
    assert kept.read_text(encoding="utf-8") == r.stdout, (
        f"{kept.relative_to(ROOT)} is out of date: regenerate it with "
        f"`ipcheck schema {kind} --output schema/{kind}.schema.json`")


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_schema_is_draft_7_with_an_id_a_title_and_one_text(kind):
    r = CliRunner().invoke(main, ["schema", kind], catch_exceptions=False)
    doc = json.loads(r.stdout)
    assert doc["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert doc["$id"] == f"urn:ipcheck:schema:{kind}" and doc["title"].startswith("ipcheck ")
    assert r.stdout == json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
    assert "$defs" not in r.stdout and all(ref.startswith("#/definitions/") for ref in _refs(doc))
    defs = doc.get("definitions", {})
    assert all(ref.removeprefix("#/definitions/") in defs for ref in _refs(doc))


def _refs(node) -> list[str]:
    if isinstance(node, dict):
        return ([node["$ref"]] if "$ref" in node else []) + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def _resolve(doc: dict, node: dict) -> dict:
    while "$ref" in node or "allOf" in node:
        node = node["allOf"][0] if "allOf" in node else doc["definitions"][node["$ref"].removeprefix("#/definitions/")]
    return node


def test_city_facts_are_keyed_by_the_catalogue_s_indicator_ids(library, tmp_path):
    doc = schema_of("city")
    facts = doc["properties"]["facts"]
    enum = _resolve(doc, facts["propertyNames"])["enum"]
    assert enum == sorted(library.catalogue.indicators)
    assert set(facts["properties"]) == set(enum)
    assert "有效发明专利拥有量" in facts["properties"]["valid_invention_patents"]["description"]
    # A typo is outside the enum, as the loader refuses it.
    typo = (CITIES / "ningbo.yaml").read_text(encoding="utf-8").replace("  pct_applications:", "  pct_aplications:")
    assert "pct_aplications" not in enum and "pct_applications" in enum
    with pytest.raises(InputError, match="did you mean 'pct_applications'"):
        load_city("typo.yaml", typo.encode(), library.catalogue)
    # Every indicator of every shipped city is inside it.
    used = {ind for p in CITY_FILES for ind in load_city(str(p), p.read_bytes(), library.catalogue).model.facts}
    assert used and used <= set(enum)


def test_framework_checks_and_examples_name_indicators_of_the_catalogue(library):
    doc = schema_of("framework")
    enum = doc["definitions"]["IndicatorId"]["enum"]
    assert enum == sorted(library.catalogue.indicators)
    fields = [(name, f) for name, d in doc["definitions"].items()
              for f in INDICATOR_FIELDS if f in d.get("properties", {})]
    assert {f for _, f in fields} == set(INDICATOR_FIELDS)
    for name, f in fields:
        prop = doc["definitions"][name]["properties"][f]
        options = prop.get("anyOf", [prop])
        assert any(_resolve(doc, o).get("enum") == enum for o in options), (name, f)
    example_facts = doc["definitions"]["Example"]["properties"]["facts"]
    assert _resolve(doc, example_facts["propertyNames"])["enum"] == enum


def test_quantities_may_be_numbers_or_text_and_weights_numbers_only():
    doc = schema_of("framework")
    threshold = doc["definitions"]["Threshold"]["properties"]
    assert threshold["target"]["type"] == ["number", "string"] and "5.2万件" in threshold["target"]["description"]
    weight = doc["definitions"]["Criterion"]["properties"]["weight"]
    assert weight == {"default": 1, "title": "Weight", "type": "number"}  # the loader refuses "3"
    fact = schema_of("city")["definitions"]["Fact"]["properties"]["value"]
    assert fact["type"] == ["boolean", "number", "string"]
    years = schema_of("city")["definitions"]["CityFactYears"]
    assert years["propertyNames"]["pattern"] == "^[0-9]{4}$"


def test_the_criteria_folder_gives_the_indicator_ids(tmp_path):
    crit = tmp_path / "criteria"
    crit.mkdir()
    extra = "indicators:\n  - {id: zz_new_indicator, name: {zh: 新指标, en: new}, unit: 件, kind: stock}\n"
    (crit / "indicators.yaml").write_text(extra, encoding="utf-8")  # added to the shipped catalogue
    doc = schema_of("city", "--criteria", str(crit))
    assert "zz_new_indicator" in doc["definitions"]["IndicatorId"]["enum"]
    assert "zz_new_indicator" not in schema_of("city")["definitions"]["IndicatorId"]["enum"]
    # The indicator catalogue's and the waivers' schemas do not depend on it.
    assert schema_of("waivers", "--criteria", str(tmp_path / "nowhere")) == schema_of("waivers")


def test_unknown_kind_is_a_usage_error():
    r = CliRunner().invoke(main, ["schema", "cities", "--lang", "en"])
    assert r.exit_code == 2 and "'cities' is not one of" in r.output
    r = CliRunner().invoke(main, ["schema", "cities"])  # click's own words, said in Chinese by default
    assert r.exit_code == 2
    assert "'cities' 不是可选值（'city'、'framework'、'indicators'、'waivers'、'result'）" in r.output


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_names_its_schema_on_its_first_line(path):
    kind = sniff_kind(path.read_bytes())
    expected = "city" if path.parent == CITIES else "indicators" if path.name == "indicators.yaml" else "framework"
    assert kind == expected
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
    assert (path.parent / first.split("$schema=")[1]).resolve() == schema_path(kind)


def test_the_modeline_changes_nothing_the_loaders_read(library, tmp_path):
    city = CITIES / "ningbo.yaml"
    raw = city.read_bytes()
    bare = raw.split(b"\n", 1)[1]
    assert bare.startswith(b"#") and not bare.startswith(b"# yaml-language-server")
    assert load_city("a", raw, library.catalogue).model == load_city("a", bare, library.catalogue).model
    fw = CRITERIA / "tianjin-2017.yaml"
    raw = fw.read_bytes()
    bare = raw.split(b"\n", 1)[1]
    assert load_framework("a", raw, library.catalogue).model == load_framework("a", bare, library.catalogue).model
    waivers = b"# yaml-language-server: $schema=../schema/waivers.schema.json\nwaivers:\n  - {criterion: X}\n"
    assert sniff_kind(waivers) == "waivers"


def test_schema_files_travel_with_the_package():
    """pyproject ships schema/*.json as package data of ipcheck.schema; every kind has its file."""
    assert sorted(p.name for p in schema_path("city").parent.glob("*.json")) == sorted(
        f"{k}.schema.json" for k in FILE_KINDS)
    assert '"ipcheck.schema" = ["*.json"]' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")

