"""The report as Word, as HTML on a phone's screen, and the same bytes for the same input (issue 13)."""

from __future__ import annotations

import html as htmllib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES
from docx import Document
from ipcheck.cli import main

NINGBO = CITIES / "ningbo.yaml"


def invoke(*args):
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


@pytest.fixture(scope="module")
def ningbo_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    invoke("evaluate", NINGBO, "--docx", folder / "a.docx", "--pdf", folder / "a.pdf")
    invoke("evaluate", NINGBO, "--docx", folder / "b.docx")
    return folder


def test_word_has_headings_tables_and_charts(ningbo_docx):
    doc = Document(str(ningbo_docx / "a.docx"))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", "宁波") in heads
    assert ("Heading 2", "宁波市关于全面加强知识产权工作的实施意见（征求意见稿）2022年目标") in heads  # page 1's blocks
    assert ("Heading 1", "附录A　指标评价明细") in heads and ("Heading 1", "附录D　数据来源") in heads
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "证据不足，无法评定" in texts and "32项目标：已完成6项、缺少证据26项" in texts  # a plan's targets (issue 25)
    criteria = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("状态"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert criteria._tbl.tblPr.find(f"{w}tblLayout") is not None  # fixed column widths
    header = criteria.rows[0]._tr.trPr
    assert header is not None and "tblHeader" in header.xml  # the header row repeats on each page
    ids = {c.text.split(" ")[0].rstrip("*") for row in criteria.rows for c in row.cells[1:2]}
    assert {"NB-01", "NB-32"} <= ids
    pictures = doc.inline_shapes
    assert len(pictures) >= 3  # the category chart and trend charts, as pictures
    png = [p for p in doc.part.package.parts if p.partname.endswith(".png")]
    assert png and png[0].blob.startswith(b"\x89PNG")


def test_word_has_a_table_of_contents_after_page_1_and_page_numbers(ningbo_docx):
    doc = Document(str(ningbo_docx / "a.docx"))
    body = doc.element.body.xml
    assert 'TOC \\o "1-1"' in body  # a field Word and WPS fill with page numbers when it is updated
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("目录")
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert texts[start + 1:start + 1 + len(heads)] == heads  # until updated, it lists every section's heading
    assert "证据不足，无法评定" in "".join(texts[:start])  # page 1 comes first
    assert body.index('w:type="page"') < body.index("TOC")
    foot = doc.sections[0].footer.paragraphs[0]
    assert foot.text.startswith("第 ") and " PAGE " in foot._p.xml and " NUMPAGES " in foot._p.xml  # 第 N 页 / 共 M 页


def test_word_and_html_are_the_same_bytes_for_the_same_input(ningbo_docx, tmp_path):
    assert (ningbo_docx / "a.docx").read_bytes() == (ningbo_docx / "b.docx").read_bytes()
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    invoke("evaluate", NINGBO, "--html", a)
    invoke("evaluate", NINGBO, "--html", b)
    assert a.read_bytes() == b.read_bytes()


def test_word_content_is_the_html_content(ningbo_docx):
    """One content model: every line the Word file says, the HTML (the PDF's source) says too."""
    from test_language import html_text
    invoke("evaluate", NINGBO, "--html", ningbo_docx / "a.html")
    page = re.sub(r"\s", "", html_text((ningbo_docx / "a.html").read_text(encoding="utf-8")))
    doc = Document(str(ningbo_docx / "a.docx"))
    lines = [p.text for p in doc.paragraphs]
    lines += [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    checked = 0
    for line in lines:
        flat = re.sub(r"\s", "", line).lstrip("▲·?✔")
        if len(flat) > 3:
            assert flat in page, line
            checked += 1
    assert checked > 300


def test_plan_and_progress_as_pdf_and_word(tmp_path):
    import pdfplumber
    invoke("plan", NINGBO, "--pdf", tmp_path / "plan.pdf", "--docx", tmp_path / "plan.docx")
    invoke("progress", CITIES / "tianjin.yaml", "--from", "2015", "--to", "2018", "--framework", "tianjin-2017",
           "--pdf", tmp_path / "prog.pdf", "--docx", tmp_path / "prog.docx", "--lang", "en")
    with pdfplumber.open(tmp_path / "prog.pdf") as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
        drawn = sum(len(p.curves) + len(p.lines) for p in pdf.pages)
    assert "progress by year" in text and "Achievement changes" in text  # a plan framework: its targets
    assert "Valid patents reach 130,000" in text  # the criterion's title beside its status change
    assert drawn > 5  # the chart of score and coverage by year
    import pdfcheck
    from ipcheck.reports.labels import STATUSES, short_word
    from ipcheck.reports.linebreak import name_pieces as unit_pieces
    assert pdfcheck.problems(tmp_path / "prog.pdf") == [] and pdfcheck.problems(tmp_path / "plan.pdf") == []
    units = {p for c in ("市市场监管局（起草单位）", "知识产权管理部门") for p in unit_pieces(c)}
    assert pdfcheck.broken(tmp_path / "plan.pdf", units | {short_word(s, "zh") for s in STATUSES}) == []
    cmp_pdf = tmp_path / "cmp.pdf"
    invoke("compare", CITIES, "--pdf", cmp_pdf, "--lang", "en", "--jobs", "1")
    assert pdfcheck.problems(cmp_pdf) == []
    prog = Document(str(tmp_path / "prog.docx"))
    assert len(prog.inline_shapes) == 1 and any(p.style.name == "Heading 1" for p in prog.paragraphs)
    plan = Document(str(tmp_path / "plan.docx"))
    assert plan.tables and "改进计划" in plan.paragraphs[0].text


def test_word_is_written_atomically(tmp_path, monkeypatch):
    from ipcheck.reports import docx_report
    target = tmp_path / "r.docx"
    target.write_bytes(b"old report")

    def broken(report, picture=None):
        raise OSError("disk full")
    monkeypatch.setattr(docx_report, "report_docx", broken)
    with pytest.raises(OSError):
        CliRunner().invoke(main, ["evaluate", str(NINGBO), "--docx", str(target)], catch_exceptions=False)
    assert target.read_bytes() == b"old report" and [p.name for p in tmp_path.iterdir()] == ["r.docx"]


# ---------------------------------------------------------------- a phone's screen, in a real browser

PROBE = """<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, over = [];
  d.querySelectorAll('td, th, p, li, div, h1, h2, h3, span, svg').forEach(function (e) {
    var r = e.getBoundingClientRect();
    var spills = e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display != 'inline';
    if (spills || r.right > d.documentElement.clientWidth + 1)
      over.push(e.tagName + ': ' + (e.textContent || '').trim().slice(0, 40));
  });
  document.body.setAttribute('data-probe', JSON.stringify({width: d.documentElement.clientWidth,
    scroll: d.documentElement.scrollWidth, over: over}));
});
</script>"""


def browser_layout(page: str, width: int) -> dict:
    """How headless Chromium lays the page out `width` CSS pixels wide (a frame of that width, as a phone's
    viewport): the width, the document's scroll width, and the elements whose content runs past their box."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    tmp = Path(tempfile.mkdtemp(prefix="ipcheck-chromium-"))
    try:
        (tmp / "w.html").write_text(
            '<!DOCTYPE html><html><body style="margin:0">'
            f'<iframe id="f" style="width:{width}px;height:40000px;border:0" '
            f'srcdoc="{htmllib.escape(page, quote=True)}"></iframe>{PROBE}</body></html>', encoding="utf-8")
        r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            f"--user-data-dir={tmp / 'p'}", "--window-size=1200,2000", "--virtual-time-budget=5000",
                            "--dump-dom", (tmp / "w.html").as_uri()], capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    found = re.search(r'data-probe="([^"]*)"', r.stdout)
    assert found, r.stderr[-500:]
    return json.loads(htmllib.unescape(found.group(1)))


needs_chromium = pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")),
                                    reason="chromium is not installed (bash setup.sh --test installs it)")


@needs_chromium
@pytest.mark.parametrize("args", [
    ("evaluate", NINGBO), ("evaluate", NINGBO, "--lang", "en"),
    ("evaluate", CITIES / "tianjin.yaml", "--framework", "tianjin-2017", "--year", "2017")])
def test_the_report_fits_a_phone(tmp_path, args):
    page = tmp_path / "r.html"
    invoke(*args, "--html", page)
    text = page.read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
    got = browser_layout(text, 390)
    assert got["width"] == 390 and got["scroll"] <= 390 and got["over"] == [], got


@needs_chromium
def test_the_phone_check_finds_a_page_that_scrolls_sideways():
    got = browser_layout('<html><body><table style="width:600px"><tr><td>宁波</td></tr></table>'
                         '<div style="width:50px;white-space:nowrap">市市场监督管理局（代市委、市政府起草）</div>'
                         '</body></html>',
                         390)
    assert got["scroll"] > 390 and any("市市场监督管理局" in o for o in got["over"])


@needs_chromium
def test_a_progress_page_fits_a_phone(library):
    from ipcheck.app.library import load_city_file
    from ipcheck.engine.compare import status_changes
    from ipcheck.engine.decide import PythonDecider
    from ipcheck.engine.evaluate import evaluate
    from ipcheck.reports.analysis import progress_doc
    from ipcheck.reports.document import render_analysis_html
    city = load_city_file(CITIES / "tianjin.yaml", library)
    fw = library.frameworks["tianjin-2017"]
    series = [evaluate(fw, city, library.catalogue, PythonDecider(), year=y) for y in range(2015, 2019)]
    changes = [[]] + [status_changes(a, b) for a, b in zip(series, series[1:])]
    got = browser_layout(render_analysis_html(progress_doc(series, changes, "zh"), "zh"), 390)
    assert got["width"] == 390 and got["scroll"] <= 390 and got["over"] == [], got


def test_plan_steps_read_the_same_in_every_format(tmp_path):
    """plan is built once as blocks: the terminal, Markdown and Word show the same steps, cell for cell —
    each criterion's id, its achievement in the plan's words and its lead unit whole."""
    md = invoke("plan", NINGBO, "--format", "markdown").stdout
    steps = [[c.strip() for c in line.strip("|").split("|")] for line in md.splitlines()
             if re.match(r"\| \d+ \| [A-Z]+-\d+ \|", line)]
    assert len(steps) >= 5 and {s[3] for s in steps} >= {"? 缺少证据"}
    assert all(s[5] for s in steps)  # every step has its lead unit
    invoke("plan", NINGBO, "--docx", tmp_path / "plan.docx")
    word = [[c.text for c in row.cells] for t in Document(str(tmp_path / "plan.docx")).tables for row in t.rows[1:]]
    # (a narrow Word cell breaks a lead unit between its parts only: "市市场监管局" / "（起草单位）")
    from ipcheck.reports.linebreak import name_pieces as unit_pieces
    assert all(set(w[5].split("\n")) <= set(unit_pieces(w[5].replace("\n", ""))) | {w[5]} for w in word)
    word = [[c.replace("\n", "") for c in w] for w in word]
    assert [w[:4] + w[5:] for w in word] == [s[:4] + s[5:] for s in steps]  # (the needs cell: its own test)
    result = CliRunner().invoke(main, ["plan", str(NINGBO)], env={"COLUMNS": "200"})
    terminal = result.stdout.splitlines()
    for s in steps:  # one row per step on a wide terminal, the lead unit on one line
        row = next(line for line in terminal if re.match(rf"{s[0]}\s+{s[1]}\s", line))
        assert s[3] in row and s[5] in row, row
