"""A reviewer's decisions on commitments through the JSON API and the pages: who may make
them, what they change (statuses, pages, downloads, the report table), the audit log, and
the conflict a second reviewer meets."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest

from .conftest import QINGSHAN_2024, add_user, logged_in, refuses_writes_without_a_reviewer

REGION = f"/regions/{quote('青山县')}"


def _link(client, obj: str) -> dict:
    found = client.get("/commitments", params={"region": "青山县"}).json()["commitments"]
    return next(link for link in found if link["object"] == obj)


def test_a_corrected_promise_changes_its_status_everywhere_and_is_audited(editor, store):
    charging = _link(editor, "充电桩")
    assert charging["status"] == "exceeded"
    target = charging["target"]
    answer = editor.post(f"/review/commitments/{target['id']}/correct", json={"value": "6000", "expected": 0})
    assert answer.status_code == 200, answer.text
    decision = answer.json()["decision"]
    assert (decision["subject"], decision["action"], decision["before"]["value"], decision["after"]["value"]) == (
        "commitment", "corrected", "5500", "6000")
    now = _link(editor, "充电桩")
    assert (now["status"], now["target"]["value"], now["target"]["review"]) == ("partly", 6000, "corrected")
    page = editor.get(f"{REGION}/commitments.json").json()
    row = next(r for r in page["commitments"] if r["object"] == "充电桩")
    assert (row["status"], row["target_review"], row["target_expected"]) == ("partly", "corrected", decision["id"])
    download = editor.get(f"{REGION}/commitments.csv").content.decode("utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(download)) if "充电桩" in r]
    assert len(rows) == 1 and row["status_label"] in rows[0] and row["target"] in rows[0]
    assert "6000" in row["target"]
    [entry] = store.audit_entries("commitment", target["id"])
    assert (entry.user, entry.action, entry.before["value"], entry.after["value"]) == (
        "editor", "commitment.correct", "5500", "6000")


def test_a_rejected_answer_leaves_its_promise_not_reported_and_the_region_counts_follow(editor):
    before = editor.get(f"{REGION}.json").json()["commitments"]
    road = _link(editor, "青菱寺路")
    assert road["status"] == "done"
    answer = editor.post(f"/review/commitments/{road['answers'][0]['id']}/reject", json={"expected": 0})
    assert answer.status_code == 200, answer.text
    assert _link(editor, "青菱寺路")["status"] == "not_reported"
    after = editor.get(f"{REGION}.json").json()["commitments"]
    assert (after["done"], after["not_reported"]) == (before["done"] - 1, before["not_reported"] + 1)


def test_a_commitment_added_from_words_of_the_text_answers_a_promise(editor, ids):
    assert _link(editor, "公园")["status"] == "not_reported"
    words = "重点工作完成情况"   # words of the 2024 report serve as the evidence of a missed statement
    start = QINGSHAN_2024.index(words)
    fields = {"document_id": ids["qingshan-2024.txt"], "start": start, "end": start + len(words), "kind": "task",
              "role": "actual", "period": "2024", "object": "公园", "stage": "other", "action": "新增",
              "value": "3", "unit": "个", "names": "东湖公园、西湖公园"}
    answer = editor.post("/review/commitments", json=fields)
    assert answer.status_code == 200, answer.text
    park = _link(editor, "公园")
    assert park["status"] == "done" and park["answers"][0]["review"] == "added"
    assert park["answers"][0]["names"] == ["东湖公园", "西湖公园"]


def test_a_stale_decision_gets_a_409_with_the_other_reviewers_decision(app, editor):
    add_user(app, "second", "reviewer")
    target = _link(editor, "公园")["target"]
    assert editor.post(f"/review/commitments/{target['id']}/confirm", json={"expected": 0}).status_code == 200
    with logged_in(app, "second") as second:
        stale = second.post(f"/review/commitments/{target['id']}/reject", json={"expected": 0})
    assert stale.status_code == 409
    [theirs] = stale.json()["error"]["details"]
    assert (theirs["actor"], theirs["action"], theirs["subject"]) == ("editor", "confirmed", "commitment")
    assert _link(editor, "公园")["target"]["review"] == "confirmed"


def test_bad_fields_are_a_400_naming_them(editor):
    target = _link(editor, "公园")["target"]
    for body, words in [({"stage": "begun"}, "stage"), ({"value": "abc"}, "value"), ({"indicator": "x"}, "indicator"),
                        ({"object": "公\x00园"}, "object")]:
        answer = editor.post(f"/review/commitments/{target['id']}/correct", json=body)
        assert answer.status_code in (400, 422), body
        assert words in answer.text
    assert editor.post("/review/commitments/999999/confirm", json={}).status_code == 404
    assert _link(editor, "公园")["target"]["review"] == "unreviewed"


@pytest.mark.parametrize("path", ["/review/commitments/{id}/confirm", "/review/commitments/{id}/reject",
                                  "/review/commitments/{id}/correct", "/review/commitments"])
def test_writes_need_a_reviewer_and_the_csrf_token(app, client, path):
    target = _link(client, "公园")["target"]
    url = path.format(id=target["id"])
    body = {"value": "1"} if "correct" in url else {}
    refuses_writes_without_a_reviewer(app, client, url, body)
    assert _link(client, "公园")["target"] == target


def test_controls_only_for_reviewers_and_the_routes_are_described(app, client, editor, ids):
    pages = [f"{REGION}/commitments", f"/documents/{ids['qingshan-2023.txt']}"]
    for path in pages:
        page = editor.get(path).text
        assert 'class="review-controls' in page and "commitment-form" in page and "review.js" in page
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        for reader in (client, viewer):
            for path in pages:
                page = reader.get(path).text
                assert "review-controls" not in page and "review.js" not in page and "commitment-form" not in page
    described = client.get("/openapi.json").json()["paths"]
    routes = {"/review/commitments", *(f"/review/commitments/{{commitment_id}}/{verb}"
                                       for verb in ("confirm", "correct", "reject"))}
    assert routes <= set(described)


def test_the_review_desk_lists_unreviewed_commitments_linked_to_their_words(editor):
    view = editor.get(f"/review.json?region={quote('青山县')}").json()
    queued = view["commitments"]
    assert queued and {c["role"] for c in queued[:5]} == {"target"}
    first = queued[0]
    page = editor.get(f"/review?region={quote('青山县')}").text
    assert f'href="/documents/{first["document_id"]}#commitment-{first["id"]}"' in page
    editor.post(f"/review/commitments/{first['id']}/confirm", json={"expected": 0})
    again = editor.get(f"/review.json?region={quote('青山县')}").json()["commitments"]
    assert first["id"] not in [c["id"] for c in again] and len(again) == len(queued) - 1
