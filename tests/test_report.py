"""The PDF/HTML readiness report, checked as a reader would: pages, figures, fonts, charts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

NINGBO = str(CITIES / "ningbo.yaml")


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def ningbo_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "ningbo.pdf"
    r = invoke("evaluate", NINGBO, "--pdf", str(out))
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture(scope="module")
def pdf_text(ningbo_pdf):
    with pdfplumber.open(ningbo_pdf) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _appendix_page(pages: list[str]) -> int:
    """The page (1-based) where the appendix starts: the first page headed by appendix A."""
    return next(i for i, t in enumerate(pages, 1) if "附录A" in t.replace(" ", "").split("\n", 3)[1])


def test_pages_header_and_footer(pdf_text):
    n = len(pdf_text)
    # issue 13: Ningbo's default report (two frameworks) in at most 10 pages, the body before the appendix in 6
    assert n <= 10 and _appendix_page(pdf_text) - 1 <= 6
    assert f"第 1 页 / 共 {n} 页" in pdf_text[0].replace("\n", " ")
    assert f"第 {n} 页 / 共 {n} 页" in pdf_text[-1]
    # the running header names the section the page begins in: page 3 opens with the city plan's charts,
    # though the reference framework's section starts further down it
    head = pdf_text[2].split("\n")[0]
    assert head.startswith("宁波") and "宁波市关于全面加强知识产权工作的实施意见" in head and "参考框架" not in head
    assert pdf_text[-1].startswith("宁波 附录")


def test_page_one_is_for_leadership(pdf_text):
    page = pdf_text[0]
    flat = page.replace("\n", "")
    assert "宁波" in page and "知识产权示范城市建设评估报告" in page
    # one block per framework, each with its verdict, coverage, range, three messages and its actions
    for title in ("宁波市关于全面加强知识产权工作的实施意见（征求意见稿）2022年目标", "知识产权示范城市参考框架"):
        assert title in flat
    assert flat.count("证据不足，无法评定") == 2
    # issue 11 kept: not assessable, so the missing evidence and the range lead, not "100 / 100"
    # (issue 25: the plan's block leads with its targets by achievement, in the plan's words)
    assert "/ 100" not in page and "32项目标：已完成6项、缺少证据26项" in page and "22项指标中20项缺少证据" in page
    assert "达成指数：取决于缺失的证据，介于12.8与100.0之间" in page
    assert "有证据的目标达成指数100.0（占权重29%）" in page
    assert (flat.index("证据不足，无法评定") < flat.index("缺少证据26项")
            < flat.index("有证据的目标达成指数100.0（占权重29%）"))
    # no criterion with evidence falls short: said twice, without the gap's ▲ (not an alarm); the plan's block
    # in its own words (issue 25: targets, not criteria; its index, not a score)
    assert (flat.count("▲") == 0 and flat.count("未发现差距") == 1 and flat.count("✔ 已达标") == 1
            and "有证据的6项目标均无滞后或未完成" in flat and "缺少证据的26项目标占权重71%" in flat
            and flat.count("✔ 已完成6项目标") == 1 and "有证据的指标得分" in flat.split("知识产权示范城市参考框架")[-1]
            and "有证据的指标" not in flat.split("知识产权示范城市参考框架")[0]
            and "其中运用、保护、管理、服务、经费保障没有任何证据" in flat)
    # a plan's first action on a target without evidence says what to collect (its achievement, no evidence, is
    # not said twice: page 1 is full); a judged target's names its achievement (Tianjin's, below)
    assert "2021年119 亿元，已为目标的3倍；需补充知识产权质押融资金额（2022年）" in flat
    # Ningbo's results rest on third-party copies (confidence low) but for 2022's copyright figure (the city's
    # press conference, medium): page 1 says so
    assert "所用6项数据中5项来源可信度低（见数据来源）" in flat and "所用2项数据来源可信度均低（见数据来源）" in flat
    assert "行动 牵头单位 目标年份" in page and "市市场监管局（起草单位） 2022" in page
    assert "目录" not in page  # the contents start page 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_score_on_part_of_the_evidence_never_leads_alone(lang, tmp_path):
    """Tianjin 2017 is assessable (coverage at the floor) with 8 of 14 criteria lacking evidence: page 1 puts
    the evidence missing beside the score, as large, and the range under it; never "99.9 / 100" alone.
    (With a 2017 count of enterprises holding patents, 10,900: the shipped 2016 figure alone leaves TJ-03
    without evidence, and the plan not assessable.)"""
    from ipcheck.app.library import Selection, evaluate_selection
    from ipcheck.engine.plan import first_actions
    from ipcheck.reports.readiness import brief
    figure = "    2016: {value: 10639家, source: govcn-2017,"
    tianjin = tmp_path / "tianjin.yaml"
    tianjin.write_text((CITIES / "tianjin.yaml").read_text(encoding="utf-8").replace(
        figure, "    2017: {value: 10900家, source: govcn-2017}\n" + figure), encoding="utf-8")
    res = evaluate_selection(Selection(tianjin, frameworks=("tianjin-2017",), year=2017)).results[0]
    assert res.assessable and res.lacking == 8
    b = brief(res, lang, 3, first_actions(res))
    # issue 25: a plan leads with its targets, the evidence missing among them; the score (99.9) comes second
    lacking = {"zh": "14项目标：已完成5项、未完成1项、缺少证据8项",
               "en": "14 targets: 5 met, 1 missed, 8 without evidence"}
    assert b.lead == lacking[lang] and "/ 100" not in b.lead
    assert "99.9" in b.details[0] and any("34.2" in d and "100.0" in d for d in b.details)
    # and the verdict, in the plan's words, says it is provisional, and what it would be were the missing evidence
    # all unmet — never "ready" while TJ-03 (10,900 < 11,000 in 2017) is missed
    assert b.verdict_words == {"zh": "部分滞后（暂定）", "en": "partly behind (provisional)"}[lang]
    assert "TJ-03" in b.verdict_reason
    # the first action names the target missed with its achievement (issue 25: targets, not criteria)
    first = [r.text for line in b.actions.rows[0].cells[0].lines for r in line]
    assert "TJ-03" in first and {"zh": "✘ 未完成", "en": "✘ missed"}[lang] in first
    assert not any("可信度" in d or "confidence" in d for d in b.details)  # Tianjin's figures are official
    unmet = {"zh": "缺少证据的目标若均未完成，结论将为“总体滞后”（达成指数34.2）",
             "en": "were every target without evidence missed, the verdict would be 'behind overall' "
                   "(achievement index 34.2)"}
    assert unmet[lang] in b.verdict_reason


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_no_evidence_at_all_page_one_says_so_plainly(lang):
    """Shaoxing against the reference framework in 2021: not one criterion has evidence. Page 1 says so in
    words, not "22 of 22", "only 0% of the weight" and a range "between 0.0 and 100.0" that says nothing;
    and "nothing is met yet" is not ticked as good news."""
    from ipcheck.app.library import Selection, evaluate_selection
    from ipcheck.engine.plan import first_actions
    from ipcheck.reports.readiness import brief
    res = evaluate_selection(Selection(CITIES / "shaoxing.yaml", frameworks=("reference",), year=2021)).results[0]
    assert res.lacking == res.applicable == 22 and res.score is None
    b = brief(res, lang, 3, first_actions(res))
    assert b.lead == {"zh": "22项指标均缺少证据", "en": "None of the 22 criteria has evidence"}[lang]
    assert b.details == ()  # no range, no score on a known part
    assert b.verdict_reason == {
        "zh": "尚无任何指标有证据；评定结论需要至少50%的权重有证据",
        "en": "no criterion has evidence yet; a verdict needs evidence for 50% of the weight"}[lang]
    assert [kind for kind, _ in b.messages] == ["evidence", "nogap", "nomet"]  # the evidence missing first
    assert b.messages[0][1] == {"zh": "全部22项指标均需补充证据，涉及所有类别",
                                "en": "Evidence is needed for all 22 criteria, in every category"}[lang]


def test_source_documents_by_title_and_date(pdf_text):
    text = "\n".join(pdf_text)
    assert "_edee8db098a98e76" not in text and ".txt" not in text  # never a hash file name
    assert "《关于全面加强知识产权工作的实施意见（征求意见稿）》（2020-07-08）" in text.replace("\n", "")


def test_every_criterion_appears(pdf_text, library):
    text = "\n".join(pdf_text)
    for fid in ("ningbo-2020", "reference"):
        for c in library.frameworks[fid].model.criteria:
            assert c.id in text, c.id
    assert "38,289 件" in text and "+2,289 件" in text  # NB-01's value and gap


def test_indicators_by_name_never_by_id(pdf_text, library):
    text = "\n".join(pdf_text).replace("\n", "")
    ids = [i for i in library.catalogue.indicators if "_" in i]
    assert not [i for i in ids if i in text]
    assert "有效发明专利拥有量" in text  # the sources table names valid_invention_patents


def test_contents_sources_and_method(pdf_text):
    text = "\n".join(pdf_text)
    assert "目录" in pdf_text[1] and "附录D　数据来源" in pdf_text[1].replace(" ", "　")
    assert "http://76421.cn/newsdetail_3020832.html" in text.replace("\n", "")
    assert "NISTIR 7275r4" in text and "覆盖率下限" in text
    # the evidence to collect is listed once, grouped by lead unit
    after = "\n".join(pdf_text[2:])  # past the contents
    evidence = after[after.index("附录B"):after.index("附录C")]
    assert evidence.count("知识产权贯标企业（2022年，最早可用2021年）") == 1


def test_han_characters_are_drawn_with_a_cjk_font(ningbo_pdf):
    """Text extraction cannot see tofu; the font each Han character is drawn with can."""
    with pdfplumber.open(ningbo_pdf) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if "\u4e00" <= c["text"] <= "\u9fff"]
    assert len(chars) > 1000
    fonts = {c["fontname"].split("+")[-1] for c in chars}
    # Simplified-Chinese faces only: a JP, KR or TC face would draw other glyph forms.
    simplified = ("CJK-SC", "CJKsc", "SourceHanSansSC", "Source-Han-Sans-SC", "YaHei", "PingFang")
    assert all(any(s in f.replace(" ", "-") for s in simplified) for f in fonts), fonts


def test_charts_are_drawn(ningbo_pdf, pdf_text):
    with pdfplumber.open(ningbo_pdf) as pdf:
        body = pdf.pages[1]  # the first framework's gap analysis: category bars and the trend charts
        assert len(body.curves) + len(body.lines) + len(body.rects) > 20
        sizes = [c["size"] for c in body.chars]
    # (issue 25: a plan's categories are its achievement index, with no "ready" threshold drawn)
    page2 = pdf_text[1].replace(" ", "")
    assert "分类达成指数" in page2 and "“已具备条件”门槛" not in page2 and "目标650（2022）" in page2
    assert min(sizes) >= 7.5  # chart labels are 8 pt and more; the smallest table notes 7.5 pt


def test_first_page_is_not_blank(ningbo_pdf, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(ningbo_pdf), str(tmp_path / "p")],
                   check=True)
    from PIL import Image
    png = next(tmp_path.glob("p*.png"))
    histogram = Image.open(png).convert("L").histogram()
    dark = sum(histogram[:128])
    assert dark > sum(histogram) * 0.005


def test_a_report_names_ipchecks_own_criteria_without_the_installation_path(tmp_path):
    """A report is handed on: where ipcheck is installed says nothing to its reader (and tells where a
    machine keeps its files). Its own criteria are named by their place in it; the JSON keeps full paths."""
    from ipcheck import CRITERIA_DIR
    html = tmp_path / "r.html"
    invoke("evaluate", NINGBO, "--html", str(html))
    text = html.read_text()
    assert str(CRITERIA_DIR) not in text and "criteria/reference.yaml" in text and "ningbo.yaml" in text
    assert str(CRITERIA_DIR) in invoke("evaluate", NINGBO, "--format", "json").stdout


def test_html_is_self_contained_and_escapes_fact_text(tmp_path):
    city = (CITIES / "ningbo.yaml").read_text().replace(
        "title: 宁波2021年知识产权发展数据（第三方转载）",
        "title: '<img src=\"file:///etc/passwd\"><script>alert(1)</script>'")
    src = tmp_path / "ningbo.yaml"
    src.write_text(city)
    html = tmp_path / "r.html"
    assert invoke("evaluate", str(src), "--html", str(html)).exit_code == 0
    page = html.read_text()
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page
    assert "http://" not in page.split("<body")[0]  # nothing external in the head
    assert 'lang="zh-CN"' in page


def test_fetcher_refuses_files_and_network():
    from ipcheck.reports.document import _fetcher
    from weasyprint.urls import URLFetchingError
    f = _fetcher()
    for url in ("file:///etc/passwd", "http://127.0.0.1/x.png", "https://example.com/a.css", "data:text/plain,x"):
        with pytest.raises(URLFetchingError):
            f.fetch(url)


def test_english_report(tmp_path):
    out = tmp_path / "en.pdf"
    assert invoke("evaluate", NINGBO, "--framework", "ningbo-2020", "--pdf", str(out), "--lang", "en").exit_code == 0
    with pdfplumber.open(out) as pdf:
        first, last = pdf.pages[0].extract_text(), pdf.pages[-1].extract_text()
        n = len(pdf.pages)
    assert "not assessable" in first and "32 targets: 6 met, 26 without evidence" in first
    assert f"Page {n} of {n}" in last
    assert "宁波" not in first.split("\n")[0]  # the city by its English name


def test_pdf_write_is_atomic(tmp_path, monkeypatch):
    from ipcheck.reports import document
    target = tmp_path / "r.pdf"
    target.write_bytes(b"old report")

    def broken(html):
        raise OSError("disk full")
    monkeypatch.setattr(document, "render_pdf", broken)
    with pytest.raises(OSError):
        invoke("evaluate", NINGBO, "--pdf", str(target))
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]

    from ipcheck.app import files

    def failing_replace(src, dst):
        raise OSError("rename failed")
    monkeypatch.undo()
    monkeypatch.setattr(files.os, "replace", failing_replace)
    r = invoke("evaluate", NINGBO, "--framework", "ningbo-2020", "--pdf", str(target))
    assert r.exit_code == 2 and r.stderr == f"ipcheck: {target}: 无法写入：rename failed\n"
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # the temporary file is gone too


def test_no_cjk_font_fails_with_one_line_and_no_file(tmp_path, monkeypatch):
    from ipcheck.reports import document
    monkeypatch.setattr(document, "cjk_font_available", lambda: False)
    target = tmp_path / "r.pdf"
    r = invoke("evaluate", NINGBO, "--pdf", str(target))
    assert r.exit_code == 2
    assert "fonts-noto-cjk" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not target.exists()


def test_evaluate_without_pdf_does_not_import_weasyprint():
    root = Path(__file__).resolve().parent.parent
    code = ("import sys\nfrom ipcheck import cli\n"
            "try:\n    cli.main(['evaluate', 'cities/ningbo.yaml'])\nexcept SystemExit:\n    pass\n"
            "assert 'weasyprint' not in sys.modules, 'weasyprint was imported'\n")
    r = subprocess.run([str(root / ".venv/bin/python") if (root / ".venv/bin/python").exists() else "python3",
                        "-c", code],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def _python() -> str:
    root = Path(__file__).resolve().parent.parent
    venv = root / ".venv/bin/python"
    return str(venv) if venv.exists() else "python3"


@pytest.mark.skipif(not Path("/sbin/ldconfig").exists(), reason="ldconfig cache only on glibc Linux")
def test_quick_library_lookup_agrees_with_ctypes():
    import ctypes.util

    from ipcheck.reports.document import _ldconfig_lookup
    names = ["pango-1.0", "pangoft2-1.0", "harfbuzz", "fontconfig", "gobject-2.0", "c", "m"]
    standard = {n: ctypes.util.find_library(n) for n in names + ["libgobject-2.0-0"]}
    with _ldconfig_lookup():
        quick = {n: ctypes.util.find_library(n) for n in names + ["libgobject-2.0-0"]}
    assert quick == standard and quick["pango-1.0"] and quick["libgobject-2.0-0"] is None
    assert ctypes.util.find_library("pango-1.0") == standard["pango-1.0"]  # restored afterwards


def test_weasyprint_still_loads_when_the_quick_lookup_fails():
    # as when a library is missing from the ldconfig cache: weasyprint's load raises OSError
    code = ("import contextlib\n"
            "from ipcheck.reports import document\n"
            "@contextlib.contextmanager\n"
            "def fails():\n"
            "    yield\n"
            "    print('WeasyPrint could not import some external libraries')\n"
            "    raise OSError('cannot load library')\n"
            "document._ldconfig_lookup = fails\n"
            "pdf = document.render_pdf('<html lang=\"zh-CN\"><body><p>宁波</p></body></html>')\n"
            "assert pdf.startswith(b'%PDF'), pdf[:10]\n")
    r = subprocess.run([_python(), "-c", code], cwd=Path(__file__).resolve().parent.parent, capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""  # the first attempt's installation help is not shown


def _weasyprint_pdf(page: str, *speedups) -> bytes:
    """`page` as weasyprint makes it on its own, or with the given speed-ups (`reports.speedups`)."""
    from contextlib import ExitStack

    from ipcheck.reports import document
    weasyprint = document._import_weasyprint()
    with ExitStack() as stack:
        for s in speedups:
            stack.enter_context(s())
        html = weasyprint.HTML(string=page, base_url=str(document.TEMPLATES), url_fetcher=document._fetcher())
        return html.write_pdf()


_FONTS_PAGE = ("<html><body style=\"font-family: 'Noto Sans CJK SC'\"><p>宁波 <b>知识产权示范城市</b> 38,289 件 "
               "Ningbo ✔ ◐</p></body></html>")


def test_weasyprint_installed_is_the_version_the_speedups_are_written_for():
    """reports/speedups.py mirrors weasyprint 70's internals: pyproject.toml pins that series, and it is what runs."""
    from importlib.metadata import version

    import tomllib
    from packaging.requirements import Requirement
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    pin = next(Requirement(r) for r in project["project"]["dependencies"] if r.startswith("weasyprint"))
    assert str(pin.specifier) in ("<71,>=70", ">=70,<71") and version("weasyprint") in pin.specifier


