"""Indicator tables to facts: flattened one cell per line, `|` rows, rows of
cells separated by spaces or tabs, and a Table as a DOCX loader builds it.
Expected facts are written as tables."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from planwatch.documents import Cell, Document, DocumentMeta, Table, detect_meta
from planwatch.extract import extract
from planwatch.extract.tables import extract_tables, recover_tables

SPAM = "大佬们都在玩{精选官网网址: www.example.Co }值得信任的品牌平台!"


def document(text: str, tables: list[Table] | None = None, titled: bool = False) -> Document:
    """`titled`: the metadata its first line gives (a 纲要's span, a 公报's year), as a loader reads it."""
    noise = []
    at = text.find(SPAM)
    while at >= 0:
        noise.append((at, at + len(SPAM)))
        at = text.find(SPAM, at + 1)
    meta = detect_meta(text, "fixture.txt") if titled else DocumentMeta()
    return Document(name="fixture.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    encoding="utf-8", noise=noise, tables=tables or [], meta=meta)


def flattened(lines: list[str]) -> str:
    """Cells one per line with blank lines between, as scraped plan pages are."""
    return "\n\n".join(f"  {line}" for line in lines) + "\n"


def expected(table: str) -> set[tuple]:
    """Rows of `indicator | role | period | measure | value | unit | comparator | text | flags`."""
    facts = set()
    for line in filter(str.strip, table.splitlines()):
        indicator, role, period, measure, value, unit, comparator, text, flags = (p.strip() for p in line.split("|"))
        facts.add((indicator, role, period, measure, Decimal(value) if value else None, unit or None,
                   comparator or None, text or None, flags))
    return facts


def got(doc: Document) -> set[tuple]:
    facts = extract_tables(doc)
    for fact in facts:   # evidence: the cell's words, exactly
        assert doc.text[fact.start:fact.end].strip(), fact
        if fact.value is not None:
            assert f"{abs(fact.value):f}".split(".")[0] in doc.text[fact.start:fact.end].replace(",", ""), fact
    return {(f.indicator, f.role, f.period, f.measure, f.value.normalize() if f.value is not None else None,
             f.unit, f.comparator, f.text, _flags(f)) for f in facts}


def _flags(fact) -> str:
    return " ".join(name for name in ("estimated", "stretch", "cumulative") if getattr(fact, name))


PLAN_TABLE = flattened([
    "第二章 发展目标",
    "表3:某县“十四五”时期经济社会发展主要指标",
    "类别", "序号", "指标", "单位", "2020年", "2025年", "年均增长/累计", "属性", "责任单位",
    "经济发展",
    "1", "地区生产总值", "亿元", "320", "450", "6.5左右", "预期性", "县发改局",
    "2", "一般公共预算收入", "亿元", "21.5", "28", "5.5", "预期性", "县财政局",
    SPAM,
    "3", "常住人口城镇化率", "%", "60.2", "65", "[4.8]", "预期性", "县公安局",
    "民生福祉",
    "4", "城镇登记失业率", "%", "-", "<4.5", "-", "预期性", "县人力",
    "资源局",
    "5", "城镇居民人均可支配收入增长", "%", "-", "-", "与经济增长", "基本同步", "预期性", "县发改局",
    "备注:[ ]为五年累计数。",
    "第三章 产业布局",
])


def test_flattened_plan_table_without_spam_or_wrapped_cells_leaking():
    doc = document(PLAN_TABLE)
    assert got(doc) == expected("""
        地区生产总值 | baseline | 2020 | level | 320 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 450 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 6.5 | % | ~ | |
        地方一般公共预算收入 | baseline | 2020 | level | 21.5 | 亿元 | = | |
        地方一般公共预算收入 | target | 2025 | level | 28 | 亿元 | = | |
        地方一般公共预算收入 | target | 2021-2025 | growth | 5.5 | % | = | |
        常住人口城镇化率 | baseline | 2020 | level | 60.2 | % | = | |
        常住人口城镇化率 | target | 2025 | level | 65 | % | = | |
        常住人口城镇化率 | target | 2021-2025 | change | 4.8 | 百分点 | = | | cumulative
        城镇登记失业率 | target | 2025 | level | 4.5 | % | < | |
        城镇居民人均可支配收入 | target | 2021-2025 | growth | | | | 与经济增长基本同步 |
    """)


def test_row_cells_carry_attribute_department_and_wrapped_text_spans_its_lines():
    doc = document(PLAN_TABLE)
    facts = extract_tables(doc)
    by_name = {f.indicator: f for f in facts}
    assert by_name["城镇登记失业率"].department == "县人力资源局"
    assert {f.attribute for f in facts} == {"预期性"}
    income = by_name["城镇居民人均可支配收入"]
    assert doc.text[income.start:income.end] == "与经济增长\n\n  基本同步"


def test_recovered_table_has_rows_and_offsets_into_the_text():
    doc = document(PLAN_TABLE)
    [table] = recover_tables(doc)
    assert table.title == "表3:某县“十四五”时期经济社会发展主要指标"
    gdp = next(row for row in table.rows if any(c.text == "地区生产总值" for c in row))
    assert [c.text for c in gdp] == ["1", "地区生产总值", "亿元", "320", "450", "6.5左右", "预期性", "县发改局"]
    assert all(doc.text[c.start:c.end] == c.text for c in gdp)
    assert not any(SPAM[:4] in c.text for row in table.rows for c in row)


PIPE_TABLE = """二、2024年计划执行情况
表1 2024年主要经济指标完成情况
| 指标 | 单位 | 2024年目标 | 2024年完成(预计) |
| --- | --- | --- | --- |
| 地区生产总值 | 亿元 | 820 | 806.5 |
| 社会消费品零售总额增长 | % | 8 | 6.1 |
| 全社会固定资产投资 | 亿元 | 300以上 | 312 |
全年经济运行总体平稳。
"""


def test_pipe_rows_with_unit_column_and_estimated_results():
    assert got(document(PIPE_TABLE)) == expected("""
        地区生产总值 | target | 2024 | level | 820 | 亿元 | = | |
        地区生产总值 | actual | 2024 | level | 806.5 | 亿元 | = | | estimated
        社会消费品零售总额 | target | 2024 | growth | 8 | % | = | |
        社会消费品零售总额 | actual | 2024 | growth | 6.1 | % | = | | estimated
        全社会固定资产投资 | target | 2024 | level | 300 | 亿元 | >= | |
        全社会固定资产投资 | actual | 2024 | level | 312 | 亿元 | = | | estimated
    """)


def test_a_cell_holding_two_numbers_forges_no_third():
    # "6.2 6左右" squeezed would read 6.26; neither reading is safe, so the cell gives nothing
    facts = got(document(PIPE_TABLE.replace("| 8 | 6.1 |", "| 8 | 6.1 5.9左右 |")))
    roles = {fact[1] for fact in facts if fact[0] == "社会消费品零售总额"}
    assert roles == {"target"}


def _docx_table(text: str) -> Table:
    """A table as a DOCX loader gives it: colspans kept, offsets into the text."""
    cursor = 0

    def cell(words: str, colspan: int = 1) -> Cell:
        nonlocal cursor
        start = text.index(words, cursor)
        cursor = start + len(words)
        return Cell(words, start, cursor, colspan=colspan)

    return Table(title="2023年主要指标完成情况", rows=[
        [cell("指标"), cell("2023年完成情况", colspan=2), cell("2024年目标")],
        [cell("总量"), cell("增速")],
        [cell("地区生产总值(亿元)"), cell("1200"), cell("6.1%"), cell("7%")],
        [cell("城镇调查失业率(%)"), cell("5.2"), cell("-"), cell("5.5左右")],
        [cell("单位地区生产总值能耗降低率"), cell("-"), cell("3.2"), cell("完成省下达目标")],
    ])


def test_docx_table_with_colspan_header():
    text = ("指标\t2023年完成情况\t2024年目标\n总量\t增速\n地区生产总值(亿元)\t1200\t6.1%\t7%\n"
            "城镇调查失业率(%)\t5.2\t-\t5.5左右\n单位地区生产总值能耗降低率\t-\t3.2\t完成省下达目标\n")
    doc = document(text, tables=[_docx_table(text)])
    assert got(doc) == expected("""
        地区生产总值 | actual | 2023 | level | 1200 | 亿元 | = | |
        地区生产总值 | actual | 2023 | growth | 6.1 | % | = | |
        地区生产总值 | target | 2024 | growth | 7 | % | = | |
        城镇调查失业率 | actual | 2023 | level | 5.2 | % | = | |
        城镇调查失业率 | target | 2024 | level | 5.5 | % | ~ | |
        单位地区生产总值能源消耗 | actual | 2023 | growth | -3.2 | % | = | |
        单位地区生产总值能源消耗 | target | 2024 | growth | | | | 完成省下达目标 |
    """)


COMPLETION_TABLE = flattened([
    "表1:“十三五”规划主要指标完成情况表(单位:亿元、亿美元、%)",
    "2020年", "年均增长", "2018", "2019", "2020",
    "总量", "增速", "总量", "增速", "总量", "增速",
    "1", "地区生产总值", ">600", ">8%", "420", "480", "7.5%", "520", "7%", "560", "6.8%", "可以完成", "区发改局",
    "2", "实际利用外资", "3", "10%", "1.8", "2.1", "12%", "2.4", "11%", "2.5", "4%", "难以完成", "区商务局",
    "3", "文化创意产业产值", "90", "12%", "50", "60", "10%", "66", "95", "1%", "难以完成", "区文旅局",
    "4", "高新技术产业增加值占比", "40%", "30%", "33%", "35%", "38%", "可以完成", "区科技局",
])


def test_completion_table_lost_base_column_merged_cells_and_a_shifted_row():
    doc = document(COMPLETION_TABLE)
    facts = got(doc)
    assert expected("""
        地区生产总值 | target | 2020 | level | 600 | 亿元 | > | |
        地区生产总值 | target | 2016-2020 | growth | 8 | % | > | |
        地区生产总值 | baseline | 2015 | level | 420 | 亿元 | = | |
        地区生产总值 | actual | 2020 | growth | 6.8 | % | = | |
        实际利用外资 | baseline | 2015 | level | 1.8 | 亿美元 | = | |
        实际利用外资 | actual | 2019 | level | 2.4 | 亿美元 | = | |
        文化创意产业产值 | actual | 2019 | level | 66 | 亿元 | = | |
        高新技术产业增加值占比 | target | 2020 | level | 40 | % | = | |
        高新技术产业增加值占比 | baseline | 2015 | level | 30 | % | = | |
        高新技术产业增加值占比 | actual | 2018 | level | 33 | % | = | |
        高新技术产业增加值占比 | actual | 2020 | level | 38 | % | = | |
    """) <= facts
    # Row 3 lost a cell: 66 stands alone for 2019, and 95 after 66 with 1% growth contradicts itself.
    culture = {f[1:4] for f in facts if f[0] == "文化创意产业产值"}
    assert ("actual", "2019", "level") in culture
    assert not {("actual", "2020", "level"), ("actual", "2020", "growth")} & culture
    assert not any(f[0] == "高新技术产业增加值占比" and f[3] == "growth" for f in facts)


AMBIGUOUS = flattened([
    "表2:某区“十四五”时期主要指标",
    "1", "地区生产总值增长", "%", "300", "420", "7", "预期性", "区发改局",
    "2", "单位地区生产总值能源消耗降低", "%", "完成市下达任务", "完成市下达任务", "约束性", "区发改局",
    "3", "森林覆盖率", "%", "30", "32", "约束性", "区园林局",
])


def test_row_missing_a_cell_keeps_only_what_every_reading_agrees_on():
    facts = got(document(AMBIGUOUS))
    assert not any(f[0] == "单位地区生产总值能源消耗" for f in facts)
    assert expected("""
        地区生产总值 | baseline | 2020 | level | 300 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 420 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | = | |
        森林覆盖率 | baseline | 2020 | level | 30 | % | = | |
        森林覆盖率 | target | 2025 | level | 32 | % | = | |
    """) == facts


def test_prose_with_a_title_like_heading_gives_no_table():
    text = "(一)主要指标完成情况\n全年地区生产总值增长6%,固定资产投资增长8%。\n"
    assert extract_tables(document(text)) == []


PIPE_CELLS = """——全年地区生产总值预期目标增长7%。
2022年主要指标完成情况
指标名称 |
2022年预期目标 |
2022年完成情况 |
|
绝对值 |
增速 |
||
地区生产总值 |
7% |
预计全年实现增长5.5%左右 |
|
一般公共预算收入 |
8% |
52.6 |
-3.1% |
城镇居民人均可支配收入 |
与经济增长同步 |
预计与经济增长同步 |
(一)稳增长工作扎实推进
"""


def test_cells_one_per_line_closed_by_pipes():
    assert got(document(PIPE_CELLS)) == expected("""
        地区生产总值 | target | 2022 | growth | 7 | % | = | |
        地区生产总值 | actual | 2022 | growth | 5.5 | % | ~ | | estimated
        地方一般公共预算收入 | target | 2022 | growth | 8 | % | = | |
        地方一般公共预算收入 | actual | 2022 | level | 52.6 | 亿元 | = | |
        地方一般公共预算收入 | actual | 2022 | growth | -3.1 | % | = | |
        城镇居民人均可支配收入 | target | 2022 | growth | | | | 与经济增长同步 |
        城镇居民人均可支配收入 | actual | 2022 | growth | | | | 与经济增长同步 | estimated
    """)


RESTARTED = flattened([
    "表1 “十四五”主要指标",
    "经济发展", "1", "地区生产总值", "亿元", "500", "700", "7", "预期性",
    "2", "社会消费品零售总额", "亿元", "200", "280", "7", "预期性",
    "绿色生态", "1", "森林覆盖率", "%", "30", "31", "[1]", "约束性",
    "2", "地表水达到或好于III类水体比例", "%", "90", "92", "[2]", "约束性",
])


def test_rows_numbered_again_in_each_category():
    facts = got(document(RESTARTED))
    assert {f[0] for f in facts} == {"地区生产总值", "社会消费品零售总额", "森林覆盖率", "地表水达到或好于III类水体比例"}
    assert ("森林覆盖率", "target", "2021-2025", "change", Decimal("1"), "百分点", "=", None, "cumulative") in facts


BOX_TABLE = flattened([
    "专栏1 某市“十四五”经济社会发展主要指标",
    "类别", "指标", "2020年基数", "2025年目标", "年均增长(%)", "指标属性",
    "经济发展", "地区生产总值(亿元)", "1500", "2100", "7左右", "预期性",
    "常住人口城镇化率(%)", "65", "70", "[5]", "预期性",
    "民生福祉", "城镇新增就业(万人)", "-", "-", "【25】", "预期性",
])


def test_header_labels_and_units_in_row_names():
    assert got(document(BOX_TABLE)) == expected("""
        地区生产总值 | baseline | 2020 | level | 1500 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 2100 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | ~ | |
        常住人口城镇化率 | baseline | 2020 | level | 65 | % | = | |
        常住人口城镇化率 | target | 2025 | level | 70 | % | = | |
        常住人口城镇化率 | target | 2021-2025 | change | 5 | 百分点 | = | | cumulative
        城镇新增就业 | target | 2021-2025 | level | 25 | 万人 | = | | cumulative
    """)


GROWTH_COLUMN = """表1 主要经济指标
| 指标 | 单位 | 2023年完成 | 增长(%) | 2024年目标 |
| 规模以上工业增加值 | 亿元 | 215.3 | 6.8 | 7%左右 |
| 全社会固定资产投资 | 亿元 | 402 | -3.5 | 增长5% |
"""

SPAN_FROM_HEADER = flattened([
    "表4 主要指标",
    "序号", "指标", "单位", "2020年", "2025年", "年均增长", "属性",
    "1", "地区生产总值", "亿元", "88", "120", "6.5", "预期性",
    "2", "人均预期寿命", "岁", "78.2", "79", "[0.8]", "预期性",
    "3", "森林覆盖率", "%", "41", "42", "约束性",
])


def test_growth_column_without_a_year_belongs_to_the_year_before_it():
    assert got(document(GROWTH_COLUMN)) == expected("""
        规模以上工业增加值 | actual | 2023 | level | 215.3 | 亿元 | = | |
        规模以上工业增加值 | actual | 2023 | growth | 6.8 | % | = | |
        规模以上工业增加值 | target | 2024 | growth | 7 | % | ~ | |
        全社会固定资产投资 | actual | 2023 | level | 402 | 亿元 | = | |
        全社会固定资产投资 | actual | 2023 | growth | -3.5 | % | = | |
        全社会固定资产投资 | target | 2024 | growth | 5 | % | = | |
    """)


def test_plan_span_from_the_header_years_when_the_title_has_none():
    assert got(document(SPAN_FROM_HEADER)) == expected("""
        地区生产总值 | baseline | 2020 | level | 88 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 120 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 6.5 | % | = | |
        人均预期寿命 | baseline | 2020 | level | 78.2 | 岁 | = | |
        人均预期寿命 | target | 2025 | level | 79 | 岁 | = | |
        人均预期寿命 | target | 2021-2025 | change | 0.8 | 岁 | = | | cumulative
        森林覆盖率 | baseline | 2020 | level | 41 | % | = | |
        森林覆盖率 | target | 2025 | level | 42 | % | = | |
    """)


PROJECT_TABLE = flattened([
    "表5 “十四五”重大项目表",
    "1", "地区生产总值核算平台", "320", "450", "2021-2023",
    "2", "社会消费品零售总额监测中心", "12", "18", "2022-2024",
    "3", "城镇新增就业服务站", "3", "5", "2021-2022",
])


def test_a_headerless_table_not_titled_as_indicators_gives_nothing():
    assert extract_tables(document(PROJECT_TABLE)) == []


VERDICT = """表1 “十三五”规划主要指标完成情况
| 指标 | 单位 | 2020年目标 | 2020年完成 | 完成情况 |
| 地区生产总值 | 亿元 | 900 | 912.4 | 超额完成 |
| 社会消费品零售总额 | 亿元 | 420 | 388 | 未完成 |
| 城镇登记失业率 | % | <4 | 2.9 | 完成 |
"""


def test_a_verdict_column_is_the_rows_assessment_not_a_value():
    doc = document(VERDICT)
    assert got(doc) == expected("""
        地区生产总值 | target | 2020 | level | 900 | 亿元 | = | |
        地区生产总值 | actual | 2020 | level | 912.4 | 亿元 | = | |
        社会消费品零售总额 | target | 2020 | level | 420 | 亿元 | = | |
        社会消费品零售总额 | actual | 2020 | level | 388 | 亿元 | = | |
        城镇登记失业率 | target | 2020 | level | 4 | % | < | |
        城镇登记失业率 | actual | 2020 | level | 2.9 | % | = | |
    """)
    verdicts = {(f.indicator, f.role): f.assessment for f in extract_tables(doc)}
    assert verdicts[("社会消费品零售总额", "target")] == "未完成"
    assert verdicts[("地区生产总值", "target")] == "超额完成"
    assert verdicts[("地区生产总值", "actual")] is None


def test_a_yes_no_verdict_column():
    text = VERDICT.replace("完成情况 |", "是否完成 |").replace("超额完成", "是").replace("未完成", "否")
    verdicts = {f.indicator: f.assessment for f in extract_tables(document(text)) if f.role == "target"}
    assert verdicts == {"地区生产总值": "是", "社会消费品零售总额": "否", "城镇登记失业率": "完成"}


SPACED = """第三章 发展目标
表2 某县“十四五”时期主要指标
序号 指标 单位 2020 年 2025 年 年均增长 属性
1 地区生产总值 亿元 260 370 7 左右 预期性
2 一般公共预算收入 亿元 18.2 - 6以上 预期性
3 常住人口城镇化率 % 55.1 60 [4.9] 预期性
4 单位地区生产总值能源消耗降低(%) - - [14] 约束性
5 城镇调查失业率 % — < 5.5 — 预期性
6 研究与试验发展经费投入强度 % 1.8 2.5 [0.7] 预期性
7 居民人均可支配收入增长 % - - 7 % 预期性
全县将围绕上述目标,推进高质量发展。
"""


def test_rows_of_cells_separated_by_spaces_under_a_title():
    assert got(document(SPACED)) == expected("""
        地区生产总值 | baseline | 2020 | level | 260 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 370 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | ~ | |
        地方一般公共预算收入 | baseline | 2020 | level | 18.2 | 亿元 | = | |
        地方一般公共预算收入 | target | 2021-2025 | growth | 6 | % | >= | |
        常住人口城镇化率 | baseline | 2020 | level | 55.1 | % | = | |
        常住人口城镇化率 | target | 2025 | level | 60 | % | = | |
        常住人口城镇化率 | target | 2021-2025 | change | 4.9 | 百分点 | = | | cumulative
        单位地区生产总值能源消耗 | target | 2021-2025 | growth | -14 | % | = | | cumulative
        城镇调查失业率 | target | 2025 | level | 5.5 | % | < | |
        研究与试验发展经费投入强度 | baseline | 2020 | level | 1.8 | % | = | |
        研究与试验发展经费投入强度 | target | 2025 | level | 2.5 | % | = | |
        研究与试验发展经费投入强度 | target | 2021-2025 | change | 0.7 | 百分点 | = | | cumulative
        居民人均可支配收入 | target | 2021-2025 | growth | 7 | % | = | |
    """)


def test_spaced_cells_keep_their_offsets_and_rejoin_split_words():
    doc = document(SPACED)
    [table] = recover_tables(doc)
    assert [c.text for c in table.rows[0]] == ["序号", "指标", "单位", "2020 年", "2025 年", "年均增长", "属性"]
    gdp = table.rows[1]
    assert [c.text for c in gdp] == ["1", "地区生产总值", "亿元", "260", "370", "7 左右", "预期性"]
    assert all(doc.text[c.start:c.end] == c.text for row in table.rows for c in row)


TABBED = ("某区“十三五”规划主要指标完成情况\n"
          "序号\t指标名称\t2020年目标值\t2020年预计值\t完成情况\n"
          "1\t人均地区生产总值(元)\t90000\t93120\t完成\n"
          "2\t全社会固定资产投资(亿元)\t350\t301\t难以完成\n"
          "3\t研究与试验发展经费投入强度(%)\t2.5\t2.2\t未完成\n")


def test_tab_separated_completion_rows_with_estimated_results():
    doc = document(TABBED)
    assert got(doc) == expected("""
        人均地区生产总值 | target | 2020 | level | 90000 | 元 | = | |
        人均地区生产总值 | actual | 2020 | level | 93120 | 元 | = | | estimated
        全社会固定资产投资 | target | 2020 | level | 350 | 亿元 | = | |
        全社会固定资产投资 | actual | 2020 | level | 301 | 亿元 | = | | estimated
        研究与试验发展经费投入强度 | target | 2020 | level | 2.5 | % | = | |
        研究与试验发展经费投入强度 | actual | 2020 | level | 2.2 | % | = | | estimated
    """)
    assert {f.assessment for f in extract_tables(doc) if f.role == "target"} == {"完成", "难以完成", "未完成"}


HEADER_ONLY = """某县国民经济和社会发展第十四个五年规划纲要
指标  单位  2020年  2025年  年均增长  属性
地区生产总值  亿元  150  210  7  预期性
社会消费品零售总额  亿元  60  84  7  预期性
"""


def test_a_spaced_header_line_starts_a_table_without_a_title():
    assert got(document(HEADER_ONLY)) == expected("""
        地区生产总值 | baseline | 2020 | level | 150 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 210 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | = | |
        社会消费品零售总额 | baseline | 2020 | level | 60 | 亿元 | = | |
        社会消费品零售总额 | target | 2025 | level | 84 | 亿元 | = | |
        社会消费品零售总额 | target | 2021-2025 | growth | 7 | % | = | |
    """)


def test_a_header_line_opened_by_its_category_column():
    text = HEADER_ONLY.replace("指标  单位", "领域  指标  单位").replace("地区生产总值  亿元", "经济发展  地区生产总值  亿元")
    assert got(document(text)) == got(document(HEADER_ONLY))


def test_one_cell_per_line_under_a_bare_header():
    lines = ["指标", "单位", "2020年", "2025年", "年均增长", "属性",
             "地区生产总值", "亿元", "150", "210", "7", "预期性",
             "社会消费品零售总额", "亿元", "60", "84", "7", "预期性"]
    single = "某县国民经济和社会发展第十四个五年规划纲要\n" + "\n".join(lines) + "\n"
    blank = "某县国民经济和社会发展第十四个五年规划纲要\n\n" + flattened(lines)
    want = got(document(HEADER_ONLY))
    assert got(document(single)) == want
    assert got(document(blank)) == want


def test_spaced_prose_after_a_title_is_not_a_table():
    text = ("二、主要指标完成情况\n"
            "2023 年 全区 地区生产总值 增长 6.1%\n"
            "一般公共预算收入 增长 4.2% 高于 预期\n"
            "2024 年 将 继续 推进 各项 工作\n")
    assert recover_tables(document(text)) == []


def test_a_header_word_opening_a_sentence_starts_no_table():
    text = "指标 体系不断完善,全年地区生产总值 2025 亿元。\n项目 建设有序推进 2024 年新开工 30 个。\n"
    assert recover_tables(document(text)) == []


REVIEW = """某市国民经济和社会发展第十四个五年规划纲要
表1 “十三五”规划主要指标完成情况
| 指标 | 单位 | 2015年 | 规划目标 2020年 | 年均增长 | 2020年完成 (预计) | 完成情况 |
| 地区生产总值 | 亿元 | 480 | 700 | 8% | 688 | 基本完成 |
| 一般公共预算收入 | 亿元 | 36 | 52 | 7.5% | 47 | 未完成 |
"""

REVIEW_FACTS = """
    地区生产总值 | baseline | 2015 | level | 480 | 亿元 | = | |
    地区生产总值 | target | 2020 | level | 700 | 亿元 | = | |
    地区生产总值 | target | 2016-2020 | growth | 8 | % | = | |
    地区生产总值 | actual | 2020 | level | 688 | 亿元 | = | | estimated
    地方一般公共预算收入 | baseline | 2015 | level | 36 | 亿元 | = | |
    地方一般公共预算收入 | target | 2020 | level | 52 | 亿元 | = | |
    地方一般公共预算收入 | target | 2016-2020 | growth | 7.5 | % | = | |
    地方一般公共预算收入 | actual | 2020 | level | 47 | 亿元 | = | | estimated
