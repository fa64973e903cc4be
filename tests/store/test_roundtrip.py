"""What goes into the store comes back out exactly: values, Chinese text, metadata."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.errors import StoreError
from planwatch.extract import Fact
from planwatch.store import Store, StoredDocument, StoredFact


def test_facts_come_back_equal_with_exact_decimals(store, document, facts):
    stored, added = store.add_document(document, facts)
    assert added
    back = store.facts()
    assert [s.fact for s in back] == facts
    # Equal is not enough for Decimal (5.0 == 5): the digits as stated must survive too.
    assert [str(s.fact.value) for s in back] == ["1639999999.99", "5.0", "4.5", "5.5", "None"]
    assert str(back[2].fact.upper) == "5"
    assert back[0].fact.also == [Decimal("1640000000.01")]
    assert all(isinstance(s.fact.value, Decimal) for s in back if s.fact.value is not None)


def test_stored_fact_carries_its_document_context(store, document, facts):
    stored, _ = store.add_document(document, facts)
    first = store.facts()[0]
    assert isinstance(first, StoredFact)
    assert (first.document_id, first.doc_name, first.doc_title, first.region, first.doc_type, first.doc_date) == (
        stored.id, "qingshi_2025.txt", "青石县2025年国民经济和社会发展计划执行情况的报告", "青石县",
        "annual_report", "2026-01-15")
    assert first.to_dict()["indicator"] == "地区生产总值"
    assert first.to_dict()["region"] == "青石县"


def test_evidence_offsets_point_into_the_stored_text(store, document, facts):
    stored, _ = store.add_document(document, facts)
    text = store.document(stored.id).text
    assert text == document.text          # \r\n kept: offsets stay valid
    for s in store.facts()[:4]:
        assert str(s.fact.value).rstrip("0").rstrip(".") in text[s.fact.start:s.fact.end]


def test_document_metadata_and_original_bytes_round_trip(store, document, facts):
    stored, _ = store.add_document(document, facts)
    again = store.document(stored.id)
    assert isinstance(again, StoredDocument)
    assert (again.name, again.region, again.doc_type, again.report_years, again.target_years, again.meeting,
            again.sha256, again.encoding, again.version, again.superseded, again.fact_count) == (
        "qingshi_2025.txt", "青石县", "annual_report", (2025,), (2026,), "青石县第十八届人民代表大会第五次会议",
        document.sha256, "utf-8", 1, False, 5)
    assert again.ingested_at.tzinfo is not None
    assert store.original(stored.id) == document.original
    assert store.documents()[0].text is None        # listings leave the text out


def test_unknown_document_id_is_a_store_error(store):
    with pytest.raises(StoreError, match="no document with id 42"):
        store.document(42)


def test_a_fact_the_database_refuses_stores_nothing_of_its_document(store, document, facts):
    broken = Fact(None, "target", "2026", "level", Decimal("1"), "%", "=", 0, 1)   # no indicator
    with pytest.raises(StoreError):
        store.add_document(document, [*facts, broken])
    assert store.documents() == []
    assert store.facts() == []
    stored, added = store.add_document(document, facts)      # and the document can still go in
    assert added and stored.fact_count == 5


def test_indicator_catalogue_is_loaded_on_first_write(store, document):
    assert store.indicators() == []
    store.add_document(document, [])
    names = {entry.name: entry for entry in store.indicators()}
    assert names["地区生产总值"].category == "经济发展"
    assert names["地区生产总值"].unit == "亿元"


def test_long_names_and_metadata_fit_on_every_backend(store, make_document):
    long_name = "关于" + "某某" * 150 + "的报告.txt"
    document = make_document(name=long_name, region="江北省" + "青石" * 60 + "县")
    document.meta.date, document.meta.plan_span = "2026年1月15日上午", "2021年至2025年"
    stored, _ = store.add_document(document, [])
    again = store.document(stored.id)
    assert (again.name, again.region, again.date, again.plan_span) == (
        long_name, document.meta.region, "2026年1月15日上午", "2021年至2025年")


def test_an_unreachable_database_is_a_store_error_naming_it():
    with pytest.raises(StoreError, match="cannot open database postgresql\\+psycopg://nobody@127.0.0.1:1/none"):
        Store("postgresql://nobody@127.0.0.1:1/none")