def test_the_parsers_pattern_cache_changes_nothing_but_finds_its_patterns():
    """tinyhtml5 never finds the patterns it made (speedups.parser_regex_cache keeps them under the right key):
    with the cache, the same PDF, byte for byte, and each pattern is made once in two renders."""
    import tinyhtml5.inputstream as stream
    from ipcheck.reports import speedups
    page = ("<!DOCTYPE html><html><body style=\"font-family: 'Noto Sans CJK SC'\"><!-- a comment -->"
            "<p class=\"x\" data-fw='附录'>宁波 &amp; 天津 &lt;2022&gt; <b>知识产权</b><br>R&D</p>"
            "<table><tr><td>1</td><td>2</td></tr></table></body></html>")
    made = []
    with speedups.parser_regex_cache():
        cache = stream.characters_until_regex
        original = type(cache).__missing__
        type(cache).__missing__ = lambda self, key: made.append(key) or original(self, key)
        try:
            ours, again = _weasyprint_pdf(page), _weasyprint_pdf(page)  # the second finds every pattern
        finally:
            type(cache).__missing__ = original
    assert ours == again == _weasyprint_pdf(page)
    assert made and len(made) == len(set(made)) and all(isinstance(k[1], bool) for k in made)


def _words(pdf: bytes, tmp_path) -> list[tuple[str, float, float, float]]:
    import pdfplumber
    path = tmp_path / "w.pdf"
    path.write_bytes(pdf)
    with pdfplumber.open(path) as doc:
        return [(w["text"], w["x0"], w["x1"], w["bottom"]) for w in doc.pages[0].extract_words()]


