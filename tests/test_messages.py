"""Every message in the user's language (issue 21): the evidence loop said in Chinese by default, and the
same bad inputs refused in one line in Chinese and in English (--lang en)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.app.library import load_library
from ipcheck.cli import main
from openpyxl import load_workbook

LATIN_WORDS = re.compile(r"\b[A-Za-z]{4,} [a-z]{3,}\b")  # an English phrase ("is not", "no such file")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def fill_every_row(path: Path) -> int:
    """Fill every row of every sheet as the departments do: a value typed their way, and each row its own
    source (title, document number, publisher, date). Returns the number of sources given."""
    cat = load_library(None).catalogue
    wb = load_workbook(path)
    sources = 0
    for ws in wb.worksheets[1:-1]:  # (the instructions first, the hidden manifest last)
        for r in range(3, ws.max_row + 1):
            indicator, _, attr = str(ws.cell(r, 2).value or "").partition(".")
            if not indicator:
                continue
            unit, year = ws.cell(r, 4).value, ws.cell(r, 3).value
            if attr:  # an option of a mechanism: chosen from the drop-down, no source of its own
                ws.cell(r, 5).value = next(iter(cat.indicators[indicator].attributes[attr].values.values())).zh
                continue
            held = re.match(r"[\d,.]+", str(ws.cell(r, 13).value or ""))
            base = Decimal(held.group().replace(",", "")) if held else Decimal(120)
            ws.cell(r, 5).value = ("是" if unit == "是/否" else "92.5%" if unit == "%" else
                                   f"{(base * Decimal('1.06')).quantize(Decimal(1))}{unit}")
            ws.cell(r, 7).value = f"{ws.title}{year}年{ws.cell(r, 1).value}统计表"
            ws.cell(r, 8).value = f"甬{ws.title[:2]}〔{year + 1}〕{r}号"
            ws.cell(r, 9).value = f"宁波市{ws.title}"
            ws.cell(r, 10).value = f"{year + 1}-03-{r % 27 + 1:02d}"
            sources += 1
    wb.save(path)
    return sources


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    """collect Ningbo's forms, fill every row of every sheet, and import them into a copy of ningbo.yaml."""
    work = tmp_path_factory.mktemp("loop")
    city, forms = work / "ningbo.yaml", work / "f.xlsx"
    shutil.copy(CITIES / "ningbo.yaml", city)
    collected = invoke("collect", city, "--xlsx", forms)
    assert collected.exit_code == 0, collected.output
    sources = fill_every_row(forms)
    english = invoke("import", forms, "--into", city, "--dry-run", "--lang", "en")
    imported = invoke("import", forms, "--into", city)
    again = invoke("import", forms, "--into", city)
    return collected, sources, english, imported, again


def test_collect_says_what_it_asks_for_in_chinese(loop):
    collected = loop[0]
    lines = collected.stdout.splitlines()
    assert re.fullmatch(r"宁波：\d+ 个单位，\d+ 行待填报", lines[0])
    assert any(re.fullmatch(r"  市场监管局：\d+ 行（其中 \d+ 组填其中一项即可）", x) for x in lines)
    assert any(re.fullmatch(r"  统计局：\d+ 行.*", x) for x in lines)
    assert "已写入" in collected.stderr and not LATIN_WORDS.search(collected.output)


def test_import_of_every_row_says_in_chinese_what_it_added_and_how_coverage_and_verdict_move(loop):
    _, sources, _, imported, _ = loop
    assert imported.exit_code == 0, imported.output
    out = imported.stdout
    lines = out.splitlines()
    assert re.fullmatch(r"宁波：\S*f\.xlsx → \S*ningbo\.yaml", lines[0])
    assert re.search(r"  新增 pct_applications 2022 = [\d,]+ 件  ← \S*f\.xlsx!市场监管局!E\d+", out)
    assert re.search(r"  新增 above_size_industrial_enterprises 2021 = [\d,]+ 家  ← \S*f\.xlsx!统计局!E3", out)
    assert re.search(r"  补充 ip_protection_centre 2022 建设阶段：\S+  ← \S*f\.xlsx!市场监管局!E\d+", out)
    new_sources = re.findall(r"^  新增来源 form-[0-9a-f]{8}：.*（甬.*〔\d{4}〕\d+号，\d{4}-\d\d-\d\d）$", out, re.M)
    assert len(new_sources) == sources
    # the city's own plan moves in the words of a plan; the reference framework in readiness words
    plan = re.search(r"^ningbo-2020（2022年）：覆盖率 (\d+)% → 100%；结论 证据不足，无法评定 → (\S+)$", out, re.M)
    assert plan and plan.group(2) in ("总体符合预期", "部分滞后", "明显滞后"), out
    assert re.search(r"^  NB-02 .*：\? 缺少证据 → ✔ 已完成$", out, re.M)
    assert "未知 →" not in out.split("reference（")[0]  # no readiness word for a plan's target
    assert re.search(r"^reference（2021年）：覆盖率 \d+% → 100%；结论 证据不足，无法评定 → \S+$", out, re.M)
    assert re.search(r"^  REF-09 .*：\? 未知 → ✔ 达标$", out, re.M)
    assert lines[-1] == "原文件的 9 行注释、顺序与格式均已保留。"
    assert not LATIN_WORDS.search(out), out


