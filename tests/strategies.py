"""Hypothesis strategies: frameworks, criteria, facts and cities as the files a user writes.

Everything is generated as YAML text and read through the real loader, so the properties
cover loading, unit conversion, measuring, deciding and scoring together.
"""

from __future__ import annotations

from decimal import Decimal

import yaml
from hypothesis import strategies as st
from ipcheck.engine.load import LoadedCity, LoadedFramework, load_city, load_framework

EVAL_YEAR = 2024
YEARS = list(range(2019, 2026))

# indicator: (unit written in files, largest value, step)
NUMERIC = {
    "valid_patents": ("件", 10**6, 0),
    "valid_trademarks": ("件", 10**6, 0),
    "pct_applications": ("件", 10**4, 0),
    "copyright_registrations": ("件", 10**5, 0),
    "ip_pledge_financing": ("亿元", 500, 2),
    "ip_service_institutions": ("家", 500, 0),
    "enforcement_campaigns": ("次", 20, 0),
    "patent_enforcement_cases": ("件", 5000, 0),
    "patent_enforcement_cases_closed": ("件", 5000, 0),
    "valid_invention_patents": ("件", 10**5, 0),
    "invention_patents_per_10k": ("件/万人", 100, 2),
    "patent_enforcement_closure_rate": ("%", 100, 1),
    "public_satisfaction_ip_protection": ("%", 100, 1),
    "rights_protection_cycle_days": ("天", 365, 0),
}
LOWER_IS_BETTER = {"rights_protection_cycle_days"}
MECHANISMS = ["leadership_group", "patent_insurance", "ip_public_service_platform"]
CHAIRS = ["mayor", "vice_mayor", "deputy_party_secretary", "other"]
LEVELS = ["municipality", "sub_provincial", "provincial_capital", "prefecture"]
CATEGORIES = ["creation", "utilisation", "protection", "management", "services", "organisation", "funding",
              "supervision"]
LEVEL_FREE = [i for i in NUMERIC if i not in ("patent_enforcement_cases_closed", "patent_enforcement_closure_rate",
                                              "invention_patents_per_10k", "valid_invention_patents")]


def amount(ind: str, low: Decimal | int = 0) -> st.SearchStrategy[Decimal]:
    unit, top, places = NUMERIC[ind]
    return st.decimals(min_value=Decimal(low), max_value=Decimal(top), places=places, allow_nan=False,
                       allow_infinity=False)


def written(ind: str, v: Decimal) -> str:
    """A value as a fact file writes it: 123件, 3.5亿元, 95%."""
    unit = NUMERIC[ind][0]
    return f"{v}{unit}"


@st.composite
def leaf_check(draw, kinds=None) -> dict:
    kinds = kinds or ["threshold", "growth", "ratio", "per_capita", "trajectory", "path", "flow", "count", "exists"]
    kind = draw(st.sampled_from(kinds))
    if kind == "threshold":
        ind = draw(st.sampled_from(LEVEL_FREE))
        target = draw(amount(ind, 1))
        lower = ind in LOWER_IS_BETTER
        check = {"kind": "threshold", "indicator": ind,
                 "op": draw(st.sampled_from(["<=", "<"] if lower else [">=", ">"])),
                 "target": written(ind, target)}
        if draw(st.booleans()):
            if lower:
                base = target + draw(st.decimals(min_value=1, max_value=1000, places=0))
            else:
                base = draw(st.decimals(min_value=0, max_value=target, places=NUMERIC[ind][2])
                            .filter(lambda b: b < target))
            check["baseline"] = written(ind, base)
        return check
    if kind == "growth":
        ind = draw(st.sampled_from([i for i in LEVEL_FREE if i not in LOWER_IS_BETTER]))
        check = {"kind": "growth", "indicator": ind, "op": draw(st.sampled_from([">=", ">"])),
                 "min_growth": f"{draw(st.decimals(min_value=0, max_value=200, places=1))}%"}
        if draw(st.booleans()):
            check["base_year"] = draw(st.sampled_from([2019, 2020, 2021]))
        return check
    if kind == "ratio":
        check = {"kind": "ratio", "numerator": "patent_enforcement_cases_closed",
                 "denominator": "patent_enforcement_cases",
                 "target": f"{draw(st.decimals(min_value=1, max_value=100, places=1))}%"}
        if draw(st.booleans()):
            check["published"] = "patent_enforcement_closure_rate"
        return check
    if kind == "per_capita":
        check = {"kind": "per_capita", "indicator": "valid_invention_patents",
                 "target": f"{draw(st.decimals(min_value=Decimal('0.1'), max_value=100, places=1))}件/万人"}
        if draw(st.booleans()):
            check["published"] = "invention_patents_per_10k"
        return check
    if kind == "trajectory":
        ind = draw(st.sampled_from(["valid_patents", "valid_trademarks", "ip_pledge_financing",
                                    "copyright_registrations"]))
        base = draw(amount(ind, 1))
        target = base + draw(amount(ind, 1))
        return {"kind": "trajectory", "indicator": ind, "base_year": 2019, "base": written(ind, base),
                "target_year": 2026, "target": written(ind, target)}
    if kind == "path":
        ind = draw(st.sampled_from(["valid_patents", "ip_service_institutions", "ip_pledge_financing"]))
        a = draw(amount(ind, 1))
        b = a + draw(amount(ind))
        return {"kind": "path", "indicator": ind, "targets": {2022: written(ind, a), 2024: written(ind, b)}}
    if kind == "flow":
        ind = draw(st.sampled_from(["valid_trademarks", "valid_patents", "ip_service_institutions"]))
        return {"kind": "flow", "indicator": ind, "op": draw(st.sampled_from([">=", ">"])),
                "target": written(ind, draw(amount(ind, 1)))}
    if kind == "count":
        return {"kind": "count", "indicator": "enforcement_campaigns", "target": f"{draw(st.integers(1, 10))}次"}
    ind = draw(st.sampled_from(MECHANISMS))
    check = {"kind": "exists", "indicator": ind}
    if ind == "leadership_group" and draw(st.booleans()):
        check["where"] = {"chair": draw(st.lists(st.sampled_from(CHAIRS), min_size=1, max_size=3, unique=True))}
    return check


