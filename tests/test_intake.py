"""Imports that take what departments send (issue 21): many rows, sources, sheets and workbooks; each row's source its
own; no YAML anchor ever written; confidence from what the row gives; the header and the summary say what happened;
a fact given twice counts once; every valid layout kept or refused in one line; problems cut to a screenful; every
message in the user's language. Forms that ask the unit holding each figure, with alternatives grouped."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shutil

import pytest
import yaml
from conftest import CITIES, CRITERIA
from ipcheck.app.forms import plan_forms
from ipcheck.app.library import Selection, load_library
from ipcheck.app.yamlmerge import Edits, merge
from ipcheck.engine.errors import MAX_LINE
from ipcheck.engine.load import load_city
from openpyxl import load_workbook
from test_forms import edit, fill, invoke, problems, row_of

SHEET = "市场监管局"


@pytest.fixture
def ningbo(tmp_path):
    """A copy of the shipped Ningbo file (never the file itself) and forms collected for it."""
    city = tmp_path / "ningbo.yaml"
    shutil.copy(CITIES / "ningbo.yaml", city)
    forms = tmp_path / "forms.xlsx"
    assert invoke("collect", city, "--xlsx", forms).exit_code == 0
    return city, forms


def _sources(text: str) -> dict:
    return yaml.safe_load(text)["sources"]


# ---------------------------------------------------------------- many rows, many sources

def test_rows_with_their_own_sources_read_on_one_day_import_and_read_back(ningbo):
    """The issue's case: two rows of one sheet, each with its own source and date (it failed on a YAML alias)."""
    city, forms = ningbo

    def two_rows(wb):
        ws = wb[SHEET]
        fill(ws, row_of(ws, "ip_standard_enterprises", 2022), 650, title="宁波市贯标企业名单",
             url="甬市监〔2023〕12号", published=dt.datetime(2023, 3, 1))
        fill(ws, row_of(ws, "national_ip_advantage_enterprises", 2022), "150", title="国家知识产权优势企业名单",
             publisher="国家知识产权局", url="https://www.cnipa.gov.cn/x", published="2023-01-15")
        fill(ws, row_of(ws, "valid_trademarks", 2022), "41.2万件", title="宁波统计年鉴2023",
             publisher="宁波市统计局")
    edit(forms, two_rows)
    r = invoke("import", forms, "--into", city)
    assert r.exit_code == 0, r.output
    text = city.read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    added = {k: v for k, v in _sources(text).items() if k.startswith("form-")}
    assert len(added) == 3 and {v["read"] for v in added.values()} == {dt.date.today()}
    titles = sorted(v["title"] for v in added.values())
    assert titles == ["国家知识产权优势企业名单（2023-01-15）", "宁波市贯标企业名单（甬市监〔2023〕12号，2023-03-01）",
                      "宁波统计年鉴2023"]
    facts = yaml.safe_load(text)["facts"]
    keys = {facts[i][2022]["source"] for i in ("ip_standard_enterprises", "national_ip_advantage_enterprises",
                                                 "valid_trademarks")}
    assert keys == set(added)  # each row keeps its own source
    # a source with neither a document number nor an address is taken as low confidence; the others as stated
    assert {v["title"]: v.get("confidence", "high") for v in added.values()} == {
        "国家知识产权优势企业名单（2023-01-15）": "high",
        "宁波市贯标企业名单（甬市监〔2023〕12号，2023-03-01）": "high",
        "宁波统计年鉴2023": "low"}
    assert "未填网址或文号：可信度为低" in r.stdout
    again = invoke("import", forms, "--into", city)
    assert again.exit_code == 0 and "没有需要写入的改动" in again.stdout and city.read_text(encoding="utf-8") == text


