"""Verdicts on one target against one result: comparators, signs, ranges, units, tolerance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planwatch.evaluate import verdicts

TOL = Decimal("0.2")

# indicator, measure, unit, target value, target comparator, result value, result comparator, status
CASES = """
地区生产总值       growth %     6.5  =   6.5  ~   met
地区生产总值       growth %     6.5  ~   6.4  =   nearly_met
地区生产总值       growth %     6.5  ~   6.2  =   missed
地区生产总值       growth %     6.5  ~   6.8  =   exceeded
地区生产总值       growth %     6.5  =   6.4  ~   nearly_met
地方一般公共预算收入 growth %     5    =   0.8  =   missed
地区生产总值       growth %     5    >=  5.1  =   exceeded
地区生产总值       growth %     5    >=  5    =   met
高新技术产业增加值   growth %     0    >   0    =   nearly_met
高新技术产业增加值   growth %     0    >   1.2  =   met
单位地区生产总值能源消耗 growth % -3.8 <=  -4.1 =   met
单位地区生产总值能源消耗 growth % -3.8 =   -3.0 =   missed
单位地区生产总值能源消耗 growth % -3.8 =   -3.9 =   met
城镇登记失业率      level  %     4.5  <=  3.2  =   met
城镇登记失业率      level  %     3.5  =   1.78 <   met
城镇登记失业率      level  %     3.5  =   3.9  =   missed
重大项目投资       level  亿元   300  >=  350  >=  exceeded
重大项目投资       level  亿元   300  >=  250  >=  unknown
重大项目投资       level  亿元   300  >=  320  <=  unknown
重大项目投资       level  亿元   300  >=  280  <   missed
外商直接投资       level  亿美元 1.4  =   14000 = met
居民消费价格指数    growth %     3    ~   2.4  =   met
居民消费价格指数    growth %     3    ~   3.1  =   nearly_met
居民消费价格指数    growth %     3    ~   3.6  =   missed
"""


def _parse(table: str):
    for line in table.strip().splitlines():
        indicator, measure, unit, tv, tc, rv, rc, status = line.split()
        yield indicator, measure, unit, tv, tc, rv, rc, status


@pytest.mark.parametrize("indicator,measure,unit,tv,tc,rv,rc,status", list(_parse(CASES)))
def test_result_against_target(make, indicator, measure, unit, tv, tc, rv, rc, status):
    result_unit = "万美元" if rv == "14000" else unit
    found = verdicts([make(indicator, "target", "2023", measure, tv, unit, tc),
                      make(indicator, "actual", "2023", measure, rv, result_unit, rc, doc=2)], tolerance=TOL)
    assert [v.status for v in found] == [status]
    assert found[0].reason


def test_labels_are_chinese(make):
    found = verdicts([make("地区生产总值", "target", "2023", "growth", 5),
                      make("地区生产总值", "actual", "2023", "growth", "0.8", doc=2)], tolerance=TOL)
    assert found[0].label == "未完成"
    assert "低于目标4.2个百分点" in found[0].reason


@pytest.mark.parametrize("result,status", [("5.5", "exceeded"), ("4.7", "met"), ("4.0", "missed")])
def test_range_target(make, result, status):
    found = verdicts([make("地区生产总值", "target", "2023", "growth", "4.5", "%", ">=", upper="5"),
                      make("地区生产总值", "actual", "2023", "growth", result, doc=2)], tolerance=TOL)
    assert found[0].status == status


def test_units_of_another_kind_are_not_compared(make):
    found = verdicts([make("城镇新增就业", "target", "2023", "level", 5, "万人"),
                      make("城镇新增就业", "actual", "2023", "level", 6, "亿元", doc=2)], tolerance=TOL)
    assert found[0].status == "unknown"
    assert "单位" in found[0].reason


def test_tolerance_comes_from_the_setting(make, monkeypatch):
    facts = [make("地区生产总值", "target", "2023", "growth", "6.5", "%", "~"),
             make("地区生产总值", "actual", "2023", "growth", "6.0", doc=2)]
    assert verdicts(facts)[0].status == "missed"
    monkeypatch.setenv("PLANWATCH_NEAR_TOLERANCE", "0.5")
    assert verdicts(facts)[0].status == "nearly_met"


@pytest.mark.parametrize("result,status,words", [("7.2", "exceeded", "达到力争目标"),
                                                 ("6.5", "met", "未达到力争目标"),
                                                 ("5", "missed", "未达到力争目标")])
def test_stretch_target_judged_against_both(make, result, status, words):
    found = verdicts([make("地区生产总值", "target", "2023", "growth", 6),
                      make("地区生产总值", "target", "2023", "growth", 7, stretch=True, start=20),
                      make("地区生产总值", "actual", "2023", "growth", result, doc=2)], tolerance=TOL)
    assert [v.status for v in found] == [status]
    assert words in found[0].reason
    assert found[0].stretch_target.value == 7


@pytest.mark.parametrize("period,today,status", [
    ("2030", date(2026, 12, 7), "pending"),          # the year has not begun
    ("2026", date(2026, 12, 7), "pending"),          # its last month is still running
    ("2026", date(2027, 1, 2), "unknown"),           # over, and no result stated anywhere
    ("2026H1", date(2026, 7, 1), "unknown"),
    ("2026-2030", date(2026, 12, 7), "pending"),
])
def test_target_whose_period_has_not_ended_is_not_yet_due(make, period, today, status):
    found = verdicts([make("地区生产总值", "target", period, "growth", 6)], tolerance=TOL, today=today)
    assert [v.status for v in found] == [status]
    assert found[0].label == {"pending": "未到期", "unknown": "待核实"}[status]


def test_a_result_judges_a_target_even_before_its_period_ends(make):
    found = verdicts([make("地区生产总值", "target", "2026", "growth", 6),
                      make("地区生产总值", "actual", "2026", "growth", "6", doc=2, estimated=True)],
                     tolerance=TOL, today=date(2026, 12, 7))
    assert found[0].status == "met"


@pytest.mark.parametrize("target_unit, result_unit, status", [
    ("万个", "万人", "exceeded"),   # 新增就业岗位5万个 answered by 新增就业5.2万人
    ("万人", "万个", "exceeded"),
    ("万人", "万吨", "unknown"),    # no indicator is written in both: no comparison
])
def test_jobs_counted_as_posts_compare_with_people(make, target_unit, result_unit, status):
    found = verdicts([make("城镇新增就业", "target", "2023", "level", "5", target_unit, ">="),
                      make("城镇新增就业", "actual", "2023", "level", "5.6", result_unit, "=", doc=2)], tolerance=TOL)
    assert [v.status for v in found] == [status]
