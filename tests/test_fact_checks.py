"""The evidence loop's three faults (a newcomer's run): a fact's note in the report's language only; dates that
cannot be (a publication in 2099, a source read next year) refused by `import` and `validate`; `validate` listing
every problem of a file at once."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal

import pytest
import yaml
from conftest import CITIES, CRITERIA
from openpyxl import load_workbook
from test_forms import edit, fill, invoke, problems, row_of

TODAY = dt.date.today()


def _html_text(path) -> str:
    """The page's words without markup or spaces (the page may break a line anywhere: 2021年 末数)."""
    text = re.sub(r"(?s)<style.*?</style>|<[^>]+>", " ", path.read_text(encoding="utf-8"))
    return _squeezed(text)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- notes in the report's language

def test_every_shipped_note_is_given_in_both_languages_with_the_same_figures():
    """A translated caveat keeps every figure of the original (37,041; 26.2%; 12315); Chinese writes a month as a
    number (10月) where English names it."""
    def figures(s: str) -> list[str]:  # 3万 is 30000
        found = (str(Decimal(n.replace(",", "")) * (10_000 if wan else 1)).removesuffix(".0")
                 for n, wan in re.findall(r"(\d[\d,.]*\d|\d)(万?)", s))
        return sorted(n for n in found if len(n) > 1)

    seen = 0
    for path in sorted(CITIES.glob("*.yaml")):
        for ind, years in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"].items():
            for year, fact in years.items():
                if "note" not in fact:
                    continue
                seen += 1
                note = fact["note"]
                assert isinstance(note, dict) and set(note) == {"zh", "en"}, (path.name, ind, year)
                assert set(figures(note["en"])) <= set(figures(note["zh"])), (path.name, ind, year, note)
    assert seen >= 40


def test_the_chinese_report_shows_the_chinese_note_and_the_english_one_the_english(tmp_path):
    zh_html, en_html = tmp_path / "zh.html", tmp_path / "en.html"
    assert invoke("evaluate", CITIES / "ningbo.yaml", "--html", zh_html).exit_code == 0
    assert invoke("evaluate", CITIES / "ningbo.yaml", "--html", en_html, "--lang", "en").exit_code == 0
    zh, en = _html_text(zh_html), _html_text(en_html)
    zh_note = "2021年末数；宁波日报公布截至2021年10月底为37,041件（cnnb-2021），该月末存量未收录，因为一年只记一个数"
    en_note = "year-end 2021; 宁波日报 gave 37,041 at the end of October 2021 (cnnb-2021)"
    assert zh_note in zh and "公布为“突破1200件”" in zh and "year-end" not in zh and "publishedas" not in zh
    assert _squeezed(en_note) in en and "publishedas突破1200件(over1,200)" in en and zh_note not in en
    explain_zh = invoke("explain", CITIES / "ningbo.yaml", "NB-01").stdout
    explain_en = invoke("explain", CITIES / "ningbo.yaml", "NB-01", "--lang", "en").stdout
    assert "备注：2021年末数；宁波日报公布截至2021年10月底为37,041件" in explain_zh
    assert "year-end 2021" not in explain_zh
    assert "note: year-end 2021; 宁波日报 gave 37,041" in explain_en


def _city_with_notes(tmp_path, *notes) -> object:
    """Ningbo's file with the notes of its 2021 valid invention patents and Madrid registrations replaced."""
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    doc["facts"]["valid_invention_patents"][2021]["note"] = notes[0]
    doc["facts"]["madrid_registrations"][2021]["note"] = notes[1]
    city = tmp_path / "ningbo.yaml"
    city.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return city


def test_a_plain_note_is_shown_as_written_and_marked_in_a_report_of_the_other_language(tmp_path):
    """A note typed as plain text is taken in the language it is written in: shown as is in a report of that
    language, and marked as the original wording in the other, never silently dropped (it is a caveat)."""
    city = _city_with_notes(tmp_path, "year-end 2021, from the annual report", "公布为“突破1200件”，下限")
    zh = invoke("explain", city, "NB-01").stdout
    en = invoke("explain", city, "NB-01", "--lang", "en").stdout
    assert "备注：（英文原文）year-end 2021, from the annual report" in zh
    assert "note: year-end 2021, from the annual report" in en and "(as written" not in en
    html = tmp_path / "en.html"
    assert invoke("evaluate", city, "--html", html, "--lang", "en").exit_code == 0
    assert _squeezed("(as written, in Chinese) 公布为“突破1200件”，下限") in _html_text(html)
    data = json.loads(invoke("evaluate", city, "--format", "json").stdout)
    notes = {(f["indicator"], f["year"]): f["note"] for ev in data["evaluations"] for c in ev["criteria"]
             for f in c["facts"]}
    assert notes[("valid_invention_patents", 2021)] == "year-end 2021, from the annual report"
    assert notes[("madrid_registrations", 2021)] == "公布为“突破1200件”，下限"
    assert notes[("ip_pledge_financing", 2021)] == {"en": "291 enterprises", "zh": "291家企业"}