"""


def test_review_table_target_growth_and_estimated_results():
    assert got(document(REVIEW)) == expected(REVIEW_FACTS)


def test_review_table_spaced_with_its_group_label_on_the_header_line():
    # no plan named in the title: the header's own years (2015 … 2020) beat the 纲要's 2021-2025
    text = REVIEW.replace("“十三五”规划", "").replace(" | ", " ").replace("| ", "").replace(" |", "")
    assert "\n指标 单位 2015年 规划目标 2020年 年均增长 2020年完成 (预计) 完成情况\n" in text
    assert got(document(text, titled=True)) == expected(REVIEW_FACTS)


def test_bare_target_and_result_labels_are_for_the_plans_end_year():
    text = REVIEW.replace("规划目标 2020年", "规划目标").replace("2020年完成 (预计)", "实际完成")
    assert got(document(text)) == expected(REVIEW_FACTS.replace(" estimated", ""))


def test_a_group_label_spanning_target_and_growth_in_a_real_table():
    text = "指标\t2015年\t规划目标\t2020年完成\n2020年\t年均增长\n地区生产总值(亿元)\t480\t700\t8%\t688\n"
    cursor = 0

    def cell(words: str, colspan: int = 1, rowspan: int = 1) -> Cell:
        nonlocal cursor
        start = text.index(words, cursor)
        cursor = start + len(words)
        return Cell(words, start, cursor, colspan=colspan, rowspan=rowspan)

    table = Table(title="表1 “十三五”主要指标完成情况", rows=[
        [cell("指标", rowspan=2), cell("2015年", rowspan=2), cell("规划目标", colspan=2), cell("2020年完成", rowspan=2)],
        [cell("2020年"), cell("年均增长")],
        [cell("地区生产总值(亿元)"), cell("480"), cell("700"), cell("8%"), cell("688")],
    ])
    assert got(document(text, tables=[table])) == expected("""
        地区生产总值 | baseline | 2015 | level | 480 | 亿元 | = | |
        地区生产总值 | target | 2020 | level | 700 | 亿元 | = | |
        地区生产总值 | target | 2016-2020 | growth | 8 | % | = | |
        地区生产总值 | actual | 2020 | level | 688 | 亿元 | = | |
    """)


COMMUNIQUE = """2023年某县国民经济和社会发展统计公报
一、综合
表1 主要经济指标
| 指标 | 单位 | 绝对数 | 比上年增长% |
| 地区生产总值 | 亿元 | 312.5 | 5.6 |
| 社会消费品零售总额 | 亿元 | 120.3 | -1.2 |
| 城镇居民人均可支配收入 | 元 | 41230 | 4.8 |
"""

COMMUNIQUE_FACTS = """
    地区生产总值 | actual | 2023 | level | 312.5 | 亿元 | = | |
    地区生产总值 | actual | 2023 | growth | 5.6 | % | = | |
    社会消费品零售总额 | actual | 2023 | level | 120.3 | 亿元 | = | |
    社会消费品零售总额 | actual | 2023 | growth | -1.2 | % | = | |
    城镇居民人均可支配收入 | actual | 2023 | level | 41230 | 元 | = | |
    城镇居民人均可支配收入 | actual | 2023 | growth | 4.8 | % | = | |
