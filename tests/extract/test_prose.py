"""Prose facts on small invented texts in the phrasing of other regions, levels
and years: each case is a text and the facts a reader would take from it."""

from __future__ import annotations

import gc
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import extract, extract_all

COUNTY_ANNUAL = (
    "一、2023年国民经济和社会发展计划执行情况\n"
    "全县实现地区生产总值286.4亿元、增长6.8%,规模以上工业增加值增长9.2%,全社会固定资产投资增长12.5%,"
    "社会消费品零售总额达到98.7亿元、增长10.1%,一般公共预算收入完成15.2亿元、增长8.9%。"
    "城镇和农村居民人均可支配收入分别达到42118元、19876元,分别增长4.8%、7.2%。"
    "城镇新增就业5128人,城镇登记失业率3.1%。新建5G基站1200个,新增停车泊位3000个。\n"
    "二、2024年国民经济和社会发展主要预期目标\n"
    "地区生产总值增长7%左右;规模以上工业增加值增长10%;全社会固定资产投资增长10%以上;"
    "社会消费品零售总额增长8%;一般公共预算收入增长6%;城镇调查失业率控制在5.5%以内;"
    "单位地区生产总值能耗降低完成省下达目标。\n"
)
COUNTY_ANNUAL_FACTS = [
    # indicator, role, period, measure, value or text, unit, comparator
    ("地区生产总值", "actual", "2023", "level", "286.4", "亿元", "="),
    ("地区生产总值", "actual", "2023", "growth", "6.8", "%", "="),
    ("规模以上工业增加值", "actual", "2023", "growth", "9.2", "%", "="),
    ("全社会固定资产投资", "actual", "2023", "growth", "12.5", "%", "="),
    ("社会消费品零售总额", "actual", "2023", "level", "98.7", "亿元", "="),
    ("社会消费品零售总额", "actual", "2023", "growth", "10.1", "%", "="),
    ("地方一般公共预算收入", "actual", "2023", "level", "15.2", "亿元", "="),
    ("地方一般公共预算收入", "actual", "2023", "growth", "8.9", "%", "="),
    ("城镇居民人均可支配收入", "actual", "2023", "level", "42118", "元", "="),
    ("农村居民人均可支配收入", "actual", "2023", "level", "19876", "元", "="),
    ("城镇居民人均可支配收入", "actual", "2023", "growth", "4.8", "%", "="),
    ("农村居民人均可支配收入", "actual", "2023", "growth", "7.2", "%", "="),
    ("城镇新增就业", "actual", "2023", "level", "5128", "人", "="),
    ("城镇登记失业率", "actual", "2023", "level", "3.1", "%", "="),
    ("地区生产总值", "target", "2024", "growth", "7", "%", "~"),
    ("规模以上工业增加值", "target", "2024", "growth", "10", "%", "="),
    ("全社会固定资产投资", "target", "2024", "growth", "10", "%", ">="),
    ("社会消费品零售总额", "target", "2024", "growth", "8", "%", "="),
    ("地方一般公共预算收入", "target", "2024", "growth", "6", "%", "="),
    ("城镇调查失业率", "target", "2024", "level", "5.5", "%", "<="),
    ("单位地区生产总值能源消耗", "target", "2024", "growth", "完成省下达目标", None, None),
]

MIDYEAR = (
    "关于2024年上半年国民经济和社会发展计划执行情况的报告\n"
    "一、上半年计划执行情况\n"
    "——全年地区生产总值预期增长6%以上。上半年完成1523.6亿元,同比增长5.6%。\n"
    "1—6月,规模以上工业增加值同比增长7.3%;外贸进出口总额126.8亿元,同比下降3.2%;实际使用外资1.85亿美元。"
    "今年以来,全市城镇新增就业2.1万人。"
    "一季度,社会消费品零售总额同比增长6.1%。前三季度的数据将另行报告。\n"
)
MIDYEAR_FACTS = [
    ("地区生产总值", "target", "2024", "growth", "6", "%", ">="),
    ("地区生产总值", "actual", "2024H1", "level", "1523.6", "亿元", "="),
    ("地区生产总值", "actual", "2024H1", "growth", "5.6", "%", "="),
    ("规模以上工业增加值", "actual", "2024H1", "growth", "7.3", "%", "="),
    ("进出口总额", "actual", "2024H1", "level", "126.8", "亿元", "="),
    ("进出口总额", "actual", "2024H1", "growth", "-3.2", "%", "="),
    ("实际利用外资", "actual", "2024H1", "level", "1.85", "亿美元", "="),
    ("城镇新增就业", "actual", "2024H1", "level", "2.1", "万人", "="),
    ("社会消费品零售总额", "actual", "2024Q1", "growth", "6.1", "%", "="),
]

