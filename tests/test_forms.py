"""collect → fill → import, as a user does it: the workbook, the CSV forms, the merge that keeps the file's layout,
and every kind of bad form (each one line per problem, exit 2, the city file untouched byte for byte)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main
from openpyxl import load_workbook

DAY = dt.date(2026, 11, 21)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def problems(result, n=None):
    """The stderr lines of a refused command: exit 2, each line `ipcheck: ...`, never a traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("ipcheck: ") for line in lines), lines
    if n is not None:
        assert len(lines) == n, lines
    return lines


@pytest.fixture
def ningbo(tmp_path):
    """A copy of the shipped Ningbo file, and forms collected for it."""
    city = tmp_path / "ningbo.yaml"
    shutil.copy(CITIES / "ningbo.yaml", city)
    forms = tmp_path / "forms.xlsx"
    r = invoke("collect", city, "--xlsx", forms)
    assert r.exit_code == 0, r.output
    return city, forms


def row_of(ws, indicator, year=None):
    for r in range(3, ws.max_row + 1):
        if ws.cell(r, 2).value == indicator and (year is None or ws.cell(r, 3).value == year):
            return r
    raise AssertionError(f"no row for {indicator} {year}")


def fill(ws, r, value, title="宁波市2022年知识产权发展状况白皮书", publisher="宁波市市场监督管理局", **more):
    """Type into the input columns of row r as a spreadsheet program stores it."""
    ws.cell(r, 5).value = value
    ws.cell(r, 7).value = title
    ws.cell(r, 9).value = publisher
    for col, v in more.items():
        ws.cell(r, {"bound": 6, "url": 8, "published": 10, "note": 11}[col]).value = v


def edit(path: Path, change) -> None:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)


# ---------------------------------------------------------------- the workbook collect writes

def test_collect_writes_one_protected_sheet_per_lead_unit_with_two_header_rows(ningbo):
    city, forms = ningbo
    wb = load_workbook(forms)
    assert wb.sheetnames[0] == "填写说明" and "市场监管局" in wb.sheetnames and wb.sheetnames[-1] == "_ipcheck"
    assert wb["_ipcheck"].sheet_state == "veryHidden"
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    ws = wb["市场监管局"]
    assert [c.value for c in ws[1]][:11] == ["指标名称", "指标代码", "年份", "单位", "填报数值", "数值性质", "来源名称",
                                             "网址或文号", "发布单位", "发布日期", "备注"]
    assert [c.value for c in ws[2]][:11] == ["name", "indicator", "year", "unit", "value", "bound", "source_title",
                                             "source_url", "publisher", "published", "note"]
    assert ws.freeze_panes == "C3" and ws.protection.sheet
    r = row_of(ws, "ip_standard_enterprises", 2022)
    assert ws.cell(r, 4).value == "家" and "GB/T 29490" in ws.cell(r, 12).value
    assert ws.cell(r, 15).value.startswith("NB-07（牵头：")
    assert not ws.cell(r, 5).protection.locked and ws.cell(r, 1).protection.locked and ws.cell(r, 12).protection.locked
    rules = {(dv.type, dv.formula1): str(dv.sqref).split() for dv in ws.data_validations.dataValidation}
    assert f"E{r}" in rules[("decimal", "0")] and f"F{r}" in rules[("list", '"确切值,不少于,不多于"')]
    assert f"J{r}" in rules[("date", "DATE(1949,1,1)")]
    mech = row_of(ws, "major_project_ip_review")
    assert f"E{mech}" in rules[("list", '"是,否"')] and ws.cell(mech, 6).protection.locked
    # a figure the city already holds is shown beside the row that asks for the next year
    r = row_of(ws, "valid_trademarks", 2022)
    assert (ws.cell(r, 13).value, ws.cell(r, 14).value) == ("401,100 件", 2021)
    assert "GB/T" not in "".join(str(c.value) for c in wb["填写说明"]["A"])  # instructions: plain Chinese