"""


def test_communique_table_of_amounts_and_growth_for_the_year_reported():
    assert got(document(COMMUNIQUE, titled=True)) == expected(COMMUNIQUE_FACTS)


def test_communique_table_spaced_and_dated_by_its_title():
    text = COMMUNIQUE.replace("| ", "").replace(" |", "").replace("表1 主要经济指标", "表1 2023年主要经济指标")
    text = text.replace("2023年某县国民经济和社会发展统计公报\n", "")
    assert got(document(text)) == expected(COMMUNIQUE_FACTS)


TWO_LEVEL_SPACED = """表1 2023年主要指标完成情况
指标 单位 2023年完成情况 2024年目标
总量 增速
地区生产总值 亿元 1,350.2 6.2% 6.5%左右
城镇调查失业率 % 5.1 - 5.5以内
"""


def test_spaced_two_level_header_pairs_the_results_not_the_target():
    assert got(document(TWO_LEVEL_SPACED)) == expected("""
        地区生产总值 | actual | 2023 | level | 1350.2 | 亿元 | = | |
        地区生产总值 | actual | 2023 | growth | 6.2 | % | = | |
        地区生产总值 | target | 2024 | growth | 6.5 | % | ~ | |
        城镇调查失业率 | actual | 2023 | level | 5.1 | % | = | |
        城镇调查失业率 | target | 2024 | level | 5.5 | % | <= | |
    """)


def test_ideographic_spaces_and_a_category_line_between_rows():
    text = ("表1\u3000某县“十四五”主要指标\n指标\u3000单位\u30002020年\u30002025年\u3000年均增长\u3000属性\n经济发展\n"
            "地区生产总值\u3000亿元\u3000200\u3000280\u30007\u3000预期性\n"
            "城镇新增就业\u3000万人\u3000-\u3000-\u3000【2.5】\u3000预期性\n")
    assert got(document(text)) == expected("""
        地区生产总值 | baseline | 2020 | level | 200 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 280 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | = | |
        城镇新增就业 | target | 2021-2025 | level | 2.5 | 万人 | = | | cumulative
    """)


def test_a_row_number_written_into_the_name_cell():
    text = ("表3 主要指标\n| 指标 | 2023年完成 | 2024年目标 |\n| 1.地区生产总值(亿元) | 410 | 440 |\n"
            "| 2、一般公共预算收入(亿元) | 30.5 | 32 |\n")
    facts = extract_tables(document(text))
    assert {(f.indicator, f.role, f.value, f.name_as_written) for f in facts} == {
        ("地区生产总值", "actual", Decimal("410"), "地区生产总值"),
        ("地区生产总值", "target", Decimal("440"), "地区生产总值"),
        ("地方一般公共预算收入", "actual", Decimal("30.5"), "一般公共预算收入"),
        ("地方一般公共预算收入", "target", Decimal("32"), "一般公共预算收入"),
    }


def test_a_target_column_in_percent_holds_growth_in_rows_of_amounts():
    text = """某县2023年政府工作报告
