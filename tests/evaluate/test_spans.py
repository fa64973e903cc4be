"""Targets over several years: average growth, cumulative change and totals; end-year levels."""

from __future__ import annotations

from decimal import Decimal

from planwatch.evaluate import verdicts


def _series(make, growths: dict[int, str], indicator: str = "地区生产总值"):
    return [make(indicator, "actual", str(year), "growth", g, doc=2, start=year) for year, g in growths.items()]


def test_average_growth_from_each_years_growth(make):
    facts = [make("地区生产总值", "target", "2016-2020", "growth", 9, "%", ">", assessment="难以完成"),
             *_series(make, {2016: "8.7", 2017: "9.4", 2018: "9.1", 2019: "7.6", 2020: "-2.2"})]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed"
    assert verdict.achieved.value.quantize(Decimal("0.1")) == Decimal("6.4")
    assert "年均增长6.4%" in verdict.reason
    assert verdict.assessment_agrees is True and "难以完成（一致）" in verdict.reason


def test_disagreeing_assessment_is_noted(make):
    facts = [make("地方一般公共预算收入", "target", "2016-2020", "growth", 10, assessment="可以完成"),
             *_series(make, {2016: "1", 2017: "2", 2018: "3", 2019: "2", 2020: "1"}, "地方一般公共预算收入")]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed" and verdict.assessment_agrees is False
    assert "不一致" in verdict.reason


def test_average_growth_so_far_is_progress(make):
    facts = [make("地区生产总值", "target", "2021-2025", "growth", 7, "%", "~"),
             *_series(make, {2021: "8", 2022: "7.5"})]
    assert verdicts(facts)[0].status == "on_track"
    facts = [make("地区生产总值", "target", "2021-2025", "growth", 7, "%", "~"),
             *_series(make, {2021: "5", 2022: "4"})]
    assert verdicts(facts)[0].status == "behind"


def test_average_growth_from_levels_when_no_growth_stated(make):
    facts = [make("社会消费品零售总额", "target", "2016-2020", "growth", 10),
             make("社会消费品零售总额", "baseline", "2015", "level", 100, "亿元"),
             make("社会消费品零售总额", "actual", "2020", "level", 170, "亿元", doc=2)]
    [verdict] = verdicts(facts)
    assert verdict.status == "exceeded"                      # 100 → 170 is 11.2% a year
    assert "现价" in verdict.achieved.basis


def test_required_growth_from_base_and_end_year_target(make):
    facts = [make("地区生产总值", "baseline", "2020", "level", 1080, "亿元"),
             make("地区生产总值", "target", "2025", "level", 1515, "亿元", start=10),
             make("地区生产总值", "target", "2021-2025", "growth", 7, "%", "~", start=20)]
    found = {v.period: v for v in verdicts(facts)}
    assert found["2025"].achieved.value.quantize(Decimal("0.1")) == Decimal("7.0")
    assert "需年均增长7.0%" in found["2025"].reason
    assert "需年均增长7.0%" in found["2021-2025"].reason


def test_end_year_level_on_its_path(make):
    base = [make("地区生产总值", "baseline", "2020", "level", 1000, "亿元"),
            make("地区生产总值", "target", "2025", "level", 1400, "亿元", start=10)]   # 7.0% a year
    ahead = verdicts(base + [make("地区生产总值", "actual", "2022", "level", 1160, "亿元", doc=2)])
    late = verdicts(base + [make("地区生产总值", "actual", "2022", "level", 1080, "亿元", doc=2)])
    assert ahead[0].status == "on_track" and late[0].status == "behind"


def test_cumulative_change(make):
    facts = [make("常住人口城镇化率", "baseline", "2020", "level", "60.0"),
             make("常住人口城镇化率", "target", "2021-2025", "change", "2", "百分点", cumulative=True),
             make("常住人口城镇化率", "actual", "2025", "level", "62.5", doc=2)]
    [verdict] = [v for v in verdicts(facts) if v.measure == "change"]
    assert verdict.status == "exceeded"
    assert verdict.achieved.value == Decimal("2.5")


def test_five_year_total_sums_the_years(make):
    facts = [make("新增就业岗位", "target", "2016-2020", "level", 5, "万人", cumulative=True),
             *[make("新增就业岗位", "actual", str(y), "level", "0.9", "万人", doc=2) for y in range(2016, 2021)]]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed"                       # 4.5 of 5
    assert verdict.achieved.value == Decimal("4.5")


def test_span_over_with_missing_years_is_unknown(make):
    facts = [make("文化创意产业产值", "target", "2016-2020", "growth", 22),
             *_series(make, {2016: "22", 2017: "22", 2018: "22"}, "文化创意产业产值"),
             make("地区生产总值", "actual", "2023", "growth", 5, doc=3)]     # the region reports on 2023
    [verdict] = [v for v in verdicts(facts) if v.indicator == "文化创意产业产值"]
    assert verdict.status == "unknown" and "缺少2019—2020年数据" in verdict.reason


def test_base_of_another_document_is_not_a_plan_path(make):
    """An annual target is not measured from another plan's base year."""
    facts = [make("城镇新增就业", "baseline", "2015", "level", "1.2", "万人", doc=1),
             make("城镇新增就业", "actual", "2020", "level", "2.3", "万人", doc=1),
             make("城镇新增就业", "target", "2024", "level", "2.1", "万人", doc=2)]
    [verdict] = verdicts(facts)
    assert verdict.status == "unknown" and verdict.reason == "暂无该期结果"


def test_stated_average_growth_beats_an_incomplete_series(make):
    facts = [make("招商引资总额", "target", "2016-2020", "growth", 20),
             *_series(make, {2016: "30", 2017: "25"}, "招商引资总额"),
             make("招商引资总额", "actual", "2016-2020", "growth", "15.24", doc=3)]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed" and verdict.achieved.basis == "文件所述"


def test_stated_cumulative_growth_read_as_an_average(make):
    facts = [make("服务业增加值", "target", "2016-2020", "growth", 9),
             make("服务业增加值", "actual", "2016-2020", "growth", "49.8", doc=2, cumulative=True)]
    [verdict] = verdicts(facts)
    assert verdict.achieved.value.quantize(Decimal("0.1")) == Decimal("8.4")     # 1.498 over five years
    assert verdict.status == "missed"


def test_reduction_path_for_a_concentration(make):
    base = [make("PM2.5浓度", "baseline", "2020", "level", 45, "微克/立方米"),
            make("PM2.5浓度", "target", "2025", "level", 35, "微克/立方米", start=10)]
    falling = verdicts(base + [make("PM2.5浓度", "actual", "2022", "level", 39, "微克/立方米", doc=2)])
    rising = verdicts(base + [make("PM2.5浓度", "actual", "2022", "level", 46, "微克/立方米", doc=2)])
    assert falling[0].status == "on_track" and rising[0].status == "behind"
