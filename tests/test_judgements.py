"""Three judgements an analyst would dispute, on data shaped like the shipped cities:

1. a framework without a target year is judged in its most-evidence year; a later year with figures (some of them
   failing) is named beside the year, never passed over in silence;
2. a plan target whose only figure predates the target's year is not known yet (缺少证据), never missed (未完成),
   unless that figure already meets it;
3. a mechanism in place whose attribute falls short shows what it has and what it needs, never "无", and
   `explain` names attributes by their labels, never by their ids.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES
from docx import Document
from helpers import HEADER, city, crit
from ipcheck.cli import main
from ipcheck.engine import evaluate as ev
from ipcheck.engine.load import load_framework

NINGBO, TIANJIN = CITIES / "ningbo.yaml", CITIES / "tianjin.yaml"


def invoke(*args):
    """The command as a user runs it, on a terminal wide enough that no line of the table is broken."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env={"COLUMNS": "400"})


def _with(path, facts: str, tmp_path, name: str):
    """A copy of a shipped city with a 2024 bulletin among its sources and `facts` among its facts."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("sources:\n", "sources:\n  bulletin-2024:\n    title: 2024年知识产权发展状况公报\n"
                                      "    publisher: 市市场监督管理局（知识产权局）\n    read: 2026-12-01\n"
                                      "    confidence: medium\n", 1)
    text = text.replace("facts:\n", "facts:\n" + facts, 1)
    out = tmp_path / name
    out.write_text(text, encoding="utf-8")
    return out


def _framework(header: str, criteria: str, cat):
    """A framework of `header` (helpers.HEADER, changed) due in 2025, holding `criteria` (helpers.crit)."""
    text = header.format(model="xccdf_default", year=2025, ready=85, nearly=60, floor="0.5") + "".join(
        "  " + line + "\n" for line in criteria.splitlines())
    return load_framework("framework.yaml", text.encode(), cat)


# ---------------------------------------------------------------- 1. the later year the report does not judge

# Ningbo is judged against the reference framework in 2021 (its leadership group, the 双打 cases); a 2024 bulletin
# says the 12330 centre works and that no 4·26 publicity week was held: two criteria in 2024, one of them unmet.
LATER = ("  assistance_centre_12330:\n    2024: {value: yes, source: bulletin-2024}\n"
         "  world_ip_day_publicity:\n    2024: {value: no, source: bulletin-2024}\n")


@pytest.fixture(scope="module")
def ningbo_later(tmp_path_factory):
    return _with(NINGBO, LATER, tmp_path_factory.mktemp("later"), "ningbo.yaml")


def test_the_terminal_names_the_later_year_beside_the_year_judged(ningbo_later):
    zh = invoke("evaluate", ningbo_later, "--framework", "reference").stdout.splitlines()
    year = next(i for i, line in enumerate(zh) if line.startswith("评价年度：2021年"))
    assert zh[year + 1] == ("未采用的数据：较新的2024年另有2项指标的数据（其中1项在该年未达标：REF-17），"
                            "本报告按证据最全的2021年评定")
    en = invoke("evaluate", ningbo_later, "--framework", "reference", "--lang", "en").stdout
    assert ("Figures not used: the later year 2024 has figures for 2 criteria (1 of them not met in 2024: REF-17); "
            "this report judges 2021, the year whose figures cover the most weight") in en
    md = invoke("evaluate", ningbo_later, "--framework", "reference", "--format", "markdown").stdout
    assert "- **未采用的数据：** 较新的2024年另有2项指标的数据（其中1项在该年未达标：REF-17）" in md
    plan = invoke("plan", ningbo_later, "--framework", "reference").stdout.splitlines()
    now = next(i for i, line in enumerate(plan) if line.startswith("现状："))
    assert plan[now + 1].startswith("较新的2024年另有2项指标的数据（其中1项在该年未达标：REF-17）")


def test_json_carries_the_later_year_and_follows_the_schema(ningbo_later):
    schema = json.loads(invoke("schema", "result").stdout)
    text = invoke("evaluate", ningbo_later, "--framework", "reference", "--format", "json").stdout
    data = json.loads(text)
    errors = [e.message[:200] for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert not errors, errors
    evaluation = data["evaluations"][0]
    assert evaluation["year"] == 2021 and evaluation["year_basis"] == "most_evidence"
    assert evaluation["later"] == {"year": 2024, "criteria": ["REF-12", "REF-17"], "unmet": ["REF-17"]}
    # the shipped file has no later figure these criteria read: no field, the JSON as before
    shipped = json.loads(invoke("evaluate", NINGBO, "--framework", "reference", "--format", "json").stdout)
    assert "later" not in shipped["evaluations"][0]
    # a framework with a target year is judged in it: nothing is left out
    plan = json.loads(invoke("evaluate", ningbo_later, "--framework", "ningbo-2020", "--format", "json").stdout)
    assert "later" not in plan["evaluations"][0]


def test_page_one_of_pdf_html_and_word_names_the_later_year(ningbo_later, tmp_path):
    pdf, html, docx = tmp_path / "r.pdf", tmp_path / "r.html", tmp_path / "r.docx"
    r = invoke("evaluate", ningbo_later, "--framework", "reference", "--pdf", pdf, "--html", html, "--docx", docx)
    assert r.exit_code == 0, r.output
    note = "较新的2024年另有2项指标的数据（其中1项在该年未达标：REF-17），本报告按证据最全的2021年评定"
    with pdfplumber.open(pdf) as doc:
        page1 = re.sub(r"\s+", "", doc.pages[0].extract_text())
    assert note in page1
    assert page1.index("评价年度") < page1.index(note)
    assert note in html.read_text(encoding="utf-8")
    assert any(note in p.text for p in Document(str(docx)).paragraphs)


def test_a_comparison_never_works_out_the_later_year(catalogue, monkeypatch):
    """compare evaluates thousands of cities (detail=False): what only a report shows is never computed."""
    def refuse(*_):
        raise AssertionError("later_year computed without detail")
    monkeypatch.setattr(ev, "later_year", refuse)
    fw = _framework(HEADER.replace("  target_year: {year}\n", ""), crit(
        "E", "{kind: exists, indicator: leadership_group}", weight=3) + crit(
        "W", "{kind: exists, indicator: world_ip_day_publicity}"), catalogue)
    c = city({"leadership_group": {2021: True}, "world_ip_day_publicity": {2024: False}}, catalogue)
    res = ev.evaluate(fw, c, catalogue, ev.PythonDecider(), detail=False)
    assert res.year == 2021 and res.year_basis == "most_evidence" and res.later is None
    monkeypatch.undo()
    full = ev.evaluate(fw, c, catalogue, ev.PythonDecider())
    assert full.later is not None and full.later.year == 2024 and full.later.unmet == ("W",)


# ---------------------------------------------------------------- 2. a plan target on a figure older than its year

def test_a_2017_target_on_a_2016_stock_short_of_it_is_not_known_not_missed():
    """Tianjin's 2017 work points: 有专利的企业数量达到1.1万家 (TJ-03); the only figure is 10,639 for 2016."""
    out = invoke("evaluate", TIANJIN, "--framework", "tianjin-2017").stdout
    row = next(line for line in out.splitlines() if "TJ-03" in line)
    assert row.startswith("? 缺少证据") and "10,639 家（2016年，陈旧）" in row and "未完成" not in row
    assert "目标完成情况：14项目标：已完成5项、缺少证据9项" in out
    # the 2016 双打 campaign (a mechanism, within its age limit) already meets its target: met, flagged stale
    assert next(line for line in out.splitlines() if "TJ-11" in line).startswith("✔ 已完成")
    why = invoke("explain", TIANJIN, "TJ-03").stdout
    assert "目标完成情况：缺少证据" in why and "该数据早于目标年2017年，尚不能判定是否完成" in why
    assert "有专利的企业数量的2017年数据（目标年）" in why  # what would settle it
    en = invoke("explain", TIANJIN, "TJ-03", "--lang", "en").stdout
    assert "Target achievement: no evidence" in en and "predates the target's year 2017" in en