序号 指标 单位 2022年完成 增长(%) 2023年目标(%)
1 地区生产总值 亿元 300 4.5 6左右
2 全社会固定资产投资 亿元 120 -2.1 8
3 城镇调查失业率 % 5.1 - 5.5以内
"""
    assert got(document(text)) == expected("""
        地区生产总值 | actual | 2022 | level | 300 | 亿元 | = | |
        地区生产总值 | actual | 2022 | growth | 4.5 | % | = | |
        地区生产总值 | target | 2023 | growth | 6 | % | ~ | |
        全社会固定资产投资 | actual | 2022 | level | 120 | 亿元 | = | |
        全社会固定资产投资 | actual | 2022 | growth | -2.1 | % | = | |
        全社会固定资产投资 | target | 2023 | growth | 8 | % | = | |
        城镇调查失业率 | actual | 2022 | level | 5.1 | % | = | |
        城镇调查失业率 | target | 2023 | level | 5.5 | % | <= | |
    """)


def test_a_progress_column_is_not_the_indicators_result():
    text = REVIEW.replace("2020年完成 (预计) | 完成情况", "实际完成 | 完成进度(%)").replace("基本完成", "98.3").replace("未完成", "90.4")
    facts = got(document(text))
    assert expected(REVIEW_FACTS.replace(" estimated", "")) == facts


def test_a_spaced_row_is_read_as_a_table_not_as_a_sentence():
    text = ("表1 某县“十四五”主要指标\n指标 2020年 2025年 年均增长 属性\n地区生产总值 200亿元 280亿元 7% 预期性\n"
            "城镇居民人均可支配收入 30000元 42000元 7% 预期性\n")
    facts = {(f.indicator, f.role, f.period, f.measure, f.value) for f in extract(document(text))}
    assert facts == {
        ("地区生产总值", "baseline", "2020", "level", Decimal("200")),
        ("地区生产总值", "target", "2025", "level", Decimal("280")),
        ("地区生产总值", "target", "2021-2025", "growth", Decimal("7")),
        ("城镇居民人均可支配收入", "baseline", "2020", "level", Decimal("30000")),
        ("城镇居民人均可支配收入", "target", "2025", "level", Decimal("42000")),
        ("城镇居民人均可支配收入", "target", "2021-2025", "growth", Decimal("7")),
    }


def test_a_header_note_on_a_line_of_its_own_belongs_to_the_label_above():
    text = flattened(["表1 “十三五”规划主要指标完成情况", "指标", "单位", "2015年", "规划目标", "年均增长", "2020年完成",
                      "(预计)", "完成情况",
                      "地区生产总值", "亿元", "480", "700", "8%", "688", "基本完成",
                      "一般公共预算收入", "亿元", "36", "52", "7.5%", "47", "未完成"])
    assert got(document(text)) == expected(REVIEW_FACTS)


def test_spaced_completion_table_with_a_two_line_header():
    text = """表1:“十三五”规划主要指标完成情况表(单位:亿元、亿美元、%)
