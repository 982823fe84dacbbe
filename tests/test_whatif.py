"""A what-if (`--set`) says so before any verdict, in every output: page 1 of the PDF, the HTML, the Word file,
the terminal table's and the Markdown's headline, plan's document; its JSON lists the assumptions (and stays
valid against `ipcheck schema result`). Without `--set` nothing of it appears."""

from __future__ import annotations

import io
import json

import docx
import jsonschema
import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

NINGBO = str(CITIES / "ningbo.yaml")
# Ningbo publishes 38,289 valid invention patents for 2021; nothing for 贯标企业 in 2022
WHATIF = ("--set", "valid_invention_patents=40000@2021", "--set", "ip_standard_enterprises=600家@2022")
LINE_ZH = ("假设情景，并非实际数据：2021年有效发明专利拥有量已按假设由公布的38,289 件改为40,000 件；"
           "2022年知识产权贯标企业按假设取600 家（无公布数据）。以下结论和得分均以这些假设为前提。")
# the reference framework, judged in 2021, reads neither figure: its section says so instead
UNUSED_ZH = LINE_ZH.replace("以下结论和得分均以这些假设为前提。", "本框架的评价未用到这些假设。")
LINE_EN = ("What-if, not actual data: valid invention patents 2021 set to 40,000 instead of the published 38,289; ")


def invoke(*args) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def flat(s: str) -> str:
    """Text with its line breaks (and the spaces a PDF's lines leave) taken out."""
    return "".join(s.split())


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whatif")
    paths = {k: folder / f"ningbo.{k}" for k in ("pdf", "html", "docx")}
    invoke("evaluate", NINGBO, *WHATIF, "--pdf", paths["pdf"], "--html", paths["html"], "--docx", paths["docx"])
    return paths


def test_page_one_of_the_pdf_says_what_if_before_the_verdict(documents):
    with pdfplumber.open(documents["pdf"]) as pdf:
        page1 = flat(pdf.pages[0].extract_text())
        body = flat("".join(p.extract_text() or "" for p in pdf.pages[1:4]))
    assert flat(LINE_ZH) in page1
    assert page1.index(flat(LINE_ZH)) < page1.index("证据不足，无法评定")
    # each framework's section in the body opens with it too, before its verdict
    assert body.count(flat(LINE_ZH)) == 1 and body.index(flat(LINE_ZH)) < body.index("证据不足，无法评定")
    assert body.count(flat(UNUSED_ZH)) == 1 and body.index(flat(LINE_ZH)) < body.index(flat(UNUSED_ZH))


def test_html_and_word_say_what_if_before_the_verdict(documents):
    html = documents["html"].read_text(encoding="utf-8")
    assert '<p class="whatif">' in html and ".whatif {" in html
    assert html.index('<p class="whatif">') < html.index('class="verdict v-not_assessable"')
    paras = [p.text for p in docx.Document(io.BytesIO(documents["docx"].read_bytes())).paragraphs]
    first = next(i for i, t in enumerate(paras) if t.startswith("假设情景"))
    verdict = next(i for i, t in enumerate(paras) if "证据不足，无法评定" in t)
    assert paras[first] == LINE_ZH and first < verdict


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_headline_of_each_framework_says_what_if_first(fmt):
    out = flat(invoke("evaluate", NINGBO, *WHATIF, "--format", fmt))
    line, unused = flat(LINE_ZH), flat(UNUSED_ZH)
    if fmt == "markdown":  # the first item of each framework's list, its label in bold
        line = line.replace("假设情景，并非实际数据：", "-**假设情景，并非实际数据：**")
        unused = unused.replace("假设情景，并非实际数据：", "-**假设情景，并非实际数据：**")
    assert out.count(line) == 1 and out.count(unused) == 1
    plan, reference = out.split(line)[1].split(unused)
    # before the plan's target counts and verdict, before the reference framework's verdict
    assert plan.index("目标完成情况") < plan.index("结论") < plan.index("NB-01")
    assert reference.index("结论") < reference.index("REF-01")