PLAN_OUTLINE = (
    "第一章 发展基础\n"
    "“十三五”时期,全省地区生产总值年均增长7.1%,2020年达到4.2万亿元。"
    "常住人口城镇化率提高到62.5%。\n"
    "第二章 主要目标\n"
    "到2025年,全省地区生产总值年均增长6%左右,研究与试验发展经费投入强度达到2.8%,"
    "常住人口城镇化率达到67%,森林覆盖率稳定在38%以上,城镇调查失业率控制在5.5%以内。\n"
)
PLAN_OUTLINE_FACTS = [
    ("地区生产总值", "actual", "2016-2020", "growth", "7.1", "%", "="),
    ("地区生产总值", "actual", "2020", "level", "4.2", "万亿元", "="),
    ("常住人口城镇化率", "actual", "2020", "level", "62.5", "%", "="),
    ("地区生产总值", "target", "2021-2025", "growth", "6", "%", "~"),
    ("研究与试验发展经费投入强度", "target", "2025", "level", "2.8", "%", "="),
    ("常住人口城镇化率", "target", "2025", "level", "67", "%", "="),
    ("森林覆盖率", "target", "2025", "level", "38", "%", ">="),
    ("城镇调查失业率", "target", "2025", "level", "5.5", "%", "<="),
]

WORK_REPORT = (
    "一、2023年工作回顾\n"
    "全年接待游客2350万人次,实现旅游综合收入186亿元。空气质量优良天数比率达到88.2%,"
    "PM2.5平均浓度为32微克/立方米。预计全年技术合同成交额突破50亿元,新增高新技术企业120余家,"
    "总数达到860家。\n"
    "二、2024年工作安排\n"
    "力争招商引资到位资金增长15%,实现技术合同成交额60亿元。\n"
)
WORK_REPORT_FACTS = [
    ("旅游接待人次", "actual", "2023", "level", "2350", "万人次", "="),
    ("旅游总收入", "actual", "2023", "level", "186", "亿元", "="),
    ("空气质量优良天数比率", "actual", "2023", "level", "88.2", "%", "="),
    ("PM2.5浓度", "actual", "2023", "level", "32", "微克/立方米", "="),
    ("技术合同成交额", "actual", "2023", "level", "50", "亿元", ">"),
    ("新增高新技术企业", "actual", "2023", "level", "120", "家", ">"),
    ("高新技术企业数", "actual", "2023", "level", "860", "家", "="),
    ("招商引资到位资金", "target", "2024", "growth", "15", "%", "="),
    ("技术合同成交额", "target", "2024", "level", "60", "亿元", "="),
]

CASES = {
    "county annual report": (COUNTY_ANNUAL, dict(doc_type="annual_report", report_years=[2023], target_years=[2024]),
                             COUNTY_ANNUAL_FACTS),
    "city midyear report": (MIDYEAR, dict(doc_type="midyear_report", report_years=[2024], target_years=[2024]),
                            MIDYEAR_FACTS),
    "province plan outline": (PLAN_OUTLINE, dict(doc_type="plan_outline", plan_span="2021-2025",
                                                 report_years=[2016, 2017, 2018, 2019, 2020],
                                                 target_years=[2021, 2022, 2023, 2024, 2025]), PLAN_OUTLINE_FACTS),
    "work report": (WORK_REPORT, dict(doc_type="work_report", report_years=[2023], target_years=[2024]),
                    WORK_REPORT_FACTS),
}


def _document(text: str, **meta) -> Document:
    return Document(name="invented.txt", text=text, sha256="0" * 64, encoding="utf-8", meta=DocumentMeta(**meta))


def test_reading_a_document_leaves_the_cycle_collector_as_it_was():
    """The collector pauses while a document is read, never longer: a process that reads
    documents all day still collects its garbage, and one that paused it keeps it paused."""
    text, meta, _ = CASES["county annual report"]
    assert gc.isenabled()
    facts, _ = extract_all(_document(text, **meta))
    assert facts and gc.isenabled()
    gc.disable()
    try:
        assert extract(_document(text, **meta)) and not gc.isenabled()
    finally:
        gc.enable()