def test_the_figure_of_the_targets_own_year_still_misses_it(tmp_path):
    """A figure of 2017 short of 11,000 is a missed target; a 2016 one is replaced by it."""
    text = TIANJIN.read_text(encoding="utf-8")
    figure = "    2016: {value: 10639家, source: govcn-2017,"
    assert figure in text
    path = tmp_path / "tianjin.yaml"
    path.write_text(text.replace(figure, "    2017: {value: 10900家, source: govcn-2017}\n" + figure), encoding="utf-8")
    data = json.loads(invoke("evaluate", path, "--framework", "tianjin-2017", "--format", "json").stdout)
    tj03 = next(c for c in data["evaluations"][0]["criteria"] if c["id"] == "TJ-03")
    assert (tj03["achievement"], tj03["year"], tj03["value"]) == ("missed", 2017, "10900")


def _plan(criteria: str, cat):
    return _framework(HEADER.replace("kind: reference", "kind: plan\n  city: c"), criteria, cat)


@pytest.mark.parametrize("facts, achievement", [
    ({"valid_invention_patents": {2024: 9000}}, "unknown"),       # short of 10,000, a year before the target's year
    ({"valid_invention_patents": {2024: 12000}}, "met"),          # already beyond it: met
    ({"valid_invention_patents": {2025: 9000}}, "missed"),        # the target's own year: missed
])
def test_a_plan_target_is_missed_only_on_a_figure_of_its_year(catalogue, facts, achievement):
    fw = _plan(crit("T", "{kind: threshold, indicator: valid_invention_patents, target: 10000件}"), catalogue)
    res = ev.evaluate(fw, city(facts, catalogue), catalogue, ev.PythonDecider())
    assert res.results[0].achievement == achievement


