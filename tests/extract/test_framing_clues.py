"""A document's framing needs strong evidence; the words closest to a sentence
(its own year, 今年上半年, 实现/同比) beat a passing mention elsewhere. Invented
sentences in the shapes of real releases; rows as in test_generalisation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.extract import extract

from .test_generalisation import _expected, _load, _row

CASES = {
    "a half year named by 今年 under a dated release line": (
        "某县人大常委会听取年中经济情况通报\n"
        "发布时间:2023-08-20\n"
        "今年上半年,全县实现地区生产总值120亿元,增长6.5%;完成固定资产投资40亿元,增长5%。\n",
        [("地区生产总值", "actual", "2023H1", "level", "120", "亿元", "="),
         ("地区生产总值", "actual", "2023H1", "growth", "6.5", "%", "="),
         ("全社会固定资产投资", "actual", "2023H1", "growth", "5", "%", "=")],
        [("地区生产总值", "actual", "2023", "level")],
    ),
    "a communique that mentions the five-year plan in its opening": (
        "2023年,是推进“十四五”规划承上启下的一年,全市经济回升向好。\n"
        "一、综合\n"
        "初步核算,全年全市地区生产总值850亿元,增长5.2%。城镇登记失业率3.1%。\n",
        [("地区生产总值", "actual", "2023", "level", "850", "亿元", "="),
         ("地区生产总值", "actual", "2023", "growth", "5.2", "%", "=")],
        [("地区生产总值", "target", "2025", "level"), ("地区生产总值", "target", "2021-2025", "growth")],
    ),
    "a work report summary titled with the year it completed": (
        "某区政府工作报告摘要:2022年 全区各项目标任务圆满完成\n"
        "据初步统计,全区地区生产总值增长7%达150亿元,一般公共预算收入增长4%。\n",
        [("地区生产总值", "actual", "2022", "growth", "7", "%", "="),
         ("地区生产总值", "actual", "2022", "level", "150", "亿元", "=")],
        [("地区生产总值", "actual", "2021", "growth")],
    ),
    "a half year report on a work report's goals": (
        "2023年县政府工作报告目标任务半年完成情况\n\n"
        "2023年上半年,实现地区生产总值60亿元,同比增长4%。完成固定资产投资20亿元,同比增长9%。\n",
        [("地区生产总值", "actual", "2023H1", "growth", "4", "%", "="),
         ("全社会固定资产投资", "actual", "2023H1", "growth", "9", "%", "=")],
        [("全社会固定资产投资", "actual", "2023", "growth"), ("全社会固定资产投资", "actual", "2022", "growth")],
    ),
    "a table of a work report's goals, one cell per line": (
        "附件\n\n2023年县政府工作报告主要预期目标任务分解表\n\n序号\n\n2023年预期目标\n\n牵头单位\n\n"
        "1\n\n地区生产总值增长6%左右\n\n县发展改革局\n\n2\n\n固定资产投资增长8%左右\n\n县发展改革局\n",
        [("地区生产总值", "target", "2023", "growth", "6", "%", "~"),
         ("全社会固定资产投资", "target", "2023", "growth", "8", "%", "~")],
        [("地区生产总值", "actual", "2022", "growth")],
    ),
    "a communique's title split over two lines, then its date line": (
        "2021年某县国民经济和社会发展\n\n统计公报\n\n某县统计局\n\n(2022年6月30日)\n\n"
        "2021年全县地区生产总值95亿元,增长7.5%。第三产业增加值48亿元,比上年增长8%。\n",
        [("地区生产总值", "actual", "2021", "level", "95", "亿元", "="),
         ("服务业增加值", "actual", "2021", "growth", "8", "%", "=")],
        [("服务业增加值", "actual", "2022", "growth")],
    ),
    "a communique's title over three lines (a parenthesis between), then a later date": (
        "2022年某市某区\n(某新区核心区)\n国民经济和社会发展统计公报\n某区统计局\n2023年7月1日\n"
        "全年实现地区生产总值120.5亿元,比上年增长4.2%。\n",
        [("地区生产总值", "actual", "2022", "level", "120.5", "亿元", "="),
         ("地区生产总值", "actual", "2022", "growth", "4.2", "%", "=")],
        [("地区生产总值", "actual", "2023", "level")],
    ),
    "the last plan's review inside a five-year plan's outline": (
        "某县国民经济和社会发展十四五规划纲要\n"
        "第一节 发展基础\n"
        "“十三五”时期,全县经济稳步增长,到2020年底,预计实现地区生产总值80亿元,同比 2015 年增长55%。\n",
        [("地区生产总值", "actual", "2020", "level", "80", "亿元", "="),
         ("地区生产总值", "actual", "2016-2020", "growth", "55", "%", "=")],
        [("地区生产总值", "target", "2020", "level"), ("地区生产总值", "actual", "2015", "growth"),
         ("地区生产总值", "target", "2016-2025", "growth")],
    ),
    "short names of spending, exports, tourists and R&D": (
        "2022年某县国民经济和社会发展统计公报\n"
        "全年GDP增长5%,出口增长12.5%。一般预算支出32000万元,下降2.1%。"
        "全年共接待旅游人次95.3万人次,增长8%。R&D占GDP比重达到2.3%。\n",
        [("出口总额", "actual", "2022", "growth", "12.5", "%", "="),
         ("一般公共预算支出", "actual", "2022", "level", "32000", "万元", "="),
         ("旅游接待人次", "actual", "2022", "level", "95.3", "万人次", "="),
         ("研究与试验发展经费投入强度", "actual", "2022", "level", "2.3", "%", "=")],
        [],
    ),
    "the start value of a work report's five-year review is its baseline (devset NOTES convention)": (
        "某市人民政府工作报告\n"
        "一、过去五年及2022年工作回顾\n"
        "——这五年,全市地区生产总值从2017年的3000亿元增加到4000亿元,人均地区生产总值从50000元提高到65000元。\n",
        [("人均地区生产总值", "baseline", "2017", "level", "50000", "元", "="),
         ("地区生产总值", "baseline", "2017", "level", "3000", "亿元", "=")],
        [("人均地区生产总值", "actual", "2017", "level")],
    ),
    "a threshold then the exact value; a rank between a value and its growth": (
        "某县2022年国民经济和社会发展计划执行情况\n"
        "预计全年,地区生产总值突破150亿大关,达到156亿元,同比增长6%;"
        "社会消费品零售总额60亿元,居全市第3位,增长4.2%。\n",
        [("地区生产总值", "actual", "2022", "level", "156", "亿元", "="),
         ("地区生产总值", "actual", "2022", "growth", "6", "%", "="),
         ("社会消费品零售总额", "actual", "2022", "level", "60", "亿元", "="),
         ("社会消费品零售总额", "actual", "2022", "growth", "4.2", "%", "=")],
        [],
    ),
    "a value converted to dollars after it": (
        "2020年某县国民经济和社会发展统计公报\n"
        "全年人均地区生产总值52000元,按年平均汇率折算为7500美元。\n",
        [("人均地区生产总值", "actual", "2020", "level", "52000", "元", "=")],
        [],
    ),
    "a headline that names a goal with 预计实现": (
        "今年某省预计实现全省生产总值增长6%左右目标\n\n"
        "2023-01-15 10:20:00 来源:某报\n\n"
        "省长在政府工作报告中提出,2023年主要预期目标是:全省生产总值增长6%左右。\n",
        [("地区生产总值", "target", "2023", "growth", "6", "%", "~")],
        [("地区生产总值", "actual", "2023", "growth"), ("地区生产总值", "actual", "2022", "growth")],
    ),
    "城乡 incomes that both grow by one rate": (
        "2023年某省人民政府工作报告\n"
        "今年主要预期目标是:地区生产总值增长6%左右;城乡居民人均可支配收入均增长7%左右。\n",
        [("城镇居民人均可支配收入", "target", "2023", "growth", "7", "%", "~"),
         ("农村居民人均可支配收入", "target", "2023", "growth", "7", "%", "~")],
        [],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_nearest_evidence_frames_a_fact(case, tmp_path):
    text, expected, unwanted = CASES[case]
    facts = extract(_load(tmp_path, text))
    got = {_row(f) for f in facts}
    assert [row for row in map(_expected, expected) if row not in got] == []
    assert [f.identity for f in facts if f.identity in set(unwanted)] == []


def test_a_price_index_written_as_an_index_is_its_level(tmp_path):
    text = "2023年某区上半年经济运行情况\n上半年,全区居民消费价格指数102.1,地区生产总值75亿元,增长5%。\n"
    got = {(f.indicator, f.period, f.measure, f.value, f.unit) for f in extract(_load(tmp_path, text))}
    assert ("居民消费价格指数", "2023H1", "level", Decimal("102.1"), None) in got