def test_english_says_it_in_english():
    out = " ".join(invoke("evaluate", NINGBO, *WHATIF, "--lang", "en").split())
    assert out.count(LINE_EN) == 2 and "(GB/T 29490) 2022 assumed to be 600 (no published figure). " \
        "The verdict and scores below rest on these assumptions." in out
    assert out.index(LINE_EN) < out.index("Verdict:") and "假设" not in out


def test_plan_says_what_if_before_its_verdicts(tmp_path):
    pdf = tmp_path / "plan.pdf"
    out = flat(invoke("plan", NINGBO, *WHATIF, "--pdf", pdf))
    assert out.index(flat(LINE_ZH)) < out.index("证据不足，无法评定")
    with pdfplumber.open(pdf) as doc:
        page1 = flat(doc.pages[0].extract_text())
    assert page1.index(flat(LINE_ZH)) < page1.index("证据不足，无法评定")
    md = invoke("plan", NINGBO, *WHATIF, "--format", "markdown", "--lang", "en")
    assert "- **What-if, not actual data:** valid invention patents 2021 set to 40,000" in md


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(invoke("schema", "result"))
    return jsonschema.Draft202012Validator(schema)


def test_json_lists_the_assumptions_and_follows_the_schema(validator):
    ev = json.loads(invoke("evaluate", NINGBO, *WHATIF, "--format", "json"))
    assert not list(validator.iter_errors(ev))
    assert ev["assumptions"] == [
        {"indicator": "valid_invention_patents", "name_zh": "有效发明专利拥有量", "name_en": "valid invention patents",
         "year": 2021, "value": "40000", "bound": "exact", "unit": "件", "published": "38289",
         "published_bound": "exact"},
        {"indicator": "ip_standard_enterprises", "name_zh": ev["assumptions"][1]["name_zh"],
         "name_en": ev["assumptions"][1]["name_en"], "year": 2022, "value": "600", "bound": "exact", "unit": "家",
         "published": None, "published_bound": None}]
    plan = json.loads(invoke("plan", NINGBO, *WHATIF, "--format", "json"))
    assert not list(validator.iter_errors(plan))
    assert plan["assumptions"] == ev["assumptions"]
    wrong = dict(ev, assumptions=[{"indicator": "valid_invention_patents"}])
    assert list(validator.iter_errors(wrong))


def test_the_same_figure_set_twice_counts_once_the_last_given():
    ev = json.loads(invoke("evaluate", NINGBO, "--set", "valid_invention_patents=1@2021",
                           "--set", "valid_invention_patents=40000@2021", "--format", "json"))
    assert [(a["indicator"], a["value"]) for a in ev["assumptions"]] == [("valid_invention_patents", "40000")]


def test_without_set_nothing_is_said():
    assert "assumptions" not in json.loads(invoke("evaluate", NINGBO, "--format", "json"))
    assert "assumptions" not in json.loads(invoke("plan", NINGBO, "--format", "json"))
    assert "假设情景" not in invoke("evaluate", NINGBO) and "假设情景" not in invoke("plan", NINGBO)


def test_an_assumption_that_moves_the_judged_year_says_so():
    # Ningbo's reference framework is judged in 2021, the year with most evidence; a 2022 pledge figure tips it
    args = ("evaluate", NINGBO, "--framework", "reference")
    assert "评价年度：2021年" in invoke(*args)
    out = invoke(*args, "--set", "ip_pledge_financing=150亿元@2022")
    assert ("2022年知识产权质押融资金额按假设取150亿元（无公布数据）。该假设使评价年度由2021年变为2022年，"
            "以下结论和得分均以此假设为前提。") in flat(out)
    assert "评价年度：2022年" in out
    en = " ".join(invoke(*args, "--set", "ip_pledge_financing=150亿元@2022", "--lang", "en").split())
    assert "This assumption moves the year judged from 2021 to 2022; the verdict and scores below rest on it." in en
    # a year given with --year cannot move: the plain line
    fixed = flat(invoke(*args, "--year", "2022", "--set", "ip_pledge_financing=150亿元@2022"))
    assert "评价年度由" not in fixed and "以下结论和得分均以此假设为前提。" in fixed


