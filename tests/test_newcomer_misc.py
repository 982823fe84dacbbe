"""Five small faults of a newcomer's run of the merged product: validate listing an impossible date beside a
schema slip, a drafted framework's placeholder title, a duplicate city id's place, page 1's later-year line,
and a source's publisher in the report's language."""

from __future__ import annotations

import re

import pytest
from conftest import CITIES
from test_forms import invoke, problems

# ---------------------------------------------------------------- validate: every problem in one run

def test_validate_lists_a_date_to_come_beside_a_schema_slip_of_the_same_file(tmp_path):
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    assert "read: 2026-11-21" in text and "    confidence: low\n" in text
    text = text.replace("read: 2026-11-21", "read: 2099-11-21", 1)
    text = text.replace("    confidence: low\n", "    confidence: lwo\n", 1)
    city = tmp_path / "ningbo.yaml"
    city.write_text(text, encoding="utf-8")
    lines = problems(invoke("validate", city, "--lang", "en"))
    assert any("'lwo'" in x for x in lines), lines
    dated = [x for x in lines if "2099-11-21" in x]
    assert len(dated) == 1 and "after today" in dated[0], lines
    line_no = text.splitlines().index("    read: 2099-11-21") + 1
    assert dated[0].startswith(f"ipcheck: {city}:{line_no}:"), dated
    assert lines[-1] == f"ipcheck: {city}: {len(lines) - 1} problems in this file"


# ---------------------------------------------------------------- compare: a city named twice

def test_a_city_id_used_twice_is_said_at_the_second_files_city_id(tmp_path):
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "nb.yaml"
    copy.write_text(text, encoding="utf-8")
    lines = problems(invoke("compare", CITIES, copy), 1)
    line_no = text.splitlines().index("  id: ningbo") + 1
    assert lines == [f"ipcheck: {copy}:{line_no}:7: 城市编号 'ningbo' 也被 {CITIES / 'ningbo.yaml'} 使用"]


# ---------------------------------------------------------------- validate: a drafted framework's title

def test_validate_warns_while_a_drafted_frameworks_title_is_the_drafts_until_it_is_named(tmp_path, monkeypatch):
    from pathlib import Path
    monkeypatch.chdir(tmp_path)
    plan = Path(__file__).parent / "plans" / "wenzhou-2022.txt"
    r = invoke("draft", plan, "--city", "wenzhou", "--output", "wz.yaml")
    assert r.exit_code == 0, r.output
    text = (tmp_path / "wz.yaml").read_text(encoding="utf-8")
    head = '  title: {zh: "根据 wenzhou-2022.txt 起草的框架", en: "wenzhou plan drafted from wenzhou-2022.txt"}'
    assert head in text
    # the analyst names the source document but not yet the framework
    text = text.replace("source: {file: ", 'source: {title: "温州市知识产权强市建设工作方案", file: ', 1)
    (tmp_path / "wz.yaml").write_text(text, encoding="utf-8")
    r = invoke("validate", "wz.yaml")
    assert r.exit_code == 0, r.output
    warned = [line for line in r.stderr.splitlines() if "提示：" in line]
    line_no = text.splitlines().index(head) + 1
    assert warned == [f"ipcheck: wz.yaml:{line_no}:10: 提示：框架标题仍是起草时代拟的占位文字：请在 framework 下把 "
                      'title 改写为规划名称，zh: "…" 与 en: "…"（报告以此为标题）'], r.stderr
    r = invoke("validate", "wz.yaml", "--lang", "en")
    assert [x for x in r.stderr.splitlines() if "warning:" in x][0].endswith(
        "the framework's title is still the one the draft made up: write the plan's name as title under framework, "
        'as zh: "…" and en: "…" (the reports are headed with it)')
    text = text.replace(head, '  title: {zh: "温州市知识产权强市建设", en: "Wenzhou IP Strong City"}')
    (tmp_path / "wz.yaml").write_text(text, encoding="utf-8")
    r = invoke("validate", "wz.yaml")
    assert r.exit_code == 0 and "提示：" not in r.stderr, r.stderr


# ---------------------------------------------------------------- page 1: the later year, as the terminal says it

