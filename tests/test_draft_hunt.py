"""Hostile and odd input to `ipcheck draft`, the review workbook, `--framework FILE` and `--criteria DIR`.

Each test is a finding of the draft hunt: a document, workbook or folder shaped the way real ones
are (a government page laid out in a table, a plan copied from a web page with zero-width spaces,
a reader who names the same plan twice) that gave a traceback, a wrong reading or a message that
did not name the file. The real plan reader reads every document here (no stand-in).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

TITLE = "海门区“十四五”知识产权发展规划"
PROSE = ["二、主要目标",
         "到2025年，每万人口高价值发明专利拥有量达到12件。"]
TABLE = [["指标", "2020年基期值", "2025年目标值", "属性"],
         ["有效注册商标（万件）", "3.1", "5.2", "预期性"],
         ["知识产权质押融资额（亿元）", "10", "30", "预期性"],
         ["PCT国际专利申请量（件）", "20", "60", "预期性"]]
TASKS = ["三、重点任务", "（一）健全知识产权工作领导小组，统筹全区知识产权工作。（牵头单位：区市场监管局）"]


@pytest.fixture()
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def one_line(r, name: str, words: str, code: int = 2) -> None:
    """The run failed with exit code `code` and one line naming the file `name` and saying `words`."""
    assert r.exit_code == code, (r.exit_code, r.output)
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    place = lines[0].replace("：", ": ", 1) if name.endswith(": ") else lines[0]  # (a Chinese line's colon is "：")
    assert place.startswith(f"ipcheck: {name}"), lines[0]
    assert words in lines[0], lines[0]


def reading(plan) -> dict:
    r = invoke("draft", plan, "--city", "haimen", "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def figures(data: dict) -> set[tuple[str | None, str, str | None]]:
    return {(t["indicator"], t["value"], t["base_value"]) for t in data["targets"]}


def table_html() -> str:
    rows = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in r) + "</tr>" for r in TABLE)
    return f'<table border="1">{rows}</table>'


# ---------------------------------------------------------------- saved pages

def test_a_page_laid_out_in_a_table_keeps_its_paragraphs_and_its_table_of_targets(here):
    # many government sites put the whole article in one cell of a layout table
    body = (f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "<p>表1 主要指标</p>" + table_html()
            + "".join(f"<p>{p}</p>" for p in TASKS))
    page = (f'<html><head><meta charset="gbk"><title>{TITLE}</title></head><body><table width="100%">'
            f'<tr><td>首页 &gt; 政策文件</td><td>字号：大 中 小</td></tr><tr><td colspan="2">{body}</td></tr>'
            "</table></body></html>")
    (here / "plan.html").write_bytes(page.encode("gbk"))
    data = reading("plan.html")
    found = figures(data)
    assert ("valid_trademarks", "5.2", "3.1") in found and ("ip_pledge_financing", "30", "10") in found
    assert ("high_value_invention_patents_per_10k", "12", None) in found
    assert [m["indicator"] for m in data["mechanisms"]] == ["leadership_group"]


def test_a_page_nested_thousands_of_elements_deep_is_read(here):
    # an exported page of wrapper <div>s (or a hostile one) once ran the page walker out of stack
    (here / "plan.html").write_text(f"<html><body><h1>{TITLE}</h1>" + "<div>" * 5000 + f"<p>{PROSE[1]}</p>"
                                    + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    assert ("high_value_invention_patents_per_10k", "12", None) in figures(reading("plan.html"))


# ---------------------------------------------------------------- characters that show nothing

def test_invisible_characters_copied_from_a_page_do_not_stop_a_target(here):
    # a GB18030 text with its byte-order mark, a zero-width space and a bidi override inside a target,
    # a form feed between pages: the framework is written and loads; no invisible character is kept
    text = (f"{TITLE}\r\n{PROSE[0]}\r\n到2025年，每万人口高价值\u200b发明专利拥有量达到1\u200b2件。\x0c"
            "有效注册商标\u202e达到5.2万件以上。\r\n\x1b]0;title\x07" + "\r\n".join(TASKS))
    (here / "plan.txt").write_bytes(b"\x84\x31\x95\x33" + text.encode("gb18030"))
    r = invoke("draft", "plan.txt", "--city", "haimen", "--output", "haimen-2025.yaml")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == TITLE
    assert "\x1b" not in r.stdout
    written = (here / "haimen-2025.yaml").read_text(encoding="utf-8")
    assert "达到12件" in written and 'target: "12件"' in written and 'target: "5.2万件"' in written
    assert not any(c in written for c in "\ufeff\u200b\u202e\x0c\x07")
    v = invoke("validate", "haimen-2025.yaml")
    assert v.exit_code == 0, v.output


# ---------------------------------------------------------------- PDF

def _pdf(here: Path, body: str) -> None:
    import weasyprint
    weasyprint.HTML(string="<html><head><style>@page { size: A4; margin: 2cm } body { font-size: 11pt } "
                    ".cols { column-count: 2; column-gap: 1cm } p { margin: 0 0 6pt 0; text-indent: 2em } "
                    "td { padding: 2pt 16pt 2pt 0 }</style></head>"
                    f"<body><h1>{TITLE}</h1>{body}</body></html>").write_pdf(here / "plan.pdf")


def test_a_pdf_in_two_columns_is_read_column_by_column(here):
    # lines of the two columns side by side were read as one line: 12件 went to 专利授权量, 60件 to 商标
    basis = "“十三五”期间，全区知识产权工作取得明显成效，全区专利授权量稳步增长，知识产权保护体系进一步完善，" * 3
    goals = ("到2025年，每万人口高价值发明专利拥有量达到12件，有效注册商标达到5.2万件以上，"
             "知识产权质押融资额达到30亿元，PCT国际专利申请量达到60件。")
    _pdf(here, f'<div class="cols"><p>一、发展基础</p><p>{basis}</p><p>二、主要目标</p><p>{goals}</p>'
               f"<p>{TASKS[0]}</p><p>{TASKS[1]}</p></div>")
    from ipcheck.app.plandoc import plan_text
    text = plan_text(here / "plan.pdf")
    assert goals in text and text.splitlines()[0] == TITLE
    found = {(t["indicator"], t["value"]) for t in reading("plan.pdf")["targets"]}
    assert found == {("high_value_invention_patents_per_10k", "12"), ("valid_trademarks", "5.2"),
                     ("ip_pledge_financing", "30"), ("pct_applications", "60")}


def test_a_pdf_table_without_rules_keeps_a_row_per_line_and_is_not_taken_for_two_columns(here):
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE * 3)
    _pdf(here, f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p><p>表1 主要指标</p><table>{rows}</table>")
    from ipcheck.app.plandoc import plan_text
    # its rows ran on into one line (each reaches the right edge), and every target in it was lost
    lines = plan_text(here / "plan.pdf").splitlines()
    assert lines.count("有效注册商标（万件）\t3.1\t5.2\t预期性") == 3 and PROSE[1] in lines
    found = figures(reading("plan.pdf"))
    assert {("valid_trademarks", "5.2", "3.1"), ("ip_pledge_financing", "30", "10")} <= found


# ---------------------------------------------------------------- Word

def test_a_workbook_saved_with_a_docx_name_is_named_for_what_it_is(here):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active["A1"] = "每万人口高价值发明专利拥有量"
    wb.save(here / "plan.docx")
    r = invoke("draft", "plan.docx", "--city", "haimen", "--output", "fw.yaml")
    one_line(r, "plan.docx:0:0: ", "不是Word文档：它是电子表格（.xlsx）")
    assert "0x" not in r.stderr
    assert not (here / "fw.yaml").exists()
    r = invoke("draft", "plan.docx", "--city", "haimen", "--lang", "en")
    one_line(r, "plan.docx:0:0: ", "not a Word document: it is a spreadsheet (.xlsx)")


def test_a_docx_table_with_merged_cells_gives_each_row_its_figures(here):
    import docx
    d = docx.Document()
    d.add_heading(TITLE, 1)
    for p in PROSE:
        d.add_paragraph(p)
    table = d.add_table(rows=len(TABLE) + 1, cols=4)
    for i, row in enumerate(TABLE):
        for j, c in enumerate(row):
            table.cell(i, j).text = c
    table.cell(1, 3).merge(table.cell(3, 3))   # 属性 merged down the three rows
    table.cell(4, 0).merge(table.cell(4, 3)).text = "注：数据来源为区市场监管局"
    d.save(here / "plan.docx")
    found = figures(reading("plan.docx"))
    assert {("valid_trademarks", "5.2", "3.1"), ("ip_pledge_financing", "30", "10"),
            ("pct_applications", "60", "20")} <= found


def _run(tag: str, text: str):
    from docx.oxml import OxmlElement
    r, t = OxmlElement("w:r"), OxmlElement(tag)
    t.text = text
    r.append(t)
    return r


def test_a_docx_with_tracked_changes_reads_as_the_changes_accepted(here):
    # a 征求意见稿 with its revisions tracked: the inserted 12 was left out (达到件), the deleted 10 is not a target
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    d = docx.Document()
    d.add_heading(TITLE, 1)
    d.add_paragraph(PROSE[0])
    p = d.add_paragraph("到2025年，每万人口高价值发明专利拥有量达到")
    for tag, run in (("w:del", _run("w:delText", "10")), ("w:ins", _run("w:t", "12"))):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "区市场监管局")
        change.append(run)
        p._p.append(change)
    p._p.append(_run("w:t", "件，"))
    moved = OxmlElement("w:moveFrom")
    moved.append(_run("w:t", "有效注册商标达到4万件，"))
    p._p.append(moved)
    p._p.append(_run("w:t", "有效注册商标达到5.2万件以上。"))
    d.save(here / "plan.docx")
    from ipcheck.app.plandoc import plan_text
    accepted = "到2025年，每万人口高价值发明专利拥有量达到12件，有效注册商标达到5.2万件以上。"
    assert accepted in plan_text(here / "plan.docx").splitlines()
    found = {(t["indicator"], t["value"]) for t in reading("plan.docx")["targets"]}
    assert found == {("high_value_invention_patents_per_10k", "12"), ("valid_trademarks", "5.2")}


# ---------------------------------------------------------------- size

def test_a_plan_whose_every_line_is_a_target_is_refused_before_a_framework_too_big_to_load(here):
    lines = [TITLE, PROSE[0]] + [f"（{i}）到2025年，每万人口高价值发明专利拥有量达到{i}件。" for i in range(1, 3001)]
    (here / "plan.txt").write_text("\n".join(lines), encoding="utf-8")
    r = invoke("draft", "plan.txt", "--city", "haimen", "--output", "fw.yaml", "--xlsx", "t.xlsx")
    one_line(r, "plan.txt:0:0: ", "超过框架文件的上限（2,097,152字节）")
    assert "3000项目标" in r.stderr and "--xlsx" in r.stderr
    assert sorted(p.name for p in here.iterdir()) == ["plan.txt"]
    r = invoke("draft", "plan.txt", "--city", "haimen", "--xlsx", "t.xlsx")   # the workbook alone, as it says
    assert r.exit_code == 0 and (here / "t.xlsx").exists(), r.output


def test_a_framework_or_workbook_written_under_another_suffix_is_refused(here):
    # --output plan.txt wrote YAML that --framework then did not take for a file; --xlsx t.csv wrote a workbook
    (here / "plan.txt").write_text("\n".join([TITLE, *PROSE, *TASKS]), encoding="utf-8")
    (here / "out").mkdir()
    for option, name, words in (("--output", "fw.txt", "须以 .yaml 结尾"), ("--xlsx", "t.csv", "须以 .xlsx 结尾"),
                                ("--output", "out", "须以 .yaml 结尾")):
        r = invoke("draft", "plan.txt", "--city", "haimen", option, name, "--force")
        assert r.exit_code == 2 and len(r.stderr.splitlines()) == 1 and words in r.stderr, r.stderr
    (here / "fw.yaml").mkdir()
    r = invoke("draft", "plan.txt", "--city", "haimen", "--output", "fw.yaml", "--force")
    one_line(r, "fw.yaml: ", "是文件夹：请给出文件名")
    assert sorted(p.name for p in here.iterdir()) == ["fw.yaml", "out", "plan.txt"]


# ---------------------------------------------------------------- the review workbook

def test_a_figure_too_large_for_any_plan_is_one_line_naming_its_cell(here):
    import openpyxl
    (here / "plan.txt").write_text("\n".join([TITLE, *PROSE, *TASKS]), encoding="utf-8")
    assert invoke("draft", "plan.txt", "--city", "haimen", "--xlsx", "t.xlsx").exit_code == 0
    wb = openpyxl.load_workbook(here / "t.xlsx")
    wb["指标"]["E2"] = 1e300
    wb.save(here / "t.xlsx")
    r = invoke("draft", "--from", "t.xlsx", "--city", "haimen", "--output", "fw.yaml")
    one_line(r, "t.xlsx!指标!E2: ", "1e+300过大，不是规划目标的数值")
    assert not (here / "fw.yaml").exists()


def test_a_reviewed_workbook_is_checked_in_the_users_language(here):
    # every cell's problem was said in English under a Chinese summary, a date as datetime.datetime(…)
    import datetime

    import openpyxl
    (here / "plan.txt").write_text("\n".join([TITLE, *PROSE, *TASKS]), encoding="utf-8")
    assert invoke("draft", "plan.txt", "--city", "haimen", "--xlsx", "t.xlsx").exit_code == 0
    wb = openpyxl.load_workbook(here / "t.xlsx")
    wb["指标"]["E2"] = datetime.datetime(2025, 1, 1)
    wb["指标"]["H2"] = ">="
    wb["指标"]["G2"] = "=2020+5"
    wb.save(here / "t.xlsx")
    r = invoke("draft", "--from", "t.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2 and r.stderr.splitlines() == [
        "ipcheck: t.xlsx!指标!G2：这是公式，请直接填写数值"]
    wb["指标"]["G2"] = 2025
    wb.save(here / "t.xlsx")
    r = invoke("draft", "--from", "t.xlsx", "--city", "haimen", "--output", "fw.yaml")
    assert r.exit_code == 2 and r.stderr.splitlines() == [
        "ipcheck: t.xlsx!指标!E2：这里应填数字，却是 2025-01-01",
        "ipcheck: t.xlsx!指标!H2：'>=' 不是比较方式，请选择：不低于、高于、不高于、低于、等于、区间（下限）"]
    r = invoke("draft", "--from", "t.xlsx", "--city", "nantong", "--output", "fw.yaml", "--lang", "en")
    assert r.stderr == "ipcheck: t.xlsx!文件!B2: the workbook was drafted for 'haimen', not for 'nantong' (--city)\n"
    assert not (here / "fw.yaml").exists()


# ---------------------------------------------------------------- frameworks and folders of one's own

def test_a_criteria_folder_with_a_symlink_loop_is_one_line_naming_the_file(here):
    (here / "mine").mkdir()
    os.symlink("b.yaml", here / "mine" / "a.yaml")
    os.symlink("a.yaml", here / "mine" / "b.yaml")
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--criteria", "mine", "--output", "out.json")
    one_line(r, "mine/a.yaml:0:0: ", "symbolic links")
    assert not (here / "out.json").exists()


def test_a_framework_named_by_its_file_and_by_its_id_is_evaluated_once(here):
    userlib = Path(__file__).resolve().parent / "userlib"
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--framework", userlib / "my-plan.yaml",
               "--framework", "haimen-2023", "--framework", "reference", "--framework", "reference",
               "--format", "json")
    assert r.exit_code == 0, r.output
    assert [f["framework"]["id"] for f in json.loads(r.stdout)["evaluations"]] == ["haimen-2023", "reference"]


def test_a_city_file_kept_in_ones_criteria_folder_is_not_read_as_a_framework(here):
    # the natural folder for a district: its plan, its indicators and its fact file together
    userlib = Path(__file__).resolve().parent / "userlib"
    mine = here / "haimen"
    mine.mkdir()
    for f in userlib.iterdir():
        (mine / f.name).write_bytes(f.read_bytes())
    (mine / "haimen.yaml").write_bytes((CITIES / "ningbo.yaml").read_bytes().replace(b"id: ningbo", b"id: haimen", 1))
    r = invoke("evaluate", mine / "haimen.yaml", "--criteria", mine, "--format", "json")
    assert r.exit_code == 0, r.output
    assert [e["framework"]["id"] for e in json.loads(r.stdout)["evaluations"]] == ["haimen-2023", "reference"]
    (mine / "notes.yaml").write_text("note: 一份不是框架的文件\n", encoding="utf-8")   # anything else is still said
    r = invoke("criteria", "--criteria", mine)
    assert r.exit_code == 2 and "notes.yaml:1:1" in r.stderr


# ---------------------------------------------------------------- number reading (w24perf's), not fixed here

def _one_target(here, sentence: str) -> list[dict]:
    (here / "plan.txt").write_text("\n".join([TITLE, PROSE[0], sentence]), encoding="utf-8")
    r = invoke("draft", "plan.txt", "--city", "haimen", "--format", "json")
    return json.loads(r.stdout)["targets"] if r.exit_code == 0 else []


def test_a_figure_in_thousands_is_read_as_its_number(here):
    """5千件 is 5000件 (it was read as 5 in 千件, a unit ipcheck does not know, and the target was left out)."""
    targets = _one_target(here, "到2025年，有效注册商标超过5千件。")
    assert [(t["value"], t["unit"]) for t in targets] == [("5000", "件")]


def test_a_per_mille_target_is_found(here):
    """5‰ is a share, found and kept as written (it was not read at all: the target was silently missed)."""
    targets = _one_target(here, "到2025年，专利密集型产业增加值占GDP比重达到5‰。")
    assert [(t["indicator"], t["value"], t["unit"], t["kind"]) for t in targets] == [
        ("patent_intensive_industries_gdp_share", "5", "‰", "share")]
    # the framework drafted from it holds the target as written, and the engine reads 5‰ as 0.5%
    assert invoke("draft", "plan.txt", "--city", "haimen", "--output", "haimen-2025.yaml").exit_code == 0
    assert 'target: "5‰"' in (here / "haimen-2025.yaml").read_text(encoding="utf-8")
    r = invoke("test", "haimen-2025.yaml")
    assert r.exit_code == 0 and "未通过 0 项" in r.stdout, r.output


def test_a_target_to_double_is_found(here):
    """翻一番 over 2020's figure is growth of 100% (it was silently missed)."""
    targets = _one_target(here, "到2025年，知识产权质押融资额较2020年翻一番。")
    assert [(t["name"], t["indicator"], t["kind"], t["value"], t["unit"], t["base_year"], t["year"])
            for t in targets] == [("知识产权质押融资额", "ip_pledge_financing", "growth", "100", "%", 2020, 2025)]
    quadrupled = _one_target(here, "到2025年，专利授权量比2020年翻两番。")
    assert [(t["kind"], t["value"]) for t in quadrupled] == [("growth", "300")]


