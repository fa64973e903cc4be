"""Parts of a year against a full-year target (时间过半、任务过半), and result versions."""

from __future__ import annotations

import pytest

from planwatch.evaluate import verdicts

# measure, unit, target, comparator, part, result, status
PARTS = """
growth %    9    >=  2017H1   8.1  behind
growth %    9    >=  2017H1   9.5  on_track
level  亿元 220  >=  2017H1   120  on_track
level  亿元 220  >=  2017H1   100  behind
level  亿元 220  >=  2017M1-9 160  behind
level  亿元 220  >=  2017Q1   60   on_track
"""


@pytest.mark.parametrize("measure,unit,target,comparator,part,result,status",
                         [line.split() for line in PARTS.strip().splitlines()])
def test_part_of_year_against_full_year(make, measure, unit, target, comparator, part, result, status):
    found = verdicts([make("全社会固定资产投资", "target", "2017", measure, target, unit, comparator),
                      make("全社会固定资产投资", "actual", part, measure, result, unit, doc=2)])
    assert [v.status for v in found] == [status]
    assert found[0].results[0].period == part


def test_half_year_reason_says_time_and_task(make):
    found = verdicts([make("招商引资总额", "target", "2017", "level", 540, "亿元", ">="),
                      make("招商引资总额", "actual", "2017H1", "level", "426.4", "亿元", doc=2)])
    assert "时间过半、任务过半" in found[0].reason
    assert found[0].label == "进度正常"


def test_a_rate_is_compared_directly_not_pro_rata(make):
    found = verdicts([make("城镇登记失业率", "target", "2017", "level", "4.5", "%", "<="),
                      make("城镇登记失业率", "actual", "2017H1", "level", "4.0", doc=2)])
    assert found[0].status == "on_track"


def test_full_year_result_wins_over_part(make):
    found = verdicts([make("地区生产总值", "target", "2017", "growth", 9, "%", ">="),
                      make("地区生产总值", "actual", "2017H1", "growth", "8.1", doc=2),
                      make("地区生产总值", "actual", "2017", "growth", "9.2", doc=3, date="2018-01-20")])
    assert found[0].status == "exceeded"


def test_final_result_preferred_and_revisions_shown(make):
    facts = [make("地区生产总值", "target", "2023", "growth", 6, date="2023-01-05"),
             make("地区生产总值", "actual", "2023", "growth", "6.5", doc=2, date="2023-12-25", estimated=True),
             make("地区生产总值", "actual", "2023", "growth", "5.8", doc=3, date="2024-01-10")]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed"                       # the final 5.8, not the estimate 6.5
    assert [str(r.value) for r in verdict.results] == ["5.8", "6.5"]
    assert len(verdict.revisions) == 2 and "预计" in verdict.revisions[0]


def test_later_document_preferred_among_finals(make):
    facts = [make("地区生产总值", "target", "2023", "growth", 6, date="2023-01-05"),
             make("地区生产总值", "actual", "2023", "growth", "6.2", doc=2, date="2024-01-10"),
             make("地区生产总值", "actual", "2023", "growth", "5.9", doc=3, date="2024-06-30")]
    [verdict] = verdicts(facts)
    assert verdict.results[0].source.doc_name == "doc3.txt"
    assert verdict.status == "missed"


def test_results_of_another_region_are_not_linked(make):
    facts = [make("地区生产总值", "target", "2023", "growth", 6),
             make("地区生产总值", "actual", "2023", "growth", 7, doc=2, region="武昌区")]
    found = verdicts(facts)
    assert [(v.region, v.status) for v in found] == [("洪山区", "unknown")]


def test_target_set_in_one_document_judged_on_another(make):
    """A work report sets next year's target; a plan's review table reports the result."""
    facts = [make("地区生产总值", "target", "2020", "growth", "7.5", doc=1, date="2019-12-25"),
             make("地区生产总值", "actual", "2020", "growth", "-2.2", doc=2, date="2021-02-08")]
    [verdict] = verdicts(facts)
    assert verdict.status == "missed"
    assert "下降2.2%" in verdict.reason
    assert verdict.target.source.doc_name == "doc1.txt" and verdict.results[0].source.doc_name == "doc2.txt"


def test_undated_document_placed_after_the_years_it_reports(make):
    """A plan outline without a date that reports 2020 results came after a 2019 work report."""
    facts = [make("地方一般公共预算收入", "target", "2019", "level", 105, "亿元", doc=1, date="2019-01-10"),
             make("地方一般公共预算收入", "actual", "2019", "level", 107, "亿元", doc=2, date="2019-12-25"),
             make("地方一般公共预算收入", "actual", "2019", "level", "104.4", "亿元", doc=3, date=None),
             make("地方一般公共预算收入", "actual", "2020", "level", 92, "亿元", doc=3, date=None)]
    [verdict] = [v for v in verdicts(facts) if v.period == "2019"]
    assert verdict.results[0].source.doc_name == "doc3.txt" and verdict.status == "missed"


def test_a_concentration_is_compared_directly(make):
    found = verdicts([make("PM2.5浓度", "target", "2017", "level", 50, "微克/立方米"),
                      make("PM2.5浓度", "actual", "2017H1", "level", 58, "微克/立方米", doc=2)])
    assert found[0].status == "behind"


def test_documents_of_no_known_region_are_not_linked_to_each_other(make):
    facts = [make("地区生产总值", "target", "2023", "growth", 6, region=None),
             make("地区生产总值", "actual", "2023", "growth", 7, doc=2, region=None),
             make("地区生产总值", "actual", "2023", "growth", "6.5", doc=1, region=None, start=30)]
    [verdict] = verdicts(facts)
    assert verdict.region == "" and verdict.results[0].source.doc_name == "doc1.txt"