def test_collect_takes_the_rows_from_the_missing_evidence_and_is_deterministic(tmp_path):
    from ipcheck.app.forms import collect, plan_forms
    from ipcheck.app.library import Selection
    sel = Selection(CITIES / "ningbo.yaml", engine="python")
    forms, ev = plan_forms(sel)
    wanted = {(m.indicator, y) for res in ev.results for r in res.results if r.status == "unknown"
              for m in r.measurement.missing for y in m.years}
    held = {(i, y) for i, ys in ev.city.model.facts.items() for y, f in ys.items() if f.bound == "exact"}
    rows = {(n.indicator, n.year) for ns in forms.sheets.values() for n in ns}
    assert rows == wanted - held and rows
    a = collect(sel, xlsx_path=tmp_path / "a.xlsx", today=DAY).files[0][1]
    time.sleep(1.1)  # a clock in the output would show now
    b = collect(sel, xlsx_path=tmp_path / "a.xlsx", today=DAY).files[0][1]
    assert a == b


def test_sheet_names_are_short_valid_and_name_the_unit():
    from ipcheck.app.forms import sheet_name
    assert sheet_name("市市场监管局（知识产权局）（二.2）") == "市场监管局"
    assert sheet_name("市科技局、市文广局、市市场监管局、市质监局（责任单位）") == "科技局"
    assert sheet_name("市委宣传部") == "市委宣传部" and sheet_name("市政府（文件未列牵头单位）") == "市政府"
    assert sheet_name("市、县两级财政") == "市、县两级财政"
    long = sheet_name("甲" * 40 + "[局]:*?/\\")
    assert len(long) <= 31 and not re.search(r"[\[\]:*?/\\]", sheet_name("a[b]:c*d?e/f\\g局"))


# ---------------------------------------------------------------- done means

def test_filling_one_row_moves_its_criterion_keeps_every_comment_and_says_so(ningbo):
    city, forms = ningbo
    before = city.read_text(encoding="utf-8")
    edit(forms, lambda wb: fill(wb["市场监管局"], row_of(wb["市场监管局"], "ip_standard_enterprises", 2022), 650,
                                url="https://example.gov.cn/a", published=dt.datetime(2023, 4, 26)))
    r = invoke("import", forms, "--into", city)
    assert r.exit_code == 0, r.output
    assert "新增 ip_standard_enterprises 2022 = 650 家" in r.stdout and "NB-07" in r.stdout
    # a target of the city's own plan moves in plan words (issue 21: not readiness words)
    assert re.search(r"NB-07 .*：\? 缺少证据 → \S (已完成|提前完成|进度符合预期|进度滞后|未完成)$", r.stdout, re.M)
    assert "注释、顺序与格式均已保留" in r.stdout
    after = city.read_text(encoding="utf-8")
    old, new = before.splitlines(), after.splitlines()
    it = iter(new)
    assert all(any(line == n for n in it) for line in old)  # every old line, in order: only insertions
    assert "    2022: {value: 650家, source: form-" in after
    assert ("title: 宁波市2022年知识产权发展状况白皮书（2023-04-26）" in after
            and "url: https://example.gov.cn/a" in after)
    ev = invoke("evaluate", city, "--format", "json")
    assert '"id": "NB-07"' in ev.stdout
    # the same forms again: nothing changes, nothing is written
    r2 = invoke("import", forms, "--into", city)
    assert r2.exit_code == 0 and "没有需要写入的改动" in r2.stdout and "wrote" not in r2.stderr
    assert city.read_text(encoding="utf-8") == after


def test_dry_run_writes_nothing(ningbo):
    city, forms = ningbo
    before = city.read_bytes()
    edit(forms, lambda wb: fill(wb["市场监管局"], row_of(wb["市场监管局"], "ip_standard_enterprises"), 700))
    r = invoke("import", forms, "--into", city, "--dry-run", "--lang", "en")
    assert r.exit_code == 0 and "added ip_standard_enterprises 2022 = 700  ←" in r.stdout and "Dry run" in r.stdout
    assert city.read_bytes() == before


def test_a_different_value_already_in_the_file_is_refused_unless_replace(ningbo):
    city, forms = ningbo
    edit(forms, lambda wb: fill(wb["市场监管局"], row_of(wb["市场监管局"], "ip_standard_enterprises", 2022), 650))
    text = city.read_text(encoding="utf-8").replace("  population:\n", "  ip_standard_enterprises:\n    2022: {value: "
                                                    "600家, source: cnnb-2022}  # a comment to keep\n  population:\n")
    city.write_text(text, encoding="utf-8")
    before = city.read_bytes()
    lines = problems(invoke("import", forms, "--into", city, "--lang", "en"), 1)
    assert "already has ip_standard_enterprises 2022 = 600 (source" in lines[0] and "--replace" in lines[0]
    assert city.read_bytes() == before
    r = invoke("import", forms, "--into", city, "--replace")
    assert r.exit_code == 0 and "替换 ip_standard_enterprises 2022 = 650 家（原为 600 家）" in r.stdout
    after = city.read_text(encoding="utf-8")
    assert "    2022: {value: 650家, source: form-" in after and "# a comment to keep" in after
    assert after.count("ip_standard_enterprises:") == 1


