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


# ---------------------------------------------- one rule for values as people type them (docs/values.md)

@pytest.mark.parametrize("value,unit,expected,bound", [
    ("15.2", "亿元", "15.2", "exact"),       # a number typed as text
    ("650", "家", "650", "exact"),
    (15.2, "亿元", "15.2", "exact"),         # a spreadsheet float, by its shortest repr
    ("1.2万", "件", "12000", "exact"),
    ("12亿", "亿元", "12", "exact"),
    ("12件以上", "件", "12", "at_least"),
    ("突破1200件", "件", "1200", "at_least"),
    ("不足5家", "家", "5", "at_most"),
    ("０.９５", "%", "95", "exact"),
])
def test_read_value_reads_figures_as_typed(value, unit, expected, bound):
    from ipcheck.engine.units import read_value
    assert read_value(value, parse_unit(unit))[:2] == (Decimal(expected), bound)


@pytest.mark.parametrize("value,expected", [
    (True, True), ("是", True), ("有", True), ("✓", True), ("√", True), ("YES", True), ("ｙｅｓ", True),
    (False, False), ("否", False), ("无", False), ("✗", False), ("×", False), ("no", False), (" 没有 ", False),
])
def test_read_value_reads_yes_and_no_as_typed(value, expected):
    from ipcheck.engine.units import read_value
    assert read_value(value, None) == (expected, "exact", "")


@pytest.mark.parametrize("value,unit,words", [
    ("约12", "件", "approximate"), ("12左右", "件", "approximate"), ("大概有", None, "is not yes/no"),
    ("1", None, "is not yes/no"), ("是", "件", "not yes/no"), (True, "件", "not yes/no"),
    (float("nan"), "件", "not a finite number"), ("12家", "件", "does not fit"),
])
def test_read_value_refuses_with_a_reason(value, unit, words):
    from ipcheck.engine.units import read_value
    with pytest.raises(UnitError, match=words):
        read_value(value, parse_unit(unit) if unit else None)


@pytest.mark.parametrize("value,unit,expected,bound", [
    ("三万件", "件", "30000", "exact"),      # Chinese numerals, as plans and some bulletins write figures
    ("三万", "家", "30000", "exact"),
    ("两百家", "家", "200", "exact"),
    ("一千零五件", "件", "1005", "exact"),
    ("三点五亿元", "万元", "35000", "exact"),   # the digits after 点 one by one: exact
    ("九十五%", "%", "95", "exact"),
    ("突破三万件", "件", "30000", "at_least"),
    ("三千多家", "家", "3000", "at_least"),
])
def test_read_value_reads_chinese_numerals_exactly(value, unit, expected, bound):
    from ipcheck.engine.units import read_value
    assert read_value(value, parse_unit(unit))[:2] == (Decimal(expected), bound)


@pytest.mark.parametrize("value,words", [
    ("十四五件", "not a number"),   # a plan's name, not a number
    ("一二件", "not a number"),      # digits one by one: no figure is written so
    ("若干件", "not a number"),      # "several"
    ("约三万件", "approximate"),
    ("近千家", "approximate"),
])
def test_read_value_refuses_words_that_are_no_exact_number(value, words):
    from ipcheck.engine.units import read_value
    with pytest.raises(UnitError, match=words):
        read_value(value, parse_unit("件"))


def test_the_plan_reader_reads_its_numbers_by_the_same_rule(catalogue):
    """A plan's "三万件" and a fact file's "三万件" are one quantity: the reader keeps 万件 as written."""
    from ipcheck.engine.planread import read_plan
    from ipcheck.engine.planread.tables import read_value as cell_value
    from ipcheck.engine.units import read_value

    t = next(t for t in read_plan("到2025年，全市有效发明专利达到三万件。", catalogue).targets)
    assert (t.value, t.unit) == (Decimal(3), "万件")
    assert read_value(f"{t.value}{t.unit}", parse_unit("件"))[0] == read_value("三万件", parse_unit("件"))[0]
    assert cell_value("1,200件以上")[:3] == (Decimal(1200), "件", ">=")
    assert cell_value("1,200.50")[0] == Decimal("1200.5")  # the cell's number as the one rule reads it


def test_fact_files_and_set_read_values_by_the_same_rule(tmp_path):
    """有 and '15.2' (quoted: text) in a fact file, 是 in --set: read as the forms read them."""
    from click.testing import CliRunner
    from conftest import CITIES, CRITERIA
    from ipcheck.app.library import load_library
    from ipcheck.cli import main
    from ipcheck.engine.load import load_city

    cat = load_library(CRITERIA).catalogue
    text = (CITIES / "ningbo.yaml").read_text(encoding="utf-8").replace("\nfacts:\n", (
        "\nfacts:\n  world_ip_day_publicity:\n    2021: {value: 有, source: zjol-2018}\n"
        "  ip_budget:\n    2021: {value: '15.2', source: zjol-2018}\n"), 1)
    city = load_city("x.yaml", text.encode("utf-8"), cat)
    assert city.model.facts["world_ip_day_publicity"][2021].value is True
    assert city.model.facts["ip_budget"][2021].value == Decimal("15.2")
    r = CliRunner().invoke(main, ["evaluate", str(CITIES / "ningbo.yaml"), "--framework", "reference",
                                  "--set", "world_ip_day_publicity=是@2021", "--format", "json"])
    assert r.exit_code == 0, r.output
    import json
    ref17 = [c for fw in json.loads(r.stdout)["evaluations"] for c in fw["criteria"] if c["id"] == "REF-17"]
    assert ref17 and ref17[0]["status"] == "pass"
    bad = CliRunner().invoke(main, ["evaluate", str(CITIES / "ningbo.yaml"),
                                    "--set", "world_ip_day_publicity=大概@2021", "--lang", "en"])
    assert bad.exit_code == 2 and "is not yes/no" in bad.stderr
    bad = CliRunner().invoke(main, ["evaluate", str(CITIES / "ningbo.yaml"),
                                    "--set", "world_ip_day_publicity=大概@2021"])
    assert bad.exit_code == 2 and "'大概' 不是“是/否”" in bad.stderr