def test_a_table_cell_with_a_note_under_its_figure_is_read(here):
    """A value cell with its nature under the figure (5.2<br>（预期性）) reads 5.2 (the row was silently missed)."""
    rows = [TABLE[0], ["有效注册商标（万件）", "3.1", "5.2<br>（预期性）", ""], TABLE[2]]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    (here / "plan.html").write_text(f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>'
                                    f"<p>{PROSE[0]}</p><table>{cells}</table></body></html>", encoding="utf-8")
    assert ("valid_trademarks", "5.2", "3.1") in figures(reading("plan.html"))


def wenzhou_page() -> str:
    """Wenzhou's work plan page (tests/plans/wenzhou-2022.txt, the opening of its page as stored) saved as
    .html: the metadata table as the site lays it out, two fields a row, then the plan's paragraphs."""
    text = (Path(__file__).parent / "plans" / "wenzhou-2022.txt").read_text(encoding="utf-8").split("\n")[1:]
    rows = [[c.strip() for c in line.split("|")] for line in text[:4]]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r if c) + "</tr>" for r in rows)
    paras = "".join(f"<p>{p}</p>" for p in text[4:] if p.strip())
    return (f'<html><head><meta charset="utf-8"><title>温州市市场监督管理局</title></head><body>'
            f'<table class="xxgk">{table}</table><div class="article">{paras}</div></body></html>')


