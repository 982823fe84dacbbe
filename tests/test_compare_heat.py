"""compare's heat map: a city that is not assessable (its coverage under the floor) never gets the colour of a good
score from its few criteria with evidence; its category scores are shown provisional (in brackets, hatched grey),
while an assessable city keeps its heat colours."""

from __future__ import annotations

import pdfplumber
import pytest
from click.testing import CliRunner
from conftest import CITIES
from ipcheck.cli import main

# Against Tianjin's 2017 plan, Tianjin is judged once it has a 2017 count of enterprises holding patents (TJ-03,
# 10,900: a test figure; the shipped 2016 stock alone leaves the plan not assessable) and the four others are
# not assessable; Ningbo's one target with evidence in 创造 is met (100.0) and Shaoxing's scores 93.1
FIGURE = "    2016: {value: 10639家, source: govcn-2017,"


@pytest.fixture(scope="module")
def cities(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cities")
    for path in CITIES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == "tianjin.yaml":
            text = text.replace(FIGURE, "    2017: {value: 10900家, source: govcn-2017}\n" + FIGURE)
        (folder / path.name).write_text(text, encoding="utf-8")
    return folder


def args(folder):
    return (str(folder), "--framework", "tianjin-2017")
GREENS = {(0.85098, 0.917647, 0.827451), (0.717647, 0.882353, 0.803922)}  # .heat-7/8 #d9ead3, .heat-9 #b7e1cd


def invoke(*args) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def _fill(page, word) -> tuple | str | None:
    """The fill of the table cell under a word of the page."""
    for r in page.rects:
        if (r["x0"] <= word["x0"] and word["x1"] <= r["x1"]
                and r["top"] <= word["top"] and word["bottom"] <= r["bottom"]):
            c = r.get("non_stroking_color")
            return tuple(round(x, 6) for x in c) if isinstance(c, (tuple, list)) else c
    return None


@pytest.fixture(scope="module")
def heat_row(tmp_path_factory, cities):
    pdf_path = tmp_path_factory.mktemp("compare") / "compare.pdf"
    invoke("compare", *args(cities), "--pdf", pdf_path)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        heading = next(w for w in words if "热力图" in w["text"])
        below = [w for w in words if w["top"] > heading["bottom"]]
    return lambda city: [(w["text"], _fill(page, w)) for w in below
                         if abs(w["top"] - next(c for c in below if c["text"] == city)["top"]) < 2][1:]


def test_a_city_not_assessable_gets_no_green_cell_in_the_pdf(heat_row):
    tianjin = dict(heat_row("天津"))
    assert tianjin["99.7"] in GREENS  # judged: its scores keep their heat colours
    ningbo = dict(heat_row("宁波"))
    assert "（100.0）" in ningbo and ningbo["（100.0）"] not in GREENS
    shaoxing = dict(heat_row("绍兴"))
    assert "（93.1）" in shaoxing and shaoxing["（93.1）"] not in GREENS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_text_shows_the_scores_as_provisional_and_says_why(lang, cities):
    out = invoke("compare", *args(cities), "--lang", lang, "--format", "markdown")
    heat = out.split("热力图" if lang == "zh" else "heat map")[1].split("##")[0]
    rows = {line.split("|")[1].strip(): line for line in heat.splitlines() if line.startswith("|")}
    if lang == "zh":
        assert "| 99.7 |" in rows["天津"] and "（100.0）" in rows["宁波"] and "（93.1）" in rows["绍兴"]
        assert "括号内、不着色的得分：该城市证据不足，无法评定" in heat
    else:
        assert "| 99.7 |" in rows["Tianjin"] and "(100.0)" in rows["Ningbo"] and "(93.1)" in rows["Shaoxing"]
        assert "Scores in brackets, uncoloured: a city that is not assessable" in heat


def test_no_note_when_every_city_is_assessable(cities):
    out = invoke("compare", cities / "tianjin.yaml", "--framework", "tianjin-2017", "--format", "markdown")
    assert "括号内" not in out and "（" not in out.split("热力图")[1].split("##")[0].split("\n", 1)[1]
