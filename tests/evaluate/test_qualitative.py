"""Targets in words: decided by comparing growth facts, or by a result that says so."""

from __future__ import annotations

from planwatch.evaluate import verdicts

SYNC = "与经济增长基本同步"


def test_income_in_step_with_growth(make):
    facts = [make("居民人均可支配收入", "target", "2023", "growth", None, text=SYNC),
             make("居民人均可支配收入", "actual", "2023", "growth", "6.1", doc=2),
             make("地区生产总值", "actual", "2023", "growth", "5.9", doc=2, start=20)]
    [verdict] = verdicts(facts)
    assert verdict.status == "met"
    assert "地区生产总值" in verdict.reason and len(verdict.results) == 2


def test_income_behind_growth_is_missed(make):
    facts = [make("居民人均可支配收入", "target", "2023", "growth", None, text=SYNC),
             make("居民人均可支配收入", "actual", "2023", "growth", "4.0", doc=2),
             make("地区生产总值", "actual", "2023", "growth", "5.9", doc=2, start=20)]
    assert verdicts(facts)[0].status == "missed"


def test_growth_of_another_region_is_not_compared(make):
    facts = [make("居民人均可支配收入", "target", "2023", "growth", None, text=SYNC),
             make("居民人均可支配收入", "actual", "2023", "growth", "4.0", doc=2),
             make("地区生产总值", "actual", "2023", "growth", "5.9", doc=3, region="武昌区")]
    assert verdicts(facts)[0].status == "unknown"


def test_city_assigned_target_stays_unknown_without_a_result(make):
    facts = [make("单位地区生产总值能源消耗", "target", "2024", "growth", None, text="完成市下达目标")]
    [verdict] = verdicts(facts)
    assert verdict.status == "unknown" and verdict.label == "待核实"


def test_city_assigned_target_met_when_a_result_says_so(make):
    facts = [make("单位地区生产总值能源消耗", "target", "2024", "growth", None, text="完成市下达目标"),
             make("单位地区生产总值能源消耗", "actual", "2024", "growth", None, doc=2, text="完成市下达目标任务",
                  estimated=True)]
    [verdict] = verdicts(facts)
    assert verdict.status == "met" and "预计" in verdict.reason


def test_positive_growth(make):
    facts = [make("高新技术产业增加值", "target", "2023", "growth", None, text="保持正增长"),
             make("高新技术产业增加值", "actual", "2023", "growth", "-1.0", doc=2)]
    assert verdicts(facts)[0].status == "missed"


def test_a_figure_does_not_decide_a_city_assigned_target(make):
    facts = [make("单位地区生产总值能源消耗", "target", "2024", "growth", None, text="完成市下达目标"),
             make("单位地区生产总值能源消耗", "actual", "2024", "growth", "-3.5", doc=2)]
    [verdict] = verdicts(facts)
    assert verdict.status == "unknown" and "下降3.5%" in verdict.reason
    assert len(verdict.results) == 1