def _row(fact) -> tuple:
    shown = fact.text if fact.value is None else fact.value
    return (fact.indicator, fact.role, fact.period, fact.measure, shown, fact.unit, fact.comparator)


def _expected(row: tuple) -> tuple:
    value = row[4] if row[5] is None else Decimal(row[4])
    return (*row[:4], value, *row[5:])


@pytest.mark.parametrize("case", sorted(CASES))
def test_invented_documents_give_the_facts_a_reader_takes(case):
    text, meta, expected = CASES[case]
    facts = extract(_document(text, **meta))
    got = {_row(f) for f in facts}
    missing = [row for row in map(_expected, expected) if row not in got]
    assert not missing, f"missing {missing}\ngot {sorted(got, key=str)}"
    assert len(facts) == len(expected), sorted(got - set(map(_expected, expected)), key=str)


@pytest.mark.parametrize("case", sorted(CASES))
def test_evidence_holds_the_value(case):
    text, meta, _ = CASES[case]
    for fact in extract(_document(text, **meta)):
        span = text[fact.start:fact.end]
        if fact.value is None:
            assert fact.text[:4] in span
        else:
            assert str(abs(fact.value)).split(".")[0] in span.replace(",", "")


FLAGS = [
    # text (in a 2023 review / 2024 plan), indicator, estimated, stretch, cumulative
    ("一、2023年工作回顾\n预计全年地区生产总值增长6%。\n", "地区生产总值", True, False, False),
    ("一、2023年工作回顾\n全年有望实现社会消费品零售总额500亿元。\n", "社会消费品零售总额", True, False, False),
    ("一、2023年工作回顾\n累计培育高新技术企业752家。\n", "高新技术企业数", False, False, True),
    ("二、2024年工作安排\n力争技术合同成交额突破100亿元。\n", "技术合同成交额", False, True, False),
    ("二、2024年工作安排\n争取实际利用外资增长10%。\n", "实际利用外资", False, True, False),
    ("二、2024年工作安排\n力争招商引资总额突破1500亿元,产业项目到位资金预期实现300亿元。\n", "产业项目到位资金",
     False, False, False),
    ("一、2023年工作回顾\n累计完成招商引资总额2699.7亿元(预计数)。\n", "招商引资总额", True, False, True),
]


@pytest.mark.parametrize("text, indicator, estimated, stretch, cumulative", FLAGS)
def test_flags(text, indicator, estimated, stretch, cumulative):
    facts = [f for f in extract(_document(text, report_years=[2023], target_years=[2024])) if f.indicator == indicator]
    assert [(f.estimated, f.stretch, f.cumulative) for f in facts] == [(estimated, stretch, cumulative)]


NOT_FACTS = [
    "一、2023年工作回顾\n新建充电桩5500个,开工建设道路6条,新增停车泊位1.1万个。\n",
    "一、2023年工作回顾\n区级重点项目完成投资240.6亿元,占全社会固定资产投资比重达到67.2%。\n",
    "一、2023年工作回顾\n实施高新技术企业提能行动,培育专精特新企业60家。\n",
    "一、2023年工作回顾\n经济总量突破千亿、财政收入突破百亿后,稳增长难度加大。\n",
    "一、2023年工作回顾\n规上工业企业数量达到500家,入库科技型中小企业1259家。\n",
    "一、2023年工作回顾\n人均预期寿命提高的目标纳入考核。\n",
    "一、2023年工作回顾\n全市GDP的60%来自服务业。\n",
    "一、2023年工作回顾\n新建学校12所,完成年度目标的98%。\n",
]


@pytest.mark.parametrize("text", NOT_FACTS)
def test_task_quantities_and_shares_of_other_things_are_not_facts(text):
    assert extract(_document(text, report_years=[2023], target_years=[2024])) == []


def test_noise_spans_are_skipped():
    text = "一、2023年工作回顾\n地区生产总值增长6%。\n广告:地区生产总值增长99%的秘诀\n"
    noise_start = text.index("广告")
    document = _document(text, report_years=[2023])
    document.noise = [(noise_start, len(text))]
    assert [f.value for f in extract(document)] == [Decimal(6)]