def test_merge_never_writes_an_anchor_for_shared_values():
    """Values shared between edits (one date, one dict, one string object) are written out in full each time."""
    day = dt.date(2026, 12, 1)
    shared = {"zh": "甲"}
    edits = Edits()
    for k in range(5):
        edits.sources.append((f"s{k}", {"title": "同一标题", "publisher": "P", "read": day, "via": "x"}))
    edits.facts.append(("ip_budget", 2020, {"value": "5万元", "source": "s0", "attributes": shared}))
    edits.facts.append(("ip_budget", 2021, {"value": "6万元", "source": "s1", "attributes": shared}))
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    out = merge("ningbo.yaml", text, edits)
    assert not re.search(r"[&*]id\d+", out) and out.count("read: 2026-12-01") == 5
    back = yaml.safe_load(out)
    assert [back["sources"][f"s{k}"]["read"] for k in range(5)] == [day] * 5


def test_several_workbooks_and_a_folder_in_one_import_and_a_fact_given_twice_counts_once(ningbo, tmp_path):
    city, forms = ningbo
    a, b, folder = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "returned"
    folder.mkdir()
    shutil.copy(forms, a)
    shutil.copy(forms, b)
    edit(a, lambda wb: fill(wb[SHEET], row_of(wb[SHEET], "ip_standard_enterprises", 2022), 650))
    edit(b, lambda wb: (fill(wb[SHEET], row_of(wb[SHEET], "ip_standard_enterprises", 2022), "650家"),
                        fill(wb[SHEET], row_of(wb[SHEET], "pct_applications", 2022), 700, title="PCT统计")))
    c = folder / "c.xlsx"
    shutil.copy(forms, c)
    edit(c, lambda wb: fill(wb["财政局"], row_of(wb["财政局"], "ip_budget", 2021), "1.2亿", title="决算报告",
                            publisher="宁波市财政局", url="甬财〔2022〕3号"))
    r = invoke("import", a, b, folder, "--into", city)
    assert r.exit_code == 0, r.output
    assert r.stdout.count("新增 ip_standard_enterprises 2022") == 1  # given twice, the same value: once
    assert "新增 pct_applications 2022 = 700 件" in r.stdout and "新增 ip_budget 2021 = 12,000 万元" in r.stdout
    facts = yaml.safe_load(city.read_text(encoding="utf-8"))["facts"]
    assert facts["ip_budget"][2021]["value"] == "12000万元" and facts["pct_applications"][2022]["value"] == "700件"
    # the same fact with two values in two workbooks: one line naming both cells, nothing written
    before = city.read_bytes()
    edit(b, lambda wb: fill(wb[SHEET], row_of(wb[SHEET], "trade_secret_stations_municipal", 2022), 180))
    edit(a, lambda wb: fill(wb[SHEET], row_of(wb[SHEET], "trade_secret_stations_municipal", 2022), 181))
    line = problems(invoke("import", a, b, "--into", city), 1)[0]
    assert "a.xlsx!市场监管局!E" in line and "b.xlsx!市场监管局!E" in line and "181" in line and "180" in line
    assert city.read_bytes() == before


def test_a_new_city_file_says_it_holds_figures_and_the_summary_lists_the_chair(tmp_path):
    """A file from `init` stops saying 尚无任何数据 once figures are imported; an attribute set is listed."""
    path = tmp_path / "suzhou.yaml"
    assert invoke("init", "suzhou", "--name", "苏州", "--output", path).exit_code == 0
    assert "尚无任何数据" in path.read_text(encoding="utf-8").splitlines()[0]
    forms = tmp_path / "forms.xlsx"
    assert invoke("collect", path, "--year", "2025", "--xlsx", forms).exit_code == 0
    wb = load_workbook(forms)
    ws = next(ws for ws in wb.worksheets[1:-1] if any(c.value == "leadership_group.chair" for c in ws["B"]))
    fill(ws, row_of(ws, "leadership_group", 2025), "✓", title="关于成立市知识产权工作领导小组的通知",
         publisher="苏州市人民政府办公室", url="苏府办〔2025〕7号")
    ws.cell(row_of(ws, "leadership_group.chair", 2025), 5).value = "市长"
    wb.save(forms)
    r = invoke("import", forms, "--into", path)
    assert r.exit_code == 0, r.output
    assert re.search(r"新增 leadership_group 2025 = 是", r.stdout)
    assert re.search(r"补充 leadership_group 2025 组长（召集人）：市长", r.stdout), r.stdout
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert "尚无任何数据" not in first and f"数据已由征集表导入（{dt.date.today().isoformat()}）" in first
    fact = yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]["leadership_group"][2025]
    assert fact["value"] is True and fact["attributes"] == {"chair": "mayor"}


