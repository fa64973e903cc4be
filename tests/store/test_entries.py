"""Manual entry (填报): a figure no stored document states, entered with its written source,
is a fact like the others in every read, and is corrected and rejected like one.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from planwatch import evaluate, export
from planwatch.errors import NotStored, QueryError
from planwatch.store.search import SearchIndex

SOURCE = "青石县统计局《2026年青石县国民经济和社会发展统计公报》，2027年3月2日"
REVENUE = {"indicator": "地方一般公共预算收入", "role": "actual", "period": "2026", "measure": "growth",
           "value": "6.2", "unit": "%"}


def _verdict(store, period="2026"):
    return {(v.indicator, v.measure): v for v in evaluate.evaluate(store, region="青石县", period=period)}[
        ("地方一般公共预算收入", "growth")]


@pytest.fixture
def stored(store, document, facts):
    # The report's revenue target, named as the catalogue names it: what an entered result is judged against.
    facts = [dataclasses.replace(f, indicator="地方一般公共预算收入") if f.indicator == "一般公共预算收入" else f
             for f in facts]
    store.add_document(document, facts)
    return store


def test_an_entered_result_judges_the_target_and_cites_its_written_source(stored):
    assert _verdict(stored).results == []

    decision, fact_id = stored.enter_fact("青石县", REVENUE, SOURCE, actor="王填报")

    [entered] = [f for f in stored.facts(region="青石县", indicator="地方一般公共预算收入") if f.id == fact_id]
    assert (entered.fact.value, entered.fact.source, entered.review, entered.doc_type) == (
        Decimal("6.2"), SOURCE, "added", "entries")
    assert entered.to_dict()["source"] == SOURCE and decision.action == "added" and decision.actor == "王填报"
    verdict = _verdict(stored)
    assert verdict.results[0].value == Decimal("6.2") and verdict.status == "exceeded"
    row = {r["indicator"]: r for r in export.report_table(stored.facts(region="青石县"), "青石县", "2026")
           .to_dict()["rows"]}["地方一般公共预算收入"]
    assert SOURCE in row["source"]
    # Its evidence is its line in the region's entries document, which records the source.
    text = stored.document(entered.document_id).text
    assert SOURCE in text[entered.fact.start:entered.fact.end]
    [entry] = stored.audit_entries("fact", fact_id)
    assert (entry.action, entry.user, entry.before, entry.after["source"]) == ("fact.enter", "王填报", None, SOURCE)


def test_an_entered_fact_is_corrected_and_rejected_like_any_other(stored):
    _, fact_id = stored.enter_fact("青石县", REVENUE, SOURCE, actor="王填报")
    decision = stored.correct(fact_id, {"value": "3.1"}, actor="李审核")

    assert decision.action == "added" and decision.after["source"] == SOURCE
    assert _verdict(stored).status in ("missed", "behind", "nearly_met")
    stored.reject(fact_id, actor="李审核")
    assert fact_id not in {f.id for f in stored.facts()}
    assert _verdict(stored).results == []


def test_a_second_entry_adds_to_the_same_entries_document_and_both_survive_reextraction(stored):
    _, first = stored.enter_fact("青石县", REVENUE, SOURCE, actor="王填报")
    _, second = stored.enter_fact("湖北省青石县", REVENUE | {"period": "2025", "value": "1.4"}, SOURCE, actor="王填报")
    facts = {f.id: f for f in stored.facts(region="青石县")}
    assert facts[first].document_id == facts[second].document_id

    report = stored.reextract(region="青石县")

    assert report.failures == []
    entered = {f.fact.period: f.fact.value for f in stored.facts(region="青石县") if f.fact.source == SOURCE}
    assert entered == {"2026": Decimal("6.2"), "2025": Decimal("1.4")}


def test_the_search_finds_the_entries_document_by_its_source(stored):
    index = SearchIndex(stored.engine)
    index.refresh()
    stored.enter_fact("青石县", REVENUE, SOURCE, actor="王填报")
    [entries] = [d for d in stored.documents() if d.doc_type == "entries"]
    assert entries.id in index.documents("统计公报", 10)


@pytest.mark.parametrize("region, source, fields, message", [
    ("青石县", "  ", REVENUE, "source"),
    ("白云县", SOURCE, REVENUE, "白云县"),
    ("青石县", SOURCE, REVENUE | {"indicator": "幸福指数"}, "catalogue"),
    ("青石县", SOURCE, REVENUE | {"value": "六"}, "number"),
])
def test_a_bad_entry_is_refused_with_its_reason_and_nothing_is_stored(stored, region, source, fields, message):
    before = stored.facts()
    with pytest.raises((QueryError, NotStored), match=message):
        stored.enter_fact(region, fields, source, actor="王填报")
    assert stored.facts() == before and [d.doc_type for d in stored.documents()] == ["annual_report"]
