"""Period marks of every kind, and of every word the grammar lists: the cheap tests that open
the pattern (periods._OPENINGS) must let each of them through."""

import pytest

from planwatch.extract.grammar import grammar
from planwatch.extract.periods import period_marks

_W = grammar().period_words


@pytest.mark.parametrize("text, mark", [
    ("今年上半年增长", ("half", "今年上半年", None)),
    ("比2020年下降", ("since", "2020", None)),
    ("是2015年的1.5倍", ("since", "2015", None)),
    ("较“十三五”末提高", ("since", "2020", None)),
    ("今年以来", ("to_date", "今年以来", None)),
    ("去年完成", ("last_year", "去年", None)),
    ("预计明年竣工", ("next_year", "明年", None)),
    ("前三季度", ("quarters", "前三季度", None)),
    ("1-6月", ("months", "1-6月", "6")),
    ("“十四五”期间", ("five", "“十四五”", "期间")),
    ("2021-2025年", ("years", "2021-2025", None)),
    ("到规划期末", ("plan_end", "规划期末", None)),
    ("规划初期", ("plan_start", "规划初期", None)),
    ("过去五年", ("span_words", "过去五年", None)),
    ("5年提高", ("last_years", "5", None)),
    ("三年累计", ("last_years", "三", None)),
    ("2023年一季度", ("year_part", "2023", "一季度")),
    ("二〇二三年", ("year", "2023", None)),
    ("2023年", ("year", "2023", None)),
    ("全年增长", ("this_year", "全年", None)),
])
def test_each_kind_of_mark(text, mark):
    assert [(m.kind, m.words, m.detail) for m in period_marks(text)] == [mark]


def _listed():
    for kind in ("parts", "this_year", "to_date", "last_year", "next_year", "whole_year", "plan_end", "plan_start"):
        for word in _W[kind]:
            yield f"，{word}增长"
    for word in grammar().paragraph_leads["five_years"]:
        yield f"，{word}增长"
    for word in _W["since"]:
        yield f"{word}2020年下降"
        yield f"{word} “十四五”末提高"
    for plan in grammar().five_year_plans:
        yield f"“{plan}”期间"
        yield f"{plan}时期"


@pytest.mark.parametrize("text", list(_listed()))
def test_every_listed_word_opens_a_mark(text):
    assert period_marks(text), text
