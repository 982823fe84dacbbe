"""Every example of every shipped criterion gives its expected status, with both deciders.

Like sqlfluff's rule fixtures: a criterion carries its own cases and this one test runs
them all, through the same functions as `ipcheck test` and `ipcheck validate`
(`ipcheck.app.examples`). It is also the first guard that durable-rules and the reference
decider agree.
"""

from __future__ import annotations

import pytest
from conftest import CRITERIA, load_library
from ipcheck.app.examples import example_cases, run_case

_LIB = load_library(CRITERIA)
CASES = [pytest.param(case, id=case.label.split(" (")[0].replace(" example ", "-"))
         for fw_id, fw in sorted(_LIB.frameworks.items()) for case in example_cases(fw)]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("decider_name", ["python", "durable"])
def test_example(case, decider_name, deciders):
    result = run_case(case, _LIB.catalogue, deciders[decider_name])
    assert result.passed, str(result.problem())


def test_every_criterion_has_examples():
    bare = [c.id for fw in _LIB.frameworks.values() for c in fw.model.criteria if not c.examples]
    assert bare == []


def test_examples_cover_pass_and_something_else():
    """A criterion whose examples all pass would not show that it can fail."""
    one_sided = [c.id for fw in _LIB.frameworks.values() for c in fw.model.criteria
                 if {ex.expect for ex in c.examples} == {"pass"}]
    assert one_sided == []


def test_every_seed_document_has_a_framework():
    files = {fw.model.framework.source.file for fw in _LIB.frameworks.values() if fw.model.framework.kind == "plan"}
    assert files == {"000_f2f4c0c634778746.txt", "001_5c974d2b1e7beda6.txt", "002_ad288fc7cf756697.txt",
                     "003_06d3af3871c5cf50.txt", "004_edee8db098a98e76.txt"}


# Every quantitative target of ../shared/domain.md: (framework, indicator, target in the indicator's unit).
SEED_TARGETS = [
    ("shaoxing-2014", "enforcement_campaigns", "3"), ("shaoxing-2014", "patent_enforcement_cases", "50"),
    ("shaoxing-2014", "patent_enforcement_cases_closed", "95"),
    ("shaoxing-2014", "invention_patent_applications", "30"),
    ("shaoxing-2014", "invention_patent_grants", "845"), ("shaoxing-2014", "new_trademark_registrations", "7000"),
    ("shaoxing-2014", "copyright_registrations", "0"), ("shaoxing-2014", "standards_made_or_revised", "50"),
    ("shaoxing-2014", "ip_advantage_enterprises_provincial", "21"), ("shaoxing-2014", "ip_standard_enterprises", "31"),
    ("shaoxing-2014", "above_size_enterprises_with_patent", "75"), ("shaoxing-2014", "new_local_patent_agencies", "1"),
    ("heze-2022", "high_value_invention_patents_per_10k", "1.75"),
    ("heze-2022", "overseas_invention_patent_grants", "18"),
    ("heze-2022", "ip_pledge_financing", "3"), ("heze-2022", "public_satisfaction_ip_protection", "85"),
    ("heze-2022", "copyright_registrations", "10000"), ("heze-2022", "valid_trademarks", "120000"),
    ("yinchuan-2023", "valid_trademarks", "63000"), ("yinchuan-2023", "invention_patents_per_10k", "12"),
    ("yinchuan-2023", "gi_mark_user_enterprises", "55"), ("yinchuan-2023", "ip_pledge_financing", "3.6"),
    ("yinchuan-2023", "ip_service_institutions", "50"), ("yinchuan-2023", "rights_assistance_workstations", "4"),
    ("yinchuan-2023", "trademark_brand_guidance_stations", "7"), ("yinchuan-2023", "valid_invention_patents", "4000"),
    ("yinchuan-2023", "key_trademark_brands", "100"), ("yinchuan-2023", "helan_wine_brands", "20"),
    ("yinchuan-2023", "ningxia_goji_brands", "10"), ("yinchuan-2023", "helan_wine_gi_users", "30"),
    ("yinchuan-2023", "ningxia_goji_gi_users", "10"), ("yinchuan-2023", "ip_pledge_financing", "10"),
    ("yinchuan-2023", "ip_standard_enterprises", "100"), ("yinchuan-2023", "gov_software_legalisation_rate", "100"),
    ("tianjin-2017", "valid_invention_patents", "15.2"), ("tianjin-2017", "valid_patents", "130000"),
    ("tianjin-2017", "enterprises_with_patents", "11000"), ("tianjin-2017", "patent_enforcement_cases", "630"),
    ("ningbo-2020", "valid_invention_patents", "36000"), ("ningbo-2020", "pct_applications", "650"),
    ("ningbo-2020", "copyright_registrations", "4500"), ("ningbo-2020", "valid_trademarks", "400000"),
    ("ningbo-2020", "madrid_registrations", "1200"), ("ningbo-2020", "ip_pledge_financing", "40"),
    ("ningbo-2020", "ip_standard_enterprises", "650"), ("ningbo-2020", "national_ip_advantage_enterprises", "150"),
    ("ningbo-2020", "trademark_brand_guidance_stations", "5"),
    ("ningbo-2020", "industrial_cluster_trademarks_applied", "2"),
    ("ningbo-2020", "valid_trademarks", "50000"), ("ningbo-2020", "well_known_trademarks", "3"),
    ("ningbo-2020", "copyright_registrations", "10"), ("ningbo-2020", "gi_applications", "3"),
    ("ningbo-2020", "regional_brands_applied", "3"), ("ningbo-2020", "trade_secret_stations_provincial", "25"),
    ("ningbo-2020", "trade_secret_stations_municipal", "180"), ("ningbo-2020", "standards_new_cumulative", "450"),
    ("ningbo-2020", "ip_operating_institutions", "6"),
]