def _with_a_later_year(tmp_path):
    """Ningbo with one figure for 2024 (a test figure, in this copy only): judged in 2021, 2024 left out."""
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    assert "  trademark_cases_handled:\n" in text
    text = text.replace("  trademark_cases_handled:\n",
                        "  ip_service_institutions:\n    2024: {value: 30家, source: mirror-cqt}\n"
                        "  trademark_cases_handled:\n", 1)
    city = tmp_path / "ningbo.yaml"
    city.write_text(text, encoding="utf-8")
    return city


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_one_of_html_and_word_gives_the_later_year_with_the_terminals_label_and_sentence(tmp_path, lang):
    import docx
    city = _with_a_later_year(tmp_path)
    html, word = tmp_path / "r.html", tmp_path / "r.docx"
    r = invoke("evaluate", city, "--framework", "reference", "--html", html, "--docx", word, "--lang", lang)
    assert r.exit_code == 0, r.output
    label = "未采用的数据" if lang == "zh" else "Figures not used"
    said = [x for x in r.stdout.splitlines() if x.startswith(label)]
    assert len(said) == 1 and "2024" in said[0], r.stdout
    sep = "：" if lang == "zh" else ": "
    sentence = said[0].removeprefix(label + sep)
    line = f"{label}{sep}{sentence}"
    page = re.sub(r"<[^>]+>", "", html.read_text(encoding="utf-8"))
    assert page.count(line) == 1, page[:3000]
    paras = [p.text for p in docx.Document(str(word)).paragraphs if label in p.text]
    assert len(paras) == 1 and line in paras[0], paras


# ---------------------------------------------------------------- a source's publisher in the report's language

@pytest.mark.parametrize("lang, mirror, other", [("zh", "yzeyc.com（转载）", "(mirror)"),
                                                 ("en", "yzeyc.com (mirror)", "（转载）")])
def test_a_mirror_sites_publisher_is_said_in_the_reports_language(tmp_path, lang, mirror, other):
    r = invoke("explain", CITIES / "ningbo.yaml", "REF-01", "--framework", "reference", "--lang", lang)
    assert r.exit_code == 0, r.output
    assert mirror in r.stdout and other not in r.stdout, r.stdout
    html = tmp_path / "r.html"
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--html", html, "--lang", lang)  # its plan and the reference
    page = html.read_text(encoding="utf-8")
    assert mirror in page and "cqtresearch.com" in page and other not in page
    assert ">宁波广电网<" in page  # a publisher given as one text is shown as written


def test_shipped_publishers_are_one_language_or_both_and_json_gives_both():
    import json

    import yaml
    for path in sorted(CITIES.glob("*.yaml")):
        for key, src in yaml.safe_load(path.read_text(encoding="utf-8"))["sources"].items():
            pub = src["publisher"]
            if isinstance(pub, dict):
                assert set(pub) == {"zh", "en"} and not re.search(r"[a-z]{4,}\)|\((?:mirror|secondary)", pub["zh"])
            else:  # one text: a name and perhaps a domain, no English word a Chinese report would print
                assert not re.search(r"\((?:mirror|secondary|republishing)", pub), (path, key, pub)
    r = invoke("evaluate", CITIES / "ningbo.yaml", "--framework", "reference", "--format", "json")
    facts = [f for e in json.loads(r.stdout)["evaluations"] for c in e["criteria"] for f in c.get("facts", [])]
    pubs = {json.dumps(f["publisher"], ensure_ascii=False, sort_keys=True) for f in facts}
    assert '{"en": "yzeyc.com (mirror)", "zh": "yzeyc.com（转载）"}' in pubs, pubs


def test_validate_checks_the_date_of_a_source_whose_other_field_is_misspelt(tmp_path):
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8")
    block = "    read: 2026-11-21\n    via: shared/city-facts.md\n    confidence: low\n"
    assert block in text
    text = text.replace(block, "    read: 2099-11-21\n    via: shared/city-facts.md\n    confidence: lwo\n", 1)
    city = tmp_path / "ningbo.yaml"
    city.write_text(text, encoding="utf-8")
    lines = problems(invoke("validate", city, "--lang", "en"), 3)
    line_no = text.splitlines().index("    read: 2099-11-21") + 1
    assert lines[0].startswith(f"ipcheck: {city}:{line_no}:11: read 2099-11-21, after today"), lines
    assert lines[1].startswith(f"ipcheck: {city}:{line_no + 2}:") and "'lwo'" in lines[1], lines