def test_an_assumption_a_framework_does_not_read_is_said_unused():
    out = flat(invoke("evaluate", NINGBO, "--framework", "reference", "--set", "pct_applications=700件@2022"))
    assert "2022年PCT国际专利申请量按假设取700件（无公布数据）。本框架的评价未用到此假设。" in out
    assert "以下结论和得分均以此假设为前提" not in out
    en = " ".join(invoke("evaluate", NINGBO, "--framework", "reference", "--set", "pct_applications=700件@2022",
                         "--lang", "en").split())
    assert "This framework's judgement does not use this assumption." in en and "rest on" not in en


def test_a_year_not_begun_is_refused_in_one_line():
    r = CliRunner().invoke(main, ["evaluate", NINGBO, "--set", "pct_applications=700件@2099"])
    assert r.exit_code == 2 and "Traceback" not in r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "'pct_applications=700件@2099'：2099年尚未开始" in lines[0]


def _trademark_chart(html: str) -> str:
    import re
    return next(s for s in re.findall(r"<svg.*?</svg>", html, re.S) if 'aria-label="有效注册商标量' in s)


def test_a_chart_draws_an_assumed_point_hollow_dashed_and_labelled(tmp_path):
    # Ningbo publishes 有效注册商标量 for 2018 and 2021; 2022 is assumed
    real, whatif = tmp_path / "real.html", tmp_path / "whatif.html"
    invoke("evaluate", NINGBO, "--html", real)
    invoke("evaluate", NINGBO, "--set", "valid_trademarks=42万件@2022", "--html", whatif)
    before, after = _trademark_chart(real.read_text(encoding="utf-8")), _trademark_chart(
        whatif.read_text(encoding="utf-8"))
    assert "假设" not in before and 'fill="#ffffff"' not in before and "stroke-dasharray" not in before.split(
        "<polyline")[-1]
    assert ">42万（假设）</text>" in after and ">40.11万</text>" in after  # the published point as before
    assert after.count('<circle') == 3 and after.count('fill="#ffffff"') == 1  # only the assumed one hollow
    dashed = [p for p in after.split("<polyline")[1:] if 'stroke-dasharray="4 3"' in p]
    import re
    hollow = re.search(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3" fill="#ffffff"', after)
    assert len(dashed) == 1 and f'{hollow[1]},{hollow[2]}"' in dashed[0]  # the line into the assumed point


@pytest.mark.parametrize("command", ["plan", "evaluate"])
def test_markdown_bold_renders_as_bold_in_commonmark(command):
    # a label in bold ending in '：' before a figure ('**…数据：**2023年') is literal asterisks to CommonMark
    markdown_it = pytest.importorskip("markdown_it")
    md = invoke(command, NINGBO, "--set", "enforcement_campaigns=5次@2023", "--format", "markdown")
    html = markdown_it.MarkdownIt("commonmark").render(md)
    assert "<strong>假设情景，并非实际数据" in html and "</strong>" in html
    if command == "plan":
        assert "<strong>假设情景，并非实际数据</strong>：2023年知识产权保护专项行动按假设取5 次" in html
    assert "**" not in html  # no strong run of the document left unrendered


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_takes_set_and_says_what_if_first(lang):
    """An analyst explains a row marked （假设）: explain takes --set as evaluate does, says the what-if before the
    criterion's status, and marks the assumed figure among the facts; without --set it says nothing of it."""
    out = invoke("explain", NINGBO, "NB-01", "--set", "valid_invention_patents=40000@2021", "--lang", lang)
    lines = [line for line in out.splitlines() if line.strip()]
    head = "假设情景，并非实际数据" if lang == "zh" else "What-if, not actual data"
    status = "完成情况" if lang == "zh" else "target"
    assert lines[1].startswith(head)
    assert flat(out).index(flat(head)) < flat(out).index(status)
    facts = out.split("所用数据" if lang == "zh" else "facts used")[1]
    assert "40,000" in facts and ("命令行 --set 给出的数值" if lang == "zh" else "assumption given with --set") in facts
    assert "None" not in out  # an assumed figure was read from no source, on no day
    plain = invoke("explain", NINGBO, "NB-01", "--lang", lang)
    assert head not in plain and "40,000" not in plain
