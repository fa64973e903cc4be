"""The number grammar, written as tables: text -> what a reader of the plan understands."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.extract.numbers import find_quantities, parse_growth, parse_number, parse_quantity, scan_quantities

NUMBERS = [
    # token          value
    ("1,234.5", "1234.5"),
    ("１２．５", "12.5"),
    ("-14", "-14"),
    ("二〇三五", "2035"),
    ("一千五百", "1500"),
    ("两万", "20000"),
    ("一亿二千万", "120000000"),
    ("十五", "15"),
    ("三百零五", "305"),
]


@pytest.mark.parametrize("token, value", NUMBERS)
def test_numbers_are_exact_decimals(token, value):
    assert parse_number(token) == Decimal(value)


@pytest.mark.parametrize("token", ["十四五", "一百二三", "三十四五"])
def test_digits_run_together_are_no_chinese_number(token):
    # 十四五 names a five-year plan; reading it as 15 would forge a value
    assert parse_number(token) is None


QUANTITIES = [
    # text                 value     unit        comparator upper   cumulative
    ("137亿元",             "137",    "亿元",      "=",  None,  False),
    ("16.4亿元",            "16.4",   "亿元",      "=",  None,  False),  # never 1639999999.9
    ("2.2万亿元",           "2.2",    "万亿元",    "=",  None,  False),
    ("超2.2万亿",           "2.2",    "万亿元",    ">",  None,  False),
    ("1.4亿美元",           "1.4",    "亿美元",    "=",  None,  False),
    ("4347万美元",          "4347",   "万美元",    "=",  None,  False),
    ("896.7万人（次）",     "896.7",  "万人次",    "=",  None,  False),  # persons, some counted twice: 人次
    ("30万人(次)左右",      "30",     "万人次",    "~",  None,  False),
    ("低于每立方米19微克",  "19",     "微克/立方米", "<", None,  False),  # the volume written first
    ("降至38微克",          "38",     "微克/立方米", "=", None,  False),  # ... and once only
    ("430余家",             "430",    "家",        ">",  None,  False),
    ("4500余万人次",        "4500",   "万人次",    ">",  None,  False),
    ("20多个",              "20",     "个",        ">",  None,  False),
    ("5%以上",              "5",      "%",         ">=", None,  False),
    ("不低于8.5％",         "8.5",    "%",         ">=", None,  False),
    ("不超过3.5%",          "3.5",    "%",         "<=", None,  False),
    ("控制在5.5%以内",      "5.5",    "%",         "<=", None,  False),
    ("控制在3.17%",         "3.17",   "%",         "=",  None,  False),
    ("突破1500亿元",        "1500",   "亿元",      ">",  None,  False),
    ("突破80亿元以上",      "80",     "亿元",      ">",  None,  False),   # the stricter word wins
    ("超过3万人以上",       "3",      "万人",      ">",  None,  False),
    ("不低于5%以上",        "5",      "%",         ">=", None,  False),
    ("低于6%",              "6",      "%",         "<",  None,  False),
    ("6.5%左右",            "6.5",    "%",         "~",  None,  False),
    ("约3000人",            "3000",   "人",        "~",  None,  False),
    ("4.5%—5%",             "4.5",    "%",         ">=", "5",   False),
    ("在4.5%至5%之间",      "4.5",    "%",         ">=", "5",   False),
    ("6-6.5%",              "6",      "%",         ">=", "6.5", False),
    ("[0.39]",              "0.39",   None,        "=",  None,  True),
    ("【5】",               "5",      None,        "=",  None,  True),
    (">1145",               "1145",   None,        ">",  None,  False),
    ("<6",                  "6",      None,        "<",  None,  False),
    ("7左右",               "7",      None,        "~",  None,  False),
    ("3个百分点",           "3",      "百分点",    "=",  None,  False),
    ("两万人",              "2",      "万人",      "=",  None,  False),
    ("12年",                "12",     "年",        "=",  None,  False),
    ("65微克/立方米",       "65",     "微克/立方米", "=", None,  False),
    ("27微克／立方米",      "27",     "微克/立方米", "=", None,  False),  # a full-width slash
    ("3.5% 以内",           "3.5",    "%",         "<=", None,  False),  # a space before the bound word
    ("78周岁",              "78",     "岁",        "=",  None,  False),
    ("1,250户",             "1250",   "户",        "=",  None,  False),
    ("超 100 万方",         "100",    "万方",      ">",  None,  False),
    ("62 %",                "62",     "%",         "=",  None,  False),
    ("千分之四点五以内",    "4.5",    "‰",         "<=", None,  False),
    ("约为百分之三十",      "30",     "%",         "~",  None,  False),
    ("GDP3495亿元",         "3495",   "亿元",      "=",  None,  False),
]


@pytest.mark.parametrize("text, value, unit, comparator, upper, cumulative", QUANTITIES)
def test_quantities_as_stated(text, value, unit, comparator, upper, cumulative):
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.comparator, quantity.upper, quantity.cumulative) == (
        Decimal(value), unit, comparator, Decimal(upper) if upper else None, cumulative)


NOT_QUANTITIES = ["2023年", "2024年度", "十四五", "一是", "突破千亿", "PM2.5", "第一", ""]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_years_words_and_names_are_not_quantities(text):
    assert parse_quantity(text) is None


GROWTH = [
    # text             value   comparator upper
    ("增长5%",          "5",    "=",  None),
    ("增长-14%",        "-14",  "=",  None),
    ("同比下降5.9%",    "-5.9", "=",  None),
    ("降低3.8%以上",    "-3.8", "<=", None),
    ("减少不超过2%",    "-2",   ">=", None),
    ("增长4.5%—5%",     "4.5",  ">=", "5"),
    ("下降4.5-5%",      "-5",   ">=", "-4.5"),
    ("保持正增长",      "0",    ">",  None),
    ("出现负增长",      "0",    "<",  None),
    ("-2.2",            "-2.2", "=",  None),
]


@pytest.mark.parametrize("text, value, comparator, upper", GROWTH)
def test_signed_growth(text, value, comparator, upper):
    quantity = parse_growth(text)
    assert (quantity.value, quantity.comparator, quantity.upper) == (
        Decimal(value), comparator, Decimal(upper) if upper else None)


def test_spans_point_into_the_searched_text():
    text = "其中,地区生产总值增长6.5%左右,固定资产投资突破380亿元。"
    found = find_quantities(text)
    assert [text[q.start:q.end] for q in found] == ["6.5%左右", "突破380亿元"]
    assert [text[q.number_start] for q in found] == ["6", "3"]


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2))
def test_any_decimal_reads_back_exactly(value):
    assert parse_quantity(f"{value}亿元").value == value


@pytest.mark.parametrize("text", [
    "全年地区生产总值增长6.5%左右，固定资产投资突破380亿元；新建学校12所。",
    "城乡居民收入比缩小到2.52:1，人均收入1,234元以上，较上年增长5%—6%。",
    "粮食产量达到二百万吨，PM2.5浓度下降[0.39]微克，完成3个:5个项目",
])
def test_numbers_of_a_stretch_from_one_scan_are_those_a_scan_of_the_stretch_finds(text):
    # the facts take a slot's numbers from the scan the commitments make of the whole text:
    # wherever the scan gives an answer, it is what reading the slot alone gives
    scan = scan_quantities(text)
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            found = scan.within(text, start, end)
            if found is not None:
                assert found == find_quantities(text, start, end), (start, end)
    marks = [0] + [at for at, char in enumerate(text) if char in "，；。"] + [len(text)]
    assert all(scan.within(text, start, end) is not None for start, end in zip(marks, marks[1:]))  # clauses are answered
