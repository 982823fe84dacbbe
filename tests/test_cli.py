"""The command line end to end, as a user runs it (click's CliRunner)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from conftest import CITIES, CITY_FILES, CRITERIA
from helpers import one_line as one_line_error
from ipcheck.cli import main
from rich.cells import cell_len

NINGBO = str(CITIES / "ningbo.yaml")


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def invoke_en(*args):
    """The command with its messages in English (the words these tests look for)."""
    return invoke(*args, "--lang", "en")


def test_evaluate_ningbo_table():
    r = invoke("evaluate", NINGBO, "--lang", "en")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "ningbo-2020 v3" in out and "reference v2" in out and "national-2025" not in out  # a benchmark: named only
    # NB-02 and NB-06 are yearly flows: their 2021 figures do not judge 2022 (engine/age.py); NB-03 and NB-13
    # have 2022's copyright registrations (10,790, +20.17% on 2021); NB-29..32 (version 2) have no evidence yet
    # (issue 25: a plan leads with its targets by achievement; the index, a range here, comes second)
    assert "NOT ASSESSABLE" in out and "29% of the targets' weight" in out
    assert "Target achievement: 32 targets: 6 met, 26 without evidence" in out
    assert "Achievement index: between 12.8 and 100.0" in out
    assert "Evaluation year: 2022 (the plan's target year)" in out
    assert "Evaluation year: 2021 (the year whose figures cover the most weight)" in out
    nb01 = next(line for line in out.splitlines() if "NB-01" in line)
    # English drops the counter words (件, 家): a figure reads as a figure
    assert "met" in nb01 and "38,289 (2021, stale)" in nb01 and "≥ 36,000" in nb01 and "+2,289 (+6.36%)" in nb01
    assert "件" not in nb01
    nb07 = next(line for line in out.splitlines() if "NB-07" in line)
    assert "no evidence" in nb07 and "≥ 650 (2022)" in nb07


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_output_leads_with_a_score_where_evidence_is_missing(lang):
    """issue 11: for a city that is not assessable, the verdict and the missing evidence lead, then the range
    (none when nothing at all has evidence: a range of 0 to 100 says nothing)."""
    for path in CITY_FILES:
        out = invoke("evaluate", str(path), "--lang", lang).stdout
        blocks = [b for b in out.split("\n\n") if b.strip()]
        for block in blocks:
            head = block.splitlines()[:7]
            verdict = next(i for i, line in enumerate(head) if line.startswith(("结论", "Verdict")))
            if head[verdict - 1].startswith(("目标完成情况：", "Target achievement: ")):
                # issue 25: a plan's targets lead, the evidence missing among them, just before the verdict;
                # the achievement index (a range when not assessable) follows it, never "/ 100" alone
                targets = head[verdict - 1]
                assert "缺少证据" in targets or "without evidence" in targets or "NOT ASSESSABLE" not in head[verdict]
                assert any(line.startswith(("达成指数：", "Achievement index: "))  # (a long verdict wraps)
                           for line in head[verdict + 1:verdict + 3]), head
                if "证据不足" in head[verdict] or "NOT ASSESSABLE" in head[verdict]:
                    assert not any("/ 100" in line for line in head), head
                continue
            if "证据不足" in head[verdict] or "NOT ASSESSABLE" in head[verdict]:
                assert head[verdict + 1].startswith(("证据：", "Evidence: ")), head
                nothing = "均缺少证据" in head[verdict + 1] or "none of the" in head[verdict + 1]
                assert head[verdict + 2].startswith(("可能得分：", "Possible score: ")) != nothing, head
                assert not any("/ 100" in line for line in head), head


def test_evaluate_in_chinese_by_default():
    out = invoke("evaluate", NINGBO).stdout
    assert "结论" in out and "达标" in out and "有效发明专利拥有量达到36000件" in out


def test_json_is_versioned_complete_and_byte_identical():
    a = invoke("evaluate", NINGBO, "--format", "json")
    b = invoke("evaluate", NINGBO, "--format", "json")
    assert a.exit_code == 0 and a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert doc["schema"] == "ipcheck.evaluation/1" and doc["ipcheck_version"]
    digests = {i["path"]: i["sha256"] for i in doc["inputs"]}
    assert digests[NINGBO] == hashlib.sha256((CITIES / "ningbo.yaml").read_bytes()).hexdigest()
    assert str(CRITERIA / "ningbo-2020.yaml") in digests
    ev = {e["framework"]["id"]: e for e in doc["evaluations"]}
    assert set(ev) == {"ningbo-2020", "reference"}  # its own plan and the reference framework by default
    nb = ev["ningbo-2020"]  # NB-03 and NB-13 have 2022 copyright figures
    assert nb["verdict"] == "not_assessable" and nb["coverage"] == "0.291667" and nb["score"] == "100"
    low, high = Decimal(nb["score_range"]["low"]), Decimal(nb["score_range"]["high"])
    assert low < Decimal(nb["score"]) <= high == 100 and nb["evidence"] == {"lacking": 26, "applicable": 32}
    c = {x["id"]: x for x in nb["criteria"]}
    assert (c["NB-01"]["status"], c["NB-01"]["value"], c["NB-01"]["target"], c["NB-01"]["gap"]) == (
        "pass", "38289", "36000", "2289")
    assert c["NB-01"]["facts"][0]["source_url"].startswith("http://76421.cn")
    assert (c["NB-07"]["status"] == "unknown"
            and c["NB-07"]["measurement"]["missing"][0]["indicator"] == "ip_standard_enterprises")
    assert c["NB-20"]["lead_unit"] == "市知识产权工作领导小组" and c["NB-20"]["clause"].startswith("六")


def test_both_deciders_give_the_same_json():
    a = json.loads(invoke("evaluate", NINGBO, "--format", "json", "--engine", "durable").stdout)
    b = json.loads(invoke("evaluate", NINGBO, "--format", "json", "--engine", "python").stdout)
    for e in a["evaluations"] + b["evaluations"]:
        assert e.pop("engine") in ("durable", "python")
    assert a == b


def test_markdown_has_lead_units_and_clauses():
    out = invoke("evaluate", NINGBO, "--format", "markdown", "--lang", "en").stdout
    assert "| Status | ID | Criterion |" in out and "Lead unit" in out and "| 六.（二十二）强化组织领导 |" in out


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "ningbo.json"
    r = invoke("evaluate", NINGBO, "--format", "json", "--output", str(target))
    assert r.exit_code == 0
    assert json.loads(target.read_text())["evaluations"]
    assert [p.name for p in tmp_path.iterdir()] == ["ningbo.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask  # not the 0600 of a temporary file


def test_bad_input_leaves_no_output(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((CITIES / "ningbo.yaml").read_text().replace("value: 667件", "value: 667亿元"))
    target = tmp_path / "out.json"
    line = one_line_error(invoke("evaluate", str(bad), "--output", str(target)), "bad.yaml:", "亿元")
    assert not target.exists()
    assert line.split(":")[2].isdigit()  # file:line:column


def test_fail_under(tmp_path):
    heze = str(CITIES / "heze.yaml")
    # Tianjin with a 2017 count of enterprises holding patents (10,900): TJ-03 is judged in its own year (the
    # shipped 2016 figure alone leaves it without evidence, and the plan not assessable)
    figure = "    2016: {value: 10639家, source: govcn-2017,"
    tianjin = tmp_path / "tianjin.yaml"
    tianjin.write_text((CITIES / "tianjin.yaml").read_text(encoding="utf-8").replace(
        figure, "    2017: {value: 10900家, source: govcn-2017}\n" + figure), encoding="utf-8")
    tianjin = str(tianjin)
    # Heze is not assessable: 100 on what is known, but the missing evidence allows far less
    r = invoke("evaluate", heze, "--framework", "reference", "--fail-under", "60")
    assert r.exit_code == 1 and r.stderr.splitlines()[-1] == "ipcheck: 低于 --fail-under 60.0：reference"
    r = invoke("evaluate", heze, "--fail-under", "60", "--lang", "en")
    assert r.exit_code == 1 and r.stderr.splitlines()[-1] == "ipcheck: below --fail-under 60.0: heze-2022, reference"
    # Tianjin in 2017 is assessable (half the weight has evidence) and scores 99.9 on its own plan
    assert invoke("evaluate", tianjin, "--framework", "tianjin-2017", "--year", "2017",
                  "--fail-under", "99").exit_code == 0
    assert invoke("evaluate", tianjin, "--framework", "tianjin-2017", "--year", "2017",
                  "--fail-under", "99.95").exit_code == 1


def test_unknown_framework_and_criterion_are_usage_errors():
    r = invoke_en("evaluate", NINGBO, "--framework", "ningbo-202")
    assert r.exit_code == 2 and "did you mean 'ningbo-2020'" in r.output
    r = invoke_en("explain", NINGBO, "NB-99")
    assert r.exit_code == 2 and "no criterion 'NB-99'" in r.output


def test_missing_file_and_directory(tmp_path):
    one_line_error(invoke_en("evaluate", str(tmp_path / "nope.yaml")), "no such file")
    one_line_error(invoke_en("evaluate", str(tmp_path)), "is a directory")


def test_explain_names_facts_formula_and_source():
    r = invoke("explain", NINGBO, "NB-05", "--lang", "en")
    assert r.exit_code == 0
    out = r.stdout
    # indicators by their names, never their ids (issue 13)
    assert "clause 一（总体要求）" in out and "http://76421.cn" in out
    assert "Madrid international trademark registrations (cumulative) 2021: ≥ 1,200 —" in out
    assert "formula: Madrid international trademark registrations (cumulative)[2021] ≥ target" in out
    assert "madrid_registrations" not in out
    zh = invoke("explain", NINGBO, "NB-05").stdout
    assert "公式：马德里商标国际注册量[2021] ≥ 目标" in zh and "评价框架：" in zh and "可信度：低" in zh


def test_criteria_lists_frameworks_and_criteria():
    out = invoke("criteria").stdout
    for fid in ("ningbo-2020", "shaoxing-2014", "heze-2022", "yinchuan-2023", "tianjin-2017", "reference"):
        assert fid in out
    out = invoke("criteria", "yinchuan-2023", "--lang", "en").stdout
    assert "YC-17" in out and "required" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fw", [None, "ningbo-2020", "reference"])
def test_criteria_fits_an_80_column_terminal_with_its_columns_aligned(fw, lang):
    """Chinese titles are two cells wide: the listing fits 80 columns and its columns start where its heads do."""
    r = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["criteria", *([fw] if fw else []), "--lang", lang])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80, max(lines, key=cell_len)
    rule = next((i for i, line in enumerate(lines) if line.startswith("─")), None)
    if rule is None:  # too narrow for the columns (English titles): a card per criterion, each line within 80
        assert any(line.startswith("NB-01" if fw == "ningbo-2020" else "REF-01") for line in lines)
        return
    head = lines[rule - 1]
    starts = [cell_len(head[:m.start()]) for m in re.finditer(r"(?<=\s\s)\S", head)]
    for line in lines[rule + 1:]:
        for col in starts:  # a cell's text starts at its column or the column is empty there
            text = _at_cell(line, col)
            assert text in (" ", "") or cell_len(line[:_index_at_cell(line, col)]) == col, (line, col)


def _index_at_cell(line: str, col: int) -> int:
    """The index of the character at terminal cell `col` of `line`."""
    width = 0
    for i, ch in enumerate(line):
        if width >= col:
            return i
        width += cell_len(ch)
    return len(line)


def _at_cell(line: str, col: int) -> str:
    i = _index_at_cell(line, col)
    return line[i] if i < len(line) else ""


def test_validate_shipped_files():
    r = invoke("validate", str(CITIES), str(CRITERIA))
    assert r.exit_code == 0, r.output
    assert f"{len(CITY_FILES) + 8} 个文件有效" in r.stdout  # in the user's language, zh by default
    assert f"{len(CITY_FILES) + 8} files valid" in invoke("validate", str(CITIES), str(CRITERIA), "--lang", "en").stdout


def test_validate_reports_every_bad_file_with_position(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text((CITIES / "ningbo.yaml").read_text().replace("  pct_applications:", "  pct_aplications:"))
    b = tmp_path / "b.yaml"
    b.write_text((CRITERIA / "tianjin-2017.yaml").read_text().replace(
        "    examples:\n      - {facts: {valid_patents", "    examples_:\n      - {facts: {valid_patents", 1))
    r = invoke_en("validate", str(a), str(b))
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "a.yaml:" in lines[0] and "did you mean 'pct_applications'" in lines[0]
    assert "b.yaml:" in lines[1] and "unknown field" in lines[1]


def test_validate_flags_criteria_without_examples(tmp_path):
    f = tmp_path / "fw.yaml"
    text = (CRITERIA / "tianjin-2017.yaml").read_text()
    start = text.index("    examples:\n      - {facts: {valid_patents")
    end = text.index("  - id: TJ-03")
    f.write_text(text[:start] + text[end:])
    r = invoke_en("validate", str(f))
    assert r.exit_code == 2 and "criterion TJ-02 has no examples" in r.stderr


def test_test_runs_every_example_of_the_shipped_criteria():
    from conftest import load_library
    lib = load_library(CRITERIA)
    total = sum(len(c.examples) for fw in lib.frameworks.values() for c in fw.model.criteria)
    r, en = invoke("test"), invoke("test", "--lang", "en")
    assert r.exit_code == en.exit_code == 0, r.output
    lines, en_lines = r.stdout.splitlines(), en.stdout.splitlines()
    assert lines[-1] == f"通过 {total} 项，未通过 0 项" and total > 200
    assert en_lines[-1] == f"{total} passed, 0 failed"
    for fid, fw in lib.frameworks.items():
        n = sum(len(c.examples) for c in fw.model.criteria)
        assert any(line.split() == [fid, "通过", str(n), "未通过", "0", fw.name] for line in lines), fid
        assert any(line.split() == [fid, str(n), "passed", "0", "failed", fw.name] for line in en_lines), fid
    assert invoke("test", "--engine", "python").stdout == r.stdout


def broken_example(tmp_path):
    """A copy of tianjin-2017.yaml whose TJ-02 example 2 expects pass (it gives partial), and where that example is."""
    text = (CRITERIA / "tianjin-2017.yaml").read_text(encoding="utf-8")
    example = "{facts: {valid_patents: {2017: 10万}}, expect: partial}"
    assert text.count(example) == 1
    f = tmp_path / "tianjin-2017.yaml"
    f.write_text(text.replace(example, example.replace("partial", "pass")), encoding="utf-8")
    before = text[:text.index(example)]
    line = before.count("\n") + 1
    col = len(before) - before.rfind("\n")
    return f, f"{f}:{line}:{col}: TJ-02 示例 2：应为 pass，实为 partial"


def test_test_prints_a_failing_example_with_its_position(tmp_path):
    f, problem = broken_example(tmp_path)
    r = invoke("test", str(f))
    assert r.exit_code == 1, r.output
    assert r.stdout.splitlines() == [f"tianjin-2017{'':<5}通过   35  未通过    1  {f}", problem,
                                     "通过 35 项，未通过 1 项"]
    r = invoke("test", str(tmp_path), str(CRITERIA / "heze-2022.yaml"), "--lang", "en")  # a folder, and a file
    english = problem.replace("示例 2：应为 pass，实为 partial", "example 2: expected pass, got partial")
    assert r.exit_code == 1 and english in r.stdout.splitlines() and r.stdout.splitlines()[-1] == "78 passed, 1 failed"


def test_test_refuses_what_is_not_a_framework(tmp_path):
    one_line_error(invoke_en("test", NINGBO), "ningbo.yaml:0:0", "not a framework file")
    one_line_error(invoke_en("test", str(CITIES)), "no framework file")
    one_line_error(invoke_en("test", str(tmp_path / "nope.yaml")), "no such file")
    bad = tmp_path / "fw.yaml"
    bad.write_text((CRITERIA / "tianjin-2017.yaml").read_text(encoding="utf-8").replace("weight: 2", "weight: two"))
    one_line_error(invoke_en("test", str(bad)), "fw.yaml:", "must be a number")


def test_validate_runs_the_examples(tmp_path):
    f, problem = broken_example(tmp_path)
    r = invoke("validate", str(f))
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == ["ipcheck: " + problem]  # one error line, as every command gives


@pytest.mark.parametrize("path", CITY_FILES, ids=lambda p: p.stem)
def test_every_shipped_city_evaluates(path):
    r = invoke("evaluate", str(path), "--format", "json")
    assert r.exit_code == 0, r.output
    assert len(json.loads(r.stdout)["evaluations"]) == 2  # its own plan and the reference framework
    named = invoke("evaluate", str(path), "--framework", "national-2025", "--format", "json")
    assert [e["framework"]["id"] for e in json.loads(named.stdout)["evaluations"]] == ["national-2025"]


def test_table_shows_fix_first_trends_and_assumptions():
    # In 2016 (in 2017 TJ-01 passes on the office's 18.3 and shows no trend)
    out = invoke("evaluate", str(CITIES / "tianjin.yaml"), "--framework", "tianjin-2017", "--year", "2016",
                 "--lang", "en").stdout.replace("\u00a0", " ")  # (an item's id and figure joined by a no-break space)
    # a plan's fix-first list in its own words: the target with its achievement, the index it gains (issue 25);
    # 124,800 of 130,000
    assert "Act first (achievement index gained if met): TJ-02 (progress cannot be judged) +0.7" in out
    # the history up to the year judged: 9.04 (2013) → 14.7 (2016), (14.7 / 9.04)^(1/3) − 1; the figures of
    # 2017–2024 were not known in 2016
    assert "TJ-01: observed 17.59% a year" in out
    out = invoke("evaluate", NINGBO, "--framework", "ningbo-2020", "--set", "ip_standard_enterprises=600家@2022").stdout
    assert "（假设）" in out and "(assumed)" not in out  # the table speaks the output's language
    assert "假设（--set，非公布数据）：ip_standard_enterprises=600 家@2022" in out


def test_text_from_files_is_not_terminal_markup(tmp_path):
    city = tmp_path / "c.yaml"
    city.write_text((CITIES / "ningbo.yaml").read_text().replace("name: {zh: 宁波, en: Ningbo}",
                                                                 "name: {zh: 宁波, en: '[bold]Ningbo[/bold]'}"))
    out = invoke("evaluate", str(city), "--lang", "en").stdout
    assert out.startswith("[bold]Ningbo[/bold] — ")  # the English name only, as written


def test_waiver_file_end_to_end(tmp_path):
    w = tmp_path / "w.yaml"
    w.write_text("waivers:\n  - {criterion: NB-07, framework: ningbo-2020, justification: 贯标统计口径调整中, "
                 "expires: 2023-06-30}\n",
                 encoding="utf-8")
    data = json.loads(invoke("evaluate", NINGBO, "--framework", "ningbo-2020", "--waivers", str(w),
                             "--format", "json").stdout)
    nb07 = next(c for c in data["evaluations"][0]["criteria"] if c["id"] == "NB-07")
    assert nb07["status"] == "waived" and nb07["waiver"]["active"] is True  # judged on 2022-12-31
    later = json.loads(invoke("evaluate", NINGBO, "--framework", "ningbo-2020", "--waivers", str(w),
                              "--as-of", "2023-06-30", "--format", "json").stdout)
    nb07 = next(c for c in later["evaluations"][0]["criteria"] if c["id"] == "NB-07")
    assert nb07["status"] == "unknown" and "expired on 2023-06-30" in nb07["reason"]["en"]


def test_validate_reports_every_problem_of_a_file(tmp_path):
    """issue 14: one line per problem, not only the first; other commands stop at the first, saying how many more."""
    bad = tmp_path / "multi.yaml"
    bad.write_text(
        "city: {id: t, name: {zh: 天津, en: Tianjin}, level: municipality}\n"
        "sources: {s: {title: t, publisher: p, read: 2024-01-01}}\n"
        "facts:\n"
        "  valid_invention_patents:\n"
        "    2014: {value: 若干, source: s}\n"
        "    2015: {value: 5家, source: s}\n"
        "  leadership_group:\n"
        "    2020: {value: yes, source: s, attributes: {chair: 市长}}\n"
        "  valid_patentz:\n"
        "    2020: {value: 5, source: x}\n", encoding="utf-8")
    r = invoke_en("validate", str(bad))
    lines = r.stderr.strip().splitlines()
    assert r.exit_code == 2 and len(lines) == 5, r.stderr
    assert [line.split(":")[2] for line in lines[:4]] == ["5", "6", "8", "10"]  # "ipcheck: FILE:LINE:COL: ..."
    assert lines[4] == f"ipcheck: {bad}: 4 problems in this file"
    assert "mayor (市长)" in lines[2] and "did you mean 'valid_patents'" in lines[3]
    r = invoke_en("evaluate", str(bad))
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1 and "[and 3 more problems]" in r.stderr
