"""Review of commitments: a person's decisions (confirm, correct, reject, add) win in every
read (statuses, projects, exports), are audited, lock optimistically, and survive a
re-extraction and a new version of the document. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch import export
from planwatch.errors import EditConflict, QueryError
from planwatch.evaluate import commitments as followed
from planwatch.evaluate import project_records
from planwatch.store import Store

PROMISE = ("青石县2025年国民经济和社会发展计划执行情况的报告\n"
           "2026年新建充电桩500个，开工建设青菱路。\n")
ANSWER = ("青石县2026年国民经济和社会发展计划执行情况的报告\n"
          "全年建成充电桩420个，新建公园3个。\n")
TARGET = {"kind": "task", "role": "target", "period": "2026", "object": "充电桩", "stage": "other",
          "action": "新建", "value": 500, "unit": "个", "comparator": "=", "money": None, "names": [],
          "responsible": None, "quote": "充电桩500个"}
ROAD = {"kind": "project", "role": "target", "period": "2026", "object": "青菱路", "stage": "start",
        "action": "开工建设", "value": None, "unit": None, "comparator": None, "money": None,
        "names": ["青菱路"], "responsible": None, "quote": "青菱路"}
RESULT = {"kind": "task", "role": "actual", "period": "2026", "object": "充电桩", "stage": "finish",
          "action": "建成", "value": 420, "unit": "个", "comparator": "=", "money": None, "names": [],
          "responsible": None, "quote": "充电桩420个"}


@pytest.fixture
def two_reports(store, make_document, key_commitments):
    """A report promising for 2026 and the next one answering; (promise document, answer document)."""
    promise = make_document(name="qingshi_2025.txt", text=PROMISE)
    answer = make_document(name="qingshi_2026.txt", text=ANSWER)
    answer.meta.report_years, answer.meta.date = [2026], "2027-01-15"
    first, _ = store.add_document(promise, [], commitments=key_commitments(promise.name, PROMISE, [TARGET, ROAD]))
    second, _ = store.add_document(answer, [], commitments=key_commitments(answer.name, ANSWER, [RESULT]))
    return (promise, first), (answer, second)


def _status(store, obj):
    return {link.target.commitment.object: link for link in followed.follow(store, region="青石县")}[obj]


def _one(store, obj, role):
    [found] = [c for c in store.commitments(role=role) if c.commitment.object == obj]
    return found


def test_a_corrected_target_changes_its_status_and_is_audited(store, two_reports):
    assert _status(store, "充电桩").status == "partly"
    target = _one(store, "充电桩", "target")
    assert (target.review, target.decision_id) == ("unreviewed", None)

    decision = store.correct(target.id, {"value": "400"}, actor="张审核", expected=0, what="commitment")

    now = _one(store, "充电桩", "target")
    assert (now.id, now.commitment.value, now.review, now.decision_id) == (target.id, Decimal("400"), "corrected",
                                                                           decision.id)
    assert _status(store, "充电桩").status == "exceeded"
    table = export.commitment_table(followed.follow(store, region="青石县"), "青石县", "2026").to_dict()
    [row] = [r for r in table["rows"] if "充电桩" in r["task"]]
    assert "400" in row["target"] and row["status"] == followed.label("exceeded")
    assert (decision.subject, decision.object, decision.stage, decision.before["value"], decision.after["value"]) == (
        "commitment", "充电桩", "other", "500", "400")
    [entry] = store.audit_entries(object_kind="commitment")
    assert (entry.action, entry.user, entry.object_id, entry.before["value"], entry.after["value"]) == (
        "commitment.correct", "张审核", str(target.id), "500", "400")


def test_a_rejected_answer_is_gone_and_its_target_is_not_reported(store, two_reports):
    answer = _one(store, "充电桩", "actual")
    assert [p.name for p in project_records(store, region="青石县")] == ["青菱路"]
    store.reject(answer.id, actor="李审核", what="commitment")
    store.reject(_one(store, "青菱路", "target").id, actor="李审核", what="commitment")
    assert [c.commitment.object for c in store.commitments(role="actual")] == []
    assert project_records(store, region="青石县") == []   # the rejected project's only mention is gone
    link = _status(store, "充电桩")
    assert (link.status, link.answers) == ("not_reported", ())
    assert store.audit_entries(object_kind="commitment")[0].after is None


def test_an_answer_added_by_selecting_its_words_links_to_the_promise(store, two_reports):
    _, (_, second) = two_reports
    assert _status(store, "青菱路").status == "not_reported"
    start = ANSWER.index("新建公园3个")
    decision = store.add_commitment(second.id, start, start + 6,
                                    {"kind": "task", "role": "actual", "period": "2026", "object": "公园",
                                     "stage": "other", "action": "新建", "value": "3", "unit": "个"}, actor="王审核")
    added = _one(store, "公园", "actual")
    assert (added.review, added.commitment.start, added.commitment.value, added.decision_id) == (
        "added", start, Decimal("3"), decision.id)
    road = _one(store, "青菱路", "target")
    store.correct(road.id, {"object": "公园", "stage": "other", "names": ""}, actor="王审核", what="commitment")
    assert _status(store, "公园").status == "done"


def test_the_second_of_two_reviewers_gets_a_conflict_with_the_first_ones_decision(store, two_reports):
    target = _one(store, "充电桩", "target")
    first = store.confirm(target.id, actor="甲", expected=0, what="commitment")
    with pytest.raises(EditConflict) as refused:
        store.reject(target.id, actor="乙", expected=0, what="commitment")
    assert refused.value.current.id == first.id and refused.value.current.actor == "甲"
    assert _one(store, "充电桩", "target").review == "confirmed"


def test_bad_corrections_are_refused_with_the_field_named(store, two_reports):
    target = _one(store, "充电桩", "target")
    for changes, reason in (({"stage": "begun"}, "stage must be one of"), ({"value": "许多"}, "value must be a number"),
                            ({"indicator": "x"}, "cannot correct indicator"), ({"object": ""}, "object cannot be")):
        with pytest.raises(QueryError, match=reason):
            store.correct(target.id, changes, actor="张三", what="commitment")
    with pytest.raises(QueryError, match="changes nothing"):
        store.correct(target.id, {"value": "500"}, actor="张三", what="commitment")
    with pytest.raises(QueryError, match="not reviewed"):
        store.confirm(target.id, actor="张三", what="verdict")
    assert store.audit_entries(object_kind="commitment") == []


def test_decisions_survive_a_new_extractor_version_and_disagreements_are_listed(database_url, make_document,
                                                                                 key_commitments):
    with Store(database_url) as store:
        promise = make_document(name="qingshi_2025.txt", text=PROMISE)
        store.add_document(promise, [], commitments=key_commitments(promise.name, PROMISE, [TARGET, ROAD]))
        store.correct(_one(store, "充电桩", "target").id, {"value": "450"}, actor="张三", what="commitment")
        store.reject(_one(store, "青菱路", "target").id, actor="张三", what="commitment")
    with Store(database_url, extractor_version="next") as upgraded:
        # The new extractor reads the road as finished rather than started, and the chargers as before.
        changed = dict(ROAD, stage="finish")
        upgraded.refresh(promise, [], key_commitments(promise.name, PROMISE, [TARGET, changed]))
        kept = {(c.commitment.object, c.commitment.stage): c for c in upgraded.commitments()}
        assert kept[("充电桩", "other")].commitment.value == Decimal("450")
        assert kept[("充电桩", "other")].extractor_version == "next"
        assert ("青菱路", "finish") not in kept    # read with another stage at the same words: still rejected
        [conflict] = upgraded.review_conflicts(what="commitment")
        assert (conflict.object, conflict.action, conflict.conflict["kind"],
                conflict.conflict["extracted"]["stage"]) == ("青菱路", "rejected", "changed", "finish")
        upgraded.settle_conflict(conflict.id, "extraction", actor="李四", what="commitment")
        assert _one(upgraded, "青菱路", "target").commitment.stage == "finish"
        assert upgraded.review_conflicts() == []


def test_a_new_version_of_the_document_takes_over_the_decisions(store, make_document, key_commitments):
    promise = make_document(name="qingshi_2025.txt", text=PROMISE)
    store.add_document(promise, [], source="/reports/qingshi_2025.txt",
                       commitments=key_commitments(promise.name, PROMISE, [TARGET, ROAD]))
    store.correct(_one(store, "充电桩", "target").id, {"value": "450"}, actor="张三", what="commitment")
    revised_text = PROMISE.replace("报告\n", "报告（修订稿）\n说明：修订。\n")
    revised = make_document(name="qingshi_2025.txt", text=revised_text)
    stored, added = store.add_document(revised, [], source="/reports/qingshi_2025.txt",
                                       commitments=key_commitments(revised.name, revised_text, [TARGET, ROAD]))
    assert added and stored.version == 2
    now = _one(store, "充电桩", "target")
    assert (now.document_id, now.commitment.value, now.review) == (stored.id, Decimal("450"), "corrected")
    assert revised_text[now.commitment.start:now.commitment.end] == "充电桩500个"
    assert [d.object for d in store.decisions(stored.id, what="commitment")] == ["充电桩"]


def test_the_queue_lists_unreviewed_commitments_promises_first(store, two_reports):
    queued = store.review_queue(region="青石县").commitments
    assert [(c.commitment.role, c.commitment.object) for c in queued] == [
        ("target", "充电桩"), ("target", "青菱路"), ("actual", "充电桩")]
    store.confirm(queued[0].id, actor="张三", what="commitment")
    assert [c.commitment.object for c in store.review_queue().commitments] == ["青菱路", "充电桩"]
    assert store.review_queue(indicator="地区生产总值").commitments == []   # an indicator's queue is of facts
    assert len(store.review_queue(limit=1).commitments) == 1


def test_withdrawing_decisions_restores_the_commitments_as_extracted(store, two_reports):
    extracted = {c.commitment.object: c.commitment for c in store.commitments(role="target")}
    rejection = store.reject(_one(store, "青菱路", "target").id, actor="张三", what="commitment")
    correction = store.correct(_one(store, "充电桩", "target").id, {"value": "450"}, actor="张三", what="commitment")
    for decision in (rejection, correction):
        assert store.withdraw(decision.id, actor="李四", what="commitment").action == "reopened"
    now = {c.commitment.object: c for c in store.commitments(role="target")}
    assert {obj: c.commitment for obj, c in now.items()} == extracted
    assert {c.review for c in now.values()} == {"unreviewed"}


def test_review_progress_counts_commitments_beside_facts(store, two_reports):
    (_, first), _ = two_reports

    def counts():
        return [(p.scope, p.commitments_reviewed, p.commitments_total) for p in store.review_progress(region="青石县")]

    assert counts() == [("region", 0, 3), ("document", 0, 2), ("document", 0, 1)]
    store.confirm(_one(store, "充电桩", "target").id, actor="张审核", what="commitment")
    store.reject(_one(store, "青菱路", "target").id, actor="张审核", what="commitment")
    # a rejected commitment is no longer stored but was reviewed: it counts as one of all
    assert counts() == [("region", 2, 3), ("document", 2, 2), ("document", 0, 1)]
    [region] = store.review_progress()
    assert (region.reviewed, region.total, region.commitments_reviewed, region.commitments_total) == (0, 0, 2, 3)