def test_a_note_mapping_with_a_language_missing_or_unknown_is_one_line_each(tmp_path):
    city = _city_with_notes(tmp_path, {"zh": "2021年末数"}, {"zh": "下限", "en": "a lower bound", "fr": "minimum"})
    lines = problems(invoke("validate", city, "--lang", "en"), 3)
    assert re.search(r"ningbo\.yaml:\d+:\d+: missing field 'facts\.valid_invention_patents\.2021\.note\.en'$",
                     lines[0]) or re.search(r"note\.en", lines[0]), lines
    assert any("unknown field 'facts.madrid_registrations.2021.note.fr'" in line for line in lines), lines
    assert lines[-1].endswith("2 problems in this file")


# ---------------------------------------------------------------- validate: every problem at once

def test_validate_lists_schema_slips_and_fact_slips_together_in_file_order(tmp_path):
    """Five typos of different kinds: one run lists all five, each at its line, then the count."""
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    text = (text.replace("level: sub_provincial", "level: sub_provincal", 1)          # a schema error
            .replace("25.9件", "25.9万吨", 1)                                           # a unit that is none
            .replace("{value: 18497件, source", "{value: 18497件, bond: at_least, source", 1)  # an unknown field
            .replace("{value: 7819件, source: mirror-76421}", "{value: 7819件, source: mirror-7642}", 1)
            .replace("as_of: 2018-04,", "as_of: 2018-4,", 1))
    city = tmp_path / "ningbo.yaml"
    city.write_text(text, encoding="utf-8")
    before = city.read_bytes()
    lines = problems(invoke("validate", city), 6)
    rows = [int(line.split(":")[2]) for line in lines[:5]]
    assert rows == sorted(rows) and len(set(rows)) == 5
    assert "'sub_provincal'" in lines[0] and "未知单位 '吨'" in lines[1] and ".bond'" in lines[2]
    assert "未知来源 'mirror-7642'（是否应为 'mirror-76421'？）" in lines[3] and "'2018-4'" in lines[4]
    assert lines[5] == f"ipcheck: {city}: 该文件共 5 处问题"
    assert city.read_bytes() == before
    # evaluate still stops at the first, saying how many more
    one = problems(invoke("evaluate", city), 1)
    assert "［另有 4 处问题］" in one[0]


def test_validate_caps_a_file_with_very_many_problems_and_gives_the_count(tmp_path):
    facts = "\n".join(f"    {year}: {{value: {year}吨, source: s}}" for year in range(1950, 2020))
    city = tmp_path / "many.yaml"
    city.write_text("city: {id: t, name: {zh: 天津, en: Tianjin}, level: municipality}\n"
                    "sources: {s: {title: 天津统计年鉴, publisher: 天津市统计局, read: 2024-01-01}}\n"
                    f"facts:\n  valid_invention_patents:\n{facts}\n", encoding="utf-8")
    lines = problems(invoke("validate", city, "--lang", "en"), 21)
    assert all("unknown unit '吨'" in line for line in lines[:20])
    assert [int(line.split(":")[2]) for line in lines[:20]] == list(range(5, 25))  # the first twenty, in order
    assert lines[20] == f"ipcheck: {city}: 70 problems in this file, the first 20 shown above"


# ---------------------------------------------------------------- dates that cannot be

def test_validate_refuses_a_source_read_in_the_future_and_a_figure_for_a_year_not_begun(tmp_path):
    text = (CITIES / "tianjin.yaml").read_text(encoding="utf-8")
    doc = yaml.safe_load(text)
    first_source = next(iter(doc["sources"]))
    later = TODAY + dt.timedelta(days=1)
    text = text.replace(f"read: {doc['sources'][first_source]['read']}", f"read: {later.isoformat()}", 1)
    assert "    2019: {value: 57759件" in text
    text = text.replace("    2019: {value: 57759件", f"    {TODAY.year + 1}: {{value: 57759件", 1)
    city = tmp_path / "tianjin.yaml"
    city.write_text(text, encoding="utf-8")
    zh = problems(invoke("validate", city), 3)
    assert f"读取日期 {later} 晚于今天（{TODAY}）" in zh[0]
    assert f"{TODAY.year + 1}年尚未开始（今天是 {TODAY}）" in zh[1]
    en = problems(invoke("validate", city, "--lang", "en"), 3)
    assert f"{TODAY.year + 1} has not begun" in en[1]
    assert [x.split(":")[1:3] for x in en[:2]] == [x.split(":")[1:3] for x in zh[:2]]