def test_chart_labels_drawn_whole_stand_where_weasyprint_puts_them(tmp_path):
    """A chart's labels are laid out as whole words (speedups.svg_text_whole) in the place, size and anchor
    weasyprint gives them letter by letter; a label with positions letter by letter is still weasyprint's."""
    from ipcheck.reports import charts, speedups
    ch = charts.Chart(330, 120, "t", "trend")
    ch.text(10, 20, "PCT国际专利申请量（件）", bold=True)
    ch.text(165, 50, "目标 650（2022）", anchor="middle", color=charts.RED)
    ch.text(320, 80, "38,289", anchor="end")
    ch.text(40, 110, "无证据", size=14)
    letters = '<text x="200" y="110" dx="0 20 20" font-size="11">ABC</text>'
    svg = ch.svg.replace("</svg>", letters + "</svg>")
    page = f"<html><body style=\"font-family: 'Noto Sans CJK SC'\">{svg}</body></html>"
    theirs = _words(_weasyprint_pdf(page), tmp_path)
    ours = _words(_weasyprint_pdf(page, speedups.svg_text_whole), tmp_path)
    whole = {"PCT国际专利申请量（件）", "目标", "650（2022）", "38,289", "无证据"}
    assert whole <= {w[0] for w in ours}  # each a word of its own, copied out whole
    assert {"A", "B", "C"} <= {w[0] for w in ours}  # set letter by letter: weasyprint's own, apart
    by_text = {w[0]: w for w in theirs}
    for text, x0, x1, bottom in ours:
        if text in by_text:  # the same place, to a tenth of a point (kerning aside)
            t = by_text[text]
            assert abs(x0 - t[1]) < 0.6 and abs(x1 - t[2]) < 0.6 and abs(bottom - t[3]) < 0.1, (text, t)
    assert {w[0] for w in ours if w[0] in by_text} == {w[0] for w in theirs} & {w[0] for w in ours}


