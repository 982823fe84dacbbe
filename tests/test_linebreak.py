"""Where terminal lines break (reports/linebreak.py): property-based, over mixed Chinese and English text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from ipcheck.reports.linebreak import READABLE, least, numbers, units, widths, wrap
from rich.cells import cell_len

PIECES = st.sampled_from(["知识产权", "专利", "，", "（", "）", "2022年", "4,500", " ", "≥ ", "件", "patent ",
                          "per 10k ", "亿元", "市市场监管局", "（起草单位）", "performance", "。"])
TEXT = st.lists(PIECES, min_size=1, max_size=30).map("".join)


@given(TEXT, st.integers(2, 60), st.booleans())  # (a Chinese character takes two cells)
def test_every_line_fits_and_nothing_is_lost(s, width, name):
    lines = wrap(s, width, name)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == s.replace(" ", "")


@given(TEXT, st.booleans())
def test_a_line_as_wide_as_the_widest_piece_breaks_no_piece(s, name):
    width = max(least(s, name), 1)
    lines = wrap(s, width, name)
    for piece in units(s, name):
        assert piece.strip() == "" or any(piece.strip() in line for line in lines), (piece, lines)


def test_numbers_years_and_english_words_stay_whole():
    text = "公布著作权（版权）作品登记量（2022年），证明达到≥ 4,500 件 patents per 10,000 people"
    for width in range(14, 40):
        joined = "\n".join(wrap(text, width))
        for whole in ("2022年", "4,500", "patents", "10,000", "people"):
            assert whole in joined, (width, joined)
        assert not re.search(r"^[）)，。]", joined, re.M)  # no line opens with a closing bracket or a comma


def test_a_figures_freshness_stays_whole_in_a_document():
    # what a table cell keeps on one line: the figure, its bracketed year, the word that closes the bracket
    assert numbers("10,639 家（2016年，陈旧）") == [("10,639 家", True), ("（2016年，", True), ("陈旧）", True)]
    assert numbers("183,000 件（截至2018年4月，过旧）")[-1] == ("过旧）", True)
    # a longer remark may break: it is words, not a tag
    assert numbers("（2021年，上一年数据，仅供参考）")[-1] == ("上一年数据，仅供参考）", False)
    assert "".join(p for p, _ in numbers("0.87 件/万人（2020年，过旧） 其后")) == "0.87 件/万人（2020年，过旧） 其后"


def test_a_lead_unit_breaks_only_before_its_bracket():
    assert wrap("市市场监管局（起草单位）", 12, name=True) == ["市市场监管局", "（起草单位）"]
    assert wrap("市市场监管局（起草单位）", 30, name=True) == ["市市场监管局（起草单位）"]


@given(st.lists(st.tuples(st.integers(1, 20), st.integers(0, 60)), min_size=1, max_size=8), st.integers(10, 200),
       st.booleans())
def test_column_widths_fit_the_room_and_never_go_below_a_columns_widest_piece(cols, room, stretch):
    least_ = [m for m, _ in cols]
    natural = [m + extra for m, extra in cols]
    out = widths(least_, natural, room, 3, stretch)
    inner = room - 3 * (len(cols) - 1)
    if sum(least_) > inner:
        assert out is None
        return
    if out is None:  # only when a column of text would be squeezed below READABLE
        assert sum(max(n, m) for n, m in zip(natural, least_)) > inner
        return
    assert all(w >= min(n, READABLE) for w, n in zip(out, natural))
    assert all(w >= m for w, m in zip(out, least_))
    assert sum(out) <= inner and (not stretch or sum(out) == inner)
    if sum(natural) <= inner:
        assert out[:-1] == natural[:-1]


@given(TEXT)
def test_a_joined_run_reads_the_same_and_offers_no_break(s):
    """What the PDF keeps on one line (a lead unit, a figure with its unit) is written with no-break
    characters instead of a span: it reads the same, and no place in it is left where a line may break."""
    from ipcheck.reports.linebreak import joined
    from uniseg.linebreak import line_break_units
    got = joined(s)
    assert got.replace("\u2060", "").replace("\u00a0", " ") == s
    body = got.rstrip(" ")
    assert len(list(line_break_units(body))) <= 1, body
    assert all(a == "\u2060" or b == "\u2060" or "\u00a0" in (a, b) for a, b in zip(body, body[1:]))
