"""The plan reader (engine/planread): a plan's text in, its targets and mechanisms out.

The texts below are written in the style of real Chinese city and district IP plans: a notice
with its 文号, an indicator table flattened as a browser or pdftotext gives it, prose targets
with 到/至/年底/年末, 以上/不低于/突破/力争, 年均增长, 累计/新增/每年, 分别达到…和…, tasks ending
with their lead units, and the OCR noise of scanned pages (full-width digits, stray spaces).
Wenzhou's 2022 strong-city work plan (温政办〔2022〕73号, read as the opening of
https://wzmsa.wenzhou.gov.cn/art/2022/10/17/art_1229558243_2015323.html) gives the shape of
WENZHOU below: its 主要目标 sentences, quoted as far as the page was read.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ipcheck.engine.planread import REVIEW_CODES, read_plan
from ipcheck.engine.planread.model import PlanReading, Target

DISTRICT = """\
索 引 号:11330300MB1234567X/2022-00123 | 发布机构: | 海门区人民政府办公室 |
成文日期: | 2022 年 11 月 8 日 | 文 号: | 海政办发〔2022〕41号 |
海门区人民政府办公室关于印发海门区“十四五”知识产权发展规划的通知
海政办发〔2022〕41号
各镇人民政府，各街道办事处，区各委办局：
《海门区“十四五”知识产权发展规划》已经2022年11月1日区政府第15次常务会议审议通过，现印发给你们，请认真贯彻执行。
海门区人民政府办公室
2022年11月8日
一、发展基础
“十三五”期间，全区专利授权量累计达到3.2万件，2020年全区有效发明专利达到4120件，每万人口发明专利拥有量达到18.5件。
全区拥有国家知识产权优势企业12家，培育省级知识产权示范企业36家。
二、总体要求
（一）主要目标
到2025年，全区知识产权创造质量明显提升。本规划提出18项重点任务。
表1 海门区“十四五”知识产权发展主要指标
序号\t类别\t指标\t单位\t2020年基期值\t2025年目标值\t属性
1\t知识产权创造\t每万人口高价值发明专利拥有量\t件/万人\t6.2\t12\t预期性
2\t有效注册商标量\t万件\t3.1\t4.5\t预期性
3\t知识产权运用\t知识产权质押融资金额\t亿元\t2.3\t[15]\t预期性
4\t知识产权保护\t知识产权保护社会满意度\t分\t80\t85\t约束性
三、主要任务
（一）提升知识产权创造质量
1.推动高价值专利培育。到2025年，每万人口高价值发明专利拥有量达到12件。有效发明专利拥有量和PCT国际专利申请量分别达到1.2万件和650件。（牵头单位：区市场监管局；配合单位：区科技局、区工信局）
2.实施商标品牌战略。至2026年底，有效注册商标量突破5万件，每年新增地理标志商标2件以上，累计新增国家知识产权优势企业50家以上。（牵头单位：区市场监管局（知识产权局））
（二）促进知识产权转化运用
3.推进知识产权金融。知识产权质押融资额年均增长15%以上，力争2025年末知识产权质押融资金额达到20亿元。由区金融工作局牵头。
4.建设知识产权服务体系。新建1—2个知识产权维权援助工作站，建立知识产权纠纷多元化解机制。（区司法局负责）
四、保障措施
（一）加强组织领导。成立区知识产权工作领导小组，将知识产权工作纳入政府年度考核。
"""


@pytest.fixture(scope="module")
def district(catalogue) -> PlanReading:
    return read_plan(DISTRICT, catalogue)


def one(reading: PlanReading, indicator: str, year: int | None = None, kind: str | None = None) -> Target:
    found = [t for t in reading.targets if t.indicator == indicator and (year is None or t.year == year)
             and (kind is None or t.kind == kind)]
    assert len(found) == 1, [(t.indicator, t.year, t.kind, t.value_text) for t in reading.targets]
    return found[0]


# ---------------------------------------------------------------- the document

def test_document_title_issuer_number_date_and_period(district):
    doc = district.document
    assert doc.title == "海门区“十四五”知识产权发展规划"
    assert doc.issuer == "海门区人民政府办公室"
    assert doc.number == "海政办发〔2022〕41号"
    assert doc.date == "2022-11-08"
    assert doc.period == (2021, 2025)


# ---------------------------------------------------------------- the indicator table

def test_table_row_with_base_target_unit_and_nature(district):
    t = one(district, "high_value_invention_patents_per_10k")
    assert (t.value, t.unit, t.year, t.comparison) == (Decimal("12"), "件/万人", 2025, ">=")
    assert (t.base_value, t.base_year, t.nature, t.kind) == (Decimal("6.2"), 2020, "expected", "per_capita")
    assert t.clause == "二、（一）表1第1行"
    assert t.match == "exact"
    assert t.review == ()


def test_table_row_under_a_merged_category_cell_keeps_its_own_name(district):
    t = one(district, "valid_trademarks", 2025)
    assert t.name == "有效注册商标量"
    assert (t.value, t.unit, t.base_value) == (Decimal("4.5"), "万件", Decimal("3.1"))


def test_bracketed_table_value_is_a_count_over_the_period(district):
    t = one(district, "ip_pledge_financing", 2025, kind="added")
    assert (t.value, t.value_text, t.unit) == (Decimal("15"), "[15]", "亿元")


def test_a_score_in_points_is_the_score_indicator_and_binding(district):
    t = one(district, "public_satisfaction_ip_protection_score")
    assert (t.value, t.unit, t.kind, t.nature, t.match) == (Decimal("85"), "分", "score", "binding", "alias")


def test_a_sentence_restating_the_table_is_one_target_with_the_task_s_lead_unit(district):
    t = one(district, "high_value_invention_patents_per_10k", 2025)
    assert t.clause.endswith("表1第1行")
    assert t.lead_unit == "区市场监管局"


# ---------------------------------------------------------------- prose targets

def test_several_targets_in_one_sentence_are_paired_in_order(district):
    a = one(district, "valid_invention_patents")
    b = one(district, "pct_applications")
    assert (a.value, a.unit, a.year) == (Decimal("1.2"), "万件", 2025)
    assert (b.value, b.unit, b.year) == (Decimal("650"), "件", 2025)
    assert a.clause == b.clause == "三、（一）1."
    assert a.lead_unit == "区市场监管局"


def test_to_the_end_of_a_year_and_break_through(district):
    t = one(district, "valid_trademarks", 2026)
    assert (t.value, t.value_text, t.unit, t.comparison, t.kind) == (Decimal("5"), "5万件", "万件", ">", "stock")
    assert t.lead_unit == "区市场监管局（知识产权局）"
    assert t.clause == "三、（一）2."


def test_every_year_is_a_flow_and_cumulative_new_is_a_count_added(district):
    flow = one(district, "gi_registered")  # new GI marks a year: the stock's yearly increase
    assert (flow.value, flow.unit, flow.comparison, flow.kind, flow.year) == (Decimal("2"), "件", ">=", "flow", 2026)
    added = one(district, "national_ip_advantage_enterprises")
    assert (added.value, added.value_text, added.kind) == (Decimal("50"), "50家以上", "added")


def test_average_growth_and_an_aspiration_at_year_end(district):
    g = one(district, "ip_pledge_financing", kind="average_growth")
    assert (g.value, g.unit, g.comparison, g.aspirational) == (Decimal("15"), "%", ">=", False)
    assert g.lead_unit == "区金融工作局"
    a = one(district, "ip_pledge_financing", 2025, kind="flow")
    assert (a.value, a.unit, a.aspirational, a.year) == (Decimal("20"), "亿元", True, 2025)


def test_a_range_keeps_both_ends_and_the_unit_named_in_brackets_leads(district):
    t = one(district, "rights_assistance_workstations")
    assert (t.value, t.upper, t.comparison, t.unit) == (Decimal("1"), Decimal("2"), "range", "个")
    assert t.lead_unit == "区司法局"


def test_past_figures_document_numbers_dates_and_task_counts_are_no_targets(district):
    values = {t.value for t in district.targets}
    assert Decimal("3.2") not in values and Decimal("4120") not in values and Decimal("18.5") not in values
    assert Decimal("12") in values and Decimal("36") not in values  # 12: the 2025 target, not the past 12家
    assert Decimal("41") not in values and Decimal("18") not in values and Decimal("15") not in {
        t.value for t in district.targets if t.kind != "average_growth" and t.kind != "added"}
    assert all(t.year is None or t.year >= 2021 for t in district.targets)


def test_mechanisms_with_their_lead_units(district):
    by = {m.indicator: m for m in district.mechanisms if m.indicator}
    assert by["diversified_dispute_resolution"].lead_unit == "区司法局"
    assert by["diversified_dispute_resolution"].clause == "三、（二）4."
    assert "leadership_group" in by and by["leadership_group"].clause == "四、（一）"
    assert "ip_in_performance_assessment" in by


# ---------------------------------------------------------------- flattened tables, one cell a line

YEARLY = """\
某市国家知识产权强市建设试点城市工作方案（2023—2025年）
一、总体要求
（三）主要目标
具体指标如下：
指     标