def test_quicker_compression_changes_only_the_bytes_not_the_pages(tmp_path):
    """zlib at level 6 instead of pydyf's 9 (speedups.quicker_compression): the same pages, about as small,
    and pydyf is as it was afterwards."""
    import zlib

    import pydyf
    from ipcheck.reports import speedups
    level9 = _weasyprint_pdf(_FONTS_PAGE)
    with speedups.quicker_compression():
        assert pydyf.zlib is not zlib
    assert pydyf.zlib is zlib
    level6 = _weasyprint_pdf(_FONTS_PAGE, speedups.quicker_compression)
    assert level6 != level9 and len(level6) < len(level9) * 1.02
    assert _words(level6, tmp_path) == _words(level9, tmp_path)


def test_a_template_cache_that_cannot_be_written_or_read_changes_nothing(tmp_path, monkeypatch):
    """Compiled templates are kept in the temporary folder; a full disk or a spoilt cache file is passed
    over, and the page is the same."""
    import os
    import tempfile

    def page(name: str):
        r = CliRunner().invoke(main, ["evaluate", str(CITIES / "tianjin.yaml"), "--html", str(tmp_path / name)])
        assert r.exit_code in (0, 1), r.output
        return (tmp_path / name).read_bytes()

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the cache's folder: this test's own
    real = tempfile.NamedTemporaryFile

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", disk_full)
    first = page("a.html")
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", real)
    assert page("b.html") == first
    cached = list((tmp_path / f"_jinja2-cache-{os.getuid()}").glob("*.cache"))
    assert cached  # the second run kept its compiled templates
    for f in cached:
        f.write_bytes(b"j2\x00spoilt")
    assert page("c.html") == first