SEPARATE_NAMES = (
    "一、2023年工作回顾\n"
    "城镇居民人均可支配收入42118元、农村居民人均可支配收入19876元,分别增长4.5%、6.9%。\n"
)
INLINE_GOALS = (
    "过去一年,全市生产总值增长5.2%。今年经济社会发展的主要预期目标是:全市生产总值增长5.5%左右,"
    "居民消费价格涨幅控制在3%左右,城镇新增就业3.5万人以上。我们将重点做好以下工作。"
    "新建学校12所。\n"
)
PLAIN_HEADINGS = (
    "2023年工作回顾\n"
    "一年来,全县经济持续回升,地区生产总值增长5.8%,固定资产投资增长9%,这一增速在全市排名第三,各项工作稳步推进。\n"
    "2024年工作安排\n"
    "全年地区生产总值增长6%,固定资产投资增长8%,社会消费品零售总额增长7%,各项工作再上新台阶再上新台阶。\n"
)
FIVE_YEARS = (
    "一、过去五年工作回顾\n"
    "五年来,全区地区生产总值年均增长6.9%,2022年达到1286亿元。\n"
)
MORE_CASES = {
    "values shared by separate names": (SEPARATE_NAMES, dict(report_years=[2023], target_years=[2024]), [
        ("城镇居民人均可支配收入", "actual", "2023", "level", "42118", "元", "="),
        ("农村居民人均可支配收入", "actual", "2023", "level", "19876", "元", "="),
        ("城镇居民人均可支配收入", "actual", "2023", "growth", "4.5", "%", "="),
        ("农村居民人均可支配收入", "actual", "2023", "growth", "6.9", "%", "="),
    ]),
    "inline list of goals": (INLINE_GOALS, dict(doc_type="work_report", report_years=[2023], target_years=[2024]), [
        ("地区生产总值", "actual", "2023", "growth", "5.2", "%", "="),
        ("地区生产总值", "target", "2024", "growth", "5.5", "%", "~"),
        ("居民消费价格指数", "target", "2024", "growth", "3", "%", "~"),
        ("城镇新增就业", "target", "2024", "level", "3.5", "万人", ">="),
    ]),
    "unnumbered headings": (PLAIN_HEADINGS, dict(doc_type="work_report"), [
        ("地区生产总值", "actual", "2023", "growth", "5.8", "%", "="),
        ("全社会固定资产投资", "actual", "2023", "growth", "9", "%", "="),
        ("地区生产总值", "target", "2024", "growth", "6", "%", "="),
        ("全社会固定资产投资", "target", "2024", "growth", "8", "%", "="),
        ("社会消费品零售总额", "target", "2024", "growth", "7", "%", "="),
    ]),
    "five years under review": (FIVE_YEARS, dict(doc_type="work_report", report_years=[2022], target_years=[2023]), [
        ("地区生产总值", "actual", "2018-2022", "growth", "6.9", "%", "="),
        ("地区生产总值", "actual", "2022", "level", "1286", "亿元", "="),
    ]),
}


COUNTY_PLAN = (
    "第一章 发展基础\n"
    "地区生产总值由2015年的98.6亿元增加到2020年的156.3亿元,年均增长7.8%。城镇化率由45.1%提高到53.6%。\n"
    "第二章 主要目标\n"
    "单位地区生产总值能耗五年累计下降14%,人均预期寿命提高到79岁。"
    "单位地区生产总值二氧化碳排放比2020年下降18%。\n"
)
PLAN_META = dict(doc_type="plan_outline", plan_span="2021-2025", report_years=[2016, 2017, 2018, 2019, 2020])
MORE_CASES["county plan: from-to values, five-year totals"] = (COUNTY_PLAN, PLAN_META, [
    ("地区生产总值", "baseline", "2015", "level", "98.6", "亿元", "="),
    ("地区生产总值", "actual", "2020", "level", "156.3", "亿元", "="),
    ("地区生产总值", "actual", "2016-2020", "growth", "7.8", "%", "="),
    ("常住人口城镇化率", "baseline", "2015", "level", "45.1", "%", "="),
    ("常住人口城镇化率", "actual", "2020", "level", "53.6", "%", "="),
    ("单位地区生产总值能源消耗", "target", "2021-2025", "growth", "-14", "%", "="),
    ("人均预期寿命", "target", "2025", "level", "79", "岁", "="),
    ("单位地区生产总值二氧化碳排放", "target", "2021-2025", "growth", "-18", "%", "="),
])


