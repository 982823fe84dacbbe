"""Figures with their context (issue 25, items 3–5), on the shipped cities and frameworks: the year each
framework is judged in and why, an evidence request that says where the latest figure stands, gaps of
rates in percentage points, composite targets that name what each part measures, and no score on the
criteria with evidence beside a verdict of not assessable."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import CITIES, city
from ipcheck.cli import main
from ipcheck.engine.evaluate import evaluate
from ipcheck.engine.plan import context, step
from ipcheck.reports import labels as L
from ipcheck.reports.words import text


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def evaluated(library, catalogue, deciders, name: str, fw: str):
    return evaluate(library.frameworks[fw], city(catalogue, name), catalogue, deciders["python"])


def test_each_framework_is_judged_in_its_own_year_and_says_why():
    """A plan in its target year; the reference framework in the year whose figures cover the most weight:
    Tianjin's one 2024 figure no longer moves it to 2024 (0 % coverage) but to 2019, Shaoxing to 2014."""
    got = {}
    for name in ("heze", "ningbo", "shaoxing", "tianjin", "yinchuan"):
        data = json.loads(invoke("evaluate", CITIES / f"{name}.yaml", "--format", "json").stdout)
        for e in data["evaluations"]:
            got[(name, e["framework"]["id"])] = (e["year"], e["year_basis"], e["coverage"])
    assert got[("tianjin", "tianjin-2017")][:2] == (2017, "target_year")
    assert got[("ningbo", "ningbo-2020")][:2] == (2022, "target_year")
    assert got[("tianjin", "reference")] == (2019, "most_evidence", "0.096774")
    assert got[("shaoxing", "reference")] == (2014, "most_evidence", "0.129032")
    assert got[("ningbo", "reference")][:2] == (2021, "most_evidence")
    assert all(Decimal(cov) > 0 for (_, fw), (_, _, cov) in got.items() if fw == "reference")
    zh = invoke("evaluate", CITIES / "tianjin.yaml").stdout
    assert "评价年度：2017年（目标年）" in zh and "评价年度：2019年（证据覆盖权重最多的年份）" in zh
    given = json.loads(invoke("evaluate", CITIES / "tianjin.yaml", "--year", "2024", "--format", "json").stdout)
    assert {(e["year"], e["year_basis"]) for e in given["evaluations"]} == {(2024, "given")}


def test_an_evidence_request_says_where_the_latest_figure_stands(library, catalogue, deciders):
    """Ningbo 2022: pledge financing is a yearly flow, so 2021's 119 亿元 cannot judge 2022 — but the request
    says it is already three times the 40 亿元 target; 667 PCT applications are above 650."""
    res = evaluated(library, catalogue, deciders, "ningbo", "ningbo-2020")
    by = {r.id: r for r in res.results}
    assert by["NB-06"].status == "unknown"
    assert text(context(by["NB-06"]), "zh") == "2021年119 亿元，已为目标的3倍"
    assert text(step(by["NB-06"]).need, "zh") == "2021年119 亿元，已为目标的3倍；需补充知识产权质押融资金额（2022年）"
    assert text(context(by["NB-06"]), "en") == "2021: 11.9 bn yuan, already 3 times the target"
    assert text(context(by["NB-02"]), "zh") == "2021年667 件，已达到目标650 件"
    assert context(by["NB-07"]) is None  # no figure at all: the request is the plain one
    assert context(by["NB-01"]) is None  # measured: nothing to request
    plan = invoke("plan", CITIES / "ningbo.yaml").stdout
    assert "2021年119 亿元，已为目标的3倍；需补充知识产权质押融资金额（2022年）" in plan


def test_a_rate_s_gap_is_in_percentage_points(library, catalogue, deciders):
    """Ningbo's copyright registrations grew 20.17 % in 2022 (10,790 on 8,979) against a target of 10 %."""
    res = evaluated(library, catalogue, deciders, "ningbo", "ningbo-2020")
    nb13 = next(r for r in res.results if r.id == "NB-13")
    assert nb13.status == "pass" and nb13.gap == Decimal("10.169284")  # 10,790 / 8,979 − 1 = 20.169284 %, less 10
    assert L.gap_text(nb13, "zh") == "+10.17个百分点" and L.gap_text(nb13, "en") == "+10.17 percentage points"
    nb01 = next(r for r in res.results if r.id == "NB-01")
    assert L.gap_text(nb01, "zh") == "+2,289 件（+6.36%）"  # a count keeps its share of the target


@pytest.mark.parametrize("name,fw,cid", [("ningbo", "reference", "REF-15"), ("ningbo", "ningbo-2020", "NB-22"),
                                         ("tianjin", "tianjin-2017", "TJ-06")])
def test_every_part_of_a_composite_target_names_what_it_measures(library, catalogue, deciders, name, fw, cid):
    res = evaluated(library, catalogue, deciders, name, fw)
    r = next(x for x in res.results if x.id == cid)
    target = L.target_text(r, "zh")
    for part in target.split("：", 1)[1].split("；"):
        assert part.startswith(("具备", "知识产权")), part  # a mechanism by its name, a figure after its indicator


def test_no_score_on_the_evidence_beside_a_verdict_of_not_assessable(tmp_path):
    """Terminal, Markdown and the report body keep the score on the criteria with evidence off the verdict's line;
    so does `diff`, which gives the coverage instead."""
    for fmt in ("table", "markdown"):
        out = invoke("evaluate", CITIES / "ningbo.yaml", "--format", fmt).stdout
        assert not [line for line in out.splitlines() if "无法评定" in line and "有证据的指标得分" in line]
    html = tmp_path / "r.html"
    invoke("evaluate", CITIES / "ningbo.yaml", "--html", html)
    blocks = re.sub(r"<[^>]+>", "", re.sub(r"</(p|div|li|h\d|tr|td)>", "\n", html.read_text(encoding="utf-8")))
    lines = blocks.splitlines()
    assert not [line for line in lines if "无法评定" in line and "有证据的指标得分" in line]
    assert any("有证据的指标得分" in line for line in lines)
    diff = invoke("diff", "ningbo-2020", "ningbo-2020", CITIES / "ningbo.yaml").stdout
    assert "证据不足，无法评定（证据覆盖率29%）" in diff and "100.0" not in diff