def test_a_month_stock_stated_after_the_day_its_source_was_read_is_refused(tmp_path):
    """Heze's Q1–Q3 2015 report read as if it gave the end of December: it was read in November."""
    text = (CITIES / "heze.yaml").read_text(encoding="utf-8")
    src = yaml.safe_load(text)["facts"]["invention_patents_per_10k"][2015]["source"]
    text = re.sub(rf"(\n  {src}:\n(?:    .*\n)*?    read: )\S+", r"\g<1>2015-11-30", text, count=1)
    city = tmp_path / "heze.yaml"
    city.write_text(text.replace("as_of: 2015-09", "as_of: 2015-12"), encoding="utf-8")
    lines = problems(invoke("validate", city, "--lang", "en"))
    assert len(lines) == 3 and lines[-1].endswith("2 problems in this file"), lines
    assert all(f"as_of 2015-12 comes after the day source {src} was read (2015-11-30)" in x for x in lines[:2])
    assert invoke("validate", CITIES / "heze.yaml").exit_code == 0


@pytest.fixture
def returned(tmp_path):
    """Ningbo's forms as departments fill them: rows on several sheets, each with its own source, dates typed
    the ways people type them (an Excel date, 2023-03-01, 2023年5月, 2023.4)."""
    city = tmp_path / "ningbo.yaml"
    shutil.copy(CITIES / "ningbo.yaml", city)
    forms = tmp_path / "宁波征集表.xlsx"
    assert invoke("collect", city, "--xlsx", forms).exit_code == 0

    def departments(wb):
        ws = wb["市场监管局"]
        fill(ws, row_of(ws, "pct_applications", 2022), "705件", title="宁波市2022年知识产权发展状况白皮书",
             published="2023年4月")
        fill(ws, row_of(ws, "ip_standard_enterprises", 2022), 650, title="宁波市贯标企业名单",
             url="甬市监〔2023〕12号", published=dt.datetime(2023, 3, 1))
        fill(ws, row_of(ws, "national_ip_advantage_enterprises", 2022), "150", title="国家知识产权优势企业名单",
             publisher="国家知识产权局", url="https://www.cnipa.gov.cn/x", published="2023-01-15")
        fin = wb["财政局"]
        fill(fin, row_of(fin, "ip_budget", 2021), "3500万元", title="宁波市2021年市级部门预算",
             publisher="宁波市财政局", published="2021年1月")
        fill(fin, row_of(fin, "ip_budget", 2022), "3800万元", title="宁波市2022年市级部门预算",
             publisher="宁波市财政局", published="2022.1")
        st = wb["统计局"]
        fill(st, row_of(st, "above_size_industrial_enterprises", 2021), "9400家", title="宁波统计年鉴2022",
             publisher="宁波市统计局", published="2022年10月", note="规模以上工业企业单位数")
    edit(forms, departments)
    return city, forms


def test_a_workbook_with_chinese_month_dates_imports_and_the_month_joins_the_title(returned):
    city, forms = returned
    r = invoke("import", forms, "--into", city)
    assert r.exit_code == 0, r.output
    sources = yaml.safe_load(city.read_text(encoding="utf-8"))["sources"]
    titles = {s["title"] for key, s in sources.items() if key.startswith("form-")}
    assert {"宁波市2022年知识产权发展状况白皮书（2023-04）", "宁波市2021年市级部门预算（2021-01）",
            "宁波统计年鉴2022（2022-10）", "宁波市2022年市级部门预算（2022-01）"} <= titles, titles
    facts = yaml.safe_load(city.read_text(encoding="utf-8"))["facts"]
    assert facts["above_size_industrial_enterprises"][2021]["note"] == "规模以上工业企业单位数"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_publication_date_in_2099_is_one_line_naming_the_cell_and_the_city_file_is_untouched(returned, lang):
    city, forms = returned
    edit(forms, lambda wb: setattr(wb["统计局"].cell(row_of(wb["统计局"], "above_size_industrial_enterprises", 2021),
                                                       10), "value", "2099年10月"))
    r_ = row_of(load_workbook(forms)["统计局"], "above_size_industrial_enterprises", 2021)
    before = city.read_bytes()
    lines = problems(invoke("import", forms, "--into", city, *(["--lang", "en"] if lang == "en" else [])), 1)
    where = f"ipcheck: {forms}!统计局!J{r_}"
    if lang == "zh":
        assert lines == [f"{where}：发布日期 2099-10 晚于今天（{TODAY}），发布日期不能在将来，请检查年份"]
    else:
        assert lines == [f"{where}: published 2099-10, after today ({TODAY}): a date of publication cannot be in "
                         "the future; check the year"]
    assert city.read_bytes() == before