LABELLED = (
    "一、上半年主要经济指标完成情况\n"
    "——地区生产总值:全年目标增长6.5%,上半年完成452.3亿元,增长5.9%。\n"
    "——社会消费品零售总额:年度目标增长8%,上半年实现126.5亿元,增长7.1%,完成年度目标的48.6%。\n"
    "——规模以上工业增加值:1-6月增长9.6%,高于全市平均水平2.1个百分点。\n"
)
MORE_CASES["labelled lines of a midyear report"] = (LABELLED, dict(doc_type="midyear_report", report_years=[2022]), [
    ("地区生产总值", "target", "2022", "growth", "6.5", "%", "="),
    ("地区生产总值", "actual", "2022H1", "level", "452.3", "亿元", "="),
    ("地区生产总值", "actual", "2022H1", "growth", "5.9", "%", "="),
    ("社会消费品零售总额", "target", "2022", "growth", "8", "%", "="),
    ("社会消费品零售总额", "actual", "2022H1", "level", "126.5", "亿元", "="),
    ("社会消费品零售总额", "actual", "2022H1", "growth", "7.1", "%", "="),
    ("规模以上工业增加值", "actual", "2022H1", "growth", "9.6", "%", "="),
])

WRAPPED = (
    "一、2023年工作回顾\n"
    "过去一年,全区经济运行稳中向好,预计全年地区生产总值增\n"
    "长5.6%,规模以上工业增加值增长8.1%,固定资产投资下降\n"
    "10.2%,社会消费品零售总额增长7.5%。\n"
)
MORE_CASES["lines wrapped inside sentences (PDF)"] = (WRAPPED, dict(report_years=[2023]), [
    ("地区生产总值", "actual", "2023", "growth", "5.6", "%", "="),
    ("规模以上工业增加值", "actual", "2023", "growth", "8.1", "%", "="),
    ("全社会固定资产投资", "actual", "2023", "growth", "-10.2", "%", "="),
    ("社会消费品零售总额", "actual", "2023", "growth", "7.5", "%", "="),
])

COMMUNIQUE = (
    "一、综合\n"
    "初步核算，全年全市地区生产总值（GDP）3056.2亿元，按不变价格计算，比上年增长5.8％。其中，第一产业增加值185.3亿元，"
    "增长3.9％。三次产业结构为6.1:38.5:55.4。年末全市常住人口512.3万人，常住人口城镇化率为61.8％，"
    "比上年末提高0.9个百分点。全年居民消费价格比上年上涨0.3％。\n"
)
MORE_CASES["statistical communique"] = (COMMUNIQUE, dict(doc_type="communique", report_years=[2023]), [
    ("地区生产总值", "actual", "2023", "level", "3056.2", "亿元", "="),
    ("地区生产总值", "actual", "2023", "growth", "5.8", "%", "="),
    ("第一产业增加值", "actual", "2023", "level", "185.3", "亿元", "="),
    ("第一产业增加值", "actual", "2023", "growth", "3.9", "%", "="),
    ("常住人口", "actual", "2023", "level", "512.3", "万人", "="),
    ("常住人口城镇化率", "actual", "2023", "level", "61.8", "%", "="),
    ("常住人口城镇化率", "actual", "2023", "change", "0.9", "百分点", "="),
    ("居民消费价格指数", "actual", "2023", "growth", "0.3", "%", "="),
])

TARGET_THEN_RESULT = (
    "一、2023年国民经济和社会发展计划执行情况\n"
    "1.地区生产总值。年初预期目标增长6.5%,预计完成6.0%,完成年度目标的92%。\n"
    "2.固定资产投资。年度目标增长8%,实际完成增长9.2%。\n"
)
MORE_CASES["target, then the result in the next clause"] = (TARGET_THEN_RESULT, dict(report_years=[2023]), [
    ("地区生产总值", "target", "2023", "growth", "6.5", "%", "="),
    ("地区生产总值", "actual", "2023", "growth", "6.0", "%", "="),
    ("全社会固定资产投资", "target", "2023", "growth", "8", "%", "="),
    ("全社会固定资产投资", "actual", "2023", "growth", "9.2", "%", "="),
])

SHARES = "一、2023年工作回顾\n高新技术产业增加值占规上工业增加值比重达到45.6%。\n"
MORE_CASES["a share read whole"] = (SHARES, dict(report_years=[2023]), [
    ("高新技术产业增加值占比", "actual", "2023", "level", "45.6", "%", "="),
])

SECOND_NAME_SHORT = "第二章 主要目标\n单位地区生产总值能耗和二氧化碳排放分别降低13.5%、18%。\n"
MORE_CASES["second name written short"] = (SECOND_NAME_SHORT, PLAN_META, [
    ("单位地区生产总值能源消耗", "target", "2021-2025", "growth", "-13.5", "%", "="),
    ("单位地区生产总值二氧化碳排放", "target", "2021-2025", "growth", "-18", "%", "="),
])