def test_qualified_figures_and_yes_no_and_attributes_from_the_forms(tmp_path):
    city = tmp_path / "heze.yaml"
    shutil.copy(CITIES / "heze.yaml", city)
    forms = tmp_path / "f.xlsx"
    assert invoke("collect", city, "--xlsx", forms).exit_code == 0
    wb = load_workbook(forms)
    found, stage = {}, None
    for ws in wb.worksheets[1:-1]:
        for r in range(3, ws.max_row + 1):
            found.setdefault(ws.cell(r, 4).value, (ws.title, r, ws.cell(r, 2).value, ws.cell(r, 3).value))
            if ws.cell(r, 2).value == "rapid_rights_protection_centre.stage":  # HZ-16 asks for the stage
                stage = (ws.title, r, ws.cell(r, 2).value, ws.cell(r, 3).value)
    assert {"件", "是/否", "选项"} <= set(found) and stage is not None
    sheet, r, attr_key, year = stage
    wb[sheet].cell(r, 5).value = "已运行"
    s2 = sheet
    r2, y2 = row_of(wb[s2], "rapid_rights_protection_centre", year), year
    fill(wb[s2], r2, "是")
    s3, r3, ind, y3 = found["件"]
    fill(wb[s3], r3, "突破1,200件")
    wb.save(forms)
    r = invoke("import", forms, "--into", city)
    assert r.exit_code == 0, r.output
    text = city.read_text(encoding="utf-8")
    assert (f"{y3}: {{value: 1200件, bound: at_least, source: form-" in text
            and "note: {zh: '公布为“突破1,200件”', en: 'published as 突破1,200件'}" in text)
    assert f"{y2}: {{value: yes, source: form-" in text or f"{y2}:\n      value: yes" in text
    assert "attributes: {stage: operating}" in text
    hz16 = next(line for line in r.stdout.splitlines() if "HZ-16" in line)
    assert hz16.endswith("? 缺少证据 → ✔ 已完成")  # the centre, operating: what HZ-16 of Heze's plan asks
    assert invoke("validate", city).exit_code == 0


