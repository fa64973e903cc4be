"""A five-year plan's table as plan objects: progress, required vs achieved growth, 预警."""

from __future__ import annotations

from decimal import Decimal

from planwatch.evaluate import plans, verdicts


def _plan_rows(make, attribute="预期性"):
    common = dict(attribute=attribute, department="区发改局")
    return [make("地区生产总值", "baseline", "2020", "level", 1000, "亿元", start=1, **common),
            make("地区生产总值", "target", "2025", "level", 1400, "亿元", start=2, **common),
            make("地区生产总值", "target", "2021-2025", "growth", 7, "%", "~", start=3, **common)]


def test_plan_indicator_from_its_table(make):
    [plan] = plans(_plan_rows(make))
    assert plan.span == "2021-2025"
    [item] = plan.indicators
    assert (item.indicator, item.attribute, item.department) == ("地区生产总值", "预期性", "区发改局")
    assert (item.baseline.value, item.target_level.value, item.target_growth.value) == (1000, 1400, 7)
    assert item.required_growth.quantize(Decimal("0.1")) == Decimal("7.0")
    assert item.status == "unknown" and item.progress == []


def test_progress_by_year_and_achieved_growth(make):
    facts = _plan_rows(make) + [
        make("地区生产总值", "actual", "2021", "level", 1060, "亿元", doc=2),
        make("地区生产总值", "actual", "2021", "growth", 6, doc=2),
        make("地区生产总值", "actual", "2022", "level", 1110, "亿元", doc=3, date="2023-01-10"),
        make("地区生产总值", "actual", "2022", "growth", "4.5", doc=3, date="2023-01-10"),
    ]
    [item] = plans(facts)[0].indicators
    assert [p.year for p in item.progress] == [2021, 2022]
    assert item.achieved_growth.quantize(Decimal("0.1")) == Decimal("5.2")    # 1.06 × 1.045
    assert item.remaining_growth > item.required_growth
    assert item.status == "behind" and not item.warning                     # 预期性: no 预警


def test_binding_indicator_behind_raises_a_warning(make):
    facts = _plan_rows(make, attribute="约束性") + [
        make("地区生产总值", "actual", "2021", "growth", 3, doc=2)]
    [plan] = plans(facts)
    assert plan.indicators[0].warning and plan.warnings == plan.indicators
    assert plan.indicators[0].reason.startswith("预警")
    assert plan.to_dict()["warnings"] == ["地区生产总值"]


def test_plans_own_verdict_beside_ours(make):
    facts = [make("地区生产总值", "baseline", "2015", "level", 744, "亿元", start=1),
             make("地区生产总值", "target", "2020", "level", 1145, "亿元", ">", start=2, assessment="难以完成"),
             make("地区生产总值", "target", "2016-2020", "growth", 9, "%", ">", start=3, assessment="难以完成"),
             make("地区生产总值", "actual", "2020", "level", 1080, "亿元", doc=2)]
    [item] = plans(facts)[0].indicators
    assert item.status == "missed" and item.assessment == "难以完成" and item.assessment_agrees is True


def test_growth_stated_for_a_later_year_only_is_progress(make):
    # A 2023 annual report gives its own year's growth; 2021 and 2022 are not stated.
    facts = _plan_rows(make) + [make("地区生产总值", "actual", "2023", "growth", "4.9", doc=2, date="2024-01-10")]
    [item] = plans(facts)[0].indicators
    assert item.status == "behind" and item.achieved_growth.quantize(Decimal("0.1")) == Decimal("4.9")
    assert "缺2021、2022年" in item.reason and "暂无进展数据" not in item.reason


def test_nothing_is_still_needed_once_the_target_is_passed(make):
    facts = _plan_rows(make) + [make("地区生产总值", "actual", "2023", "level", 1450, "亿元", doc=2)]
    [item] = plans(facts)[0].indicators
    assert item.remaining_growth is None


def test_a_documents_own_verdict_stays_with_the_target_it_was_written_beside(make):
    # The plan table's 难以完成 is about its 727亿; the work report's own 490亿 target was passed.
    facts = [make("招商引资总额", "target", "2020", "level", 490, "亿元", doc=1, date="2019-12-25"),
             make("招商引资总额", "target", "2020", "level", 727, "亿元", doc=2, date="2021-03-01",
                  assessment="难以完成"),
             make("招商引资总额", "actual", "2020", "level", "639.3", "亿元", doc=3, date="2021-03-02")]
    [verdict] = verdicts(facts)
    assert verdict.target.value == 490 and verdict.status == "exceeded"
    assert verdict.assessment is None and "难以完成" not in verdict.reason