def test_a_page_s_metadata_table_reaches_the_framework_and_an_unknown_title_is_no_title(here):
    (here / "wenzhou.html").write_text(wenzhou_page(), encoding="utf-8")
    r = invoke("draft", "wenzhou.html", "--city", "ningbo", "--output", "wz.yaml")
    assert r.exit_code == 0, r.output
    assert "文件中未读出：标题（请照原文补入框架，validate 会提示）" in r.stdout.splitlines()  # the issuer was read
    text = (here / "wz.yaml").read_text(encoding="utf-8")
    head = text.split("criteria:")[0]
    assert '  issuer: "温州市市场监督管理局"' in head
    assert '  source: {file: "wenzhou.html", number: "温政办〔2022〕73号", date: 2022-10-11}' in head
    assert "未识别出标题：" in head and "未识别出标题\"" not in head  # said as a comment, never written as the title
    r = invoke("validate", "wz.yaml")
    assert r.exit_code == 0
    warned = [line for line in r.stderr.splitlines() if "提示：" in line]
    assert len(warned) == 2 and all(w.startswith("ipcheck: wz.yaml:") for w in warned), r.stderr
    assert "框架标题仍是起草时代拟的占位文字" in warned[0] and "source 中写上 title:" in warned[1]
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--framework", "wz.yaml")
    assert "依据：未写明标题的规划文件（温政办〔2022〕73号，2022-10-11），温州市市场监督管理局" in r.stdout
    assert "未识别出" not in r.stdout
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--framework", "wz.yaml", "--format", "json")
    fw = json.loads(r.stdout)["evaluations"][0]["framework"]
    assert (fw["source_title"], fw["issuer"]) == (None, "温州市市场监督管理局")  # unknown is null, not words
    (here / "mine").mkdir()
    (here / "wz.yaml").rename(here / "mine" / "wz.yaml")
    r = invoke("criteria", "wz", "--criteria", "mine")
    assert r.exit_code == 0 and "依据：未写明标题的规划文件" in r.stdout and "《" not in r.stdout, r.output


