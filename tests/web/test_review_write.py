"""A reviewer's decisions through the JSON API: who may make them, what they change, the
audit log's before and after, and the conflict a second reviewer meets."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .conftest import HEWAN_2024, QINGSHAN_2023, add_user, logged_in, refuses_writes_without_a_reviewer

HEWAN = quote("河湾区")


def _target(client) -> dict:
    [fact] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    return fact


def _gdp_2024(client) -> dict:
    view = client.get(f"/regions/{HEWAN}.json").json()
    return next(v for v in view["verdicts"] if v["indicator"] == "地区生产总值" and v["period"] == "2024")


def test_a_correction_by_a_reviewer_changes_the_verdict_and_is_in_the_audit_log(editor, store):
    fact = _target(editor)
    assert _gdp_2024(editor)["target"]["value"] == 5.5
    answer = editor.post(f"/review/facts/{fact['id']}/correct", json={"value": "4.9", "expected": 0})
    assert answer.status_code == 200, answer.text
    decision = answer.json()["decision"]
    assert (decision["action"], decision["actor"], decision["after"]["value"]) == ("corrected", "editor", "4.9")
    assert _gdp_2024(editor)["target"]["value"] == 4.9
    corrected = _target(editor)
    assert (corrected["review"], corrected["decision_id"]) == ("corrected", decision["id"])
    [entry] = store.audit_entries("fact", fact["id"])
    assert (entry.user, entry.action, entry.before["value"], entry.after["value"]) == ("editor", "fact.correct",
                                                                                       "5.5", "4.9")


def test_confirm_then_reject_and_the_rejected_fact_is_gone(editor, store):
    fact = _target(editor)
    confirmed = editor.post(f"/review/facts/{fact['id']}/confirm", json={"expected": 0}).json()["decision"]
    assert _target(editor)["review"] == "confirmed"
    rejected = editor.post(f"/review/facts/{fact['id']}/reject", json={"expected": confirmed["id"]})
    assert rejected.status_code == 200, rejected.text
    assert editor.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"] == []
    actions = [(e.action, e.after is None) for e in store.audit_entries("fact", fact["id"])]
    assert actions == [("fact.reject", True), ("fact.confirm", False)]


def test_a_fact_added_from_words_of_the_text(editor, store, ids):
    start = HEWAN_2024.index("低于年初确定的")
    fields = {"document_id": ids["hewan-2024.txt"], "start": start, "end": start + 7, "indicator": "地区生产总值",
              "role": "target", "period": "2025", "measure": "growth", "value": "5.2", "unit": "%", "comparator": "~"}
    answer = editor.post("/review/facts", json=fields)
    assert answer.status_code == 200, answer.text
    added = editor.get("/facts", params={"region": "河湾区", "period": "2025"}).json()["facts"]
    assert [(f["value"], f["review"], f["start"]) for f in added] == [(5.2, "added", start)]
    [entry] = store.audit_entries("fact", added[0]["id"])
    assert (entry.action, entry.before, entry.after["period"]) == ("fact.add", None, "2025")


def test_a_stale_decision_gets_a_409_with_the_other_reviewers_decision(app, editor):
    add_user(app, "second", "reviewer")
    fact = _target(editor)
    first = editor.post(f"/review/facts/{fact['id']}/correct", json={"value": "4.9", "expected": 0})
    assert first.status_code == 200
    with logged_in(app, "second") as second:
        stale = second.post(f"/review/facts/{fact['id']}/reject", json={"expected": 0})
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert "editor" in error["message"]
    [theirs] = error["details"]
    assert (theirs["actor"], theirs["action"], theirs["after"]["value"]) == ("editor", "corrected", "4.9")
    assert _target(editor)["value"] == 4.9   # nothing lost


def test_bad_fields_are_a_400_naming_them(editor, ids):
    fact = _target(editor)
    for body, words in [({"value": "abc"}, "value"), ({"indicator": "不存在的指标"}, "不存在的指标"),
                        ({"colour": "red"}, "colour"), ({"unit": "亿\x00元"}, "unit")]:
        answer = editor.post(f"/review/facts/{fact['id']}/correct", json=body, headers={"Accept": "application/json"})
        assert answer.status_code in (400, 422), body
        assert words in answer.text
    outside = editor.post("/review/facts", json={"document_id": ids["hewan-2024.txt"], "start": 5, "end": 10**6,
                                                 "indicator": "地区生产总值", "role": "target", "period": "2025",
                                                 "measure": "growth"})
    assert outside.status_code == 400 and "5:1000000" in outside.json()["error"]["message"]
    assert editor.post("/review/facts/999999/confirm", json={}).status_code == 404
    assert _target(editor)["review"] == "unreviewed"


@pytest.mark.parametrize("path", ["/review/facts/{id}/confirm", "/review/facts/{id}/reject",
                                  "/review/facts/{id}/correct", "/review/facts"])
def test_writes_need_a_reviewer_and_the_csrf_token(app, client, path):
    fact = _target(client)
    url = path.format(id=fact["id"])
    body = {"value": "1"} if "correct" in url else {}
    refuses_writes_without_a_reviewer(app, client, url, body)
    assert _target(client) == fact


def test_a_token_can_write(app, store):
    add_user(app, "script", "reviewer")
    _, secret = app.state.accounts.add_token("script", "nightly", by="test")
    with TestClient(app, base_url="http://localhost") as script:
        fact = _target(script)
        answer = script.post(f"/review/facts/{fact['id']}/confirm", json={},
                             headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 200 and answer.json()["decision"]["actor"] == "script"


def test_selected_words_are_read_for_the_add_form(editor, client, ids):
    document = ids["qingshan-2023.txt"]
    for words, read in [("计划总投资86亿元", {"value": 86, "unit": "亿元", "measure": "level", "comparator": "="}),
                        ("地方一般公共预算收入增长5%以上", {"value": 5, "unit": "%", "measure": "growth",
                                                        "comparator": ">="})]:
        start = QINGSHAN_2023.index(words)
        answer = editor.get("/review/selection", params={"document": document, "start": start,
                                                         "end": start + len(words)}).json()
        assert answer["evidence"] == words and {k: answer[k] for k in read} == read
    assert editor.get("/review/selection", params={"document": document, "start": 5, "end": 10**6}).status_code == 400
    assert editor.get("/review/selection", params={"document": 999999, "start": 0, "end": 1}).status_code == 404
    assert client.get("/review/selection", params={"document": document, "start": 0, "end": 4}).status_code == 401


def test_review_controls_only_for_reviewers(app, client, editor, ids):
    path = f"/documents/{ids['hewan-2024.txt']}"
    assert 'data-action="reject"' in editor.get(path).text
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        for reader in (client, viewer):
            page = reader.get(path).text
            assert "data-action" not in page and "review.js" not in page and "fact-form" not in page
