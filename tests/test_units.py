"""Published figures become exact Decimals in the indicator's unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ipcheck.engine.units import UnitError, parse_unit, to_unit
from ipcheck.reports.words import display


@pytest.mark.parametrize("value,unit,expected", [
    ("5.2万件", "件", "52000"),
    ("3.6亿元", "万元", "36000"),          # 3.6 × 10^8 / 10^4, exactly: not 36000.000000000004
    ("3.6亿", "亿元", "3.6"),
    ("40.11万", "件", "401100"),
    ("954.4万人", "人", "9544000"),
    ("18,497", "件", "18497"),
    ("95%", "%", "95"),
    (Decimal("0.95"), "%", "95"),           # a bare number is a fraction for a percentage
    (1, "%", "100"),
    ("25.9件", "件/万人", "25.9"),           # "每万人口发明专利拥有量25.9件"
    (119, "亿元", "119"),                   # a bare number is already in the unit
    ("119", "亿元", "119"),
    ("5000万元", "亿元", "0.5"),
])
def test_published_forms_convert_exactly(value, unit, expected):
    assert to_unit(value, parse_unit(unit)) == Decimal(expected)


def test_the_same_quantity_in_other_units_is_equal():
    assert to_unit("3.6亿元", parse_unit("亿元")) == to_unit("36000万元", parse_unit("亿元")) == to_unit(
        "360000000元", parse_unit("亿元"))


@pytest.mark.parametrize("value,unit,words", [
    ("3.6亿元", "件", "does not fit"),      # money for a count
    ("5件", "家", "does not fit"),
    ("95万", "%", "万/亿"),
    ("-5件", "件", "never negative"),
    ("突破1200件", "件", "bound: at_least"),
    ("1e16", "件", "exponent notation"),
    ("abc", "件", "not a number"),
    (True, "件", "expected a number"),
    (Decimal("-0"), "件", "never negative"),
    ("2万亿元", "元", "unknown unit"),
    (10**13, "件", "larger than any published figure"),
])
def test_bad_values_are_refused_with_a_reason(value, unit, words):
    with pytest.raises(UnitError) as exc:
        to_unit(value, parse_unit(unit))
    assert words in str(exc.value)


def test_unknown_unit_is_named():
    with pytest.raises(UnitError, match="unknown unit 'kg'"):
        parse_unit("kg")


def test_display_groups_digits_and_keeps_two_decimals():
    assert display(Decimal("401100"), "件") == "401,100 件"
    assert display(Decimal("40.118399"), "件/万人") == "40.12 件/万人"
    assert display(Decimal("95"), "%") == "95%"


@pytest.mark.parametrize("value,unit,expected,bound", [
    ("1,041家", "家", "1041", "exact"),
    ("１，０４１家", "家", "1041", "exact"),         # full-width digits and comma (a Chinese input method)
    ("９５％", "%", "95", "exact"),
    ("41家以上", "家", "41", "at_least"),
    ("突破1200件", "件", "1200", "at_least"),
    ("超过1,200件", "件", "1200", "at_least"),
    ("逾5万件", "件", "50000", "at_least"),
    ("1200多件", "件", "1200", "at_least"),
    ("5万余件", "件", "50000", "at_least"),
    ("不超过30天", "天", "30", "at_most"),
    ("不足30天", "天", "30", "at_most"),
    ("30天以内", "天", "30", "at_most"),
    ("5.2万件", "件", "52000", "exact"),
    (Decimal("0.95"), "%", "95", "exact"),
])
def test_figures_as_people_type_them(value, unit, expected, bound):
    from ipcheck.engine.units import read_figure
    assert read_figure(value, parse_unit(unit))[:2] == (Decimal(expected), bound)


@pytest.mark.parametrize("value,words", [
    ("约1200件", "approximate"),
    ("近1200件", "approximate"),
    ("1200件左右", "approximate"),
    ("超过不足5件", "more than one qualifier"),
    ("不足1200多件", "contradict"),
    ("41家以上", "'41家以上': unit 家 does not fit 件"),   # the message names the figure as written
    ("以上", "'以上' is not a number"),
])
def test_figures_people_type_that_are_refused(value, words):
    from ipcheck.engine.units import read_figure
    with pytest.raises(UnitError) as exc:
        read_figure(value, parse_unit("件"))
    assert words in str(exc.value)


def test_to_unit_reads_full_width_digits_but_still_refuses_qualifiers():
    assert to_unit("３．６亿元", parse_unit("万元")) == Decimal(36000)
    with pytest.raises(UnitError, match="approximate"):
        to_unit("约5件", parse_unit("件"))
