"""The indicator catalogue: definitions, attributes and their allowed values, checked where they are used."""

from __future__ import annotations

import pytest
from conftest import CRITERIA
from helpers import crit, framework
from ipcheck.engine.errors import InputError
from ipcheck.engine.load import load_city, load_indicators


def test_every_indicator_has_a_definition_in_both_languages(catalogue):
    for ind in catalogue.indicators.values():
        assert ind.description is not None and ind.description.zh and ind.description.en, ind.id


def test_the_leadership_group_declares_who_may_chair_it(catalogue):
    chair = catalogue.indicators["leadership_group"].attributes["chair"]
    assert {"mayor", "vice_mayor", "party_secretary", "deputy_party_secretary"} <= set(chair.values)
    assert chair.values["vice_mayor"].zh == "副市长"


CITY = """city: {{id: x, name: {{zh: 苏州, en: Suzhou}}, level: prefecture}}
sources:
  s: {{title: t, publisher: p, read: 2024-01-01}}
facts:
  {fact}
"""


def _city(fact: str, catalogue):
    return load_city("c.yaml", CITY.format(fact=fact).encode(), catalogue)


@pytest.mark.parametrize("attrs,words", [
    ("{chair: 市长}",
     "chair '市长' is not one of the allowed values: write one of party_secretary (市委书记), mayor (市长)"),
    ("{chiar: mayor}", "no attribute 'chiar' (did you mean 'chair'?)"),
])
def test_an_attribute_value_outside_its_list_is_an_error_with_the_allowed_values(catalogue, attrs, words):
    with pytest.raises(InputError) as exc:
        _city(f"leadership_group: {{2021: {{value: yes, source: s, attributes: {attrs}}}}}", catalogue)
    line = CITY.format(fact="").splitlines().index("facts:") + 2
    assert words in exc.value.message and exc.value.line == line and exc.value.column > 50  # at the value


def test_a_number_indicator_takes_no_attributes(catalogue):
    with pytest.raises(InputError, match="valid_patents has no attribute 'chair'"):
        _city("valid_patents: {2021: {value: 5件, source: s, attributes: {chair: mayor}}}", catalogue)


def test_a_published_qualifier_sets_the_bound(catalogue):
    c = _city("madrid_registrations: {2021: {value: 突破1200件, source: s}}", catalogue)
    fact = c.model.facts["madrid_registrations"][2021]
    assert (fact.value, fact.bound) == (1200, "at_least")
    with pytest.raises(InputError, match=r"says 以上 \(at_least\) but the bound given is exact"):
        _city("ip_standard_enterprises: {2021: {value: 41家以上, source: s, bound: exact}}", catalogue)
    with pytest.raises(InputError, match="approximate figure"):
        _city("ip_standard_enterprises: {2021: {value: 约41家, source: s}}", catalogue)


def test_a_where_naming_a_value_the_catalogue_does_not_allow_fails_when_the_framework_loads(catalogue):
    with pytest.raises(InputError) as exc:
        framework(crit("T-1", "{kind: exists, indicator: leadership_group, where: {chair: [mayor, 市长]}}"), catalogue)
    assert "chair '市长' is not one of the allowed values" in exc.value.message and exc.value.line > 0
    ex = crit("T-2", "{kind: exists, indicator: leadership_group}") + (
        "  examples:\n    - {facts: {leadership_group: {2023: {value: yes, attributes: {chair: boss}}}}, "
        "expect: pass}\n")
    with pytest.raises(InputError, match="chair 'boss'"):
        framework(ex, catalogue)


def test_only_a_mechanism_declares_attributes():
    raw = (CRITERIA / "indicators.yaml").read_text(encoding="utf-8").replace(
        "  - id: valid_patents\n",
        "  - id: valid_patents\n    attributes: {kind: {name: {zh: 类, en: kind}, values: {a: {zh: 甲, en: a}}}}\n")
    with pytest.raises(InputError, match="only a mechanism"):
        load_indicators("indicators.yaml", raw.encode())
