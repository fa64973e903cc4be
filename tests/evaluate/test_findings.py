"""Consistency findings, each with the evidence of both sides."""

from __future__ import annotations

from planwatch.evaluate import findings


def kinds(found):
    return sorted(f.kind for f in found)


def test_also_value_is_located_in_the_text(make):
    text = "表中2020年为1036亿元。正文：2020年地区生产总值1080亿元。"
    fact = make("地区生产总值", "actual", "2020", "level", 1080, "亿元", start=text.index("1080"), also=[1036])
    [finding] = findings([fact], text_of=lambda doc_id: text)
    assert finding.kind == "two_values" and finding.label == "同一文件数值不一"
    first, second = finding.evidence
    assert text[first.source.start:first.source.end].startswith("1080")
    assert text[second.source.start:second.source.end] == "1036"


def test_two_facts_of_one_identity_in_one_document(make):
    found = findings([make("服务业增加值", "actual", "2020", "level", 830, "亿元", start=5),
                      make("服务业增加值", "actual", "2020", "level", "792.86", "亿元", start=90)])
    assert kinds(found) == ["two_values"]
    assert [e.source.start for e in found[0].evidence] == [5, 90]


def test_cumulative_change_against_base_and_target(make):
    rows = [make("每万人口高价值发明专利拥有量", "baseline", "2020", "level", "20.5", "件", start=1),
            make("每万人口高价值发明专利拥有量", "target", "2025", "level", 28, "件", start=2),
            make("每万人口高价值发明专利拥有量", "target", "2021-2025", "change", "6.4", "件", start=3, cumulative=True)]
    [finding] = findings(rows)
    assert finding.kind == "cumulative_mismatch" and "7.5" in finding.message
    assert len(finding.evidence) == 3


def test_consistent_change_is_not_flagged(make):
    rows = [make("常住人口城镇化率", "baseline", "2020", "level", "97.31", start=1),
            make("常住人口城镇化率", "target", "2025", "level", "97.7", start=2),
            make("常住人口城镇化率", "target", "2021-2025", "change", "0.39", "百分点", start=3, cumulative=True)]
    assert findings(rows) == []


def test_only_gross_departures_of_levels_from_growth(make):
    rows = [make("地方一般公共预算收入", "baseline", "2015", "level", 52, "亿元", start=1),
            make("地方一般公共预算收入", "actual", "2016", "level", 100, "亿元", start=2),
            make("地方一般公共预算收入", "actual", "2016", "growth", "19.6", start=3),
            make("地方一般公共预算收入", "actual", "2017", "level", "106", "亿元", start=4),
            make("地方一般公共预算收入", "actual", "2017", "growth", "3", start=5)]   # 6% at current prices: fine
    [finding] = findings(rows)
    assert finding.kind == "growth_vs_levels" and finding.period == "2016"
    assert "可比价" in finding.message


def test_later_document_restating_a_result(make):
    rows = [make("地区生产总值", "actual", "2019", "growth", 8, doc=1, date="2019-12-25", estimated=True),
            make("地区生产总值", "actual", "2019", "growth", "7.6", doc=2, date="2021-02-08")]
    [finding] = findings(rows)
    assert finding.kind == "restated"
    assert [e.source.doc_name for e in finding.evidence] == ["doc1.txt", "doc2.txt"]
    assert "预计数" in finding.message
    # cited as a reader cites a document: its title and date, not its file name
    assert "《文件1》（2019-12-25）为8%" in finding.message and "doc1.txt" not in finding.message


def test_same_value_restated_is_not_a_finding(make):
    rows = [make("地区生产总值", "actual", "2019", "growth", 8, doc=1, date="2019-12-25"),
            make("地区生产总值", "actual", "2019", "growth", 8, doc=2, date="2021-02-08")]
    assert findings(rows) == []


def test_a_bound_the_exact_value_keeps_is_no_conflict(make):
    text = "经济总量突破1500亿元。表：2025年 1515"
    fact = make("地区生产总值", "target", "2025", "level", 1515, "亿元", start=text.index("1515"), also=[1500])
    assert findings([fact], text_of=lambda doc_id: text) == []
    text = "经济总量达到1500亿元。表：2025年 1515"
    assert kinds(findings([fact], text_of=lambda doc_id: text)) == ["two_values"]