# ---------------------------------------------------------------- layouts

_EDITS = [("ip_budget", 2021, {"value": "5万元", "source": "s1"}), ("pct_applications", 2022,
                                                                     {"value": "5件", "source": "s1"})]


def _edits() -> Edits:
    e = Edits()
    e.sources.append(("s1", {"title": "A", "publisher": "P", "read": dt.date(2026, 1, 1)}))
    e.facts += [(i, y, dict(f)) for i, y, f in _EDITS]
    return e


def _layouts():
    base = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    four = re.sub(r"(?m)^( +)", lambda m: m.group(1) * 2, base)
    return {"4-space indentation": four, "--- start": "---\n" + base, "--- start, ... end": "---\n" + base + "...\n",
            "CRLF": base.replace("\n", "\r\n"), "CR": base.replace("\n", "\r"), "byte-order mark": "\ufeff" + base}


@pytest.mark.parametrize("name", list(_layouts()))
def test_every_valid_layout_is_kept(name):
    text = _layouts()[name]
    cat = load_library(CRITERIA).catalogue
    load_city(name, text.encode("utf-8"), cat)  # a valid city file as it is
    out = merge(name, text, _edits())
    old, new = text.lstrip("\ufeff").splitlines(), out.lstrip("\ufeff").splitlines()
    assert [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            if op[0] not in ("equal", "insert")] == []  # every old line still there, only lines added
    for ending in ("\r\n", "\r"):
        assert (ending in out) == (ending in text)
    assert out.startswith("\ufeff") == text.startswith("\ufeff")
    city = load_city(name, out.encode("utf-8"), cat)
    assert city.model.facts["pct_applications"][2022].source == "s1"
    added = [line for line in new if "pct_applications:" in line or "2022: {value: 5件" in line]
    indent = 4 if name.startswith("4") else 2
    assert any(line.startswith(" " * (2 * indent) + "2022: {value: 5件") for line in added), added


_SOURCE = "sources:\n  a: {title: T, publisher: P, read: 2024-01-01}\n"


@pytest.mark.parametrize("flow,where", [
    ("sources: {a: {title: T, publisher: P, read: 2024-01-01}}\n", "sources"),
    (_SOURCE + "facts: {ip_budget: {2020: {value: 5万元, source: a}}}\n", "facts"),
    (_SOURCE + "facts:\n  ip_budget: {2020: {value: 5万元, source: a}}\n", "facts: ip_budget"),
])
def test_a_flow_style_mapping_that_must_grow_is_refused_in_one_line_saying_what_to_change(tmp_path, flow, where):
    city = tmp_path / "x.yaml"
    city.write_text("city: {id: x, name: {zh: 甲, en: X}, level: prefecture}\n" + flow, encoding="utf-8")
    cat = load_library(CRITERIA).catalogue
    load_city(str(city), city.read_bytes(), cat)
    with pytest.raises(Exception) as exc:
        merge(str(city), city.read_text(encoding="utf-8"), _edits(), "zh")
    assert f"{where} 写成了流式" in str(exc.value) and "改为块式" in str(exc.value)