LAST_YEAR = "二、2024年工作安排\n去年全市地区生产总值增长5.5%。今年地区生产总值比上年增长6%左右。\n"
MORE_CASES["last year's result inside a plan"] = (LAST_YEAR, dict(target_years=[2024]), [
    ("地区生产总值", "actual", "2023", "growth", "5.5", "%", "="),
    ("地区生产总值", "target", "2024", "growth", "6", "%", "~"),
])

GROWTH_AFTER = "二、2024年工作安排\n地区生产总值实现6%以上的增长,一般公共预算收入保持5%左右的增速。\n"
MORE_CASES["growth named after the number"] = (GROWTH_AFTER, dict(target_years=[2024]), [
    ("地区生产总值", "target", "2024", "growth", "6", "%", ">="),
    ("地方一般公共预算收入", "target", "2024", "growth", "5", "%", "~"),
])

NEXT_FIVE_YEARS = (
    "一、过去五年工作回顾\n五年来,全市地区生产总值年均增长6.5%,2022年达到3200亿元。\n"
    "二、今后五年的主要目标\n地区生产总值年均增长6%以上,到2027年突破4300亿元。\n"
    "三、2023年工作安排\n地区生产总值增长6.5%左右。\n"
)
MORE_CASES["a new term: five years back, five ahead, this year"] = (
    NEXT_FIVE_YEARS, dict(doc_type="work_report", report_years=[2022], target_years=[2023]), [
        ("地区生产总值", "actual", "2018-2022", "growth", "6.5", "%", "="),
        ("地区生产总值", "actual", "2022", "level", "3200", "亿元", "="),
        ("地区生产总值", "target", "2023-2027", "growth", "6", "%", ">="),
        ("地区生产总值", "target", "2027", "level", "4300", "亿元", ">"),
        ("地区生产总值", "target", "2023", "growth", "6.5", "%", "~"),
    ])

CHINESE_YEARS = "二、2024年工作安排\n二〇二三年,全区地区生产总值增长5.2%。全年地区生产总值增长6%。\n"
MORE_CASES["years in Chinese numerals"] = (CHINESE_YEARS, dict(target_years=[2024]), [
    ("地区生产总值", "actual", "2023", "growth", "5.2", "%", "="),
    ("地区生产总值", "target", "2024", "growth", "6", "%", "="),
])

@pytest.mark.parametrize("case", sorted(MORE_CASES))
def test_more_phrasings(case):
    text, meta, expected = MORE_CASES[case]
    got = {_row(f) for f in extract(_document(text, **meta))}
    assert got == set(map(_expected, expected))


FRAGMENTS = ["一、2023年工作回顾\n", "二、2024年主要目标\n", "地区生产总值", "增长", "下降", "6.5%", "137亿元", "以上",
             "左右", "预计", "力争", "分别", "和", "、", ",", "。", ":", "\n", "——", "城镇", "农村居民人均可支配收入",
             "上半年", "1-6月", "“十三五”期间", "由", "增长到", "[0.39]", "与经济增长基本同步", "完成市下达目标",
             "新增市场主体", "总量", "超", "余", "2020年", "城乡居民人均可支配收入", "PM10", "PM2.5浓度"]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from([[], [2023], [2016, 2017, 2018, 2019, 2020]]))
@settings(max_examples=300, deadline=None)
def test_any_mix_of_fragments_gives_grounded_facts(parts, years):
    text = "".join(parts)
    meta = dict(report_years=years, plan_span="2021-2025" if len(years) > 1 else None)
    for fact in extract(_document(text, **meta)):
        assert 0 <= fact.start < fact.end <= len(text)
        span = text[fact.start:fact.end]
        if fact.value is None:
            assert fact.text in span
        else:
            digits = str(abs(fact.value)).replace(".", "").lstrip("0")[:3]
            assert digits in span.replace(".", ""), (fact, span)


def test_a_line_without_sentence_ends_still_gives_its_fact():
    """A scraped page without 。 is one endless sentence: read in bounded pieces (its cost,
    linear since, is measured by bench/long_line.py), it still gives its fact."""
    clause = "全县一般公共预算收入增长3%,"
    facts = extract(_document("一、2023年工作回顾\n" + clause * 6000, report_years=[2023]))
    assert [(f.indicator, f.value) for f in facts] == [("地方一般公共预算收入", Decimal(3))]