def test_a_framework_an_earlier_draft_wrote_with_placeholders_is_warned_of_and_reported_without_them(here):
    (here / "wenzhou.html").write_text(wenzhou_page(), encoding="utf-8")
    assert invoke("draft", "wenzhou.html", "--city", "ningbo", "--output", "wz.yaml").exit_code == 0
    text = (here / "wz.yaml").read_text(encoding="utf-8")
    # as ipcheck draft wrote a title and issuer it did not find, before it left them out
    text = text.replace('title: {zh: "根据 wenzhou.html 起草的框架"', 'title: {zh: "文件中未识别出标题"')
    text = text.replace('  issuer: "温州市市场监督管理局"', '  issuer: "文件中未识别出发布单位"')
    text = text.replace('source: {file: "wenzhou.html", ',
                        'source: {file: "wenzhou.html", title: "文件中未识别出标题", ')
    (here / "wz.yaml").write_text(text, encoding="utf-8")
    r = invoke("validate", "wz.yaml")
    assert r.exit_code == 0
    warned = [line for line in r.stderr.splitlines() if "提示：" in line]
    assert len(warned) == 3 and "框架标题仍是起草时代拟的占位文字" in warned[0], r.stderr
    assert "未写明依据文件的标题" in warned[1] and "未写明发布单位" in warned[2], r.stderr
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--framework", "wz.yaml")
    assert "未识别出" not in r.stdout
    assert "依据：未写明标题的规划文件（温政办〔2022〕73号，2022-10-11）\n" in r.stdout
    assert "宁波 — wz 第1版：根据 wenzhou.html 起草的框架" in r.stdout