2023年

2024年

2025年

商标有效注册量（万件）

5.2

5.7

6.3

知识产权服务机构数量（家）

40

45

50

二、主要任务
"""


def test_a_table_of_yearly_columns_one_cell_a_line_gives_one_target_a_year(catalogue):
    r = read_plan(YEARLY, catalogue)
    got = [(t.indicator, t.year, t.value, t.unit) for t in r.targets]
    assert got == [("valid_trademarks", 2023, Decimal("5.2"), "万件"),
                   ("valid_trademarks", 2024, Decimal("5.7"), "万件"),
                   ("valid_trademarks", 2025, Decimal("6.3"), "万件"),
                   ("ip_service_institutions", 2023, Decimal("40"), "家"),
                   ("ip_service_institutions", 2024, Decimal("45"), "家"),
                   ("ip_service_institutions", 2025, Decimal("50"), "家")]
    assert r.targets[0].clause == "一、（三）表1第1行"
    assert r.document.period == (2023, 2025)


PIPES = """\
菏泽式“十四五”规划
（三）主要目标
指标 | 2020年基期值 | 2025年预期值 | 属性 |
知识产权保护社会满意度（百分比） | 80% | 85% | 预期性 |
海外发明专利授权量（件） | 9 | 18 | 预期性 |
"""


def test_a_table_with_pipes_and_a_percent_unit_in_words(catalogue):
    r = read_plan(PIPES, catalogue)
    sat = one(r, "public_satisfaction_ip_protection")
    assert (sat.value, sat.unit, sat.base_value, sat.kind) == (Decimal("85"), "%", Decimal("80"), "share")
    assert one(r, "overseas_invention_patent_grants").value == Decimal("18")


# ---------------------------------------------------------------- a real plan's opening (Wenzhou 2022)

WENZHOU = """\
文号 | 温政办〔2022〕73 号 | 有效性 | 有效 |
一、指导思想和主要目标
（二）主要目标。到2025年，国家知识产权强市建设示范市阶段性目标任务如期完成。
——创新活力强劲：知识产权产出重要指标和综合指标保持全国同类城市前列。发明专利年申请量突破2万件，其中PCT国际专利申请每年达到150件，发明专利授权量达到1万件，每万人高价值发明
"""


def test_wenzhou_opening_break_through_every_year_and_a_cut_off_sentence(catalogue):
    r = read_plan(WENZHOU, catalogue)
    apps = one(r, "invention_patent_applications")
    assert (apps.value, apps.unit, apps.comparison, apps.kind, apps.year) == (Decimal("2"), "万件", ">", "flow", 2025)
    pct = one(r, "pct_applications")
    assert (pct.value, pct.kind, pct.year) == (Decimal("150"), "flow", 2025)
    grants = one(r, "invention_patent_grants")
    assert (grants.value, grants.unit) == (Decimal("1"), "万件")
    assert len(r.targets) == 3  # the last sentence is cut off before its figure and names no verb yet


CUT = "（二）主要目标\n到2025年，全市知识产权质押融资金额达到"


def test_a_target_the_text_cuts_off_is_incomplete_never_guessed(catalogue):
    r = read_plan(CUT, catalogue)
    t = one(r, "ip_pledge_financing")
    assert t.incomplete and t.value is None and t.year == 2025
    assert "review.incomplete" in t.review


# ---------------------------------------------------------------- OCR noise and Chinese numerals

def test_full_width_digits_and_stray_spaces_of_a_scanned_page(catalogue):
    text = "（一）主要目标\n到２０２５年，全市有效注册商标量达到７. 8万件以上，发明专利授权量达到 1 200件。"
    r = read_plan(text, catalogue)
    t = one(r, "valid_trademarks")
    assert (t.value, t.unit, t.value_text, t.year) == (Decimal("7.8"), "万件", "7.8万件以上", 2025)
    assert one(r, "invention_patent_grants").value == Decimal("1200")
    assert t.quote == "到２０２５年，全市有效注册商标量达到７. 8万件以上，发明专利授权量达到 1 200件。"  # as scanned


def test_a_table_row_is_quoted_from_its_lines_as_written(catalogue):
    r = read_plan(YEARLY, catalogue)
    assert r.targets[0].quote == "商标有效注册量（万件） 5.2 5.7 6.3"


def test_chinese_numerals_in_years_and_figures(catalogue):
    r = read_plan("到二〇二五年，全市有效发明专利达到三万件。", catalogue)
    t = one(r, "valid_invention_patents")
    assert (t.value, t.unit, t.year) == (Decimal("3"), "万件", 2025)


def test_at_most_and_per_100_enterprises_and_not_in_catalogue(catalogue):
    text = ("（二）主要目标\n到2025年，规上工业企业每百户发明专利拥有量达到25件，"
            "知识产权维权周期控制在30天以内。")
    r = read_plan(text, catalogue)
    per100 = [t for t in r.targets if t.kind == "per_100_enterprises"]
    assert len(per100) == 1 and per100[0].value == Decimal("25") and per100[0].year == 2025
    assert "review.indicator_not_in_catalogue" in per100[0].review or per100[0].match == "fuzzy"
    cycle = one(r, "rights_protection_cycle_days")
    assert (cycle.value, cycle.unit, cycle.comparison) == (Decimal("30"), "天", "<=")


def test_a_year_not_stated_is_the_plan_s_year_marked_for_review(catalogue):
    text = "某市2024年知识产权工作要点\n一、强化创造\n（一）提升质量。全年发明专利授权量达到1500件以上。"
    r = read_plan(text, catalogue)
    t = one(r, "invention_patent_grants")
    assert t.year == 2024 and "review.year_from_document" in t.review
    assert t.clause == "一、（一）"


def test_an_office_s_work_points_name_their_issuer_and_year(catalogue):
    text = "某市知识产权局2017年工作要点\n一、目标\n全市有效专利达到13万件，有专利的企业数量达到1.1万家。"
    r = read_plan(text, catalogue)
    doc = r.document
    assert (doc.title, doc.issuer, doc.period) == ("某市知识产权局2017年工作要点", "某市知识产权局", None)
    assert [(t.indicator, t.value, t.unit, t.year) for t in r.targets] == [
        ("valid_patents", Decimal("13"), "万件", 2017), ("enterprises_with_patents", Decimal("1.1"), "万家", 2017)]


def test_no_year_anywhere_is_left_unstated(catalogue):
    r = read_plan("发明专利授权量达到1500件以上。", catalogue)
    t = one(r, "invention_patent_grants")
    assert t.year is None and t.review == ("review.year_not_stated",)


def test_base_value_and_year_from_raised_to(catalogue):
    text = "到2025年，每万人口发明专利拥有量由2020年的18.5件提高到30件。"
    r = read_plan(text, catalogue)
    t = one(r, "invention_patents_per_10k")
    assert (t.value, t.base_value, t.base_year, t.year) == (Decimal("30"), Decimal("18.5"), 2020, 2025)
    assert len(r.targets) == 1


def test_about_a_figure_is_marked_approximate(catalogue):
    r = read_plan("到2025年，全市知识产权服务机构达到约60家。", catalogue)
    t = one(r, "ip_service_institutions")
    assert (t.value, t.review) == (Decimal("60"), ("review.approximate",))


def test_a_page_that_is_no_plan_has_no_target(catalogue):
    text = ("联系电话：89382659；邮箱：1261257881@qq.com；地址：和济街69号1208房间。"
            "反馈时间：2020年7月8日至2020年7月23日。（此件公开发布）")
    assert read_plan(text, catalogue).targets == ()


# ---------------------------------------------------------------- properties

NAMES = {  # catalogue indicator -> (a name plans write, its unit)
    "valid_trademarks": ("有效注册商标量", "件"),
    "invention_patents_per_10k": ("每万人口发明专利拥有量", "件"),
    "high_value_invention_patents_per_10k": ("万人高价值发明专利拥有量", "件"),
    "ip_pledge_financing": ("知识产权质押融资金额", "亿元"),
    "pct_applications": ("PCT国际专利申请量", "件"),
    "ip_service_institutions": ("知识产权服务机构", "家"),
    "gov_software_legalisation_rate": ("政府机关软件正版化率", "%"),
}
WORDS = {"达到": ">=", "不低于": ">=", "突破": ">", "超过": ">"}
YEAR_FORMS = ("到{y}年", "至{y}年底", "到{y}年末")


@given(ind=st.sampled_from(sorted(NAMES)), y=st.integers(2021, 2035), word=st.sampled_from(sorted(WORDS)),
       form=st.sampled_from(YEAR_FORMS), whole=st.integers(1, 99999), frac=st.integers(0, 99),
       above=st.booleans())
def test_a_sentence_built_from_parts_reads_back_its_parts(catalogue, ind, y, word, form, whole, frac, above):
    name, unit = NAMES[ind]
    value = Decimal(f"{whole}.{frac:02d}").normalize() if frac else Decimal(whole)
    tail = "以上" if above and word in ("达到",) else ""
    text = f"{form.format(y=y)}，全市{name}{word}{value:f}{unit}{tail}。"
    r = read_plan(text, catalogue)
    assert len(r.targets) == 1, text
    t = r.targets[0]
    assert (t.indicator, t.value, t.unit, t.year, t.comparison) == (ind, value, unit, y, WORDS[word]), text
    assert t.quote == text


@given(y=st.integers(1990, 2035), m=st.integers(1, 12), d=st.integers(1, 28), n=st.integers(1, 999),
       phone=st.integers(10_000_000, 99_999_999), prefix=st.sampled_from(["浙政办发", "菏政办字", "国知发运字"]))
def test_document_numbers_dates_ordinals_and_phones_never_become_targets(catalogue, y, m, d, n, phone, prefix):
    text = (f"根据《关于确定试点城市的通知》（{prefix}〔{y}〕{n}号），经{y}年{m}月{d}日市政府第{n}次常务会议"
            f"审议通过，联系电话：{phone}。")
    assert read_plan(text, catalogue).targets == ()


def test_reading_is_deterministic(catalogue):
    assert read_plan(DISTRICT, catalogue) == read_plan(DISTRICT, catalogue)


# ---------------------------------------------------------------- a 规划 in chapters, pdftotext spacing

CHAPTERS = """\
某市“十四五”知识产权发展规划
第三章 主要目标
指标名称    单位    2020年    2025年    年均增速    属性
每万人口高价值发明专利拥有量（件）    件/万人    6.2    12    14.1%    预期性
专利密集型产业增加值占GDP比重（%）    %    11.6    13    —    预期性
第四章 重点任务
一、强化保护
（一）严格保护。“十四五”期间，全市累计新增国家知识产权优势企业50家。目前全市有效发明专利达到1.5万件。截至2020年底，全市有效商标12万件。（市市场监管局、市科技局按职责分工负责）
（二）到2025年，版权产业增加值占地区生产总值比重达7.5%，发明专利授权量年均增长10%左右。牵头单位：市委宣传部，配合单位：市文旅局
"""


def test_a_growth_column_gives_average_growth_to_the_last_target_year(catalogue):
    r = read_plan(CHAPTERS, catalogue)
    g = one(r, "high_value_invention_patents_per_10k", kind="average_growth")
    assert (g.value, g.unit, g.year, g.clause) == (Decimal("14.1"), "%", 2025, "第三章表1第1行")
    share = one(r, "patent_intensive_industries_gdp_share")
    assert (share.value, share.unit, share.base_value, share.kind) == (Decimal("13"), "%", Decimal("11.6"), "share")


def test_chapters_lead_units_in_charge_and_on_one_line_with_supporting_units(catalogue):
    r = read_plan(CHAPTERS, catalogue)
    added = one(r, "national_ip_advantage_enterprises")
    assert (added.kind, added.year, added.clause) == ("added", 2025, "第四章一、（一）")
    assert added.lead_unit == "市市场监管局、市科技局"
    c = one(r, "copyright_industries_gdp_share")
    assert (c.value, c.kind, c.lead_unit) == (Decimal("7.5"), "share", "市委宣传部")
    g = one(r, "invention_patent_grants")
    assert (g.kind, g.value, g.review) == ("average_growth", Decimal("10"), ("review.approximate",))


def test_figures_of_now_and_of_the_past_are_no_targets(catalogue):
    r = read_plan(CHAPTERS, catalogue)
    assert not [t for t in r.targets if t.indicator in ("valid_invention_patents", "valid_trademarks")]


@given(st.text(alphabet="到至2025年１２３４５6789.,，。；、达到以上突破力争万亿件家个%（）()|\t\n一二三四五十百千分别和年均增长新增每年累计第章牵头单位：:",
               max_size=120))
def test_any_text_reads_without_an_error(catalogue, text):
    reading = read_plan(text, catalogue)
    for t in reading.targets:
        assert t.incomplete or t.value is not None
        assert set(t.review) <= set(REVIEW_CODES)


# ---------------------------------------------------------------- a year's work points

WORK_POINTS = """\
某市2023年知识产权工作要点
一、目标任务
2023年，全市专利授权量达到1.2万件，其中发明专利授权3000件。到2025年，每万人口发明专利拥有量达到25件。力争到2025年，全市知识产权质押融资登记金额累计突破100亿元。年内新增国家知识产权示范企业5家、优势企业10家。专利授权周期缩短至6个月以内。知识产权使用费进出口额达到5亿美元。
"""


def test_work_points_of_one_year(catalogue):
    r = read_plan(WORK_POINTS, catalogue)
    grants = one(r, "patent_grants")
    assert (grants.value, grants.unit, grants.year, grants.kind) == (Decimal("1.2"), "万件", 2023, "flow")
    assert one(r, "invention_patent_grants").value == Decimal("3000")
    assert one(r, "invention_patents_per_10k").year == 2025
    pledge = one(r, "ip_pledge_financing")
    assert (pledge.value, pledge.comparison, pledge.kind, pledge.aspirational) == (Decimal("100"), ">", "added", True)
    assert pledge.name == "知识产权质押融资登记金额"


def test_this_year_s_new_enterprises_and_the_second_figure_of_a_list(catalogue):
    r = read_plan(WORK_POINTS, catalogue)
    national = one(r, "national_ip_advantage_enterprises")
    assert (national.value, national.year, national.kind) == (Decimal("5"), 2023, "flow")
    second = [t for t in r.targets if t.value == Decimal("10")]
    assert len(second) == 1 and second[0].indicator != "national_ip_advantage_enterprises"
    assert second[0].match in ("fuzzy", "none") and second[0].review


def test_months_are_no_count_and_a_foreign_currency_is_not_yuan(catalogue):
    r = read_plan(WORK_POINTS, catalogue)
    assert not [t for t in r.targets if t.value == Decimal("6")]
    usd = [t for t in r.targets if t.unit == "亿美元"]
    assert len(usd) == 1 and usd[0].indicator is None and "review.indicator_not_in_catalogue" in usd[0].review


# ---------------------------------------------------------------- a web page's table, one cell a line

CELLS = """\
（二）发展目标
表2 主要指标
序号
指标名称
单位
基期值（2020年）
目标值（2025年）
指标属性
1
每万人口高价值发明专利拥有量
件
3.5
≥8
预期性
2
知识产权质押融资登记金额
亿元
—
30以上
预期性
3
PCT国际专利申请量
件
120
[800]
预期性
三、重点任务
"""


def test_a_web_page_table_with_serials_units_and_marked_values(catalogue):
    r = read_plan(CELLS, catalogue)
    hv = one(r, "high_value_invention_patents_per_10k")
    assert (hv.value, hv.value_text, hv.comparison, hv.base_value, hv.base_year) == (
        Decimal("8"), "≥8", ">=", Decimal("3.5"), 2020)
    assert hv.clause == "（二）表2第1行"
    pledge = one(r, "ip_pledge_financing")
    assert (pledge.value, pledge.unit, pledge.base_value, pledge.year) == (Decimal("30"), "亿元", None, 2025)
    pct = one(r, "pct_applications")
    assert (pct.value, pct.kind, pct.base_value) == (Decimal("800"), "added", Decimal("120"))
    assert len(r.targets) == 3


# ---------------------------------------------------------------- the document: metadata tables and notices

def test_a_page_s_metadata_table_gives_issuer_number_and_date_not_a_number_the_text_cites(catalogue):
    # Wenzhou's page as stored (tests/plans/wenzhou-2022.txt): two fields a row, "|" between cells, its
    # 文号 written "温政办〔2022〕73 号"; the prose cites 国知办函运字〔2021〕1197号, which is not this document's
    text = (Path(__file__).parent / "plans" / "wenzhou-2022.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    doc = read_plan(text, catalogue).document
    assert (doc.issuer, doc.number, doc.date) == ("温州市市场监督管理局", "温政办〔2022〕73号", "2022-10-11")
    assert doc.title is None  # the page as stored names no title: left unknown, never made up


# The national 14th five-year IP plan's notice as stored at http://lnbds.com/listing/lawsshow_pi.php?id=6069
# (traditional characters with the page's converter noise, as stored), cut after its first heading.
NATIONAL_NOTICE = """\
國發(fā)〔2021〕20號
各省、自治區(qū)、直轄市人民政府,國務(wù)院各部委、各直屬機(jī)構(gòu):
現(xiàn)將《“十四五”國家知識產(chǎn)權(quán)保護(hù)和運用規(guī)劃》印發(fā)給你們,請認(rèn)真貫徹執(zhí)行。
國務(wù)院
2021年10月9日
“十四五”國家知識產(chǎn)權(quán)保護(hù)和運用規(guī)劃
為貫徹落實黨中央、國務(wù)院關(guān)于知識產(chǎn)權(quán)工作的決策部署,全面加強(qiáng)知識產(chǎn)權(quán)保護(hù),高效促進(jìn)知識產(chǎn)權(quán)運用,激發(fā)全社會創(chuàng)新活力,推動構(gòu)建新發(fā)展格局,依據(jù)《中華人民共和國國民經(jīng)濟(jì)和社會發(fā)展第十四個五年規(guī)劃和2035年遠(yuǎn)景目標(biāo)綱要》和《知識產(chǎn)權(quán)強(qiáng)國建設(shè)綱要(2021—2035年)》,制定本規(guī)劃。
一、規(guī)劃背景
"""

# The same plan's policy page laid out as www.gov.cn lays out its documents: a metadata table above the
# text, as the page reader gives a table (a row a line, cells split by tabs); the figures are the
# notice's (国发〔2021〕20号, signed 2021年10月9日) and its publication on 2021-10-28.
NATIONAL_PAGE = """\
索 引 号\t000014349/2021-00095\t主题分类\t科技、教育\\知识产权
发文机关\t国务院\t成文日期\t2021年10月09日
标　　题\t国务院关于印发“十四五”国家知识产权保护和运用规划的通知
发文字号\t国发〔2021〕20号\t发布日期\t2021年10月28日
主 题 词\t
国务院关于印发“十四五”国家知识产权保护和运用规划的通知
国发〔2021〕20号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
现将《“十四五”国家知识产权保护和运用规划》印发给你们，请认真贯彻执行。
（此件公开发布）
一、规划背景
"""


def test_a_notice_names_its_issuer_by_its_signature_above_the_date(catalogue):
    from ipcheck.app.plandoc import simplified
    doc = read_plan(simplified(NATIONAL_NOTICE), catalogue).document
    assert (doc.title, doc.issuer, doc.number, doc.date, doc.period) == (
        "“十四五”国家知识产权保护和运用规划", "国务院", "国发〔2021〕20号", "2021-10-09", (2021, 2025))


def test_a_metadata_table_in_tabs_gives_title_issuer_number_and_date(catalogue):
    doc = read_plan(NATIONAL_PAGE, catalogue).document
    # the 标题 cell is the notice's title: the plan inside it, its quotes kept, and the notice's issuer
    assert (doc.title, doc.issuer, doc.number, doc.date, doc.period) == (
        "“十四五”国家知识产权保护和运用规划", "国务院", "国发〔2021〕20号", "2021-10-09", (2021, 2025))


def test_a_key_with_no_value_takes_nothing_from_the_next_key(catalogue):
    text = "标 题:\t发布机构:\t某市知识产权局\n文 号:\t\t成文日期:\t2022-03-01\n到2025年，全市有效注册商标达到5万件。"
    doc = read_plan(text, catalogue).document
    assert (doc.title, doc.issuer, doc.number, doc.date) == (None, "某市知识产权局", None, "2022-03-01")


# ---------------------------------------------------------------- figures of the past on news pages

# The national figures as reported at the end of the 13th plan (tests/plans/national-2020-results.txt,
# 中新社 2021-01-21): 截至2020年底 with a target met, then the data released that day as a list split by "；",
# beside a plan paragraph that sets targets in the same forms.
RESULTS_AND_PLAN = """\
截至2020年底,国内(不含港澳台)每万人口发明专利拥有量达到15.8件,超额完成“十三五”规划目标。
除每万人口发明专利拥有量外,当天发布的中国知识产权相关数据还包括:有效注册商标量达3017.3万件,马德里商标国际注册有效量达44223件;累计注册区域品牌集体商标证明商标192件、地理标志商标6085件,认定地理标志保护产品2391件,地理标志产品产值超过1万亿元人民币;知识产权质押融资总金额达7095亿元人民币。
本篇文章652字,读完约2分钟
二、主要目标
到2025年，全市有效注册商标量达到5万件；马德里商标国际注册有效量达到300件；知识产权保护社会满意度达到85分，确保完成“十四五”规划目标。
"""


def test_figures_as_of_a_date_a_target_met_and_a_list_of_the_past_are_no_targets(catalogue):
    r = read_plan(RESULTS_AND_PLAN, catalogue)
    assert sorted((t.indicator, t.value, t.unit, t.year) for t in r.targets) == [
        ("madrid_registrations", Decimal("300"), "件", 2025),
        ("public_satisfaction_ip_protection_score", Decimal("85"), "分", 2025),
        ("valid_trademarks", Decimal("5"), "万件", 2025)]


def test_a_reading_time_in_minutes_is_no_score(catalogue):
    r = read_plan("本篇文章652字,读完约2分钟\n到2025年，知识产权保护社会满意度达到85分。", catalogue)
    assert [(t.value, t.unit) for t in r.targets] == [(Decimal("85"), "分")]


def test_a_table_of_targets_headed_by_a_name_column_gives_no_title(catalogue):
    text = "某区2023年知识产权工作要点\n序号\t名称\t单位\t2023年目标\n1\t有效发明专利\t件\t1200\n"
    assert read_plan(text, catalogue).document.title == "某区2023年知识产权工作要点"
