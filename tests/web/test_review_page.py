"""The review desk (/review): the queue and the progress a reviewer works from."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote

from .conftest import add_user, logged_in


def test_a_reviewer_sees_the_queue_weakest_first_with_links_to_each_fact(editor, store):
    page = editor.get("/review")
    assert page.status_code == 200 and "审核工作台" in page.text
    view = editor.get("/review.json").json()
    queue = view["queue"]
    assert queue and all(f"/documents/{f['document_id']}#fact-{f['id']}" in page.text for f in queue)
    hewan = [f for f in queue if f["doc"] == "hewan-2024.txt"]
    assert hewan and hewan[0]["cited"].startswith("《河湾区2024年计划执行情况报告》")   # cited by title, as elsewhere
    assert "hewan-2024.txt" not in page.text
    confidences = [f["confidence"] for f in queue if f["confidence"] is not None]
    assert confidences == sorted(confidences)
    regions = {p["key"]: p for p in view["progress"] if p["scope"] == "region"}
    assert regions["河湾区"]["reviewed"] == 0 and regions["河湾区"]["total"] == 3


def test_a_decision_takes_the_fact_off_the_queue_and_counts_as_progress(editor, store):
    [target] = store.facts(region="河湾区", role="target")
    store.confirm(target.id, actor="张三")
    view = editor.get(f"/review.json?region={quote('河湾区')}").json()
    assert target.id not in [f["id"] for f in view["queue"]]
    [region] = [p for p in view["progress"] if p["scope"] == "region"]
    assert (region["reviewed"], region["total"]) == (1, 3)
    rows = list(csv.reader(io.StringIO(editor.get(f"/review.csv?region={quote('河湾区')}").content.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(view["queue"])


def test_only_reviewers_open_the_desk(app, client):
    assert client.get("/review").status_code == 401
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        assert viewer.get("/review").status_code == 403


def test_review_progress_counts_commitments_on_the_desk_and_the_region_page(app, editor, client, store):
    promised = [c for c in store.commitments(region="青山县") if c.commitment.role == "target"]
    store.confirm(promised[0].id, actor="张三", what="commitment")
    view = editor.get(f"/review.json?region={quote('青山县')}").json()
    [region] = [p for p in view["progress"] if p["scope"] == "region"]
    total = len(store.commitments(region="青山县"))
    assert (region["commitments_reviewed"], region["commitments_total"]) == (1, total)
    facts = (region["reviewed"], region["total"])
    assert f"<td class=\"commitments-reviewed\">1 / {total}</td>" in editor.get(f"/review?region={quote('青山县')}").text
    page = client.get(f"/regions/{quote('青山县')}")   # anyone reading the region sees how much is checked
    assert f"指标 <b>{facts[0]}/{facts[1]}</b> 已审核" in page.text and f"任务 <b>1/{total}</b> 已审核" in page.text
    assert client.get(f"/regions/{quote('青山县')}.json").json()["review"] == region
