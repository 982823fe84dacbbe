"""ipcheck draft: a district's plan document in each format → the summary, the framework, the review workbook.

The plan reader (engine/planread/reader.py) is written on its own branch; here a stand-in reads
the one test plan below: it finds each target only when the text the file reader produced
holds that target's sentence or table row (cells apart, on one line), so what is tested is
everything around the reader: the file formats, the framework, the workbook, the errors.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner
from ipcheck.cli import main
from ipcheck.engine import planread
from ipcheck.engine.planread.model import Document, Mechanism, PlanReading, Target

TITLE = "海门区“十四五”知识产权发展规划"
NUMBER = "海政办发〔2022〕12号"
PROSE = [
    "海门区人民政府办公室关于印发海门区“十四五”知识产权发展规划的通知",
    NUMBER,
    "各镇人民政府，区各委办局：《海门区“十四五”知识产权发展规划》已经区政府同意，现印发给你们，请认真贯彻执行。",
    "一、发展基础",
    "“十三五”期间，全区知识产权工作取得明显成效，2020年有效发明专利达到1520件，较2015年翻了一番。",
    "二、主要目标",
    "到2025年，每万人口高价值发明专利拥有量达到12件，有效注册商标达到5.2万件以上，知识产权质押融资额年均增长10%。",
]
TABLE = [["指标", "2020年基期值", "2025年目标值", "属性"],
         ["每万人口高价值发明专利拥有量（件）", "5.1", "12", "预期性"],
         ["有效注册商标（万件）", "3.1", "5.2", "预期性"],
         ["每百户企业注册商标拥有量（件）", "18", "30", "预期性"]]
TASKS = [
    "三、重点任务",
    "（一）健全知识产权工作领导小组，统筹全区知识产权工作。（牵头单位：区市场监管局）",
    "（二）实施商标品牌战略，每年新增有效注册商标5000件以上。（牵头单位：区市场监管局）",
    "（三）建立知识产权快速维权机制，缩短维权周期。（牵头单位：区人民法院）",
]


def _row(cells: list[str]) -> str:
    """A table row as one line of separate cells, the way the file reader must give it."""
    return r"\s+".join(re.escape(c) for c in cells)


# what the stand-in reader finds: (pattern in the text, target or mechanism)
FOUND = [
    (_row(TABLE[1]), Target("每万人口高价值发明专利拥有量", "high_value_invention_patents_per_10k", D(12), "12件",
                            "件/万人", ">=", 2025, D("5.1"), 2020, kind="per_capita", nature="expected",
                            clause="二、表1", lead_unit="区市场监管局", quote="\t".join(TABLE[1]), match="alias")),
    (_row(TABLE[2]), Target("有效注册商标", "valid_trademarks", D("5.2"), "5.2万件", "万件", ">=", 2025, D("3.1"), 2020,
                            kind="stock", nature="expected", clause="二、表1", quote="\t".join(TABLE[2]),
                            match="alias")),
    (_row(TABLE[3]), Target("每百户企业注册商标拥有量", None, D(30), "30件", "件", ">=", 2025, D(18), 2020,
                            kind="per_100_enterprises", clause="二、表1", quote="\t".join(TABLE[3]),
                            review=("review.indicator_not_in_catalogue",),
                            proposed_indicator="trademarks_per_100_enterprises")),
    ("知识产权质押融资额年均增长10%", Target("知识产权质押融资额", "ip_pledge_financing", D(10), "10%", "%", ">=", 2025,
                                            base_year=2020, kind="average_growth", clause="二",
                                            quote="知识产权质押融资额年均增长10%", match="alias")),
    ("每年新增有效注册商标5000件以上", Target("新增有效注册商标", "valid_trademarks", D(5000), "5000件以上", "件", ">=",
                                             2025, kind="added", clause="三、（二）", lead_unit="区市场监管局",
                                             quote=TASKS[2], match="alias")),
]
MECHANISMS = [
    ("健全知识产权工作领导小组", Mechanism("健全知识产权工作领导小组", "leadership_group", "三、（一）", "区市场监管局",
                                          TASKS[1])),
    ("建立知识产权快速维权机制", Mechanism("建立知识产权快速维权机制", None, "三、（三）", "区人民法院", TASKS[3])),
]


def stand_in(text: str, catalogue) -> PlanReading:
    """The test plan's reading, each target only if the text holds it (the tests' stand-in for the reader)."""
    assert "\r" not in text and text.endswith("\n")
    flat = " ".join(text.split())
    issuer = "海门区人民政府办公室"
    doc = Document(title=TITLE if TITLE in text else None, issuer=issuer if issuer in text else None,
                   number=NUMBER if NUMBER in text else None, date="2022-03-01", period=(2021, 2025))
    targets = tuple(t for pattern, t in FOUND if re.search(pattern, text) or re.search(pattern, flat))
    mechs = tuple(m for pattern, m in MECHANISMS if pattern in flat)
    return PlanReading(doc, targets, mechs)


@pytest.fixture(autouse=True)
def reader(monkeypatch):
    monkeypatch.setattr(planread, "read_plan", stand_in, raising=False)


@pytest.fixture()
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------- the plan in each format

def plan_html(charset: str = "gbk") -> str:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    paras = "".join(f"<p>{p}</p>" for p in PROSE[2:])
    tasks = "".join(f"<p>{p}</p>" for p in TASKS)
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>{TITLE}_海门区人民政府</title><script>var nav = '到2030年达到99件';</script>"
            "<style>td { border: 1px solid #000; padding: 4px 12px }</style></head><body>"
            "<div class='nav'>首页 &gt; 政务公开 &gt; 政策文件</div>"
            f"<h1>{PROSE[0]}</h1><div class='meta'>{PROSE[1]}</div>{paras}"
            f"<p>表1 “十四五”知识产权主要指标</p><table>{rows}</table>{tasks}"
            "<div class='footer'>主办：海门区人民政府办公室</div></body></html>")


def plan_lines() -> list[str]:
    return PROSE + ["表1 “十四五”知识产权主要指标"] + ["\t".join(r) for r in TABLE] + TASKS


def write_plan(folder: Path, fmt: str) -> Path:
    if fmt == "txt-gb18030":
        path = folder / "plan.txt"
        path.write_bytes("\r\n".join(plan_lines()).encode("gb18030"))
    elif fmt == "txt-traditional":
        import opencc
        path = folder / "plan.txt"
        path.write_text(opencc.OpenCC("s2t").convert("\n".join(plan_lines())), encoding="utf-8")
    elif fmt == "html-gbk":
        path = folder / "plan.html"
        path.write_bytes(plan_html("gbk").encode("gbk"))
    elif fmt == "docx":
        import docx
        path = folder / "plan.docx"
        d = docx.Document()
        d.add_heading(PROSE[0], 1)
        for p in PROSE[1:]:
            d.add_paragraph(p)
        d.add_paragraph("表1 “十四五”知识产权主要指标")
        table = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
        for i, r in enumerate(TABLE):
            for j, c in enumerate(r):
                table.cell(i, j).text = c
        for p in TASKS:
            d.add_paragraph(p)
        d.save(path)
    elif fmt == "pdf":
        import weasyprint
        path = folder / "plan.pdf"
        weasyprint.HTML(string=plan_html("utf-8")).write_pdf(path)
    else:
        raise AssertionError(fmt)
    return path


FORMATS = ["txt-gb18030", "txt-traditional", "html-gbk", "docx", "pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_drafts_a_framework_validate_and_test_accept(here, fmt):
    plan = write_plan(here, fmt)
    r = invoke("draft", plan, "--city", "haimen", "--output", "haimen-2022.yaml", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "5 targets, 4 matched to the catalogue, 1 to review; 2 mechanisms" in r.stdout
    assert "to review: 每百户企业注册商标拥有量 (二、表1): indicator not in the catalogue" in r.stdout
    assert "wrote haimen-2022.yaml" in r.stderr
    v = invoke("validate", "haimen-2022.yaml", "--lang", "en")
    assert v.exit_code == 0 and "1 file valid" in v.stdout, v.output
    t = invoke("test", "haimen-2022.yaml", "--lang", "en")
    assert t.exit_code == 0 and ", 0 failed" in t.stdout, t.output
    assert re.search(r"haimen-2022\s+1[0-9] passed\s+0 failed", t.stdout)


def test_the_html_page_drops_scripts_and_keeps_table_rows_apart(here):
    from ipcheck.app.plandoc import plan_text
    text = plan_text(write_plan(here, "html-gbk"))
    assert "var nav" not in text and "2030" not in text and "border" not in text
    assert "每万人口高价值发明专利拥有量（件）\t5.1\t12\t预期性\n" in text
    assert "到2025年，每万人口高价值发明专利拥有量达到12件，" in text


def test_a_docx_keeps_paragraphs_and_tables_in_document_order(here):
    from ipcheck.app.plandoc import plan_text
    text = plan_text(write_plan(here, "docx"))
    lines = text.splitlines()
    assert lines.index("表1 “十四五”知识产权主要指标") < lines.index("\t".join(TABLE[0])) < lines.index(TASKS[0])


def test_traditional_characters_become_simplified_and_simplified_text_is_left_as_written(here):
    from ipcheck.app.plandoc import plan_text, simplified
    text = plan_text(write_plan(here, "txt-traditional"))
    assert "每万人口高价值发明专利拥有量达到12件" in text and "知识产权质押融资额年均增长10%" in text
    plain = "\n".join(plan_lines()) + "\n"
    assert simplified(plain) == plain


def test_the_framework_models_each_target_by_its_kind(here):
    plan = write_plan(here, "docx")
    assert invoke("draft", plan, "--city", "haimen", "--output", "海门.yaml").exit_code == 0
    assert "framework:\n  id: haimen-2022\n" in (here / "海门.yaml").read_text(encoding="utf-8")  # city and year
    assert invoke("draft", plan, "--city", "haimen", "--output", "fw.yaml").exit_code == 0
    text = (here / "fw.yaml").read_text(encoding="utf-8")
    assert "framework:\n  id: fw\n  version: 1\n  kind: plan\n  city: haimen\n" in text  # the file's name
    assert f'source: {{file: "plan.docx", title: "{TITLE}", number: "{NUMBER}", date: 2022-03-01}}' in text
    assert "  target_year: 2025\n" in text
    assert ('check: {kind: trajectory, indicator: high_value_invention_patents_per_10k, base_year: 2020, '
            'base: "5.1件/万人", target_year: 2025, target: "12件/万人"}') in text
    assert ('check: {kind: growth, indicator: ip_pledge_financing, op: ">=", min_growth: "10%", year: 2025, '
            'base_year: 2020}') in text
    assert 'check: {kind: flow, indicator: valid_trademarks, op: ">=", target: "5000件", year: 2025}' in text
    assert "check: {kind: exists, indicator: leadership_group}" in text
    # the quote is a comment right above its criterion, the lead unit is the one the task names
    block = text.split("# 原文：（二）实施商标品牌战略")[1].split("\n\n")[0]
    assert 'lead_unit: "区市场监管局"' in block and 'clause: "三、（二）"' in block
    # the indicator the catalogue lacks stays in the file, commented out, with the id proposed
    assert "# 未纳入（以注释保留）：指标目录中没有该指标" in text
    assert "# 建议的指标代码：trademarks_per_100_enterprises" in text
    assert "#   check: {kind: threshold, indicator: trademarks_per_100_enterprises" in text
    # the mechanism without an indicator is listed, not checked
    assert "#  - 建立知识产权快速维权机制（三、（三）） 区人民法院" not in text
    assert "# - 建立知识产权快速维权机制（三、（三）） 区人民法院" in text
    assert "2项" not in text and "1项目标在框架中以注释保留" in invoke(
        "draft", plan, "--city", "haimen", "--output", "fw2.yaml").stderr


def test_the_same_document_drafts_the_same_bytes(here):
    plan = write_plan(here, "pdf")
    (here / "a").mkdir()
    assert invoke("draft", plan, "--city", "haimen", "--output", "a/fw.yaml", "--xlsx", "a.xlsx").exit_code == 0
    assert invoke("draft", plan, "--city", "haimen", "--output", "fw.yaml").exit_code == 0
    assert (here / "a" / "fw.yaml").read_bytes() == (here / "fw.yaml").read_bytes()


def test_json_gives_the_targets_and_mechanisms_as_data(here):
    plan = write_plan(here, "html-gbk")
    r = invoke("draft", plan, "--city", "haimen", "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    first = data["targets"][0]
    assert {k: first[k] for k in ("name", "indicator", "value", "unit", "comparison", "year", "base_value",
                                  "base_year", "kind", "nature", "clause", "lead_unit", "review", "incomplete")} == {
        "name": "每万人口高价值发明专利拥有量", "indicator": "high_value_invention_patents_per_10k", "value": "12",
        "unit": "件/万人", "comparison": ">=", "year": 2025, "base_value": "5.1", "base_year": 2020,
        "kind": "per_capita", "nature": "expected", "clause": "二、表1", "lead_unit": "区市场监管局", "review": [],
        "incomplete": False}
    assert first["quote"] == "\t".join(TABLE[1])
    assert data["targets"][2]["review"] == ["review.indicator_not_in_catalogue"]
    assert data["mechanisms"][0] == {"text": "健全知识产权工作领导小组", "indicator": "leadership_group",
                                     "clause": "三、（一）", "lead_unit": "区市场监管局", "quote": TASKS[1]}
    assert not list(here.glob("*.yaml"))  # nothing written without --output


def test_the_summary_speaks_the_users_language_and_shows_an_unknown_review_code(here, monkeypatch):
    plan = write_plan(here, "txt-gb18030")
    zh = invoke("draft", plan, "--city", "haimen").stdout
    assert "共5项目标，4项对应到指标目录，1项待核对；机制类任务2项" in zh
    assert "待核对：每百户企业注册商标拥有量（二、表1）：指标目录中没有该指标" in zh
    assert "下一步" in zh and "Next" not in zh

    def odd(text, cat):
        reading = stand_in(text, cat)
        t = reading.targets[0]
        odd = {**t.__dict__, "review": ("review.new_reason", "review.unit_unclear"), "year": None}
        return PlanReading(reading.document, (Target(**odd),))
    monkeypatch.setattr(planread, "read_plan", odd)
    en = invoke("draft", plan, "--city", "haimen", "--lang", "en").stdout
    assert "1 targets, 1 matched to the catalogue, 1 to review" in en
    assert "review.new_reason; unit unclear; year not stated" in en


# ---------------------------------------------------------------- the review workbook

def test_workbook_round_trip_changes_only_the_criterion_edited(here):
    import openpyxl
    plan = write_plan(here, "docx")
    (here / "direct").mkdir()
    assert invoke("draft", plan, "--city", "haimen", "--output", "direct/haimen-2022.yaml", "--xlsx",
                  "targets.xlsx").exit_code == 0
    wb = openpyxl.load_workbook(here / "targets.xlsx")
    ws = wb["指标"]
    assert [c.value for c in ws[1]] == ["指标", "对应目录指标", "基期值", "基期年", "目标值", "单位", "目标年", "比较",
                                        "类型", "牵头单位", "条款", "原文", "备注"]
    assert [c.value for c in ws[3]][:9] == ["有效注册商标", "valid_trademarks 有效注册商标量", 3.1, 2020, 5.2, "万件",
                                            2025, "不低于", "存量"]
    assert ws["B4"].value == "trademarks_per_100_enterprises（建议新增）"
    assert "指标目录中没有该指标" in ws["M4"].value
    lists = ws.data_validations.dataValidation
    assert any("B2" in str(dv.sqref) and "目录" in dv.formula1 for dv in lists)
    assert wb["机制"]["B2"].value == "leadership_group 知识产权工作领导小组"
    # the analyst raises one target, as a person would in a spreadsheet program
    ws["E3"] = 6
    wb.save(here / "targets.xlsx")
    r = invoke("draft", "--from", "targets.xlsx", "--city", "haimen", "--output", "haimen-2022.yaml")
    assert r.exit_code == 0, r.output
    assert invoke("validate", "haimen-2022.yaml").exit_code == 0
    assert invoke("test", "haimen-2022.yaml").exit_code == 0
    direct = (here / "direct" / "haimen-2022.yaml").read_text(encoding="utf-8").split("\n\n")
    reviewed = (here / "haimen-2022.yaml").read_text(encoding="utf-8").split("\n\n")
    changed = [(a, b) for a, b in zip(direct, reviewed) if a != b]
    assert len(direct) == len(reviewed) and len(changed) == 1
    assert 'target: "5.2万件"' in changed[0][0] and 'target: "6万件"' in changed[0][1]
    assert "indicator: valid_trademarks" in changed[0][1]
    # the same workbook read again gives the same file
    (here / "again").mkdir()
    assert invoke("draft", "--from", "targets.xlsx", "--city", "haimen", "--output",
                  "again/haimen-2022.yaml").exit_code == 0
    assert (here / "again" / "haimen-2022.yaml").read_bytes() == (here / "haimen-2022.yaml").read_bytes()


def test_text_from_a_document_is_never_a_formula_in_the_workbook(here, monkeypatch, catalogue):
    import openpyxl
    from ipcheck.app.draftbook import workbook_bytes
    t = FOUND[0][1]
    reading = PlanReading(Document(title="=HYPERLINK(\"http://x\")"),
                          (Target(**{**t.__dict__, "name": "=1+1", "quote": "+SUM(A1:A3)", "lead_unit": "@x"}),))
    (here / "w.xlsx").write_bytes(workbook_bytes(reading, "haimen", "p.txt", catalogue, [""]))
    wb = openpyxl.load_workbook(here / "w.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    assert wb["指标"]["A2"].value == "=1+1"


def _reviewed(here, edit) -> Path:
    import openpyxl
    plan = write_plan(here, "txt-gb18030")
    r = invoke("draft", plan, "--city", "haimen", "--xlsx", "targets.xlsx")
    assert r.exit_code == 0 and r.stdout.endswith(
        "下一步：对照原文核对 targets.xlsx，然后：ipcheck draft --from targets.xlsx --city haimen --output 框架.yaml\n")
    wb = openpyxl.load_workbook(here / "targets.xlsx")
    edit(wb)
    wb.save(here / "targets.xlsx")
    return here / "targets.xlsx"


def _set(ref: str, value, sheet="指标"):
    def edit(wb):
        wb[sheet][ref] = value
    return edit


def _merge(wb):
    wb["指标"].merge_cells("J2:J3")


def _extra_sheet(wb):
    wb.create_sheet("我的备注")["A1"] = "核对人：张三"


BAD_WORKBOOKS = [
    ("formula", _set("E3", "=5+0.2"), "targets.xlsx!指标!E3: a formula; type the value itself"),
    ("merged", _merge, "targets.xlsx!指标!J2:J3: merged cells; unmerge them"),
    ("renamed header", _set("E1", "2025年目标"), "targets.xlsx!指标!E1: header '2025年目标' should be '目标值'"),
    ("extra sheet", _extra_sheet, "targets.xlsx!我的备注: a sheet the workbook did not have"),
    ("about", _set("E2", "约12"), "targets.xlsx!指标!E2: '约12' is an approximate figure"),
    ("qualifier", _set("E2", "12件以上"), "targets.xlsx!指标!E2: '12件以上': the comparison (以上) goes in 比较; type "
                                            "the number alone, e.g. 12"),
    ("year", _set("G2", "二五年"), "targets.xlsx!指标!G2: '二五年' is not a year"),
    ("unknown indicator", _set("B2", "valid_trademark"), "targets.xlsx!指标!B2: 'valid_trademark' is not an indicator "
                                                         "of the catalogue; choose one from the list (did you mean "
                                                         "'valid_trademarks'?)"),
    ("comparison", _set("H2", "大于等于"), "targets.xlsx!指标!H2: '大于等于' is not a comparison"),
    ("another city", _set("B2", "nantong", "文件"), "targets.xlsx!文件!B2: the workbook was drafted for 'nantong'"),
]


@pytest.mark.parametrize("edit, line", [b[1:] for b in BAD_WORKBOOKS], ids=[b[0] for b in BAD_WORKBOOKS])
def test_a_bad_workbook_is_one_line_per_cell_and_nothing_is_written(here, edit, line):
    book = _reviewed(here, edit)
    r = invoke("draft", "--from", book.name, "--city", "haimen", "--output", "fw.yaml", "--lang", "en")
    assert r.exit_code == 2
    assert line in r.stderr, r.stderr
    assert all(x.startswith("ipcheck: targets.xlsx!") for x in r.stderr.splitlines()), r.stderr
    assert "Traceback" not in r.output and not (here / "fw.yaml").exists()


BAD_WORKBOOKS_ZH = {
    "formula": "targets.xlsx!指标!E3：这是公式，请直接填写数值",
    "renamed header": "targets.xlsx!指标!E1：表头 '2025年目标' 应为 '目标值'",
    "qualifier": "targets.xlsx!指标!E2：'12件以上'：比较词（以上）请填在“比较”列，这里只填数字，如 12",
    "unknown indicator": "targets.xlsx!指标!B2：'valid_trademark' 不是指标目录中的指标，请从列表中选择（是否应为 "
                         "'valid_trademarks'？）",
    "comparison": "targets.xlsx!指标!H2：'大于等于' 不是比较方式，请选择：不低于、",
    "another city": "targets.xlsx!文件!B2：该工作簿是为 'nantong' 起草的，不是 'haimen'（--city）",
}


@pytest.mark.parametrize("name", sorted(BAD_WORKBOOKS_ZH))
def test_a_bad_workbook_is_said_in_chinese_by_default(here, name):
    edit = next(b[1] for b in BAD_WORKBOOKS if b[0] == name)
    book = _reviewed(here, edit)
    r = invoke("draft", "--from", book.name, "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2
    assert BAD_WORKBOOKS_ZH[name] in r.stderr, r.stderr
    assert not (here / "fw.yaml").exists()


def test_a_workbook_with_every_problem_names_each_cell(here):
    def edit(wb):
        wb["指标"]["E2"] = "约12"
        wb["指标"]["E3"] = "1.2万件以上"
        wb["指标"]["D4"] = "二〇二〇"
    r = invoke("draft", "--from", _reviewed(here, edit).name, "--city", "haimen", "--output", "fw.yaml")
    lines = r.stderr.splitlines()
    assert r.exit_code == 2 and len(lines) == 3
    cells = [x.removeprefix("ipcheck: ").split("：")[0] for x in lines]
    assert cells == ["targets.xlsx!指标!E2", "targets.xlsx!指标!E3", "targets.xlsx!指标!D4"]


def test_an_xls_or_damaged_workbook_is_one_line(here):
    (here / "t.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    r = invoke("draft", "--from", "t.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2 and len(r.stderr.splitlines()) == 1 and "（.xls）" in r.stderr
    (here / "u.xlsx").write_bytes(b"PK\x03\x04 not really")
    r = invoke("draft", "--from", "u.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2 and len(r.stderr.splitlines()) == 1
    assert not (here / "fw.yaml").exists()


# ---------------------------------------------------------------- bad input

def test_a_scanned_pdf_asks_for_ocr(here):
    import weasyprint
    weasyprint.HTML(string="<html><body><div style='width:500px;height:700px;background:#ccc'></div></body></html>"
                    ).write_pdf(here / "scan.pdf")
    r = invoke("draft", "scan.pdf", "--city", "haimen", "--output", "fw.yaml", "--lang", "en")
    assert r.exit_code == 2
    assert r.stderr == "ipcheck: scan.pdf:0:0: no text layer: run OCR first (a scanned PDF holds pictures of pages)\n"
    assert not (here / "fw.yaml").exists()


@pytest.mark.parametrize("name, data, words", [
    ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "旧版Word（.doc）或WPS文件"),
    ("plan.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "旧版Word（.doc）或WPS文件"),
    ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000, "旧版Word（.doc）或WPS文件"),
    ("plan.txt", bytes(range(128, 256)) * 40, "无法判断文本编码"),
    ("plan.pdf", b"%PDF-1.7\n garbage", "不是可读取的PDF文件"),
    ("plan.odt", b"PK\x03\x04", "旧版Word（.doc）或WPS文件"),
    ("plan.xml", b"<a/>", "不是可读取的规划文件"),
])
def test_a_file_that_is_not_a_readable_plan_is_one_line_in_chinese(here, name, data, words):
    (here / name).write_bytes(data)
    r = invoke("draft", name, "--city", "haimen", "--output", "fw.yaml", "--xlsx", "t.xlsx")
    assert r.exit_code == 2
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith(f"ipcheck: {name}:0:0: ") and words in r.stderr
    assert not list(here.glob("fw.yaml")) and not list(here.glob("t.xlsx"))


def test_a_50_mb_file_is_refused_before_it_is_read(here):
    with open(here / "plan.pdf", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    r = invoke("draft", "plan.pdf", "--city", "haimen", "--output", "fw.yaml", "--lang", "en")
    assert r.exit_code == 2
    assert "plan.pdf:0:0: file is 52,428,800 bytes; a plan document is far smaller" in r.stderr
    assert not (here / "fw.yaml").exists()


def test_a_page_that_is_not_a_plan_finds_no_target(here):
    (here / "news.html").write_bytes('<html><head><meta charset="gb2312"></head><body><p>区领导调研企业知识产权工作，'
                                     '听取汇报并提出要求。</p></body></html>'.encode("gb2312"))
    r = invoke("draft", "news.html", "--city", "haimen", "--output", "fw.yaml", "--lang", "en")
    assert r.exit_code == 1
    assert r.stderr == ("ipcheck: news.html: no target found: the document sets no quantitative target "
                        "ipcheck can read\n")
    assert not (here / "fw.yaml").exists()


def test_an_existing_framework_is_overwritten_only_with_force(here):
    plan = write_plan(here, "docx")
    (here / "fw.yaml").write_text("# the analyst's own edits\n", encoding="utf-8")
    r = invoke("draft", plan, "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2 and r.stderr == "ipcheck: fw.yaml: 文件已存在；加 --force 才会覆盖\n"
    assert (here / "fw.yaml").read_text(encoding="utf-8") == "# the analyst's own edits\n"
    (here / "t.xlsx").write_bytes(b"reviewed")
    r = invoke("draft", plan, "--city", "haimen", "--xlsx", "t.xlsx")
    assert r.exit_code == 2 and r.stderr == "ipcheck: t.xlsx: 文件已存在；加 --force 才会覆盖\n"
    assert (here / "t.xlsx").read_bytes() == b"reviewed"
    r = invoke("draft", plan, "--city", "haimen", "--output", "fw.yaml", "--force")
    assert r.exit_code == 0 and "kind: plan" in (here / "fw.yaml").read_text(encoding="utf-8")


def test_the_output_cannot_be_the_input(here):
    book = _reviewed(here, lambda wb: None)
    r = invoke("draft", "--from", book.name, "--city", "haimen", "--xlsx", book.name, "--force")
    assert r.exit_code == 2 and "是本命令的输入文件，拒绝覆盖" in r.stderr


def test_usage_mistakes_are_one_line(here):
    plan = write_plan(here, "docx")
    assert invoke("draft", plan, "--city", "海门").exit_code == 2
    r = invoke("draft", plan, "--from", "x.xlsx", "--city", "haimen")
    assert r.exit_code == 2 and len(r.stderr.splitlines()) == 1
    r = invoke("draft", "--city", "haimen", "--lang", "en")
    assert r.exit_code == 2 and "give a plan document (or --from TARGETS.xlsx)" in r.stderr


def test_a_target_the_catalogue_cannot_hold_stays_commented_and_is_named_in_the_summary(here, monkeypatch):
    def misread(text, cat):
        reading = stand_in(text, cat)
        wrong = [Target(**{**reading.targets[1].__dict__, "unit": "亿元", "value": D("5.2"), "value_text": "5.2亿元"}),
                 Target(**{**reading.targets[3].__dict__, "unit": "件", "value_text": "10件"})]
        return PlanReading(reading.document, tuple(wrong) + reading.targets[:1], reading.mechanisms)
    monkeypatch.setattr(planread, "read_plan", misread)
    r = invoke("draft", write_plan(here, "docx"), "--city", "haimen", "--output", "fw.yaml", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "3 targets, 3 matched to the catalogue, 2 to review" in r.stdout
    review = [x for x in r.stdout.splitlines() if x.startswith("  to review: ")]
    assert review[0].startswith("  to review: 有效注册商标 (二、表1): ") and "亿元" in review[0]
    assert review[1] == "  to review: 知识产权质押融资额 (二): its unit does not fit the indicator's (%)"
    assert "2 target(s) left commented out" in r.stderr
    text = (here / "fw.yaml").read_text(encoding="utf-8")
    assert "  # - id: HA-x01\n" in text and "  # - id: HA-x02\n" in text and "  - id: HA-01\n" in text
    assert invoke("validate", "fw.yaml").exit_code == 0 and invoke("test", "fw.yaml").exit_code == 0


def test_a_row_the_analyst_adds_becomes_a_criterion_and_a_cleared_row_goes(here):
    def edit(wb):
        ws = wb["指标"]
        for col in "ABCDEFGHIJKLM":
            ws[f"{col}3"] = None  # the trademark target was misread: cleared
        row = ["PCT国际专利申请量", "pct_applications PCT国际专利申请量", None, None, 120, "件", 2025, "不低于",
               "年度流量", "区科技局", "三、（四）", "PCT国际专利申请量达到120件", "读取时漏掉，人工补充"]
        for col, v in zip("ABCDEFGHIJKLM", row):
            ws[f"{col}7"] = v
    _reviewed(here, edit)
    r = invoke("draft", "--from", "targets.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 0, r.output
    text = (here / "fw.yaml").read_text(encoding="utf-8")
    assert 'check: {kind: threshold, indicator: pct_applications, op: ">=", target: "120件", year: 2025}' in text
    assert "# 原文：PCT国际专利申请量达到120件\n" in text and 'lead_unit: "区科技局"' in text
    assert "indicator: valid_trademarks, base_year" not in text
    assert invoke("validate", "fw.yaml").exit_code == 0 and invoke("test", "fw.yaml").exit_code == 0


@pytest.mark.parametrize("meta", ["", '<meta charset="utf-8">'], ids=["no charset", "a wrong charset"])
def test_a_gbk_page_without_a_true_charset_is_decoded_by_the_detector(here, meta):
    from ipcheck.app.plandoc import plan_text
    page = plan_html("gbk").replace('<meta http-equiv="Content-Type" content="text/html; charset=gbk">', meta)
    (here / "p.htm").write_bytes(page.encode("gb18030"))
    text = plan_text(here / "p.htm")
    assert "到2025年，每万人口高价值发明专利拥有量达到12件，" in text and TASKS[1] in text


def _t(name, ind, value, unit, year=2025, **kw):
    return Target(name, ind, D(value), f"{value}{unit}", unit, kw.pop("comparison", ">="), year, **kw)


KINDS = [
    (_t("专利密集型产业增加值占GDP比重", "patent_intensive_industries_gdp_share", "13", "%", kind="share"),
     'check: {kind: threshold, indicator: patent_intensive_industries_gdp_share, op: ">=", target: "13%", year: 2025}'),
    (_t("知识产权保护社会满意度", "public_satisfaction_ip_protection_score", "82", "分", kind="score", comparison=">"),
     'check: {kind: threshold, indicator: public_satisfaction_ip_protection_score, op: ">", target: "82分", '
     'year: 2025}'),
    (_t("知识产权维权周期", "rights_protection_cycle_days", "30", "天", comparison="<="),
     'check: {kind: threshold, indicator: rights_protection_cycle_days, op: "<=", target: "30天", year: 2025}'),
    (_t("专项执法行动", "enforcement_campaigns", "3", "次", kind="added"),
     'check: {kind: count, indicator: enforcement_campaigns, op: ">=", target: "3次", year: 2025}'),
    (_t("PCT国际专利申请量", "pct_applications", "650", "件", kind="growth", year=None),
     None),  # growth given in 件: its unit does not fit a growth rate
    (_t("PCT国际专利申请量增长", "pct_applications", "15", "%", kind="growth", year=2024),
     'check: {kind: growth, indicator: pct_applications, op: ">=", min_growth: "15%", year: 2024}'),
    (_t("新增有效发明专利", "valid_invention_patents", "6000", "件", kind="added", base_value=D(30000),
        base_year=2020), 'check: {kind: threshold, indicator: valid_invention_patents, op: ">=", target: "36000件", '
                         'year: 2025, baseline: "30000件"}'),
    (_t("累计新增有效发明专利", "valid_invention_patents", "6000", "件", kind="added"), None),  # no base
    (_t("版权登记量", "copyright_registrations", "4500", "件", year=None),
     'check: {kind: threshold, indicator: copyright_registrations, op: ">=", target: "4500件"}'),
    (_t("商标品牌指导站", "trademark_brand_guidance_stations", "1", "个", comparison="range", upper=D(2)),
     'check: {kind: threshold, indicator: trademark_brand_guidance_stations, op: ">=", target: "1个", year: 2025}'),
]


@pytest.mark.parametrize("target, check", KINDS, ids=[k[0].name + ("" if k[1] else " (left out)") for k in KINDS])
def test_each_kind_of_target_drafts_its_check(here, catalogue, library, target, check):
    from ipcheck.app.draftframe import categories_from, draft_framework
    anchor = _t("有效注册商标", "valid_trademarks", "5.2", "万件")
    reading = PlanReading(Document(title=TITLE, date="2022-03-01"), (target, anchor))
    drafted = draft_framework(reading, "haimen", catalogue, categories_from(library), "plan.txt", "en")
    (here / "fw.yaml").write_text(drafted.text, encoding="utf-8")
    if check is None:
        assert [t for t, _ in drafted.commented] == [target]
        assert "  # left out (commented): " in drafted.text
    else:
        assert drafted.commented == [] and f"    {check}\n" in drafted.text
    assert invoke("validate", "fw.yaml").exit_code == 0
    t = invoke("test", "fw.yaml")
    assert t.exit_code == 0 and "，未通过 0 项" in t.stdout


def test_a_generated_example_the_engine_does_not_bear_out_is_dropped_and_a_failing_target_left_out(catalogue):
    from ipcheck.app.draftframe import Criterion, _check_all
    header = ("framework:\n  id: t\n  version: 1\n  kind: plan\n  city: haimen\n  title: {zh: t, en: t}\n"
              "  issuer: x\n  source: {file: p.txt, title: t}\n  target_year: 2025\n"
              "  thresholds: {ready: 85, nearly_ready: 60}\n  coverage_floor: 0.5\n")

    def crit(examples):
        return Criterion([], "valid_trademarks", lang="en", lines=[
            "  - id: <id>", "    title: {zh: t, en: t}", "    category: creation", "    clause: c", "    lead_unit: u",
            '    check: {kind: threshold, indicator: valid_trademarks, target: "100件"}', "    examples:",
            *[f"      - {{year: 2025, facts: {{valid_trademarks: {{2025: {v}}}}}, expect: {e}}}" for v, e in examples]])
    wrong_partial = crit([(100, "pass"), (50, "fail"), (0, "fail")])
    wrong_target = crit([(10, "pass"), (0, "fail")])
    _check_all(header, [wrong_partial, wrong_target], catalogue)
    assert wrong_partial.why_not is None
    assert [x for x in wrong_partial.lines if "facts" in x] == [
        "      - {year: 2025, facts: {valid_trademarks: {2025: 100}}, expect: pass}",
        "      - {year: 2025, facts: {valid_trademarks: {2025: 0}}, expect: fail}"]
    assert wrong_target.why_not == "the target itself does not pass its check (partial): check the figures"


def test_a_percentage_typed_into_a_value_cell_is_read_as_the_percentage(here):
    def edit(wb):
        ws = wb["指标"]
        name = "专利密集型产业增加值占GDP比重"
        row = [name, f"patent_intensive_industries_gdp_share {name}", 0.11, 2020, 0.13, "%", 2025, "不低于", "占比"]
        for col, v in zip("ABCDEFGHIJKLM", row):
            ws[f"{col}7"] = v
        ws["C7"].number_format = ws["E7"].number_format = "0%"  # 13% typed in Excel: 0.13, shown as 13%
    _reviewed(here, edit)
    r = invoke("draft", "--from", "targets.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 0, r.output
    assert ('check: {kind: trajectory, indicator: patent_intensive_industries_gdp_share, base_year: 2020, '
            'base: "11%", target_year: 2025, target: "13%"}') in (here / "fw.yaml").read_text(encoding="utf-8")


def test_blank_fields_of_a_reading_get_words_saying_they_are_missing(here, catalogue, library):
    from ipcheck.app.draftframe import categories_from, draft_framework
    t = _t("有效注册商标", "valid_trademarks", "5.2", "万件", clause=" \t", lead_unit="\n")
    m = Mechanism(" ", "leadership_group", clause="", lead_unit=" ")
    reading = PlanReading(Document(title=" ", issuer="\u3000", number=" "), (t,), (m,))
    text = draft_framework(reading, "haimen", catalogue, categories_from(library), "plan.txt", "en").text
    # an unknown title or issuer is left out, with what to write there: never a placeholder standing as a title
    assert '  title: {zh: "根据 plan.txt 起草的框架", en: "haimen plan drafted from plan.txt"}' in text
    assert '  source: {file: "plan.txt"}' in text and "number:" not in text and "\n  issuer:" not in text
    assert "  # the issuer was not found: write issuer:" in text and "  # the document's title was not found:" in text
    assert text.count('clause: "clause not stated"') == 2
    assert text.count('lead_unit: "lead unit not named in the document"') == 2
    (here / "fw.yaml").write_text(text, encoding="utf-8")
    r = invoke("validate", "--lang", "en", "fw.yaml")
    assert r.exit_code == 0
    warned = [line for line in r.output.splitlines() if "warning:" in line]
    assert [line.split(": warning: ")[1].split(":")[0] for line in warned] == [
        "the framework's title is still the one the draft made up", "the source document's title is not stated",
        "the issuer is not stated"], r.output
    assert all(line.startswith("ipcheck: fw.yaml:") for line in warned)


def test_a_pdf_line_wrapped_by_the_layout_rejoins_its_paragraph_but_a_numbered_item_does_not():
    from ipcheck.app.plandoc import _joined
    lines = [("到2025年，有效注册商标达到5.2万件以", True, False), ("上。", False, False),
             ("各单位要加强组织领导，确保各项任务落到实处，按期完成规划确定的", True, False),
             ("目标任务。", False, False), ("全面加强知识产权保护，健全知识产权保护工作体系，完善", True, False),
             ("（一）健全工作机制。", True, False), ("1.2万件以上的目标", False, False), ("表1", True, False),
             ("指标\t2025年", False, True)]
    assert _joined(lines).split("\n") == [
        "到2025年，有效注册商标达到5.2万件以上。",
        "各单位要加强组织领导，确保各项任务落到实处，按期完成规划确定的目标任务。",
        "全面加强知识产权保护，健全知识产权保护工作体系，完善",
        "（一）健全工作机制。1.2万件以上的目标", "表1", "指标\t2025年"]


def test_every_reason_the_reader_gives_for_a_review_has_words_in_both_languages():
    from ipcheck.engine.planread import REVIEW_CODES
    from ipcheck.reports.words import PHRASES
    missing = [code for code in REVIEW_CODES if code not in PHRASES or not all(PHRASES[code])]
    assert missing == []


def test_values_typed_as_text_are_read_as_import_reads_them(here):
    def edit(wb):
        wb["指标"]["E3"] = "5.2"       # a number stored as text
        wb["指标"]["G3"] = "2025年"    # a year with its 年
        wb["指标"]["C3"] = "1.2万"     # a base with its multiplier, in the row's unit
    r = invoke("draft", "--from", _reviewed(here, edit).name, "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 0, r.output
    text = (here / "fw.yaml").read_text(encoding="utf-8")
    # 1.2万 in a row whose unit is 万件 is 1.2万件 (10^4 items each way), as a fact file reads it
    assert ('check: {kind: trajectory, indicator: valid_trademarks, base_year: 2020, base: "1.2万件", '
            'target_year: 2025, target: "5.2万件"}') in text
    assert invoke("validate", "fw.yaml").exit_code == 0 and invoke("test", "fw.yaml").exit_code == 0