def test_the_same_import_in_english_and_a_second_import_changing_nothing(loop):
    english, again = loop[2], loop[4]
    assert english.exit_code == 0, english.output
    assert "  added pct_applications 2022 = " in english.stdout
    assert re.search(r"^ningbo-2020 \(2022\): coverage \d+% → 100%; verdict not assessable → ", english.stdout,
                     re.M)
    assert re.search(r"^  NB-02 .*: \? no evidence → ✔ met$", english.stdout, re.M)
    assert english.stdout.splitlines()[-1] == "Dry run: nothing written."
    assert again.exit_code == 0 and "没有需要写入的改动。" in again.stdout
    assert re.search(r"^  \d+ 项与文件中已有数值相同，未改动$", again.stdout, re.M)


# ---------------------------------------------------------------- the same bad input, in each language

BAD = [  # (what, command line, Chinese words, English words)
    ("a missing city file", ["evaluate", "{tmp}/nope.yaml"], "nope.yaml:0:0: 文件不存在",
     "nope.yaml:0:0: no such file"),
    ("a folder for a file", ["evaluate", "{tmp}"], "是文件夹，不是文件", "is a directory, not a file"),
    ("an unknown framework", ["evaluate", CITIES / "ningbo.yaml", "--framework", "ningbo-202"],
     "未知评价标准 'ningbo-202'（是否应为 'ningbo-2020'？）（参见 'main evaluate --help'）",
     "unknown framework 'ningbo-202' (did you mean 'ningbo-2020'?) (see 'main evaluate --help')"),
    ("a --set without a year", ["evaluate", CITIES / "ningbo.yaml", "--set", "valid_patents=5"],
     "--set 的值无效：'valid_patents=5'：请写成 指标=数值@年份", "Invalid value for --set: 'valid_patents=5': write "
                                                             "INDICATOR=VALUE@YEAR"),
    ("a missing option of click", ["progress", CITIES / "ningbo.yaml"], "缺少选项 '--from'。",
     "Missing option '--from'."),
    ("a year out of range", ["evaluate", CITIES / "ningbo.yaml", "--year", "3000"],
     "'--year' 的值无效：3000 不在范围 1949<=x<=2100 内。", "Invalid value for '--year': 3000 is not in the range"),
    ("a misspelt option", ["evaluate", CITIES / "ningbo.yaml", "--formt", "json"], "没有选项 '--formt'。（是否应为 "
                                                                                  "'--format'？）",
     "No such option '--formt'. (did you mean '--format'?)"),
    ("an output onto the input", ["evaluate", CITIES / "ningbo.yaml", "--output", CITIES / "ningbo.yaml"],
     "ningbo.yaml: 是本命令的输入文件，拒绝覆盖",
     "ningbo.yaml: is an input of this command: refusing to write over it"),
    ("a bad city id for init", ["init", "9x", "--name", "某市", "--output", "{tmp}/x.yaml"],
     "'9x' 不是城市编号", "'9x' is not a city id"),
    ("a workbook that is not one", ["import", "{tmp}/w.xlsx", "--into", CITIES / "ningbo.yaml"],
     "w.xlsx:0:0: 不是 .xlsx 工作簿（不是 zip 文件）", "w.xlsx:0:0: not an .xlsx workbook (not a zip file)"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("what, args, zh, en", BAD, ids=[b[0] for b in BAD])
def test_a_bad_input_is_one_line_in_the_language_asked_for(tmp_path, what, args, zh, en, lang):
    (tmp_path / "w.xlsx").write_bytes(b"name,value\nx,1\n")
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in args]
    r = invoke(*args, *(["--lang", "en"] if lang == "en" else []))
    assert r.exit_code == 2, r.output
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipcheck: "), r.stderr
    assert (zh if lang == "zh" else en) in lines[0], lines[0]
    assert list(tmp_path.iterdir()) == [tmp_path / "w.xlsx"]  # nothing written


def test_validate_lists_every_problem_in_the_language_asked_for(tmp_path):
    bad = tmp_path / "multi.yaml"
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    head, facts = text.split("\nfacts:", 1)
    facts = facts.replace("source: ", "source: nowhere-", 1)
    before, _, after = facts.rpartition("value: ")  # the last fact (a mechanism's): not yes or no
    facts = before + "value: 约" + after
    bad.write_text(head + "\nfacts:" + facts, encoding="utf-8")
    zh = invoke("validate", bad)
    en = invoke("validate", bad, "--lang", "en")
    assert zh.exit_code == en.exit_code == 2
    zh_lines, en_lines = zh.stderr.splitlines(), en.stderr.splitlines()
    assert len(zh_lines) == len(en_lines) == 3, (zh.stderr, en.stderr)
    assert zh_lines[2].endswith("该文件共 2 处问题") and en_lines[2].endswith("2 problems in this file")
    zh_lines, en_lines = zh_lines[:2], en_lines[:2]
    assert any("'约yes' 不是“是/否”：请填 是 或 否" in x for x in zh_lines), zh.stderr
    assert any("'约yes' is not yes/no: write 是 or 否" in x for x in en_lines), en.stderr
    assert any(re.search(r"未知来源 'nowhere-(\S+)'（是否应为 '\1'？）", x) for x in zh_lines), zh.stderr
    assert any(re.search(r"unknown source 'nowhere-(\S+)' \(did you mean '\1'\?\)", x) for x in en_lines)
    # the same places, each said once in each language
    place = re.compile(r"^ipcheck: [^:]+:\d+:\d+")
    assert [place.match(x).group() for x in zh_lines] == [place.match(x).group() for x in en_lines]


def test_a_bad_cell_of_a_returned_form_is_said_in_the_language_asked_for(tmp_path):
    city, forms = tmp_path / "ningbo.yaml", tmp_path / "f.xlsx"
    shutil.copy(CITIES / "ningbo.yaml", city)
    assert invoke("collect", city, "--xlsx", forms).exit_code == 0
    fill_every_row(forms)
    wb = load_workbook(forms)
    wb["市场监管局"]["E5"] = "若干"
    wb.save(forms)
    before = city.read_bytes()
    zh, en = invoke("import", forms, "--into", city), invoke("import", forms, "--into", city, "--lang", "en")
    assert zh.exit_code == en.exit_code == 2
    assert zh.stderr.endswith("f.xlsx!市场监管局!E5：'若干' 不是带单位的数字，应如 5.2万件、3.6亿元、95%\n"), zh.stderr
    assert en.stderr.endswith("f.xlsx!市场监管局!E5: '若干' is not a number with a unit, e.g. 5.2万件, 3.6亿元, 95%\n")
    assert city.read_bytes() == before


# ---------------------------------------------------------------- the summaries are documents of one line a record

def cells(line: str) -> int:
    """How many terminal cells a line takes (a Chinese character two)."""
    from rich.cells import cell_len
    return cell_len(line)


def test_each_record_of_an_import_is_one_line_whatever_the_terminal_width(tmp_path):
    """The import summary lists a fact, a source or a criterion a line; on a narrow terminal no line is broken,
    so that `grep 新增来源` finds every source whole; the text is the same as at any other width."""
    city, forms = tmp_path / "ningbo.yaml", tmp_path / "f.xlsx"
    shutil.copy(CITIES / "ningbo.yaml", city)
    assert invoke("collect", city, "--xlsx", forms).exit_code == 0
    sources = fill_every_row(forms)
    edit_title = load_workbook(forms)  # one department's document with a long title
    ws = edit_title["市场监管局"]
    ws.cell(3, 7).value = ("宁波市市场监督管理局关于2022年度知识产权发展状况、专利商标地理标志统计数据"
                           "及重点工作完成情况的通报")
    edit_title.save(forms)
    narrow = CliRunner().invoke(main, ["import", str(forms), "--into", str(city), "--dry-run"], env={"COLUMNS": "40"},
                                catch_exceptions=False)
    wide = CliRunner().invoke(main, ["import", str(forms), "--into", str(city), "--dry-run"], env={"COLUMNS": "300"},
                              catch_exceptions=False)
    assert narrow.exit_code == wide.exit_code == 0, narrow.output
    assert narrow.stdout == wide.stdout
    lines = narrow.stdout.splitlines()
    new_sources = [x for x in lines if x.startswith("  新增来源 form-")]
    assert len(new_sources) == sources and all(x.endswith("）") for x in new_sources), new_sources
    assert any("关于2022年度知识产权发展状况、专利商标地理标志统计数据及重点工作完成情况的通报（甬市场〔2023〕3号" in x
               for x in new_sources)
    assert max(cells(x) for x in lines) > 100
    assert lines[-1] == "试运行：未写入任何文件。"


SEED = Path(__file__).parent / "plans" / "seeds" / "004_edee8db098a98e76.txt"


def test_the_draft_summary_says_the_same_records_in_each_language_one_line_each(tmp_path):
    """A seed plan's summary: the document, the counts, a line per target to review, the next step, in Chinese
    and in English alike, none broken on a narrow terminal."""
    args = ["draft", str(SEED), "--city", "ningbo", "--xlsx", str(tmp_path / "t.xlsx")]
    zh = CliRunner().invoke(main, args, env={"COLUMNS": "50"}, catch_exceptions=False)
    en = CliRunner().invoke(main, [*args, "--lang", "en", "--force"], env={"COLUMNS": "50"}, catch_exceptions=False)
    assert zh.exit_code == en.exit_code == 0, zh.output + en.output
    zh_lines, en_lines = zh.stdout.splitlines(), en.stdout.splitlines()
    assert len(zh_lines) == len(en_lines) > 5
    assert zh_lines[0] == "关于全面加强知识产权工作的实施意见（2020-07-08）"
    assert en_lines[0] == "关于全面加强知识产权工作的实施意见 (2020-07-08)"
    found = re.fullmatch(r"共(\d+)项目标，(\d+)项对应到指标目录，(\d+)项待核对；机制类任务(\d+)项", zh_lines[1])
    assert found and en_lines[1] == "{} targets, {} matched to the catalogue, {} to review; {} mechanisms".format(
        *found.groups())
    review = int(found.group(3))
    assert [x.startswith("  待核对：") for x in zh_lines] == [x.startswith("  to review: ") for x in en_lines]
    assert sum(x.startswith("  待核对：") for x in zh_lines) == review == len(zh_lines) - 3
    assert any(cells(x) > 50 for x in zh_lines)
    assert zh_lines[-1].startswith("下一步：") and en_lines[-1].startswith("Next: ")
    assert f"--from {tmp_path / 't.xlsx'} --city ningbo" in zh_lines[-1]

# ---------------------------------------------------------------- usage errors, each said in the language asked for

NINGBO = CITIES / "ningbo.yaml"
USAGE = [  # (what, command line, Chinese line, English line): the whole line after "ipcheck: "
    ("a misspelt command", ["evalute", NINGBO],
     "没有命令 'evalute'。（是否应为以下之一：'evaluate'、'validate'？）（参见 'main --help'）",
     "No such command 'evalute'. (did you mean one of 'evaluate', 'validate'?) (see 'main --help')"),
    ("a misspelt command with one match", ["criterai"],
     "没有命令 'criterai'。（是否应为 'criteria'？）（参见 'main --help'）",
     "No such command 'criterai'. (did you mean 'criteria'?) (see 'main --help')"),
    ("a year in words", ["evaluate", NINGBO, "--year", "twenty"],
     "'--year' 的值无效：'twenty' 不是整数。（参见 'main evaluate --help'）",
     "Invalid value for '--year': 'twenty' is not a whole number. (see 'main evaluate --help')"),
    ("a threshold in words", ["evaluate", NINGBO, "--fail-under", "abc"],
     "'--fail-under' 的值无效：'abc' 不是数字。（参见 'main evaluate --help'）",
     "Invalid value for '--fail-under': 'abc' is not a number. (see 'main evaluate --help')"),
    ("a threshold out of range", ["evaluate", NINGBO, "--fail-under", "120"],
     "'--fail-under' 的值无效：120.0 不在范围 0<=x<=100 内。（参见 'main evaluate --help'）",
     "Invalid value for '--fail-under': 120.0 is not in the range 0<=x<=100. (see 'main evaluate --help')"),
    ("a format not offered", ["evaluate", NINGBO, "--format", "pdf"],
     "'--format' 的值无效：'pdf' 不是可选值（'table'、'json'、'markdown'）。（参见 'main evaluate --help'）",
     "Invalid value for '--format': 'pdf' is not one of 'table', 'json', 'markdown'. (see 'main evaluate --help')"),
    ("a missing city", ["evaluate"], "缺少参数 'CITY.yaml'。（参见 'main evaluate --help'）",
     "Missing argument 'CITY.yaml'. (see 'main evaluate --help')"),
    ("a missing kind of schema", ["schema"],
     "缺少参数 '{city|framework|indicators|waivers|result}'。可选：city、framework、indicators、waivers、result。"
     "（参见 'main schema --help'）",
     "Missing argument '{city|framework|indicators|waivers|result}'. Choose from: city, framework, indicators, "
     "waivers, result. (see 'main schema --help')"),
    ("one argument too many", ["evaluate", NINGBO, "2022"], "多余的参数（2022）（参见 'main evaluate --help'）",
     "Got unexpected extra argument (2022) (see 'main evaluate --help')"),
    ("two arguments too many", ["explain", NINGBO, "REF-01", "REF-02", "REF-03"],
     "多余的参数（REF-02 REF-03）（参见 'main explain --help'）",
     "Got unexpected extra arguments (REF-02 REF-03) (see 'main explain --help')"),
    ("an option without its value", ["evaluate", NINGBO, "--output"], "选项 '--output' 需要一个值。",
     "Option '--output' requires an argument."),
    ("a value for a flag", ["import", NINGBO, "--into", NINGBO, "--dry-run=yes"], "选项 '--dry-run' 不带值。",
     "Option '--dry-run' does not take a value."),
    ("a date that is not one", ["evaluate", NINGBO, "--as-of", "2022-13-01"],
     "'--as-of' 的值无效：'2022-13-01' 不是日期（YYYY-MM-DD）或 'today'（参见 'main evaluate --help'）",
     "Invalid value for '--as-of': '2022-13-01' is not a date (YYYY-MM-DD) or 'today' (see 'main evaluate --help')"),
    ("an empty path", ["evaluate", ""], "'CITY.yaml' 的值无效：路径为空（参见 'main evaluate --help'）",
     "Invalid value for 'CITY.yaml': the path is empty (see 'main evaluate --help')"),
    ("years the wrong way round", ["progress", NINGBO, "--from", "2022", "--to", "2019"],
     "--to 的值无效：2019 早于 --from 2022：较早的年份请写在 --from 后（参见 'main progress --help'）",
     "Invalid value for --to: 2019 comes before --from 2022: give the earlier year to --from "
     "(see 'main progress --help')"),
    ("forms with nowhere to go", ["collect", NINGBO],
     "请指定要写出的征集表：--xlsx 文件 和/或 --csv 文件夹（参见 'main collect --help'）",
     "name the forms to write: --xlsx FILE and/or --csv DIR (see 'main collect --help')"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("what, args, zh, en", USAGE, ids=[u[0] for u in USAGE])
def test_a_usage_error_is_one_line_in_the_language_asked_for(what, args, zh, en, lang):
    # --lang goes first when a value is missing at the end of the line (it would be taken as that value)
    r = invoke(*args[:1], *(["--lang", "en"] if lang == "en" else []), *args[1:])
    assert r.exit_code == 2, r.output
    assert r.stderr.splitlines() == [f"ipcheck: {zh if lang == 'zh' else en}"]
    if lang == "zh":  # (the command's name in "see 'main evaluate --help'" aside)
        assert not LATIN_WORDS.search(r.stderr.split("（参见")[0]), r.stderr


# ---------------------------------------------------------------- a fact file PyYAML cannot read

YAML_SLIPS = [  # (what, line of ningbo.yaml, as written, as mistyped, place, Chinese words, English words)
    ("a full-width colon after a key", 81, "  population:", "  population：", (81, 13),
     "第81行的冒号是全角“：”，请改为半角“:”", "the colon on line 81 is a full-width '：': write a half-width ':'"),
    ("a full-width colon in the header", 11, "  id:", "  id：", (11, 5),
     "第11行的冒号是全角“：”，请改为半角“:”", "the colon on line 11 is a full-width '：': write a half-width ':'"),
    ("a full-width comma between a fact's parts", 82, "954.4万人,", "954.4万人，", (82, 26),
     "第82行的逗号是全角“，”，请改为半角“,”", "the comma on line 82 is a full-width '，': write a half-width ','"),
    ("a tab for indentation", 82, "    2021", "\t2021", (82, 1),
     "第82行用了制表符（Tab）缩进：YAML 只能用空格缩进",
     "line 82 is indented with a tab: YAML is indented with spaces only"),
    ("a brace not closed", 82, "cnnb-2022}", "cnnb-2022", (82, 11),
     "第82行开始的“{”没有闭合，或其中各项之间缺少半角逗号“,”",
     "the '{' opened on line 82 is not closed, or a ',' is missing between its items"),
    ("a value starting with @", 82, "954.4万人", "@954.4万人", (82, 19),
     "值不能以“@”开头：请给这个值加引号", "a value cannot start with '@': put the value in quotes"),
    ("a key indented one space too far", 83, "  invention_patents_per_10k:", "   invention_patents_per_10k:",
     (83, 4), "第83行的缩进与上面的键不一致，或引号后还有多余文字",
     "line 83 is not indented as the keys above it, or text follows a quoted value"),
    ("a colon inside a value", 82, "{value: 954.4万人, source: cnnb-2022}", "人口: 954.4万人", (82, 13),
     "此处不能出现“键: 值”：值中含有“: ”时请加引号，或检查第82行的缩进",
     "a 'key: value' where none can start: quote a value that holds ': ', or check the indentation of line 82"),
    ("a key without its colon", 81, "  population:", "  population", (81, 3), "第81行的键后缺少冒号“:”",
     "line 81 has no ':' after its key"),
    ("an escape that is none", 85, 'en: "end of', 'en: "end\\q of', (85, 106),
     "双引号内有无法识别的转义（反斜杠）：请改用单引号，或写成 \\\\",
     "an unknown escape (backslash) in double-quoted text: use single quotes, or write \\\\"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("what, n, written, typed, place, zh, en", YAML_SLIPS, ids=[s[0] for s in YAML_SLIPS])
def test_a_yaml_slip_is_said_where_it_is_in_the_language_asked_for(tmp_path, what, n, written, typed, place, zh, en,
                                                                    lang):
    lines = NINGBO.read_text(encoding="utf-8").splitlines(keepends=True)
    assert written in lines[n - 1]
    lines[n - 1] = lines[n - 1].replace(written, typed, 1)
    city = tmp_path / "ningbo.yaml"
    city.write_text("".join(lines), encoding="utf-8")
    before = city.read_bytes()
    for command in (["evaluate", city], ["validate", city], ["collect", city, "--xlsx", tmp_path / "f.xlsx"]):
        r = invoke(*command, *(["--lang", "en"] if lang == "en" else []))
        assert r.exit_code == 2, r.output
        assert r.stderr.splitlines() == [f"ipcheck: {city}:{place[0]}:{place[1]}: {zh if lang == 'zh' else en}"]
    assert city.read_bytes() == before and list(tmp_path.iterdir()) == [city]


def test_an_unclosed_quotation_mark_is_said_where_it_opened(tmp_path):
    text = NINGBO.read_text(encoding="utf-8").replace('year-end"}', 'year-end}', 1)
    city = tmp_path / "ningbo.yaml"
    city.write_text("\n".join(text.splitlines()[:90]) + "\n", encoding="utf-8")  # the quote runs to the end
    zh, en = invoke("validate", city), invoke("validate", city, "--lang", "en")
    assert zh.stderr == f"ipcheck: {city}:85:102: 第85行开始的引号没有闭合\n"
    assert en.stderr == f"ipcheck: {city}:85:102: the quotation mark opened on line 85 is never closed\n"


def test_a_problem_without_a_phrase_is_still_a_chinese_line_at_its_place(tmp_path):
    city = tmp_path / "ningbo.yaml"
    city.write_text(NINGBO.read_text(encoding="utf-8") + "%YAML 1.1\n", encoding="utf-8")
    r = invoke("validate", city)
    assert r.exit_code == 2
    assert re.fullmatch(rf"ipcheck: {re.escape(str(city))}:\d+:\d+: YAML 格式有误，此处无法解析（解析器提示：.+）\n",
                        r.stderr), r.stderr


def test_the_language_is_read_from_the_command_line_when_click_refuses_it_before_any_command():
    r = invoke("--lang", "en", "evalute")  # (--lang belongs to the commands: the group refuses it, in English)
    assert r.exit_code == 2 and r.stderr == "ipcheck: No such option '--lang'. (see 'main --help')\n"
    r = invoke("--lang", "zh", "evalute")
    assert r.exit_code == 2 and r.stderr == "ipcheck: 没有选项 '--lang'。（参见 'main --help'）\n"