def test_csv_forms_round_trip(tmp_path):
    city = tmp_path / "ningbo.yaml"
    shutil.copy(CITIES / "ningbo.yaml", city)
    folder = tmp_path / "forms"
    assert invoke("collect", city, "--csv", folder).exit_code == 0
    assert (folder / "填写说明.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    sheet = folder / "市场监管局.csv"
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    k = next(i for i, line in enumerate(lines) if line.split(",")[1] == "ip_standard_enterprises")
    cells = lines[k].split(",")
    cells[4:9] = ["650", "", "白皮书", "", "宁波市市场监督管理局"]
    lines[k] = ",".join(cells)
    sheet.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    r = invoke("import", folder, "--into", city, "--lang", "en")
    assert r.exit_code == 0 and "added ip_standard_enterprises 2022 = 650  ←" in r.stdout
    lines[k] = lines[k].replace(",650,", ",若干,")
    sheet.write_text("\r\n".join(lines), encoding="utf-8")
    bad = problems(invoke("import", folder, "--into", city, "--lang", "en"), 1)
    assert re.search(r"forms/市场监管局\.csv!E\d+: '若干' is not a number", bad[0])


def test_forms_made_for_another_city_are_refused(ningbo, tmp_path):
    _, forms = ningbo
    other = tmp_path / "heze.yaml"
    shutil.copy(CITIES / "heze.yaml", other)
    before = other.read_bytes()
    line = problems(invoke("import", forms, "--into", other, "--lang", "en"), 1)[0]
    assert "made for 'ningbo', not for 'heze'" in line and other.read_bytes() == before


# ---------------------------------------------------------------- bad forms

def _bad_cells(wb):
    ws = wb["市场监管局"]
    fill(ws, row_of(ws, "ip_standard_enterprises"), "若干")
    fill(ws, row_of(ws, "national_ip_advantage_enterprises"), "150万元")               # a unit that does not fit
    fill(ws, row_of(ws, "industrial_cluster_trademarks_applied"), "约2件")            # approximate
    fill(ws, row_of(ws, "gi_applications"), 3, publisher=None)                        # no publisher
    fill(ws, row_of(ws, "ip_operating_institutions"), 6, bound="大概")                 # not a bound
    fill(ws, row_of(ws, "trade_secret_stations_provincial"), 25, published="昨天")     # not a date
    fill(ws, row_of(ws, "major_project_ip_review"), "大概有")                          # not yes/no


def _formula(wb):
    ws = wb["市场监管局"]
    fill(ws, row_of(ws, "ip_standard_enterprises"), "=600+50")


def _merged(wb):
    ws = wb["市场监管局"]
    r = row_of(ws, "ip_standard_enterprises")
    ws.protection.sheet = False
    ws.merge_cells(f"G{r}:H{r}")


def _date_for_year(wb):
    ws = wb["市场监管局"]
    r = row_of(ws, "ip_standard_enterprises")
    ws.cell(r, 3).value = dt.datetime(2022, 1, 1)
    fill(ws, r, 650)


def _year_as_text(wb):
    ws = wb["市场监管局"]
    r = row_of(ws, "ip_standard_enterprises")
    ws.cell(r, 3).value = "2022"


def _extra_sheet(wb):
    wb.create_sheet("补充数据")


def _extra_row(wb):
    ws = wb["市场监管局"]
    ws.cell(ws.max_row + 1, 2).value = "valid_patents"


def _renamed_header(wb):
    wb["市场监管局"]["E1"].value = "数值"


def _renamed_sheet(wb):
    wb["市场监管局"].title = "市场局"


def _moved_row(wb):
    ws = wb["市场监管局"]
    ws.cell(3, 2).value, ws.cell(4, 2).value = ws.cell(4, 2).value, ws.cell(3, 2).value


def _changed_unit(wb):
    ws = wb["市场监管局"]
    r = row_of(ws, "ip_standard_enterprises")
    ws.cell(r, 4).value = "万家"
    fill(ws, r, 0.065)


def _over_100_percent(wb):
    for ws in wb.worksheets[1:-1]:
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, 4).value == "%":
                fill(ws, r, 95)
                return
    raise AssertionError("no percentage row")


@pytest.mark.parametrize("change,count,words", [
    (_bad_cells, 7, ["'若干' is not a number", "does not fit 家", "approximate figure",
                     "!I", "'大概' is not a bound", "'昨天' is not a date", "'大概有' is not yes/no"]),
    (_formula, 1, ["a formula"]),
    (_merged, 1, ["merged cells"]),
    (_date_for_year, 1, ["a date (2022-01-01) where a year is expected"]),
    (_year_as_text, 1, ["a year stored as text"]),
    (_extra_sheet, 1, ["补充数据: a sheet the form did not have"]),
    (_extra_row, 1, ["a row the form did not have"]),
    (_renamed_header, 1, ["!E1: header '数值' should be '填报数值'"]),
    (_renamed_sheet, 2, ["a sheet the form did not have", "市场监管局: the sheet is missing"]),
    (_moved_row, 2, ["rows cannot be moved"]),
    (_changed_unit, 1, ["unit '万家' should be '家'"]),
    (_over_100_percent, 1, ["more than 100%"]),
])
def test_a_bad_form_is_refused_cell_by_cell_and_the_city_file_is_untouched(ningbo, change, count, words):
    city, forms = ningbo
    before = city.read_bytes()
    edit(forms, change)
    lines = problems(invoke("import", forms, "--into", city, "--lang", "en"), count)
    text = "\n".join(lines)
    for w in words:
        assert w in text, text
    assert all(re.match(r"ipcheck: \S*forms\.xlsx!", line) for line in lines), lines
    assert city.read_bytes() == before


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bomb(path: Path, forms: Path) -> Path:
    path.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"\0" * (60 * 1024 * 1024)}))
    return path


def _macro(path: Path, forms: Path) -> Path:
    with zipfile.ZipFile(forms) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries["xl/vbaProject.bin"] = b"\0" * 64
    path.write_bytes(_zip(entries))
    return path