def _targets(check):
    from decimal import Decimal
    if check.kind in ("all_of", "any_of"):
        return [t for c in check.checks for t in _targets(c)]
    inds = [getattr(check, a) for a in ("indicator", "numerator") if getattr(check, a, None)]
    values = [getattr(check, a) for a in ("target", "min_growth") if getattr(check, a, None) is not None]
    values += list(getattr(check, "targets", {}).values())
    return [(i, Decimal(v)) for i in inds for v in values]


@pytest.mark.parametrize("fw_id,indicator,target", SEED_TARGETS)
def test_every_seed_target_is_a_criterion_with_its_clause(fw_id, indicator, target):
    from decimal import Decimal
    fw = _LIB.frameworks[fw_id]
    hits = [c for c in fw.model.criteria if (indicator, Decimal(target)) in _targets(c.check)]
    assert hits, f"{fw_id} has no criterion on {indicator} with target {target}"
    assert all(c.clause and c.lead_unit for c in hits)


def test_the_seed_frameworks_read_as_the_documents_say():
    """issue 25, item 6 (../shared/domain.md "Wording that changes a target")."""
    fws = _LIB.frameworks
    crit = {c.id: c for fw in fws.values() for c in fw.model.criteria}
    # 力争 marks an aspirational target: Shaoxing's 845 grants, Yinchuan's pledge growth, Ningbo's part 一
    assert all(crit[i].aspirational for i in ("SX-05", "SX-08", "SX-12", "YC-08", "YC-14", "NB-01", "NB-08"))
    assert not any(crit[i].aspirational for i in ("YC-01", "YC-04", "NB-09", "SX-01", "SX-13"))
    # 培育6家以上 over the plan period is a count added, not the stock at its end
    assert (crit["NB-19"].check.kind, crit["NB-19"].check.since) == ("flow", 2019)
    # Shaoxing's quarterly report is a mechanism: the text states no number
    assert crit["SX-13"].check.kind == "exists"
    # Yinchuan's group is a joint conference convened by a vice mayor; restated targets stay one target each
    assert "召集人" in crit["YC-17"].title.zh and "联席会议" in crit["YC-17"].title.zh
    yc = fws["yinchuan-2023"].model.criteria
    assert [c.id for c in yc if c.check.kind != "all_of" and getattr(c.check, "indicator", None) ==
            "ip_pledge_financing" and c.check.kind == "path"] == ["YC-04"]
    assert "同一目标" in crit["YC-04"].clause and "同一目标" in crit["YC-07"].clause
