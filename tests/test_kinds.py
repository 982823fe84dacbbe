"""A check kind is one file: a kind written in a module of its own, outside engine/checks and registered at
run time, goes through validate, test, evaluate, explain, criteria, plan and the PDF without any other change."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import textwrap
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
NINGBO = CITIES / "ningbo.yaml"

# A kind the project does not ship: the latest figure (within the indicator's age limit) is at least a floor.
MODULE = '''
"""minimum: the indicator's figure is at least a floor (a test's throw-away kind)."""

from __future__ import annotations

from typing import Literal

from ipcheck.engine.checks.base import Kind, label, own_indicator, own_target, single
from ipcheck.engine.fields import ID, CheckModel, Raw, Year
from ipcheck.engine.result import Cmp, Q, say


class Minimum(CheckModel):
    """The indicator's figure is at least `floor`."""
    kind: Literal["minimum"]
    indicator: ID
    floor: Raw
    year: Year | None = None

    @property
    def target(self):
        return self.floor


def resolve(c, r):
    r.convert("floor", r.numeric("indicator"))


def measure(c, facts, year):
    return single(facts, c.indicator, c.year or year, c.floor, ">=", None, f"{c.indicator}[{{y}}] >= target", now=year)


def describe(c, cat, year):
    return say("describe.target", op=Cmp(">="), v=Q(c.floor, cat.unit_text(c.indicator)), y=c.year or year)


KIND = Kind("minimum", Minimum, resolve, measure, describe, lambda c: [c.indicator], label("底线", "floor"),
            trend_indicator=own_indicator, trend_target=own_target)
'''

FRAMEWORK = """
framework:
  id: throwaway
  version: 1
  kind: plan
  city: ningbo
  title: {zh: 试用框架, en: throw-away framework}
  issuer: 测试
  source: {file: none, title: 试用}
  target_year: 2021
  thresholds: {ready: 99, nearly_ready: 60}
  coverage_floor: 0.5
criteria:
  - id: TA-01
    title: {zh: 有效发明专利不少于3万件, en: At least 30 000 valid invention patents}
    category: creation
    weight: 2
    clause: 一（一）
    lead_unit: 市市场监管局
    check: {kind: minimum, indicator: valid_invention_patents, floor: 3万件}
    examples:
      - {facts: {valid_invention_patents: {2021: 30000}}, expect: pass}
      - {facts: {valid_invention_patents: {2021: 29999}}, expect: partial}
      - {facts: {valid_invention_patents: {2019: 40000}}, expect: unknown}
  - id: TA-02
    title: {zh: PCT申请不少于1000件, en: At least 1 000 PCT applications}
    category: creation
    clause: 一（二）
    lead_unit: 市科技局
    check: {kind: minimum, indicator: pct_applications, floor: 1000件}
    examples:
      - {facts: {pct_applications: {2021: 667}}, expect: partial}
  - id: TA-03
    title: {zh: 马德里注册或领导小组, en: Madrid registrations or a leading group}
    category: organisation
    clause: 二（一）
    lead_unit: 市政府办公厅
    check:
      kind: any_of
      checks:
        - {kind: minimum, indicator: madrid_registrations, floor: 2000件}
        - {kind: exists, indicator: leadership_group}
    examples:
      - {facts: {madrid_registrations: {2021: 2500}}, expect: pass}
  - id: TA-04
    title: {zh: 作品登记量不少于8000件, en: At least 8 000 copyright registrations}
    category: utilisation
    clause: 三（一）
    lead_unit: 市委宣传部
    check: {kind: threshold, indicator: copyright_registrations, target: 8000件}
    examples:
      - {facts: {copyright_registrations: {2021: 8979}}, expect: pass}
"""


def invoke(*args, code=0):
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r.output


@pytest.fixture
def minimum(tmp_path):
    """The kind's module written to a folder of its own, imported and registered; unregistered afterwards."""
    from ipcheck.engine.models import register_kind, unregister_kind
    (tmp_path / "minimum_kind.py").write_text(textwrap.dedent(MODULE), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("minimum_kind", tmp_path / "minimum_kind.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["minimum_kind"] = module
    spec.loader.exec_module(module)
    criteria = tmp_path / "criteria"
    criteria.mkdir()
    shutil.copy(ROOT / "criteria" / "indicators.yaml", criteria)
    shutil.copy(ROOT / "criteria" / "reference.yaml", criteria)
    (criteria / "throwaway.yaml").write_text(FRAMEWORK, encoding="utf-8")
    register_kind(module.KIND)
    try:
        yield criteria
    finally:
        unregister_kind("minimum")
        del sys.modules["minimum_kind"]


def test_a_kind_in_a_module_of_its_own_runs_through_every_command(minimum, tmp_path):
    c = ("--criteria", minimum)
    invoke("validate", minimum / "throwaway.yaml", NINGBO, *c)
    tested = invoke("test", minimum / "throwaway.yaml", *c)
    assert tested.splitlines()[-1] == "通过 6 项，未通过 0 项"

    doc = json.loads(_json(NINGBO, c))
    res = {r["id"]: r for ev in doc["evaluations"] for r in ev["criteria"]}
    assert res["TA-01"]["check"] == "minimum" and res["TA-01"]["status"] == "pass"
    assert res["TA-02"]["status"] == "partial" and res["TA-03"]["status"] == "pass"  # any_of: a leading group exists
    trend = res["TA-01"]["trend"]  # its trend is its indicator's history against the floor
    assert trend["indicator"] == "valid_invention_patents" and trend["target"] == "30000"

    zh = invoke("explain", NINGBO, "TA-01", "--framework", "throwaway", *c)
    assert "检查方式：底线" in zh and "38,289" in zh
    en = invoke("explain", NINGBO, "TA-03", "--framework", "throwaway", "--lang", "en", *c)
    assert "check: any of" in en and "≥ 2,000" in en
    listed = invoke("criteria", "throwaway", *c)
    rows = [line for line in listed.splitlines() if line.startswith(("TA-01", "TA-02"))]
    assert len(rows) == 2 and all("底线" in row for row in rows), listed
    assert "floor" in invoke("criteria", "throwaway", "--lang", "en", *c)

    plan = json.loads(invoke("plan", NINGBO, "--framework", "throwaway", "--format", "json", *c))
    assert [(p["from_verdict"], [s["criterion"] for s in p["steps"]], p["verdict_after"]) for p in plan["plans"]] == [
        ("plan_partly_behind", ["TA-02"], "plan_on_track")]  # a plan framework: meeting the floor puts it on track

    invoke("evaluate", NINGBO, "--framework", "throwaway", "--pdf", tmp_path / "t.pdf", *c)
    with pdfplumber.open(tmp_path / "t.pdf") as pdf:
        words = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "TA-01" in words and "TA-02" in words


def _json(city, c):
    r = CliRunner().invoke(main, ["evaluate", str(city), "--framework", "throwaway", "--format", "json",
                                  *map(str, c)], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
    return r.stdout


def test_once_unregistered_the_kind_is_refused_in_one_line(minimum):
    from ipcheck.engine.models import register_kind, unregister_kind
    unregister_kind("minimum")
    try:
        r = CliRunner().invoke(main, ["validate", str(minimum / "throwaway.yaml"), "--criteria", str(minimum),
                                      "--lang", "en"])
        assert r.exit_code == 2
        assert "throwaway.yaml" in r.output and "unknown check kind 'minimum'" in r.output
        assert "Traceback" not in r.output
    finally:
        register_kind(sys.modules["minimum_kind"].KIND)  # for the fixture to remove