2020年 年均增长 2018 2019 2020
总量 增速 总量 增速 总量 增速
1 地区生产总值 >600 >8% 420 480 7.5% 520 7% 560 6.8% 可以完成 区发改局
2 实际利用外资 3 10% 1.8 2.1 12% 2.4 11% 2.5 4% 难以完成 区商务局
3 文化创意产业产值 90 12% 50 60 10% 66 95 1% 难以完成 区文旅局
4 高新技术产业增加值占比 40% 30% 33% 35% 38% 可以完成 区科技局
"""
    assert got(document(text)) == got(document(COMPLETION_TABLE))


def test_labels_without_years_in_a_plan_outline():
    text = """某县国民经济和社会发展第十四个五年规划纲要
表2 主要指标
| 指标 | 单位 | 基期值 | 目标值 | 年均增长 | 属性 |
| 地区生产总值 | 亿元 | 150 | 210 | 7 | 预期性 |
| 常住人口城镇化率 | % | 52 | 57 | [5] | 预期性 |
"""
    assert got(document(text, titled=True)) == expected("""
        地区生产总值 | baseline | 2020 | level | 150 | 亿元 | = | |
        地区生产总值 | target | 2025 | level | 210 | 亿元 | = | |
        地区生产总值 | target | 2021-2025 | growth | 7 | % | = | |
        常住人口城镇化率 | baseline | 2020 | level | 52 | % | = | |
        常住人口城镇化率 | target | 2025 | level | 57 | % | = | |
        常住人口城镇化率 | target | 2021-2025 | change | 5 | 百分点 | = | | cumulative
    """)


def test_span_growth_after_the_results_is_achieved_growth():
    text = REVIEW.replace("2020年完成 (预计) | 完成情况", "2020年完成 (预计) | 年均增长 | 完成情况") \
        .replace("688 | 基本完成", "688 | 7.5% | 基本完成").replace("47 | 未完成", "47 | 5.5% | 未完成")
    assert got(document(text)) == expected(REVIEW_FACTS + """
        地区生产总值 | actual | 2016-2020 | growth | 7.5 | % | = | | estimated
        地方一般公共预算收入 | actual | 2016-2020 | growth | 5.5 | % | = | | estimated
    """)


ONE_YEAR_TABLE = """表一  2025年某市主要目标完成情况
指标名称
属性
全年目标
全年完成
全市生产总值
预期性
增长6%左右
增长6.2%
地方一般公共预算收入
预期性
增长4%
增长1.5%
"""


def test_one_year_table_with_bare_target_and_result_columns_after_an_attribute():
    # 全年目标 | 全年完成 take the title's year; 属性 before the values is the row's attribute
    assert got(document(ONE_YEAR_TABLE)) == expected("""
        地区生产总值 | target | 2025 | growth | 6 | % | ~ | |
        地区生产总值 | actual | 2025 | growth | 6.2 | % | = | |
        地方一般公共预算收入 | target | 2025 | growth | 4 | % | = | |
        地方一般公共预算收入 | actual | 2025 | growth | 1.5 | % | = | |
    """)