@st.composite
def check(draw) -> dict:
    if draw(st.integers(0, 5)) == 0:
        return {"kind": draw(st.sampled_from(["all_of", "any_of"])),
                "checks": draw(st.lists(leaf_check(), min_size=2, max_size=3))}
    return draw(leaf_check())


@st.composite
def framework_dict(draw, n_min=1, n_max=8) -> dict:
    n = draw(st.integers(n_min, n_max))
    criteria = []
    for i in range(n):
        c = {"id": f"C{i:02d}", "title": {"zh": f"指标{i}", "en": f"criterion {i}"},
             "category": draw(st.sampled_from(CATEGORIES)), "weight": draw(st.integers(0, 5)),
             "required": draw(st.booleans()), "clause": "x", "lead_unit": "x", "check": draw(check())}
        if draw(st.integers(0, 9)) == 0:
            c["applies_if"] = {"level": draw(st.lists(st.sampled_from(LEVELS), min_size=1, max_size=2, unique=True))}
        criteria.append(c)
    if all(c["weight"] == 0 for c in criteria):
        criteria[0]["weight"] = 1
    ready = draw(st.integers(1, 100))
    return {"framework": {
        "id": "generated", "version": 1, "kind": "reference", "title": {"zh": "生成", "en": "generated"},
        "issuer": "hypothesis", "source": {"file": "generated.txt", "title": "generated"}, "target_year": EVAL_YEAR,
        "scoring": draw(st.sampled_from(["xccdf_default", "flat", "flat_unweighted", "absolute"])),
        "thresholds": {"ready": ready, "nearly_ready": draw(st.integers(0, ready))},
        "coverage_floor": float(draw(st.decimals(min_value=0, max_value=1, places=2)))},
        "criteria": criteria}


def indicators_of(chk: dict) -> list[str]:
    if chk["kind"] in ("all_of", "any_of"):
        return [i for c in chk["checks"] for i in indicators_of(c)]
    if chk["kind"] == "ratio":
        return [chk["numerator"], chk["denominator"]] + ([chk["published"]] if "published" in chk else [])
    if chk["kind"] == "per_capita":
        return ["valid_invention_patents", "population"] + ([chk["published"]] if "published" in chk else [])
    return [chk["indicator"]]


@st.composite
def city_dict(draw, fw: dict) -> dict:
    used = sorted({i for c in fw["criteria"] for i in indicators_of(c["check"])})
    facts: dict[str, dict[int, dict]] = {}
    for ind in used:
        years = draw(st.lists(st.sampled_from(YEARS), max_size=5, unique=True))
        entries = {}
        for y in sorted(years):
            if ind in MECHANISMS:
                e = {"value": draw(st.booleans()), "source": "s"}
                if ind == "leadership_group" and draw(st.booleans()):
                    e["attributes"] = {"chair": draw(st.sampled_from(CHAIRS))}
            elif ind == "population":
                e = {"value": f"{draw(st.integers(10**5, 3 * 10**7))}人", "source": "s"}
            else:
                e = {"value": written(ind, draw(amount(ind))), "source": "s"}
            entries[y] = e
        if entries:
            facts[ind] = entries
    return {"city": {"id": "gen", "name": {"zh": "生成", "en": "generated"}, "level": draw(st.sampled_from(LEVELS))},
            "sources": {"s": {"title": "generated", "publisher": "hypothesis", "read": "2024-01-01"}},
            "facts": facts}


@st.composite
def case(draw, n_min=1, n_max=8) -> tuple[dict, dict]:
    fw = draw(framework_dict(n_min, n_max))
    return fw, draw(city_dict(fw))


def dump(d: dict) -> bytes:
    return yaml.safe_dump(d, allow_unicode=True, sort_keys=False).encode()


def load_case(fw: dict, city: dict, cat) -> tuple[LoadedFramework, LoadedCity]:
    return (load_framework("generated-framework.yaml", dump(fw), cat),
            load_city("generated-city.yaml", dump(city), cat))


def single_case(check: dict, facts: dict, target_year: int = EVAL_YEAR) -> tuple[dict, dict]:
    """A one-criterion framework (flat model, no coverage floor) and a city with `facts`."""
    fw = {"framework": {"id": "g", "version": 1, "kind": "reference", "title": {"zh": "g", "en": "g"}, "issuer": "g",
                        "source": {"file": "g", "title": "g"}, "target_year": target_year, "scoring": "flat",
                        "thresholds": {"ready": 80, "nearly_ready": 50}, "coverage_floor": 0},
          "criteria": [{"id": "T", "title": {"zh": "t", "en": "t"}, "category": "creation", "clause": "x",
                        "lead_unit": "x", "check": check}]}
    city = {"city": {"id": "c", "name": {"zh": "c", "en": "c"}, "level": "prefecture"},
            "sources": {"s": {"title": "s", "publisher": "s", "read": "2024-01-01"}},
            "facts": {ind: {y: {"value": v, "source": "s"} for y, v in ys.items()} for ind, ys in facts.items()}}
    return fw, city