def test_every_impossible_date_of_a_workbook_is_listed_and_nothing_is_written(returned):
    """A date after today (as an Excel date too), and one years before the figure's year: each its own line."""
    city, forms = returned

    def slips(wb):
        ws = wb["市场监管局"]
        ws.cell(row_of(ws, "ip_standard_enterprises", 2022), 10).value = dt.datetime(2099, 3, 1)
        fin = wb["财政局"]
        fin.cell(row_of(fin, "ip_budget", 2022), 10).value = "2012年1月"
    edit(forms, slips)
    before = city.read_bytes()
    lines = problems(invoke("import", forms, "--into", city, "--lang", "en"), 2)
    assert any("!市场监管局!J" in x and "published 2099-03-01, after today" in x for x in lines), lines
    assert any("!财政局!J" in x and "published 2012-01, more than a year before 2022" in x for x in lines), lines
    assert city.read_bytes() == before
    # --dry-run says the same and writes nothing either
    assert problems(invoke("import", forms, "--into", city, "--dry-run", "--lang", "en"), 2) == lines


def test_importing_into_a_city_file_with_a_date_to_come_names_the_city_file(returned):
    city, forms = returned
    text = city.read_text(encoding="utf-8").replace("read: 2026-11-21", f"read: {TODAY.year + 1}-01-01", 1)
    city.write_text(text, encoding="utf-8")
    before = city.read_bytes()
    lines = problems(invoke("import", forms, "--into", city, "--lang", "en"), 1)
    assert lines[0].startswith(f"ipcheck: {city}:") and "after today" in lines[0]
    assert city.read_bytes() == before


def test_validate_lists_a_frameworks_schema_slip_and_its_criteria_slips_together(tmp_path):
    text = (CRITERIA / "ningbo-2020.yaml").read_text(encoding="utf-8")
    text = text.replace("category: creation\n    weight: 3", "category: creaton\n    weight: 3", 1)
    text = text.replace("indicator: pct_applications, target: 650件", "indicator: pct_application, target: 650件", 1)
    fw = tmp_path / "ningbo-2020.yaml"
    fw.write_text(text, encoding="utf-8")
    lines = problems(invoke("validate", fw, "--lang", "en"), 3)
    assert "criteria.0.category" in lines[0] and "(got 'creaton')" in lines[0]
    assert "unknown indicator 'pct_application' (did you mean 'pct_applications'?)" in lines[1]
    assert int(lines[0].split(":")[2]) < int(lines[1].split(":")[2])
    assert lines[2] == f"ipcheck: {fw}: 2 problems in this file"


def test_the_collected_form_refuses_a_date_of_publication_after_the_day_it_is_typed(returned):
    """The spreadsheet itself stops 2099 as it is typed (Excel's and WPS's date rule, up to TODAY()); import
    checks again, for a form filled elsewhere or as CSV."""
    _, forms = returned
    ws = load_workbook(forms)["统计局"]
    r = row_of(ws, "above_size_industrial_enterprises", 2021)
    rules = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    assert len(rules) == 1 and f"J{r}" in str(rules[0].sqref).split()
    assert (rules[0].formula1, rules[0].formula2) == ("DATE(1949,1,1)", "TODAY()")
    assert "不能晚于今天" in rules[0].error


def test_a_mechanism_may_rest_on_a_document_years_older_than_the_year_it_is_in_force(returned):
    """A leadership group set up by a 2019 notice is in force in 2022: only a figure cannot predate its year."""
    city, forms = returned

    def mechanism(wb):
        ws = wb["市政府办公室"]
        fill(ws, row_of(ws, "ip_in_performance_assessment", 2022), "是", title="宁波市政府目标管理考核办法",
             publisher="宁波市人民政府办公厅", url="甬政办发〔2019〕35号", published="2019年6月")
    edit(forms, mechanism)
    r = invoke("import", forms, "--into", city)
    assert r.exit_code == 0, r.output
    sources = yaml.safe_load(city.read_text(encoding="utf-8"))["sources"]
    assert any(s["title"] == "宁波市政府目标管理考核办法（甬政办发〔2019〕35号，2019-06）" for s in sources.values())
