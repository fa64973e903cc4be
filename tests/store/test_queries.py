"""Filters of facts() and documents(), and regions()."""

from __future__ import annotations

import pytest

from planwatch.errors import QueryError
from .conftest import REPORT


def _two_regions(store, make_document, report_facts):
    text_a = "青石县报告 " + make_document().text
    text_b = "白水区报告 " + make_document().text
    a, _ = store.add_document(make_document(name="a.txt", text=text_a, region="青石县"), report_facts(text_a))
    b, _ = store.add_document(make_document(name="b.txt", text=text_b, region="白水区"), report_facts(text_b)[:2])
    return a, b


def _identities(facts):
    return sorted((f.doc_name, f.fact.indicator, f.fact.role, f.fact.period, f.fact.measure) for f in facts)


def test_filters_select_by_region_indicator_period_role_measure_document(store, make_document, report_facts):
    a, b = _two_regions(store, make_document, report_facts)
    assert len(store.facts()) == 7
    assert {f.doc_name for f in store.facts(region="白水区")} == {"b.txt"}
    assert _identities(store.facts(indicator="地区生产总值", measure="growth")) == [
        ("a.txt", "地区生产总值", "actual", "2025", "growth"),
        ("b.txt", "地区生产总值", "actual", "2025", "growth"),
    ]
    assert _identities(store.facts(region="青石县", period="2026", role="target")) == [
        ("a.txt", "一般公共预算收入", "target", "2026", "growth"),
        ("a.txt", "城镇调查失业率", "target", "2026", "level"),
        ("a.txt", "居民人均可支配收入", "target", "2026", "growth"),
    ]
    assert {f.document_id for f in store.facts(document_id=b.id)} == {b.id}
    with pytest.raises(QueryError, match="不存在县"):   # an unknown region is an error, not an empty answer
        store.facts(region="不存在县")


def test_facts_keep_the_order_the_document_states_them(store, document, facts):
    store.add_document(document, facts)
    assert [f.fact.indicator for f in store.facts()] == [f.indicator for f in facts]


def test_documents_by_region_and_regions_listed_once(store, make_document, report_facts):
    _two_regions(store, make_document, report_facts)
    assert [d.name for d in store.documents(region="青石县")] == ["a.txt"]
    assert sorted(store.regions()) == ["白水区", "青石县"]


def test_a_region_matches_however_fully_it_is_named(store, make_document, report_facts):
    store.add_document(make_document(region="江北省青石市青石县"), report_facts())
    assert len(store.facts(region="青石县")) == 5
    assert len(store.facts(region="青石市青石县")) == 5
    assert [d.region_key for d in store.documents(region="青石县")] == ["青石县"]
    assert store.regions() == ["江北省青石市青石县"]


def test_a_region_reads_by_its_fullest_name_whichever_document_named_it(store, make_document, report_facts):
    store.add_document(make_document("short.txt", region="青石县"), report_facts())
    other = REPORT + "（另一份文件）\r\n"
    store.add_document(make_document("full.txt", text=other, region="青石市青石县"), report_facts(other))
    assert {d.region for d in store.documents()} == {"青石市青石县"}
    assert {f.region for f in store.facts(region="青石县")} == {"青石市青石县"}


def test_a_document_without_a_region_has_no_region_key(store, make_document):
    stored, _ = store.add_document(make_document(region=None), [])
    assert (stored.region, stored.region_key) == (None, None)
    assert store.regions() == []


def test_a_passage_is_the_words_at_its_character_offsets_on_both_databases(store, make_document, report_facts):
    # 𠮷 lies outside the Basic Multilingual Plane (two UTF-16 units, four UTF-8 bytes): a place name may hold one
    text = "𠮷田镇报告 " + make_document().text
    doc_id = store.add_document(make_document(name="c.txt", text=text), report_facts(text))[0].id
    for fact in store.facts():
        assert store.passage(doc_id, fact.fact.start, fact.fact.end) == text[fact.fact.start:fact.fact.end]
    assert store.passage(doc_id, 0, 3) == "𠮷田镇"
    assert store.document(doc_id, with_text=False).text is None
