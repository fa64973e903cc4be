"""One fact per identity: which statement is kept when a fact is stated twice."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.model import Fact
from planwatch.extract.merge import merge


def _fact(value, comparator="=", start=0, text=None, department=None, unit="亿元") -> Fact:
    return Fact(indicator="地区生产总值", role="target", period="2025", measure="level",
                value=None if value is None else Decimal(value), unit=None if value is None else unit,
                comparator=None if value is None else comparator, start=start, end=start + 5, text=text,
                department=department)


CASES = [
    # first statement          second statement            kept value, comparator, also,   evidence start
    (_fact("300", "=", 0),      _fact("300", ">=", 10),     ("300", ">=", [], 10)),   # the bound says more
    (_fact("300", ">=", 0),     _fact("300", "=", 10),      ("300", ">=", [], 0)),
    (_fact("1500", ">", 0),     _fact("1515", "=", 10),     ("1515", "=", ["1500"], 10)),  # the exact figure
    (_fact("1080", "=", 0),     _fact("1036", "=", 10),     ("1080", "=", ["1036"], 0)),   # first kept, other in also
    (_fact(None, text="完成市下达目标"), _fact("80", "=", 10), ("80", "=", [], 10)),      # a number beats words
    # an exact figure the bound does not allow is another quantity (a county's, a part's): the bound stays
    (_fact("3000", ">", 0),     _fact("266", "=", 10),      ("3000", ">", ["266"], 0)),
    (_fact("1470", ">=", 0),    _fact("650", "=", 10),      ("1470", ">=", ["650"], 0)),
    (_fact("6", "~", 0),        _fact("4.5", "=", 10),      ("6", "~", ["4.5"], 0)),
    (_fact("6", "~", 0),        _fact("6.2", "=", 10),      ("6.2", "=", ["6"], 10)),     # 左右: within a tenth
    # values compared in one scale: 2.3亿 is more than 5000万
    (_fact("5000", ">", 0, unit="万元"), _fact("2.3", "=", 10), ("2.3", "=", ["5000"], 10)),
]


@pytest.mark.parametrize("first, second, kept", CASES)
def test_the_statement_that_says_most_is_kept(first, second, kept):
    (fact,) = merge([first, second])
    value, comparator, also, start = kept
    assert (fact.value, fact.comparator, fact.also, fact.start) == (
        Decimal(value), comparator, [Decimal(v) for v in also], start)


def test_table_details_survive_whichever_statement_is_kept():
    (fact,) = merge([_fact("300", ">=", 0), _fact("300", "=", 10, department="区发改局")])
    assert (fact.comparator, fact.department) == (">=", "区发改局")


def test_different_identities_stay_apart_in_text_order():
    other = Fact(indicator="地区生产总值", role="actual", period="2024", measure="level", value=Decimal(1),
                 unit="亿元", comparator="=", start=5, end=6)
    assert [f.start for f in merge([_fact("2", start=20), other])] == [5, 20]
