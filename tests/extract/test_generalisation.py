"""Documents of other provinces, cities, counties and years: invented sentences in
the shapes that real reports use, read through the whole pipeline (load, metadata,
extract). Each case lists facts a reader takes from it and identities that must
not come out (a wrong role, period or fold)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents import load
from planwatch.extract import extract
from planwatch.extract.script import fold, is_traditional

# indicator, role, period, measure, value or text, unit, comparator
CASES = {
    "traditional characters": (
        "2015年某縣人民政府工作報告\n"
        "一、2014年工作回顧\n"
        "預計全年完成地區生產總值88億元,同比增長7%;城鎮居民人均可支配收入31000元,增長9%。\n",
        [("地区生产总值", "actual", "2014", "level", "88", "亿元", "="),
         ("地区生产总值", "actual", "2014", "growth", "7", "%", "="),
         ("城镇居民人均可支配收入", "actual", "2014", "level", "31000", "元", "=")],
        [],
    ),
    "county fiscal names": (
        "2020年某县人民政府工作报告\n"
        "一、2019年工作回顾\n"
        "全年财政收入21.5亿元,增长3.2%;地方级收入13亿元,增长1.1%。公共财政收入在上年基础上稳中有进。\n",
        [("公共财政总收入", "actual", "2019", "level", "21.5", "亿元", "="),
         ("公共财政总收入", "actual", "2019", "growth", "3.2", "%", "="),
         ("地方一般公共预算收入", "actual", "2019", "level", "13", "亿元", "="),
         ("地方一般公共预算收入", "actual", "2019", "growth", "1.1", "%", "=")],
        [],
    ),
    "catalogue keeps near names apart": (
        "2022年某县人民政府工作报告\n"
        "一、2021年工作回顾\n"
        "全县工业增加值增长5.1%,其中规模以上工业增加值增长8.3%。常住人口城镇化率达到58.2%,户籍人口城镇化率达到41.5%。"
        "粮食总产量36.5万吨。人口自然增长率为2.6‰。全年转移农村劳动力3.2万人。\n",
        [("工业增加值", "actual", "2021", "growth", "5.1", "%", "="),
         ("规模以上工业增加值", "actual", "2021", "growth", "8.3", "%", "="),
         ("常住人口城镇化率", "actual", "2021", "level", "58.2", "%", "="),
         ("户籍人口城镇化率", "actual", "2021", "level", "41.5", "%", "="),
         ("粮食产量", "actual", "2021", "level", "36.5", "万吨", "="),
         ("人口自然增长率", "actual", "2021", "level", "2.6", "‰", "="),
         ("农村劳动力转移就业", "actual", "2021", "level", "3.2", "万人", "=")],
        [],
    ),
}


def _load(tmp_path, text: str):
    path = tmp_path / "invented.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _row(fact) -> tuple:
    shown = fact.text if fact.value is None else fact.value
    return (fact.indicator, fact.role, fact.period, fact.measure, shown, fact.unit, fact.comparator)


def _expected(row: tuple) -> tuple:
    value = row[4] if row[5] is None else Decimal(row[4])
    return (*row[:4], value, *row[5:])


@pytest.mark.parametrize("case", sorted(CASES))
def test_other_regions_documents_give_the_facts_a_reader_takes(case, tmp_path):
    text, expected, unwanted = CASES[case]
    document = _load(tmp_path, text)
    facts = extract(document)
    got = {_row(f) for f in facts}
    assert [row for row in map(_expected, expected) if row not in got] == []
    assert [f.identity for f in facts if f.identity in set(unwanted)] == []
    for fact in facts:
        assert document.text[fact.start:fact.end], fact


def test_traditional_fold_keeps_every_offset():
    text = "預計全年完成地區生產總值88億元,同比增長7%。"
    assert is_traditional(text)
    assert fold(text) == "预计全年完成地区生产总值88亿元,同比增长7%。"
    assert len(fold(text)) == len(text)


def test_simplified_text_is_not_folded():
    assert not is_traditional("预计全年完成地区生产总值88亿元,同比增长7%。乾隆年间的旧城区改造完成。")
