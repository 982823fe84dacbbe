"""One language at a time (issue 13): every word ipcheck writes itself is in the language asked for.

Each command's output is scanned after taking out the text that comes from the files (titles,
lead units, clauses, source titles, notes, identifiers) — that text is the files' own and may be
in either language — except the names the files give in the other language (a criterion's
English title has no place in Chinese output, a city's Chinese name none in English output).
What remains is ipcheck's: in Chinese output no English word, in English output no Han character.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args

import pytest
import yaml
from click.testing import CliRunner
from conftest import CITIES, CITY_FILES, CRITERIA
from ipcheck.cli import main
from ipcheck.engine import models as m
from ipcheck.engine.checks import KIND_NAMES

# Words that are names in any language: products, standards, formula functions, ipcheck's options.
PROPER = {"ipcheck", "XCCDF", "NISTIR", "CNIPA", "SHA", "durable", "rules", "Python", "clamp", "ln", "max_age"}
HAN = re.compile(r"[\u3400-\u9fff]")
# ipcheck's own vocabularies: the files use these codes, the outputs must say them in words (a framework's
# kind is not among them: "reference" is also a framework's id, which outputs name as the file does)
VOCABULARY = {*m.CATEGORIES, *m.STATUSES, *KIND_NAMES, *get_args(m.Level), *get_args(m.IndicatorKind), "high",
              "medium", "low", "higher", "lower", "exact", "at_least", "at_most", "xccdf_default", "flat",
              "flat_unweighted", "absolute"}


def _strings(node, skip: str, out: set[str], keys: bool = False) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == skip:  # Names: {zh: ..., en: ...}: the other language's name stays in the scan
                continue
            if keys and isinstance(k, str):  # an attribute's name, as a fact file or a check names it
                out.add(k)
            _strings(v, skip, out, k in ("attributes", "where"))
    elif isinstance(node, list):
        for v in node:
            _strings(v, skip, out)
    elif isinstance(node, str):
        out.add(node)


def file_text(lang: str) -> list[str]:
    """Every string of the shipped files, longest first, without the other language's names."""
    out: set[str] = set()
    skip = "en" if lang == "zh" else "zh"
    for p in sorted(CRITERIA.glob("*.yaml")) + CITY_FILES:
        _strings(yaml.safe_load(p.read_text(encoding="utf-8")), skip, out)
    out |= {str(p.relative_to(CITIES.parent)) for p in sorted(CRITERIA.glob("*.yaml")) + CITY_FILES}
    if lang == "en":  # a title inside an English sentence starts in lower case, a name heading a chart in upper case
        out |= {s[0].lower() + s[1:] for s in out} | {s[0].upper() + s[1:] for s in out}
    return sorted((s for s in out if len(s) > 1 and s not in VOCABULARY), key=len, reverse=True)


