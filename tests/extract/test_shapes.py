"""Sentence shapes, each a class of wording tested on invented sentences: the
facts a reader takes from them (indicator, role, period, measure, value or
text, unit, comparator)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import extract

REVIEW_META = dict(doc_type="work_report", report_years=[2025], target_years=[2026])


def _document(text: str, **meta) -> Document:
    return Document(name="invented.txt", text=text, sha256="0" * 64, encoding="utf-8", meta=DocumentMeta(**meta))


def _rows(text: str, meta: dict) -> set[tuple]:
    return {(f.indicator, f.role, f.period, f.measure, f.text if f.value is None else f.value, f.unit, f.comparator)
            for f in extract(_document(text, **meta))}


def _expected(rows: list[tuple]) -> set[tuple]:
    return {(*row[:4], Decimal(row[4]) if row[4][-1].isdigit() else row[4], *row[5:]) for row in rows}


SHAPES: dict[str, tuple[str, dict, list[tuple]]] = {}

SHAPES["从X提高到Y in a five-year review: X is the baseline of the year before the span"] = (
    "一、2025年和“十四五”工作回顾\n"
    "“十四五”时期,全市地区生产总值从3200亿元提高到4100亿元,常住人口城镇化率由58.2%提升至63.5%,"
    "每千人口拥有3岁以下婴幼儿托位数从1.1个增至4.2个。\n",
    REVIEW_META, [
        ("地区生产总值", "baseline", "2020", "level", "3200", "亿元", "="),
        ("地区生产总值", "actual", "2025", "level", "4100", "亿元", "="),
        ("常住人口城镇化率", "baseline", "2020", "level", "58.2", "%", "="),
        ("常住人口城镇化率", "actual", "2025", "level", "63.5", "%", "="),
        ("每千人口拥有3岁以下婴幼儿托位数", "baseline", "2020", "level", "1.1", "个", "="),
        ("每千人口拥有3岁以下婴幼儿托位数", "actual", "2025", "level", "4.2", "个", "="),
    ])
SHAPES["从X提高到Y after 五年来: the span closes at the year under review"] = (
    "五年来,我们攻坚克难,各项事业取得长足进步。\n"
    "——发展质量稳步提升。人均地区生产总值从2020年的6.2万元提高到2025年的8.1万元。"
    "一般公共预算收入从410亿元提高到522亿元。\n",
    REVIEW_META, [
        ("人均地区生产总值", "baseline", "2020", "level", "6.2", "万元", "="),
        ("人均地区生产总值", "actual", "2025", "level", "8.1", "万元", "="),
        ("地方一般公共预算收入", "baseline", "2020", "level", "410", "亿元", "="),
        ("地方一般公共预算收入", "actual", "2025", "level", "522", "亿元", "="),
    ])
SHAPES["从X提高到Y in a plan's goals: X is the plan's baseline, Y its goal"] = (
    "二、“十三五”时期的主要目标\n"
    "全员劳动生产率从人均7.5万元提高到10万元以上,森林覆盖率由21.6%提高到23%。\n",
    dict(doc_type="work_report", report_years=[2015], target_years=[2016]), [
        ("全员劳动生产率", "baseline", "2015", "level", "7.5", "万元", "="),
        ("全员劳动生产率", "target", "2020", "level", "10", "万元", ">="),
        ("森林覆盖率", "baseline", "2015", "level", "21.6", "%", "="),
        ("森林覆盖率", "target", "2020", "level", "23", "%", "="),
    ])


SPACED_PLAN = (
    "某省国民经济和社会发展第十个五年计划纲要\n"
    "( 2 0 0 1年2月1 0日省人民代表大会通过)\n"
    "第二章 主要目标\n"
    "全省国内生产总值年均增长7 .5 %左右 , 到2 0 0 5年 , 按2 0 0 0年价格计算的国内生产总值达到1 8 5 0 亿元左右 。"
    "全社会固定资产投资年均增长1 1 %左右 , 城镇登记失业率控制在4 .5 %以内 。"
    "到2 0 0 5年 , 森林覆盖率提高到4 2 %。\n"
)


def test_a_plan_spaced_digit_by_digit_gives_its_targets_with_evidence_on_its_own_text():
    facts = extract(_document(SPACED_PLAN, title="某省国民经济和社会发展第十个五年计划纲要",
                              doc_type="plan_outline", plan_span="2001-2005"))
    rows = {(f.indicator, f.role, f.period, f.measure, f.value, f.unit, f.comparator) for f in facts}
    assert rows == _expected([
        ("地区生产总值", "target", "2001-2005", "growth", "7.5", "%", "~"),
        ("地区生产总值", "target", "2005", "level", "1850", "亿元", "~"),
        ("全社会固定资产投资", "target", "2001-2005", "growth", "11", "%", "~"),
        ("城镇登记失业率", "target", "2005", "level", "4.5", "%", "<="),
        ("森林覆盖率", "target", "2005", "level", "42", "%", "="),
    ])
    for fact in facts:
        digits = str(fact.value).replace(".", "")
        assert digits in SPACED_PLAN[fact.start:fact.end].replace(" ", "").replace(".", "")


def test_the_reasons_of_a_fact_read_closed_up_point_into_the_original_text():
    from planwatch.extract.spacing import closed_up, restored
    from planwatch.model import Basis, Fact
    text = "到2 0 0 5年 , 森林覆盖率提高到4 8 %。2 0 0 1年 2 0 0 3年\n"
    shadow, kept = closed_up(_document(text))
    words = shadow.text.index("到2005年")
    found = Fact("森林覆盖率", "target", "2005", "level", Decimal(48), "%", "=", shadow.text.index("森林"),
                 shadow.text.index("%") + 1, period_basis=Basis("sentence", words, words + 6))
    fact, = restored([found], kept)
    assert text[fact.start:fact.end] == "森林覆盖率提高到4 8 %"
    assert text[fact.period_basis.start:fact.period_basis.end] == "到2 0 0 5年"


@pytest.mark.parametrize("text, value", [("城镇化率提高[1.5]", Decimal("1.5")), ("新增就业[2000]万人", Decimal(2000)),
                                         ("减少[300]以上", Decimal(300))])
def test_a_bracketed_cumulative_value_is_no_footnote(text, value):
    from planwatch.extract.numbers import find_quantities
    assert [(q.value, q.cumulative) for q in find_quantities(text)] == [(value, True)]


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("增加2万多家", Decimal(2), "万家", ">"), ("新增4万多亿元", Decimal(4), "万亿元", ">"),
    ("达到1.2万余人", Decimal("1.2"), "万人", ">"), ("受教育年限10.8年", Decimal("10.8"), "年", "=")])
def test_a_bound_word_after_the_scale(text, value, unit, comparator):
    from planwatch.extract.numbers import find_quantities
    assert [(q.value, q.unit, q.comparator) for q in find_quantities(text)] == [(value, unit, comparator)]


@pytest.mark.parametrize("text", ["增长6.5%－7%", "增长6.5－7%", "增长6.5%－－7%", "增长6.5%——7%"])
def test_a_range_with_any_dash_is_one_quantity(text):
    from planwatch.extract.numbers import find_quantities
    assert [(q.value, q.upper, q.comparator) for q in find_quantities(text)] == [(Decimal("6.5"), Decimal(7), ">=")]


@pytest.mark.parametrize("text, values", [("由2.9∶1缩小至2.52∶1", ["2.9", "2.52"]), ("比例为19∶43∶38", ["19", "43", "38"]),
                                          ("比例为3:1:2", ["3", "1", "2"])])
def test_a_ratio_to_one_is_its_first_term(text, values):
    from planwatch.extract.numbers import find_quantities
    assert [q.value for q in find_quantities(text)] == [Decimal(v) for v in values]


def test_numbers_side_by_side_are_not_closed_up():
    """Columns of a flattened table are separate numbers, whatever the spacing."""
    from planwatch.extract.spacing import is_spaced_out
    table = "行业 增加值 增速 比重\n工业 1058 -6.4 7.2\n建筑业 457 1 2 3 4.9\n2023年 2024年 2025年\n"
    assert not is_spaced_out(table)
    assert is_spaced_out("2 0 0 1年、2 0 0 3年和2 0 0 5年")


SHAPES["按2020年价格计算: a price basis, not the period"] = (
    "二、“十四五”时期的主要目标\n"
    "到2025年,按2020年价格计算的地区生产总值达到5200亿元左右。"
    "到2025年,按2020年不变价计算,人均地区生产总值达到9万元。\n",
    dict(doc_type="work_report", report_years=[2020], target_years=[2021]), [
        ("地区生产总值", "target", "2025", "level", "5200", "亿元", "~"),
        ("人均地区生产总值", "target", "2025", "level", "9", "万元", "="),
    ])


SHAPES["a result right after names and their 指标/任务 words; none after other words"] = (
    "一、2025年工作回顾\n"
    "节能减排任务全面完成,一般公共预算收入稳步提高,城镇调查失业率总体稳定。新建学校12所,各项工作全面完成。"
    "单位地区生产总值能耗、主要污染物排放进一步降低,居民人均可支配收入差距进一步缩小。居民消费价格涨幅保持较低水平。\n",
    REVIEW_META, [
        ("单位地区生产总值能源消耗", "actual", "2025", "growth", "全面完成", None, None),
        ("主要污染物排放总量", "actual", "2025", "growth", "全面完成", None, None),
        ("地方一般公共预算收入", "actual", "2025", "growth", "稳步提高", None, None),
        ("城镇调查失业率", "actual", "2025", "level", "总体稳定", None, None),
        ("居民消费价格指数", "actual", "2025", "growth", "保持较低水平", None, None),
    ])
SHAPES["完成上级下达的…约束性指标: a fact for each indicator it names"] = (
    "二、2026年主要预期目标\n"
    "完成上级下达的节能降碳约束性指标,PM2.5浓度完成省下达目标,单位GDP能耗下降率等约束性指标全部完成;"
    "地区生产总值增长6%,全面完成年度目标任务。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("单位地区生产总值能源消耗", "target", "2026", "growth", "完成上级下达", None, None),
        ("单位地区生产总值二氧化碳排放", "target", "2026", "growth", "完成上级下达", None, None),
        ("PM2.5浓度", "target", "2026", "level", "完成省下达目标", None, None),
        ("地区生产总值", "target", "2026", "growth", "6", "%", "="),
    ])
SHAPES["年均 inside a name (PM2.5年均浓度) makes no average growth: the fall after the level is the year's"] = (
    "一、2025年工作回顾\n"
    "细颗粒物年均浓度为32.5微克/立方米、下降4%,较2020年下降21%。\n",
    REVIEW_META, [
        ("PM2.5浓度", "actual", "2025", "level", "32.5", "微克/立方米", "="),
        ("PM2.5浓度", "actual", "2025", "growth", "-4", "%", "="),
        ("PM2.5浓度", "actual", "2021-2025", "growth", "-21", "%", "="),
    ])
SHAPES["较“十三五”末的X增加Y,增长Z% / 比2020年的X: the base's level, then the change and growth since"] = (
    "一、2025年和“十四五”时期工作回顾\n"
    "全省地区生产总值达到8800亿元,较“十三五”末的6100亿元增加2700亿元,增长31.2%。"
    "一般公共预算收入达到520亿元,比2020年的410亿元增长26.8%。进出口总额较“十三五”增长18.5%。\n",
    REVIEW_META, [
        ("地区生产总值", "actual", "2025", "level", "8800", "亿元", "="),
        ("地区生产总值", "baseline", "2020", "level", "6100", "亿元", "="),
        ("地区生产总值", "actual", "2021-2025", "change", "2700", "亿元", "="),
        ("地区生产总值", "actual", "2021-2025", "growth", "31.2", "%", "="),
        ("地方一般公共预算收入", "actual", "2025", "level", "520", "亿元", "="),
        ("地方一般公共预算收入", "baseline", "2020", "level", "410", "亿元", "="),
        ("地方一般公共预算收入", "actual", "2021-2025", "growth", "26.8", "%", "="),
        ("进出口总额", "actual", "2021-2025", "growth", "18.5", "%", "="),
    ])
SHAPES["X1、unread name X2,分别增长g1、g2: each read name takes the growth at its own value's place"] = (
    "一、2025年工作回顾\n"
    "接待国内游客2.3亿人次、入境游客410万人次,分别增长5.2%、18.4%。"
    "夜间消费额95亿元、社会消费品零售总额1260亿元,分别增长12%和4.4%。\n",
    REVIEW_META, [
        ("国内旅游人次", "actual", "2025", "level", "2.3", "亿人次", "="),
        ("国内旅游人次", "actual", "2025", "growth", "5.2", "%", "="),
        ("社会消费品零售总额", "actual", "2025", "level", "1260", "亿元", "="),
        ("社会消费品零售总额", "actual", "2025", "growth", "4.4", "%", "="),
    ])
SHAPES["生态环境质量持续改善: a goal about the quality's level in a list of targets, no result in a review"] = (
    "一、2025年工作回顾\n"
    "生态环境质量持续改善,城乡居民收入持续增加。\n"
    "二、2026年主要预期目标\n"
    "地区生产总值增长5%,生态环境质量持续改善。\n",
    REVIEW_META, [
        ("地区生产总值", "target", "2026", "growth", "5", "%", "="),
        ("生态环境质量", "target", "2026", "level", "持续改善", None, None),
    ])
SHAPES["a note in brackets between a growth verb and its value: (同口径), (下同), (同比,下同)"] = (
    "一、2025年工作回顾\n"
    "社会消费品零售总额增长（同口径）4.8%。全市地区生产总值增长(下同)5.3%,固定资产投资下降（同比，下同）1.9%。\n",
    REVIEW_META, [
        ("社会消费品零售总额", "actual", "2025", "growth", "4.8", "%", "="),
        ("地区生产总值", "actual", "2025", "growth", "5.3", "%", "="),
        ("全社会固定资产投资", "actual", "2025", "growth", "-1.9", "%", "="),
    ])
SHAPES["names written short sharing one tail and one value: the value is each's"] = (
    "二、2026年主要预期目标\n"
    "基本养老、医疗保险参保率稳定在97%以上。城镇和农村居民人均可支配收入均增长6%。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("基本养老保险参保率", "target", "2026", "level", "97", "%", ">="),
        ("基本医疗保险参保率", "target", "2026", "level", "97", "%", ">="),
        ("城镇居民人均可支配收入", "target", "2026", "growth", "6", "%", "="),
        ("农村居民人均可支配收入", "target", "2026", "growth", "6", "%", "="),
    ])
SHAPES["a compound of policy words (节能减排减污降碳, 降碳减排) names each indicator it stands for"] = (
    "二、2026年主要预期目标\n"
    "地区生产总值增长5.5%,节能减排减污降碳指标完成省下达目标。\n"
    "三、2026年重点工作\n"
    "完成上级下达的降碳减排任务。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("地区生产总值", "target", "2026", "growth", "5.5", "%", "="),
        ("单位地区生产总值能源消耗", "target", "2026", "growth", "完成省下达目标", None, None),
        ("单位地区生产总值二氧化碳排放", "target", "2026", "growth", "完成省下达目标", None, None),
        ("主要污染物排放总量", "target", "2026", "growth", "完成省下达目标", None, None),
    ])
SHAPES["a comparison with another growth or with the nation: a goal, never a result"] = (
    "一、2025年和“十四五”时期工作回顾\n"
    "学前教育毛入园率、高中阶段毛入学率均高于全国平均水平,人均地区生产总值稳居全国上游。\n"
    "二、“十五五”时期的主要目标\n"
    "制造业增加值占地区生产总值比重持续高于全国平均水平,农村居民收入增速高于城镇居民收入增速,"
    "居民人均可支配收入增长与经济增长保持基本同步。\n",
    REVIEW_META, [
        ("制造业增加值占地区生产总值比重", "target", "2026-2030", "level", "高于全国平均水平", None, None),
        ("农村居民人均可支配收入", "target", "2026-2030", "growth", "高于城镇居民收入增速", None, None),
        ("居民人均可支配收入", "target", "2026-2030", "growth", "经济增长保持基本同步", None, None),
    ])
SHAPES["a rank or level held over a plan's years, a level reached at its end"] = (
    "二、“十五五”时期的主要目标\n"
    "人均地区生产总值稳居全国上游,居民人均可支配收入达到全国平均水平。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("人均地区生产总值", "target", "2026-2030", "level", "稳居全国上游", None, None),
        ("居民人均可支配收入", "target", "2030", "level", "达到全国平均水平", None, None),
    ])


SHAPES["增长X%,达到Y: growth and level of one indicator, as a result and as a target"] = (
    "一、2025年工作回顾\n"
    "全市地区生产总值增长5.2%、达到4630亿元,社会消费品零售总额增长4.1%,突破1800亿元。"
    "粮食产量增长2.3%,首次突破600万吨。\n"
    "二、2026年主要预期目标\n"
    "地区生产总值增长5.5%左右,达到4880亿元;一般公共预算收入增长3%,总量达到310亿元。\n",
    REVIEW_META, [
        ("地区生产总值", "actual", "2025", "growth", "5.2", "%", "="),
        ("地区生产总值", "actual", "2025", "level", "4630", "亿元", "="),
        ("社会消费品零售总额", "actual", "2025", "growth", "4.1", "%", "="),
        ("社会消费品零售总额", "actual", "2025", "level", "1800", "亿元", ">"),
        ("粮食产量", "actual", "2025", "growth", "2.3", "%", "="),
        ("粮食产量", "actual", "2025", "level", "600", "万吨", ">"),
        ("地区生产总值", "target", "2026", "growth", "5.5", "%", "~"),
        ("地区生产总值", "target", "2026", "level", "4880", "亿元", "="),
        ("地方一般公共预算收入", "target", "2026", "growth", "3", "%", "="),
        ("地方一般公共预算收入", "target", "2026", "level", "310", "亿元", "="),
    ])


SHAPES["A、B分别增长20%、15% where the catalogue reads only A or only B: it takes its own place's value"] = (
    "一、2025年工作回顾\n"
    "夜间经济营业额、社会消费品零售总额分别增长12%、6.2%。"
    "文旅消费额、外贸进出口总额分别达到120亿元、860亿元,分别增长8%、5%。"
    "规上工业增加值、工业应税销售分别增长7.2%、10.1%。\n",
    REVIEW_META, [
        ("社会消费品零售总额", "actual", "2025", "growth", "6.2", "%", "="),
        ("进出口总额", "actual", "2025", "level", "860", "亿元", "="),
        ("进出口总额", "actual", "2025", "growth", "5", "%", "="),
        ("规模以上工业增加值", "actual", "2025", "growth", "7.2", "%", "="),
    ])


SHAPES["a bound before the first value of a list bounds each; 迈上…台阶 is at least"] = (
    "一、2025年工作回顾\n"
    "城镇和农村居民人均可支配收入分别超过6万元、3.1万元。\n"
    "二、“十五五”时期的主要目标\n"
    "到2030年,全市地区生产总值迈上2万亿元台阶,人均地区生产总值跨上15万元。\n",
    REVIEW_META, [
        ("城镇居民人均可支配收入", "actual", "2025", "level", "6", "万元", ">"),
        ("农村居民人均可支配收入", "actual", "2025", "level", "3.1", "万元", ">"),
        ("地区生产总值", "target", "2030", "level", "2", "万亿元", ">="),
        ("人均地区生产总值", "target", "2030", "level", "15", "万元", ">="),
    ])
SHAPES["a proportion of another quantity (约为全国平均的70%), coverage far from a name and 分别 after one name "
       "are no facts"] = (
    "一、2025年工作回顾\n"
    "单位地区生产总值能耗、主要污染物排放强度分别约为全国平均的70%、60%。"
    "出口增长7%,跨境电商综合试验区全覆盖;城乡三项医疗参保率全覆盖。"
    "两个口岸的进出口总额分别达到12亿美元和18亿美元。经济增长的新动能还比较弱,投资、消费等指标保持增长的压力较大。\n",
    REVIEW_META, [
        ("出口总额", "actual", "2025", "growth", "7", "%", "="),
        ("城乡三项医疗参保率", "actual", "2025", "level", "全覆盖", None, None),
    ])


SHAPES["分别 with one value for each name, or one unit for each value"] = (
    "一、2025年工作回顾\n"
    "城镇居民人均可支配收入和农村居民人均可支配收入分别增长6%。"
    "城镇和农村居民人均可支配收入分别达到5.2、2.4万元。"
    "常住人口城镇化率、户籍人口城镇化率分别提高1.2个和1.5个百分点。\n",
    REVIEW_META, [
        ("城镇居民人均可支配收入", "actual", "2025", "growth", "6", "%", "="),
        ("农村居民人均可支配收入", "actual", "2025", "growth", "6", "%", "="),
        ("城镇居民人均可支配收入", "actual", "2025", "level", "5.2", "万元", "="),
        ("农村居民人均可支配收入", "actual", "2025", "level", "2.4", "万元", "="),
        ("常住人口城镇化率", "actual", "2025", "change", "1.2", "百分点", "="),
        ("户籍人口城镇化率", "actual", "2025", "change", "1.5", "百分点", "="),
    ])


SHAPES["footnote marks of a communique are read past; a bracketed cumulative value is kept"] = (
    "一、综合\n"
    "全年全市地区生产总值[2]3120亿元,比上年增长5.1%。全社会固定资产投资比上年下降[13]3.9%。"
    "民间投资[14]下降6.4%。\n",
    dict(doc_type="communique", report_years=[2025]), [
        ("地区生产总值", "actual", "2025", "level", "3120", "亿元", "="),
        ("地区生产总值", "actual", "2025", "growth", "5.1", "%", "="),
        ("全社会固定资产投资", "actual", "2025", "growth", "-3.9", "%", "="),
        ("民间投资", "actual", "2025", "growth", "-6.4", "%", "="),
    ])


SHAPES["5年提高X: a number of years before a change is its span, not a value"] = (
    "一、2025年工作回顾\n"
    "常住人口城镇化率达到66.2%、5年提高4.1个百分点。一般公共预算收入完成512亿元,5年增长21.3%。"
    "高新技术企业3年增加1万多家。地区生产总值达到2600亿元、五年增量超600亿元。\n",
    REVIEW_META, [
        ("常住人口城镇化率", "actual", "2025", "level", "66.2", "%", "="),
        ("常住人口城镇化率", "actual", "2021-2025", "change", "4.1", "百分点", "="),
        ("地方一般公共预算收入", "actual", "2025", "level", "512", "亿元", "="),
        ("地方一般公共预算收入", "actual", "2021-2025", "growth", "21.3", "%", "="),
        ("高新技术企业数", "actual", "2023-2025", "change", "1", "万家", ">"),
        ("地区生产总值", "actual", "2025", "level", "2600", "亿元", "="),
        ("地区生产总值", "actual", "2021-2025", "change", "600", "亿元", ">"),
    ])


SHAPES["a real growth after a price note continues the statement"] = (
    "一、综合\n"
    "全年城镇居民人均可支配收入41200元,扣除价格上涨因素,比上年实际增长5.3%;"
    "农村居民人均可支配收入22100元,扣除价格因素实际增长6.9%。\n",
    dict(doc_type="communique", report_years=[2024]), [
        ("城镇居民人均可支配收入", "actual", "2024", "level", "41200", "元", "="),
        ("城镇居民人均可支配收入", "actual", "2024", "growth", "5.3", "%", "="),
        ("农村居民人均可支配收入", "actual", "2024", "level", "22100", "元", "="),
        ("农村居民人均可支配收入", "actual", "2024", "growth", "6.9", "%", "="),
    ])


SHAPES["names joined through their own words share a result; 保持增长 is growth above 0"] = (
    "一、2025年工作回顾\n"
    "单位地区生产总值能耗下降和主要污染物减排任务超额完成。进出口总额保持增长。\n",
    REVIEW_META, [
        ("单位地区生产总值能源消耗", "actual", "2025", "growth", "超额完成", None, None),
        ("主要污染物排放总量", "actual", "2025", "growth", "超额完成", None, None),
        ("进出口总额", "actual", "2025", "growth", "0", "%", ">"),
    ])


SHAPES["an index written 指数为97.7, then its fall"] = (
    "一、2025年工作回顾\n"
    "居民消费价格指数为98.6,下降1.4%。\n",
    REVIEW_META, [
        ("居民消费价格指数", "actual", "2025", "level", "98.6", None, "="),
        ("居民消费价格指数", "actual", "2025", "growth", "-1.4", "%", "="),
    ])


SHAPES["of two results in a name's slot, the nearer is its own"] = (
    "二、2026年主要预期目标\n"
    "单位地区生产总值二氧化碳排放量进一步下降,重点工程减排量完成上级下达目标。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("单位地区生产总值二氧化碳排放", "target", "2026", "growth", "进一步下降", None, None),
    ])


SHAPES["净增 before a stock's name: its number is the stock's net change"] = (
    "一、2025年工作回顾\n"
    "净增高新技术企业312家,高新技术企业总数达到2100家。\n"
    "二、2026年主要预期目标\n"
    "净增高新技术企业300家以上。\n",
    REVIEW_META, [
        ("高新技术企业数", "actual", "2025", "change", "312", "家", "="),
        ("高新技术企业数", "actual", "2025", "level", "2100", "家", "="),
        ("高新技术企业数", "target", "2026", "change", "300", "家", ">="),
    ])


SHAPES["an average growth no span frames is no one year's growth; 五年年均 frames it"] = (
    "一、2021年工作回顾\n"
    "全市地区生产总值达1285亿元,五年年均增长5.2%。\n"
    "一般公共预算收入93.9亿元,年均增长4.6%。全体居民人均可支配收入净增800元以上、达29122元。\n",
    dict(doc_type="work_report", report_years=[2021], target_years=[2022]), [
        ("地区生产总值", "actual", "2021", "level", "1285", "亿元", "="),
        ("地区生产总值", "actual", "2017-2021", "growth", "5.2", "%", "="),
        ("地方一般公共预算收入", "actual", "2021", "level", "93.9", "亿元", "="),
        ("居民人均可支配收入", "actual", "2021", "change", "800", "元", ">="),
        ("居民人均可支配收入", "actual", "2021", "level", "29122", "元", "="),
    ])
SHAPES["a name read twice in a 分别 list (技改投资 as itself and as 工业技改投资) keeps its place"] = (
    "一、2024年工作回顾\n"
    "全市产业投资、工业投资、技改投资分别增长12.1%、15.3%、6.2%。\n",
    dict(doc_type="work_report", report_years=[2024], target_years=[2025]), [
        ("产业投资", "actual", "2024", "growth", "12.1", "%", "="),
        ("工业投资", "actual", "2024", "growth", "15.3", "%", "="),
        ("技改投资", "actual", "2024", "growth", "6.2", "%", "="),
    ])


SHAPES["a rate or concentration: a completed control target is its level, a direction its growth"] = (
    "二、2026年主要预期目标\n"
    "PM2.5浓度完成省下达控制目标,PM2.5浓度继续下降。森林覆盖率保持稳定。\n",
    dict(doc_type="work_report", report_years=[2025], target_years=[2026]), [
        ("PM2.5浓度", "target", "2026", "level", "完成省下达", None, None),
        ("PM2.5浓度", "target", "2026", "growth", "继续下降", None, None),
        ("森林覆盖率", "target", "2026", "level", "保持稳定", None, None),
    ])


SHAPES["a ratio written X∶1 or bare, a score written bare: the level of a unitless indicator"] = (
    "一、2025年和“十四五”时期工作回顾\n"
    "“十四五”时期,城乡居民收入比由2.6∶1缩小至2.3∶1,生态环境公众满意度从82.5提升至88.1。\n"
    "二、“十五五”时期的主要目标\n"
    "城乡居民收入比缩小至2.1左右。\n",
    REVIEW_META, [
        ("城乡居民收入比", "baseline", "2020", "level", "2.6", None, "="),
        ("城乡居民收入比", "actual", "2025", "level", "2.3", None, "="),
        ("生态环境公众满意度", "baseline", "2020", "level", "82.5", None, "="),
        ("生态环境公众满意度", "actual", "2025", "level", "88.1", None, "="),
        ("城乡居民收入比", "target", "2030", "level", "2.1", None, "~"),
    ])

SHAPES["each name with its level, then 年均分别 growths: in the names' order"] = (
    "一、过去五年工作回顾\n"
    "2025年实际利用外资4亿美元，引入国内资金155.3亿元，年均分别增长13.1%和46.7%。"
    "城市居民人均可支配收入达到41230元，农村居民人均可支配收入24405元，年均分别增长6.5%和8.2%。\n",
    REVIEW_META, [
        ("实际利用外资", "actual", "2025", "level", "4", "亿美元", "="),
        ("实际利用内资", "actual", "2025", "level", "155.3", "亿元", "="),
        ("实际利用外资", "actual", "2021-2025", "growth", "13.1", "%", "="),
        ("实际利用内资", "actual", "2021-2025", "growth", "46.7", "%", "="),
        ("城镇居民人均可支配收入", "actual", "2025", "level", "41230", "元", "="),
        ("农村居民人均可支配收入", "actual", "2025", "level", "24405", "元", "="),
        ("城镇居民人均可支配收入", "actual", "2021-2025", "growth", "6.5", "%", "="),
        ("农村居民人均可支配收入", "actual", "2021-2025", "growth", "8.2", "%", "="),
    ])


@pytest.mark.parametrize("case", sorted(SHAPES))
def test_sentence_shapes(case):
    text, meta, expected = SHAPES[case]
    assert _rows(text, meta) == _expected(expected)