@pytest.mark.parametrize("name,make,words", [
    ("forms.xls", lambda p, f: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512) or p,
     ".xls: ipcheck reads .xlsx forms only"),
    ("forms-saved-as-xlsx.xlsx", lambda p, f: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512) or p,
     "Excel 97-2003 (.xls)"),
    ("forms.xlsm", lambda p, f: shutil.copy(f, p) and p, ".xlsm: ipcheck reads .xlsx forms only"),
    ("macro-inside.xlsx", _macro, "macro-enabled"),
    ("bomb.xlsx", _bomb, "zip bomb"),
    ("big.xlsx", lambda p, f: p.write_bytes(b"PK\x03\x04" + b"\0" * (50 * 1024 * 1024)) or p, "a form is far smaller"),
    ("text.xlsx", lambda p, f: p.write_text("indicator,year\n", encoding="utf-8") or p, "not a zip file"),
    ("broken.xlsx", lambda p, f: p.write_bytes(f.read_bytes()[:3000]) or p, "not a readable .xlsx"),
    ("plain.xlsx", lambda p, f: p.write_bytes(_zip({"a.txt": b"x"})) or p, "not a readable .xlsx"),
    ("one.csv", lambda p, f: p.write_text("a,b\n", encoding="utf-8") or p, "reads the folder the CSV forms are in"),
])
def test_files_that_are_not_forms_are_refused_in_one_line(ningbo, tmp_path, name, make, words):
    city, forms = ningbo
    before = city.read_bytes()
    path = tmp_path / name
    make(path, forms)
    line = problems(invoke("import", path, "--into", city, "--lang", "en"), 1)[0]
    assert words in line and str(path) in line
    assert city.read_bytes() == before


def test_a_damaged_manifest_is_one_line(ningbo, tmp_path):
    city, forms = ningbo
    wb = load_workbook(forms)
    wb["_ipcheck"]["D5"] = "二〇二二"
    wb.save(tmp_path / "damaged.xlsx")
    line = problems(invoke("import", tmp_path / "damaged.xlsx", "--into", city, "--lang", "en"), 1)[0]
    assert "part is damaged" in line
    wb["_ipcheck"]["D5"] = 2022
    wb["_ipcheck"]["C5"] = "no_such_indicator"
    wb.save(tmp_path / "other.xlsx")
    line = problems(invoke("import", tmp_path / "other.xlsx", "--into", city, "--lang", "en"), 1)[0]
    assert "this catalogue does not have" in line


def test_a_workbook_without_the_manifest_is_not_a_form(ningbo, tmp_path):
    city, forms = ningbo
    wb = load_workbook(forms)
    del wb["_ipcheck"]
    wb.save(tmp_path / "nomanifest.xlsx")
    line = problems(invoke("import", tmp_path / "nomanifest.xlsx", "--into", city, "--lang", "en"), 1)[0]
    assert "not a form made by `ipcheck collect`" in line


# ---------------------------------------------------------------- init and indicators

def test_init_writes_a_file_that_validates_and_is_honestly_not_assessable(tmp_path):
    path = tmp_path / "suzhou.yaml"
    r = invoke("init", "suzhou", "--name", "苏州", "--name-en", "Suzhou", "--framework", "ningbo-2020",
               "--output", path)
    assert r.exit_code == 0, r.output
    text = path.read_text(encoding="utf-8")
    assert "  name: {zh: \"苏州\", en: \"Suzhou\"}" in text and "facts: {}" in text
    assert "#  ip_standard_enterprises:" in text and "# 用于：NB-07" in text and "GB/T 29490" in text
    assert "#    年份: {value: 是否（yes 或 no）, source: example, attributes: {chair: party_secretary | mayor" in text
    assert invoke("validate", path).exit_code == 0
    ev = invoke("evaluate", path, "--year", "2025", "--format", "json", "--framework", "ningbo-2020",
                "--framework", "reference")
    assert ev.exit_code == 0 and ev.stdout.count('"verdict": "not_assessable"') == 2
    assert '"status": "pass"' not in ev.stdout and '"status": "fail"' not in ev.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_new_file_evaluates_without_a_year_as_not_assessable_in_the_last_full_year(tmp_path, lang):
    """What the README promises of `init`: `ipcheck evaluate` on the new file (no --year) says not assessable,
    judged in the last full year, where `collect` asks for figures (it used to stop with an English line)."""
    path = tmp_path / "haimen.yaml"
    assert invoke("init", "haimen", "--name", "海门区", "--level", "district", "--output", path).exit_code == 0
    last = dt.date.today().year - 1
    r = invoke("evaluate", path, "--lang", lang)
    assert r.exit_code == 0, r.output
    assert {"zh": f"评价年度：{last}年（尚无数据：上一完整年度）",
            "en": f"{last} (no figures yet: the last full year)"}[lang] in r.stdout
    assert {"zh": "结论：证据不足，无法评定", "en": "Verdict: NOT ASSESSABLE"}[lang] in r.stdout
    data = json.loads(invoke("evaluate", path, "--format", "json").stdout)
    assert [(e["year"], e["year_basis"], e["verdict"]) for e in data["evaluations"]] == [
        (last, "no_evidence", "not_assessable")]
    line = problems(invoke("init", "suzhou", "--name", "苏州", "--output", path), 1)[0]
    assert "init 从不覆盖事实文件" in line  # in the user's language, zh by default
    line = problems(invoke("init", "suzhou", "--name", "苏州", "--output", path, "--lang", "en"), 1)[0]
    assert "never overwrites" in line
    assert invoke("init", "9suzhou", "--name", "苏州", "--output", tmp_path / "x.yaml").exit_code == 2