class _Text(HTMLParser):
    """The text of an HTML page as a reader sees it: inline pieces joined, blocks and cells apart."""
    BLOCKS = {"p", "li", "td", "th", "tr", "div", "br", "h1", "h2", "h3", "table", "section", "text"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_text(page: str) -> str:
    p = _Text()
    p.feed(page)
    return "".join(p.parts)


def leftovers(text: str, lang: str, known: list[str]) -> list[str]:
    """ipcheck's own words in the wrong language: what is left after the files' text is taken out
    (and the files' paths and digests, which name the inputs)."""
    text = re.sub(r"\b[0-9a-f]{64}\b|\S*/\S+\.yaml", " ", text)
    for s in known:
        if s in text:
            text = text.replace(s, " ")
    if lang == "zh":
        words = re.findall(r"--[a-z-]+|[A-Za-z][A-Za-z_]*", re.sub(r"&[a-z]+;|&#\d+;", " ", text))  # entities
        return sorted({w for w in words if len(w) > 1 and not w.startswith("--") and w not in PROPER})
    return sorted(set(HAN.findall(text)))


def run(*args) -> str:
    # a terminal wide enough that no title wraps: a title from a file is found whole
    r = CliRunner(env={"COLUMNS": "1000"}).invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
    return r.stdout


def outputs(lang: str, tmp: Path) -> dict[str, str]:
    """Every command that takes --lang, in its text formats and its HTML documents."""
    out: dict[str, str] = {}
    for city in CITY_FILES:
        for fmt in ("table", "markdown"):
            out[f"evaluate {city.stem} {fmt}"] = run("evaluate", city, "--lang", lang, "--format", fmt)
    html = tmp / f"r-{lang}.html"
    run("evaluate", CITIES / "tianjin.yaml", "--framework", "tianjin-2017", "--year", "2017", "--lang", lang,
        "--html", html, "--sensitivity", "20")
    out["evaluate tianjin html"] = html_text(html.read_text(encoding="utf-8"))
    run("evaluate", CITIES / "ningbo.yaml", "--lang", lang, "--html", html,
        "--set", "ip_standard_enterprises=600家@2022")
    out["evaluate ningbo html"] = html_text(html.read_text(encoding="utf-8"))
    for cid in ("NB-01", "NB-02", "NB-05", "NB-22", "REF-06", "REF-08"):
        out[f"explain {cid}"] = run("explain", CITIES / "ningbo.yaml", cid, "--lang", lang)
    for cid in ("HZ-01", "HZ-05"):
        out[f"explain {cid}"] = run("explain", CITIES / "heze.yaml", cid, "--lang", lang)
    out["explain TJ-01"] = run("explain", CITIES / "tianjin.yaml", "TJ-01", "--framework", "tianjin-2017",
                               "--year", "2016", "--lang", lang)
    out["explain YC-17"] = run("explain", CITIES / "yinchuan.yaml", "YC-17", "--lang", lang)
    out["criteria"] = run("criteria", "--lang", lang)
    out["criteria ningbo-2020"] = run("criteria", "ningbo-2020", "--lang", lang)
    out["plan"] = run("plan", CITIES / "ningbo.yaml", "--lang", lang)
    out["plan tianjin"] = run("plan", CITIES / "tianjin.yaml", "--framework", "tianjin-2017", "--year", "2017",
                              "--to", "ready", "--lang", lang)
    for fmt in ("table", "markdown"):
        out[f"compare {fmt}"] = run("compare", CITIES, "--lang", lang, "--format", fmt, "--jobs", "1")
    out["progress"] = run("progress", CITIES / "tianjin.yaml", "--from", "2015", "--to", "2018", "--framework",
                          "tianjin-2017", "--lang", lang)
    out["diff"] = run("diff", "ningbo-2020", "reference", CITIES / "ningbo.yaml", "--lang", lang)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_speaks_one_language(lang, tmp_path):
    known = file_text(lang)
    found = {name: left for name, text in outputs(lang, tmp_path).items() if (left := leftovers(text, lang, known))}
    assert not found, f"ipcheck's own words not in {lang}: {found}"


def test_the_scan_finds_a_word_in_the_wrong_language():
    known = file_text("zh")
    assert leftovers("宁波 状态：达标（stale）", "zh", known) == ["stale"]
    assert leftovers("Ningbo 宁波", "zh", known) == ["Ningbo"]  # a city's English name in Chinese output
    assert leftovers("NB-01 市市场监管局（起草单位） 38,289 件", "zh", known) == []
    known_en = file_text("en")
    assert leftovers("Ningbo 宁波: pass", "en", known_en) == ["宁", "波"]  # the Chinese name in English output
    assert leftovers("lead unit: 市市场监管局（起草单位）", "en", known_en) == []  # the file's own text


@pytest.mark.parametrize("lang, declared", [("zh", "zh-CN"), ("en", "en")])
def test_a_document_declares_the_language_it_is_in(lang, declared, tmp_path):
    # a browser offers to translate a page declared in another language; a PDF reader reads it aloud in the
    # declared one (the PDF's /Lang comes from the HTML's lang)
    import pdfplumber
    run("evaluate", CITIES / "tianjin.yaml", "--framework", "tianjin-2017", "--year", "2017", "--lang", lang,
        "--html", tmp_path / "r.html", "--pdf", tmp_path / "r.pdf")
    run("plan", CITIES / "tianjin.yaml", "--framework", "tianjin-2017", "--year", "2017", "--lang", lang,
        "--pdf", tmp_path / "p.pdf")
    assert f'<html lang="{declared}">' in (tmp_path / "r.html").read_text(encoding="utf-8")
    for pdf in ("r.pdf", "p.pdf"):
        with pdfplumber.open(tmp_path / pdf) as doc:
            assert doc.doc.catalog.get("Lang") == declared.encode(), pdf