def test_merging_a_20000_line_file_takes_one_pass(monkeypatch):
    """Lines only added: settled without difflib's quadratic comparison (which took minutes on such a file)."""
    base = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    text = base.replace("\nfacts:\n", "\n" + "\n" * 10_000 + "# a comment\n" * 10_000 + "facts:\n", 1)
    assert text.count("\n") > 20_000

    def refuse(*args, **kwargs):
        raise AssertionError("difflib used for an insert-only merge")

    monkeypatch.setattr(difflib, "SequenceMatcher", refuse)
    out = merge("big.yaml", text, _edits())
    assert out.count("# a comment\n") == 10_000 and "2022: {value: 5件, source: s1}" in out


# ---------------------------------------------------------------- problems: a screenful, cut, in the user's language

def test_many_bad_rows_print_a_screenful_and_the_count_of_the_rest(ningbo):
    city, forms = ningbo
    before = city.read_bytes()

    def bad(wb):
        for ws in wb.worksheets[1:-1]:
            for r in range(3, ws.max_row + 1):
                if ws.cell(r, 4).value not in ("选项",):
                    fill(ws, r, "三万" * 5000)  # a 10,000-character cell
    edit(forms, bad)
    lines = problems(invoke("import", forms, "--into", city))
    assert len(lines) == 21 and re.match(r"ipcheck: ……另有 \d+ 处问题", lines[-1]), lines[-1]
    total = 20 + int(re.search(r"另有 (\d+) 处", lines[-1])[1])
    assert total == sum(ws.max_row - 2 for ws in load_workbook(forms).worksheets[1:-1]) - 1  # one option row
    assert all(len(line) <= MAX_LINE + 40 for line in lines)
    assert city.read_bytes() == before


@pytest.mark.parametrize("lang,words", [
    ("zh", ["不是数值性质", "不是日期"]),
    ("en", ["is not a bound", "is not a date"]),
])
def test_problems_are_in_the_users_language(ningbo, lang, words):
    city, forms = ningbo

    def bad(wb):
        ws = wb[SHEET]
        fill(ws, row_of(ws, "ip_operating_institutions"), 6, bound="大概")
        fill(ws, row_of(ws, "trade_secret_stations_provincial"), 25, published="昨天")
    edit(forms, bad)
    text = "\n".join(problems(invoke("import", forms, "--into", city, "--lang", lang), 2))
    for w in words:
        assert w in text, text
    # (the form's own choices, 确切值/不少于/不多于, are quoted as the drop-down list shows them)
    han = re.findall(r"[\u4e00-\u9fff]", re.sub(r"'[^']*'|\S*forms\.xlsx!\S+?[：:]|确切值|不少于|不多于", "", text))
    assert bool(han) == (lang == "zh"), text


def test_collect_announces_the_rows_it_writes(tmp_path):
    """The counts printed agree with the rows of every sheet, option rows included, for every shipped city."""
    for src in sorted(CITIES.glob("*.yaml")):
        city = tmp_path / src.name
        shutil.copy(src, city)
        forms = tmp_path / f"{src.stem}.xlsx"
        r = invoke("collect", city, "--xlsx", forms)
        assert r.exit_code == 0, r.output
        wb = load_workbook(forms)
        written = {ws.title: ws.max_row - 2 for ws in wb.worksheets[1:-1]}
        announced = dict(re.findall(r"(?m)^  (\S+)：(\d+) 行", r.stdout))
        assert {k: int(v) for k, v in announced.items()} == written, (src.name, r.stdout)
        total = re.search(r"(\d+) 行待填报", r.stdout)
        assert total and int(total[1]) == sum(written.values())
        assert f"{len(written)} 个单位" in r.stdout


# ---------------------------------------------------------------- forms that ask the unit holding the figure