def test_a_new_city_goes_through_collect_and_import(tmp_path):
    path = tmp_path / "suzhou.yaml"
    assert invoke("init", "suzhou", "--name", "苏州", "--output", path, "--lang", "en").exit_code == 0
    forms = tmp_path / "forms.xlsx"
    assert invoke("collect", path, "--year", "2025", "--xlsx", forms).exit_code == 0
    wb = load_workbook(forms)
    ws = next(ws for ws in wb.worksheets[1:-1] if any(c.value == "patent_enforcement_cases" for c in ws["B"]))
    fill(ws, row_of(ws, "patent_enforcement_cases", 2025), 420, title="苏州市2025年知识产权白皮书",
         publisher="苏州市市场监管局")
    wb.save(forms)
    r = invoke("import", forms, "--into", path)
    assert r.exit_code == 0, r.output
    text = path.read_text(encoding="utf-8")
    assert "facts:\n  patent_enforcement_cases:\n    2025: {value: 420件" in text
    assert "# The indicators the frameworks (reference) read: uncomment" in text and "#  population:" in text
    assert invoke("validate", path).exit_code == 0


def _ascii_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_]+", text))


def test_indicators_lists_each_indicator_in_one_language(library):
    zh = invoke("indicators", "--format", "markdown").stdout  # no terminal wrapping inside a word
    en = invoke("indicators", "--lang", "en", "--format", "markdown").stdout
    cat = library.catalogue
    ids = set(cat.indicators) | {a for i in cat.indicators.values() for a in i.attributes} | {
        v for i in cat.indicators.values() for a in i.attributes.values() for v in a.values}
    criteria = {c.id for fw in library.frameworks.values() for c in fw.model.criteria}
    loose = _ascii_words(zh) - ids - {w for c in criteria for w in _ascii_words(c)} - {"GB", "PCT", "GDP"}
    assert not loose, loose
    assert "有效发明专利拥有量" in zh and "valid invention patents" not in zh
    assert "valid invention patents" in en and "有效发明专利拥有量" not in en
    assert "chair（组长（召集人））：party_secretary（市委书记）" in zh
    assert re.search(r"^\| leadership_group \|.*vice_mayor \(vice mayor\).*REF-01", en, re.M)
    block = invoke("indicators", "--lang", "en").stdout
    assert re.search(r"^leadership_group  IP leadership group  yes/no · mechanism", block, re.M)


def test_indicators_for_one_framework_as_json_and_markdown(library):
    import json
    data = json.loads(invoke("indicators", "--framework", "ningbo-2020", "--format", "json").stdout)
    assert data["schema"] == "ipcheck.indicators/1" and data["framework"] == "ningbo-2020"
    ids = [r["id"] for r in data["indicators"]]
    assert "ip_standard_enterprises" in ids and "population" not in ids
    row = next(r for r in data["indicators"] if r["id"] == "ip_standard_enterprises")
    assert row["criteria"] == ["NB-07"] and row["unit"] == "家" and row["description"]["zh"]
    md = invoke("indicators", "--framework", "reference", "--format", "markdown", "--lang", "en").stdout
    assert md.startswith("# Indicator catalogue: the 29 indicators reference uses")
    assert "| leadership_group | IP leadership group | yes/no |" in md
    r = invoke("indicators", "--framework", "nb-2020", "--lang", "en")
    assert r.exit_code == 2 and "did you mean 'ningbo-2020'" in r.output
    r = invoke("indicators", "--framework", "nb-2020")
    assert r.exit_code == 2 and "未知评价标准 'nb-2020'（是否应为 'ningbo-2020'？）" in r.output