def test_a_combined_target_with_a_stale_part_short_of_its_year(catalogue):
    """all_of: a stale part short of the target is not known, so the whole is not known while every other part
    passes; a part failing in the target's own year still misses the whole."""
    check = ("{kind: all_of, checks: [{kind: exists, indicator: leadership_group}, "
             "{kind: threshold, indicator: valid_invention_patents, target: 10000件}]}")
    fw = _plan(crit("A", check), catalogue)
    stale = city({"leadership_group": {2025: True}, "valid_invention_patents": {2024: 9000}}, catalogue)
    assert ev.evaluate(fw, stale, catalogue, ev.PythonDecider()).results[0].achievement == "unknown"
    fresh = city({"leadership_group": {2025: False}, "valid_invention_patents": {2024: 9000}}, catalogue)
    assert ev.evaluate(fw, fresh, catalogue, ev.PythonDecider()).results[0].achievement == "missed"


# ---------------------------------------------------------------- 3. a mechanism whose attribute falls short

# Ningbo's protection centre approved (已批复) but not yet running: NB-32 asks it be under construction or running.
CENTRE = "  ip_protection_centre:\n    2022: {value: yes, source: bulletin-2024, attributes: {stage: approved}}\n"


@pytest.fixture(scope="module")
def ningbo_centre(tmp_path_factory):
    return _with(NINGBO, CENTRE, tmp_path_factory.mktemp("centre"), "ningbo.yaml")


def test_an_approved_centre_shows_what_it_has_and_needs_never_none(ningbo_centre):
    zh = invoke("evaluate", ningbo_centre, "--framework", "ningbo-2020").stdout
    row = next(line for line in zh.splitlines() if "NB-32" in line)
    assert "已批复，须为建设中/已运行（2022年）" in row and "无（" not in row and row.startswith("✘ 未完成")
    en = invoke("evaluate", ningbo_centre, "--framework", "ningbo-2020", "--lang", "en").stdout
    row = next(line for line in en.splitlines() if "NB-32" in line)
    assert "approved, needs under construction/operating (2022)" in row and "no (2022)" not in row


def test_explain_names_attributes_by_their_labels(ningbo_centre):
    zh = invoke("explain", ningbo_centre, "NB-32").stdout
    assert "建设阶段为已批复，不属于建设中、已运行" in zh
    assert "建设阶段 属于 建设中/已运行" in zh  # the formula
    en = invoke("explain", ningbo_centre, "NB-32", "--lang", "en").stdout
    assert "stage is approved, not one of under construction, operating" in en
    for raw in ("under_construction", "'operating'", "stage in ['", "stage为"):
        assert raw not in zh and raw not in en
    # a leadership group whose chair meets the target: the chair by its title (Yinchuan's vice mayor)
    yc = invoke("explain", CITIES / "yinchuan.yaml", "YC-17").stdout
    assert "组长（召集人）：副市长" in yc and "vice_mayor" not in yc and "chair：" not in yc and "chair in" not in yc


def test_a_stage_not_stated_asks_for_it_by_its_label(tmp_path):
    path = _with(NINGBO, "  ip_protection_centre:\n    2022: {value: yes, source: bulletin-2024}\n", tmp_path,
                 "ningbo.yaml")
    zh = invoke("explain", path, "NB-32").stdout
    assert "未说明建设阶段" in zh and "的建设阶段（须为建设中、已运行之一）" in zh and "stage" not in zh