def test_each_row_goes_to_the_unit_holding_the_figure_with_the_lead_unit_as_context(ningbo):
    _, forms = ningbo
    wb = load_workbook(forms)
    where = {ws.cell(r, 2).value: ws.title for ws in wb.worksheets[1:-1] for r in range(3, ws.max_row + 1)}
    assert where["above_size_industrial_enterprises"] == "统计局"
    assert where["ip_budget"] == "财政局" and where["ip_work_funding_secured"] == "财政局"
    assert where["world_ip_day_publicity"] == "市委宣传部"
    assert not {"各地各部门", "各级财政", "财政部门", "知识产权管理部门"} & set(wb.sheetnames)
    ws = wb["财政局"]
    assert "（牵头：各级财政）" in ws.cell(row_of(ws, "ip_budget", 2022), 15).value


def test_every_indicator_names_its_holder_and_the_holders_are_the_right_departments():
    cat = load_library(CRITERIA).catalogue
    assert all(ind.holder is not None for ind in cat.indicators.values())
    holder = {i: ind.holder.zh for i, ind in cat.indicators.items()}
    assert holder["population"] == holder["above_size_industrial_enterprises"] == "市统计局"
    assert holder["ip_budget"] == holder["ip_budget_share_rising"] == "市财政局"
    assert holder["ip_court_cases_concluded"] == holder["ip_civil_first_instance_acceptance_rate"] == "市中级人民法院"


def test_alternative_rows_say_fill_one_of_them(tmp_path):
    """A rate or the pair it is computed from; any part of an any_of: each row of such a group says so."""
    city = tmp_path / "suzhou.yaml"
    assert invoke("init", "suzhou", "--name", "苏州", "--output", city).exit_code == 0
    forms, _ = plan_forms(Selection(city, CRITERIA, year=2025, engine="python"))
    rows = {(n.indicator, n.year): n for needs in forms.sheets.values() for n in needs}
    group = [rows[(i, 2025)] for i in ("patent_enforcement_cases", "patent_enforcement_cases_closed",
                                       "patent_enforcement_closure_rate")]
    for n in group:
        assert any(c.startswith("REF-07 填其中一项即可：专利执法案件结案率；或 ") for c in n.choices), n.choices
    assert rows[("population", 2025)].choices and "常住人口" in rows[("population", 2025)].choices[0]
    assert not rows[("ip_service_institutions", 2025)].choices  # a figure nothing else replaces


def test_a_figure_known_only_as_a_bound_is_asked_for_exactly_and_then_settles_the_growth(tmp_path):
    """Tianjin's 2016 pledge financing is published as "at least 24.9 亿元" (patent pledges alone): a growth
    cannot be worked out from a bound, so the form asks for 2016's exact figure beside 2015's, shows the
    bound as the figure on file, and once both are filled REF-10 is judged (it stayed unknown before)."""
    import json

    city = tmp_path / "tj.yaml"
    shutil.copy(CITIES / "tianjin.yaml", city)
    forms = tmp_path / "f.xlsx"
    assert invoke("collect", city, "--framework", "reference", "--year", "2016", "--xlsx", forms).exit_code == 0
    ws = load_workbook(forms)["市场监管局"]
    rows = {y: row_of(ws, "ip_pledge_financing", y) for y in (2015, 2016)}
    assert "24.9" in str(ws.cell(rows[2016], 13).value)  # the bound on file, as context

    def filled(wb):
        sheet = wb["市场监管局"]
        fill(sheet, rows[2015], 18.6, title="天津市2015年知识产权质押融资情况", publisher="天津市知识产权局")
        fill(sheet, rows[2016], 26.3, title="天津市2016年知识产权质押融资情况", publisher="天津市知识产权局")
    edit(forms, filled)
    done = invoke("import", forms, "--into", city)
    assert done.exit_code == 0, done.output
    out = invoke("evaluate", city, "--framework", "reference", "--year", "2016", "--format", "json")
    ref10 = next(c for e in json.loads(out.stdout)["evaluations"] for c in e["criteria"] if c["id"] == "REF-10")
    assert ref10["status"] != "unknown", ref10
