"""Review: decisions on facts win in every read, survive re-extraction, and where a new
extraction disagrees with one, a person is asked to settle it. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from planwatch import evaluate, export
from planwatch.errors import EditConflict, NotStored, QueryError
from planwatch.store import Store

SEED = Path(__file__).resolve().parents[2] / "../shared/seeds/001_8444fd7a4ce61ee2.txt"
needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not beside the repository")


def _fact(store, indicator, role, period="2023", **where):
    [found] = [f for f in store.facts(indicator=indicator, role=role, period=period)
               if all(getattr(f.fact, k) == v for k, v in where.items())]
    return found


def _verdicts(store, region, period):
    return {(v.indicator, v.measure): v for v in evaluate.evaluate(store, region=region, period=period)}


def _report_rows(store, region, period):
    return {row["indicator"]: row for row in export.report_table(store.facts(region=region), region, period)
            .to_dict()["rows"]}


def _words(store, document_id, words):
    text = store.document(document_id).text
    start = text.index(words)
    return start, start + len(words)


# ---- on a seed: verdicts, report tables, re-ingest

@needs_seed
def test_a_correction_of_a_seed_fact_changes_the_verdict_and_the_report_table(store):
    store.ingest([SEED])
    target = _fact(store, "地区生产总值", "target", measure="growth")
    result = _verdicts(store, "武昌区", "2023")[("地区生产总值", "growth")].results[0]
    assert _verdicts(store, "武昌区", "2023")[("地区生产总值", "growth")].status in ("met", "nearly_met")
    # The target as the reviewer reads it: 1.5 points above the result the document states.
    corrected = result.value + Decimal("1.5")
    decision = store.correct(target.id, {"value": str(corrected)}, actor="张审核")

    assert (decision.action, decision.actor, decision.before["value"], decision.after["value"]) == (
        "corrected", "张审核", str(target.fact.value), str(corrected))
    now = _fact(store, "地区生产总值", "target", measure="growth")
    assert (now.id, now.fact.value, now.review) == (target.id, corrected, "corrected")
    verdict = _verdicts(store, "武昌区", "2023")[("地区生产总值", "growth")]
    assert verdict.label == "未完成" and verdict.target.value == corrected
    row = _report_rows(store, "武昌区", "2023")["地区生产总值"]
    assert row["status"] == "未完成" and f"{corrected.normalize()}%" in row["target"]


@needs_seed
def test_a_rejected_seed_fact_is_gone_from_facts_verdicts_and_the_report_table(store):
    store.ingest([SEED])
    [doc] = store.documents()
    target = _fact(store, "实施重大项目", "target")
    assert ("实施重大项目", "level") in _verdicts(store, "武昌区", "2023")
    assert "实施重大项目" in _report_rows(store, "武昌区", "2023")

    store.reject(target.id, actor="李审核")

    assert target.id not in {f.id for f in store.facts()}
    assert ("实施重大项目", "level") not in _verdicts(store, "武昌区", "2023")
    assert "实施重大项目" not in _report_rows(store, "武昌区", "2023")
    assert store.documents()[0].fact_count == doc.fact_count - 1


@needs_seed
def test_a_fact_added_by_selecting_its_words_is_read_like_any_other(store):
    store.ingest([SEED])
    [doc] = store.documents()
    target = _fact(store, "地区生产总值", "target", measure="growth")
    store.reject(target.id, actor="李审核")
    assert ("地区生产总值", "growth") not in _verdicts(store, "武昌区", "2023")
    start, end = _words(store, doc.id, "地区生产总值预期目标增长6.5%")

    decision = store.add_fact(doc.id, start, end, {"indicator": "地区生产总值", "role": "target",
                                                   "period": "2023", "measure": "growth", "value": "6.5",
                                                   "unit": "%", "comparator": "="}, actor="王审核")

    [added] = store.facts(indicator="地区生产总值", role="target", period="2023")
    assert (added.fact.value, added.fact.start, added.fact.end, added.review) == (Decimal("6.5"), start, end, "added")
    assert decision.before is None and decision.after["value"] == "6.5"
    assert _verdicts(store, "武昌区", "2023")[("地区生产总值", "growth")].target.source.fact_id == added.id
    assert store.documents()[0].fact_count == doc.fact_count
    assert [d.action for d in store.decisions()] == ["added"]   # the rejection of that key is history


@needs_seed
def test_reingest_after_changing_the_extractor_version_keeps_the_three_decisions(database_url):
    with Store(database_url) as store:
        store.ingest([SEED])
        [doc] = store.documents()
        gdp = _fact(store, "地区生产总值", "target", measure="growth")
        store.correct(gdp.id, {"value": "8"}, actor="张审核")
        store.reject(_fact(store, "实施重大项目", "target").id, actor="李审核")
        start, _ = _words(store, doc.id, "地方一般公共预算收入 |\n5% |")   # a table the extraction missed
        start += len("地方一般公共预算收入 |\n")
        store.add_fact(doc.id, start, start + 2, {"indicator": "地方一般公共预算收入", "role": "target",
                                                  "period": "2023", "measure": "growth", "value": "5", "unit": "%"},
                       actor="王审核")
        decided = _reviewed(store)
        verdicts = {k: v.label for k, v in _verdicts(store, "武昌区", "2023").items()}
        progress = [(p.reviewed, p.total) for p in store.review_progress(region="武昌区")]
        assert progress[0][0] == 3

    with Store(database_url, extractor_version="next") as upgraded:
        report = upgraded.ingest([SEED])
        assert (report.refreshed, report.unchanged, report.failures) == (1, 0, [])
        assert {f.extractor_version for f in upgraded.facts() if f.review != "added"} == {"next"}
        assert _reviewed(upgraded) == decided
        assert not upgraded.facts(indicator="实施重大项目", role="target", period="2023")
        assert [(d.action, d.actor) for d in upgraded.decisions()] == [
            ("corrected", "张审核"), ("rejected", "李审核"), ("added", "王审核")]
        assert upgraded.review_conflicts() == []
        assert [(p.reviewed, p.total) for p in upgraded.review_progress(region="武昌区")] == progress
        assert {k: v.label for k, v in _verdicts(upgraded, "武昌区", "2023").items()} == verdicts
        # The same version again: nothing to extract.
        assert upgraded.ingest([SEED]).unchanged == 1


def _reviewed(store):
    return sorted((f.fact.indicator, f.fact.role, str(f.fact.period), f.fact.value, f.review)
                  for f in store.facts() if f.review != "unreviewed")


# ---- on invented documents: what each decision does, conflicts, the queue

def test_a_fact_the_extraction_missed_added_by_hand_gets_a_verdict(store, document, facts):
    jobless = facts[3]
    stored, _ = store.add_document(document, [f for f in facts if f is not jobless])
    assert not [v for v in evaluate.evaluate(store) if v.indicator == "城镇调查失业率"]

    store.add_fact(stored.id, jobless.start, jobless.end,
                   {"indicator": "城镇调查失业率", "role": "target", "period": "2026", "measure": "level",
                    "value": "5.5", "unit": "%", "comparator": "<="}, actor="王审核")

    [verdict] = [v for v in evaluate.evaluate(store) if v.indicator == "城镇调查失业率"]
    assert verdict.target.value == Decimal("5.5") and verdict.target.comparator == "<="


def test_a_confirmed_fact_keeps_its_values_and_shows_its_state(store, document, facts):
    store.add_document(document, facts)
    first = store.facts()[0]
    decision = store.confirm(first.id, actor="张审核")
    again = store.facts()[0]
    assert (again.id, again.fact, again.review) == (first.id, first.fact, "confirmed")
    assert decision.before == decision.after and decision.current
    assert again.to_dict()["review"] == "confirmed"


def test_bad_decisions_are_refused_with_the_reason(store, document, facts):
    stored, _ = store.add_document(document, facts)
    fact_id = store.facts()[0].id
    cases = [(lambda: store.correct(fact_id, {"value": "七"}, "a"), QueryError, "value must be a number"),
             (lambda: store.correct(fact_id, {"indicator": "不存在的指标"}, "a"), QueryError, "catalogue"),
             (lambda: store.correct(fact_id, {"role": "wish"}, "a"), QueryError, "role must be one of"),
             (lambda: store.correct(fact_id, {"period": "20x3"}, "a"), QueryError, "is not a period"),
             (lambda: store.correct(fact_id, {"colour": "red"}, "a"), QueryError, "cannot correct colour"),
             (lambda: store.correct(fact_id, {"unit": "万元"}, "a"), QueryError, "changes nothing"),
             (lambda: store.confirm(fact_id, "  "), QueryError, "name of who"),
             (lambda: store.confirm(10**6, "a"), NotStored, "no fact with id"),
             (lambda: store.add_fact(stored.id, 5, 10**6, {"indicator": "地区生产总值", "role": "target",
                                                            "period": "2026", "measure": "growth"}, "a"),
              QueryError, "is not a span"),
             (lambda: store.add_fact(stored.id, 0, 5, {"indicator": "地区生产总值"}, "a"), QueryError,
              "needs role, period, measure")]
    for call, error, words in cases:
        with pytest.raises(error, match=words):
            call()
    assert store.decisions() == [] and all(f.review == "unreviewed" for f in store.facts())
    assert store.audit_entries("fact") == []   # a refused decision leaves no trace in the audit log


def test_a_second_decision_on_a_fact_replaces_the_first_and_both_stay_in_the_history(store, document, facts):
    store.add_document(document, facts)
    fact_id = store.facts(role="target")[0].id
    store.correct(fact_id, {"value": "4.8"}, actor="张审核")
    store.correct(fact_id, {"value": "4.9", "comparator": "="}, actor="李审核")
    now = [f for f in store.facts() if f.id == fact_id][0]
    assert (now.fact.value, now.fact.comparator, now.review) == (Decimal("4.9"), "=", "corrected")
    [current] = store.decisions()
    assert current.actor == "李审核" and current.before["value"] == "4.8"
    assert current.extracted["value"] == "4.5"   # what was extracted stays the key's reference
    assert [d.actor for d in store.decisions(history=True)] == ["张审核", "李审核"]


def test_the_second_of_two_reviewers_deciding_on_what_they_read_gets_a_conflict(store, document, facts):
    store.add_document(document, facts)
    read = store.facts(role="target")[0]           # both reviewers open the fact, unreviewed
    assert read.decision_id is None
    first = store.correct(read.id, {"value": "4.8"}, actor="张三", expected=0)
    with pytest.raises(EditConflict, match="decided on by 张三") as refused:
        store.correct(read.id, {"value": "4.6"}, actor="李四", expected=0)
    assert refused.value.current == first          # the second sees the first's change
    [now] = [f for f in store.facts() if f.id == read.id]
    assert (now.fact.value, now.decision_id) == (Decimal("4.8"), first.id)
    store.correct(read.id, {"value": "4.6"}, actor="李四", expected=now.decision_id)   # decided again, knowingly
    assert [d.actor for d in store.decisions(history=True)] == ["张三", "李四"]
    audited = [(e.user, e.action, e.object_id, e.before["value"], e.after["value"])
               for e in store.audit_entries("fact")]
    assert audited == [("李四", "fact.correct", str(read.id), "4.8", "4.6"),   # newest first; none for the refusal
                       ("张三", "fact.correct", str(read.id), "4.5", "4.8")]


def test_a_new_extraction_that_disagrees_is_listed_and_the_decisions_keep_winning(store, document, facts):
    stored, _ = store.add_document(document, facts)
    by_indicator = {f.fact.indicator: f for f in store.facts()}
    gdp_level = next(f for f in store.facts() if f.fact.measure == "level" and f.fact.indicator == "地区生产总值")
    store.confirm(gdp_level.id, actor="张审核")                                   # to be read differently
    store.correct(by_indicator["城镇调查失业率"].id, {"value": "5.6"}, actor="李审核")    # to be missed
    store.reject(by_indicator["居民人均可支配收入"].id, actor="王审核")                  # to stay as it was

    differently = dataclasses.replace(facts[0], value=Decimal("1639999999"))
    assert store.refresh(document, [differently, facts[1], facts[2], facts[4]]) is not None

    shown = {(f.fact.indicator, f.fact.measure): f for f in store.facts()}
    assert shown[("地区生产总值", "level")].fact.value == Decimal("1639999999.99")   # the confirmation wins
    assert shown[("城镇调查失业率", "level")].fact.value == Decimal("5.6")           # the correction is kept
    assert ("居民人均可支配收入", "growth") not in shown
    conflicts = {d.indicator: d for d in store.review_conflicts()}
    assert {k: d.conflict["kind"] for k, d in conflicts.items()} == {"地区生产总值": "changed",
                                                                       "城镇调查失业率": "missing"}
    assert conflicts["地区生产总值"].conflict["extracted"]["value"] == "1639999999"

    # Keep the extraction: the decision is withdrawn, the fact is what the extractor says, unreviewed.
    store.settle_conflict(conflicts["地区生产总值"].id, "extraction", actor="张审核")
    gdp = next(f for f in store.facts() if f.fact.indicator == "地区生产总值" and f.fact.measure == "level")
    assert (gdp.fact.value, gdp.review) == (Decimal("1639999999"), "unreviewed")
    # Keep the decision: it stands, and the same extraction does not raise it again.
    store.settle_conflict(conflicts["城镇调查失业率"].id, "decision", actor="李审核")
    assert store.review_conflicts() == []
    store.refresh(document, [differently, facts[1], facts[2], facts[4]])
    assert store.review_conflicts() == []
    assert {f.fact.indicator: f.review for f in store.facts()}["城镇调查失业率"] == "corrected"
    with pytest.raises(NotStored, match="no conflict to settle"):
        store.settle_conflict(conflicts["城镇调查失业率"].id, "decision", actor="李审核")


def test_the_queue_puts_the_least_confident_first_then_the_facts_a_verdict_reads(store, document, facts):
    confidences = [0.9, 0.9, 0.9, 0.5, 0.9]    # the third fact is a target with a verdict
    facts = [dataclasses.replace(f, confidence=c) for f, c in zip(facts, confidences)]
    stored, _ = store.add_document(document, facts)
    queue = store.review_queue()
    order = [(f.fact.indicator, f.fact.role) for f in queue.facts]
    assert order[0] == ("城镇调查失业率", "target")
    assert order[1] == ("一般公共预算收入", "target") and queue.facts[1].id in queue.decisive
    assert [(p.scope, p.reviewed, p.total) for p in queue.progress] == [("region", 0, 5)]

    store.reject(queue.facts[0].id, actor="a")
    store.confirm(queue.facts[1].id, actor="a")
    queue = store.review_queue(region="青石县")
    assert len(queue.facts) == 3 and all(f.review == "unreviewed" for f in queue.facts)
    assert [(p.key, p.reviewed, p.total) for p in store.review_progress(region="青石县")] == [
        ("青石县", 2, 5), (str(stored.id), 2, 5)]
    assert [f.fact.indicator for f in store.review_queue(indicator="地区生产总值").facts] == ["地区生产总值"] * 2
    assert len(store.review_queue(limit=1).facts) == 1
    with pytest.raises(NotStored):
        store.review_queue(region="不存在县")


def test_reextract_reads_the_kept_files_again_and_keeps_decisions(store, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("青石县2025年政府工作报告\n2025年地区生产总值增长5.5%左右。\n", "utf-8")
    store.ingest([path])
    [fact] = store.facts()
    store.correct(fact.id, {"value": "5.6"}, actor="张审核")
    path.unlink()   # the store keeps the file as received
    report = store.reextract(region="青石县")
    assert (report.refreshed, report.failures) == (1, [])
    [again] = store.facts()
    assert (again.fact.value, again.review) == (Decimal("5.6"), "corrected")


def test_a_new_version_of_the_file_takes_over_the_decisions_whose_words_it_still_has(store, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("青石县2025年政府工作报告\n2025年地区生产总值增长5.5%左右。2025年社会消费品零售总额增长7%。\n",
                    "utf-8")
    store.ingest([path])
    by_indicator = {f.fact.indicator: f for f in store.facts()}
    first = store.document(by_indicator["地区生产总值"].document_id)
    words = first.text[by_indicator["地区生产总值"].fact.start:by_indicator["地区生产总值"].fact.end]
    store.correct(by_indicator["地区生产总值"].id, {"value": "5.6"}, actor="张三")
    store.confirm(by_indicator["社会消费品零售总额"].id, actor="李四")
    # The revised file: a line more before, the GDP sentence kept, the retail sentence rewritten.
    path.write_text("青石县2025年政府工作报告（修订稿）\n说明：本稿为修订稿。\n2025年地区生产总值增长5.5%左右。"
                    "2025年社会消费品零售总额增长7.2%。\n", "utf-8")
    assert store.ingest([path]).versions == 1

    [new] = store.documents()
    gdp = next(f for f in store.facts() if f.fact.indicator == "地区生产总值")
    text = store.document(new.id).text
    assert (gdp.document_id, gdp.fact.value, gdp.review) == (new.id, Decimal("5.6"), "corrected")
    assert text[gdp.fact.start:gdp.fact.end] == words and gdp.fact.start != by_indicator["地区生产总值"].fact.start
    [moved] = store.review_conflicts()
    assert (moved.indicator, moved.actor, moved.conflict["kind"], moved.conflict["document_id"]) == (
        "社会消费品零售总额", "李四", "moved", new.id)


def test_withdrawing_a_decision_restores_the_fact_as_extracted(store, document, facts):
    store.add_document(document, facts)
    extracted = {f.fact.indicator: f.fact for f in store.facts()}
    rejection = store.reject(next(f.id for f in store.facts() if f.fact.indicator == "城镇调查失业率"), actor="张三")
    correction = store.correct(next(f.id for f in store.facts() if f.fact.indicator == "一般公共预算收入"),
                               {"value": "4.6"}, actor="张三")
    start = document.text.index("5.0%")
    addition = store.add_fact(store.documents()[0].id, start, start + 4,
                              {"indicator": "地区生产总值", "role": "target", "period": "2025",
                               "measure": "growth", "value": "5", "unit": "%"}, actor="张三")
    for decision in (rejection, correction, addition):
        assert store.withdraw(decision.id, actor="李四").action == "reopened"

    targets = {f.fact.indicator: f.fact for f in store.facts(role="target")}
    assert targets["城镇调查失业率"] == extracted["城镇调查失业率"]
    assert targets["一般公共预算收入"] == extracted["一般公共预算收入"]
    assert all(f.review == "unreviewed" for f in store.facts()) and len(store.facts()) == len(facts)
    assert store.decisions() == [d for d in store.decisions() if d.action == "reopened"]
    assert [(p.reviewed, p.total) for p in store.review_progress(region="青石县")][0] == (0, 5)
    with pytest.raises(NotStored, match="not in force"):
        store.withdraw(rejection.id, actor="李四")
