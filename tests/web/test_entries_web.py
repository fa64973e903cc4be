"""Manual entry (填报) on the region page and as JSON, a fact's own page with its history,
and settling conflicts and withdrawing decisions: who may, what changes, what the audit log keeps."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from urllib.parse import quote

from fastapi.testclient import TestClient

from .conftest import add_user, csrf_of, documents, log_in

HEWAN = quote("河湾区")
BUREAU = "河湾区统计局《2024年河湾区国民经济和社会发展统计公报》，2025年3月18日"
PLAN_OFFICE = "河湾区发展改革局《2024年主要预期目标》，2024年1月"
JOBLESS = {"region": "河湾区", "indicator": "城镇调查失业率", "period": "2024", "measure": "level", "unit": "%"}


def _verdict(client, indicator="城镇调查失业率", period="2024"):
    view = client.get(f"/regions/{HEWAN}.json").json()
    return next((v for v in view["verdicts"] if v["indicator"] == indicator and v["period"] == period), None)


def test_entered_target_and_result_make_a_verdict_whose_report_row_cites_the_written_sources(editor, client, store):
    assert _verdict(client) is None
    target = editor.post("/review/entries", json=JOBLESS | {"role": "target", "value": "5.5", "comparator": "<=",
                                                             "source": PLAN_OFFICE})
    result = editor.post("/review/entries", json=JOBLESS | {"role": "actual", "value": "5.2", "source": BUREAU})
    assert (target.status_code, result.status_code) == (201, 201), target.text + result.text

    verdict = _verdict(client)
    assert verdict["status"] == "met" and verdict["results"][0]["value"] == 5.2
    assert verdict["results"][0]["source"]["written"] == BUREAU
    [row] = [r for r in client.get(f"/regions/{HEWAN}/report/2024.json").json()["rows"]
             if r["indicator"] == "城镇调查失业率"]
    assert BUREAU in row["source"] and PLAN_OFFICE in row["source"]
    entered = client.get("/facts", params={"region": "河湾区", "indicator": "城镇调查失业率"}).json()["facts"]
    assert {(f["role"], f["source"], f["review"]) for f in entered} == {("target", PLAN_OFFICE, "added"),
                                                                       ("actual", BUREAU, "added")}
    fact_id = result.json()["fact_id"]
    [entry] = store.audit_entries("fact", fact_id)
    assert (entry.user, entry.action, entry.after["source"]) == ("editor", "fact.enter", BUREAU)
    # The region page lists them with their sources, for every reader.
    assert BUREAU in client.get(f"/regions/{HEWAN}").text


def test_an_entry_without_a_source_or_by_a_viewer_is_refused_and_nothing_is_stored(app, editor, client):
    before = client.get("/facts", params={"region": "河湾区"}).json()["facts"]
    missing = editor.post("/review/entries", json=JOBLESS | {"role": "actual", "value": "5.2", "source": " "})
    assert missing.status_code == 400 and "来源" in missing.json()["error"]["message"]
    assert client.post("/review/entries", json=JOBLESS | {"role": "actual", "value": "5.2",
                                                          "source": BUREAU}).status_code == 401
    add_user(app, "reader", "viewer")
    with TestClient(app, base_url="http://localhost") as viewer:
        log_in(viewer, "reader")
        viewer.headers["X-CSRF-Token"] = csrf_of(viewer.get("/").text)
        assert viewer.post("/review/entries", json=JOBLESS | {"role": "actual", "value": "5.2",
                                                              "source": BUREAU}).status_code == 403
    assert client.get("/facts", params={"region": "河湾区"}).json()["facts"] == before


def test_the_region_page_form_enters_a_fact_and_shows_its_page_with_source_and_history(app, editor, client):
    assert "entry-form" not in client.get(f"/regions/{HEWAN}").text   # readers get no form
    page = editor.get(f"/regions/{HEWAN}").text
    assert 'class="entry-form"' in page
    form = {"indicator": "城镇调查失业率", "role": "actual", "period": "2024", "measure": "level", "comparator": "=",
            "value": "5.2", "unit": "%", "source": BUREAU}
    add_user(app, "plain", "reviewer")
    with TestClient(app, base_url="http://localhost") as no_token:   # a session, but no CSRF token sent
        log_in(no_token, "plain")
        assert no_token.post(f"/regions/{HEWAN}/entries", data=form, follow_redirects=False).status_code == 403

    answer = editor.post(f"/regions/{HEWAN}/entries", data=form | {"csrf_token": csrf_of(page)},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/facts/")
    shown = editor.get(answer.headers["location"]).text
    assert BUREAU in shown and "5.2%" in shown and "人工补录" in shown and "editor" in shown
    assert "editor" not in client.get(answer.headers["location"]).text   # who decided is for the plan office


def test_a_facts_page_shows_each_decision_with_before_and_after(editor, client):
    [fact] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    editor.post(f"/review/facts/{fact['id']}/correct", json={"value": "5.6", "expected": 0})
    history = editor.get(f"/facts/{fact['id']}.json").json()["history"]
    assert [(h["actor"], h["action"], h["before"]["value"], h["after"]["value"]) for h in history] == [
        ("editor", "corrected", "5.5", "5.6")]
    page = editor.get(f"/facts/{fact['id']}").text
    assert "<del>5.5</del> → <ins>5.6</ins>" in page
    words = editor.get(f"/facts/{fact['id']}.json").json()["fact"]["words"]   # what the document says, as read
    assert "5.5" in words and f"「{words}」" in page
    assert f'action="/review/decisions/{history[0]["id"]}/withdraw/form"' in page
    assert f'href="/facts/{fact["id"]}"' in editor.get(f"/documents/{fact['document_id']}").text   # from its row
    assert client.get(f"/facts/{fact['id']}.json").json()["history"] is None
    assert client.get("/facts/99999").status_code == 404


def test_a_withdrawn_rejection_brings_the_fact_back_and_is_audited(editor, client, store):
    [fact] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    rejected = editor.post(f"/review/facts/{fact['id']}/reject", json={"expected": 0}).json()["decision"]
    assert client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"] == []

    answer = editor.post(f"/review/decisions/{rejected['id']}/withdraw", json={})
    assert answer.status_code == 200, answer.text
    [back] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    assert (back["value"], back["review"]) == (5.5, "unreviewed")
    assert [e.action for e in store.audit_entries("fact", back["id"])][0] == "fact.withdraw"
    again = editor.post(f"/review/decisions/{rejected['id']}/withdraw", json={})
    assert again.status_code == 404


def test_a_conflict_after_reextraction_is_listed_on_the_desk_and_settled_there(editor, client, store):
    [fact] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    editor.post(f"/review/facts/{fact['id']}/correct", json={"value": "5.6", "expected": 0})
    [(document, facts)] = [(d, f) for d, f in documents() if d.name == "hewan-2024.txt"]
    # A new extractor now reads the target as 5.4: it disagrees with the correction.
    store.refresh(document, [dataclasses.replace(f, value=Decimal("5.4")) if f.role == "target" else f
                             for f in facts])
    [conflict] = editor.get("/review/conflicts").json()["conflicts"]
    desk = editor.get("/review").text
    assert f'action="/review/decisions/{conflict["id"]}/settle/form"' in desk

    answer = editor.post(f"/review/decisions/{conflict['id']}/settle/form",
                         data={"keep": "extraction", "csrf_token": csrf_of(desk)}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/review"
    assert editor.get("/review/conflicts").json()["conflicts"] == []
    [now] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    assert (now["value"], now["review"]) == (5.4, "unreviewed")
    assert store.audit_entries("fact", now["id"])[0].action == "fact.settle.extraction"
    refused = editor.post(f"/review/decisions/{conflict['id']}/settle", json={"keep": "decision"})
    assert refused.status_code == 404
    assert editor.post(f"/review/decisions/{conflict['id']}/settle", json={"keep": "both"}).status_code in (400, 422)


def test_the_entries_document_opens_with_each_entry_and_its_facts_download_with_their_source(editor, client):
    answer = editor.post("/review/entries", json=JOBLESS | {"role": "actual", "value": "5.2", "source": BUREAU})
    [fact] = [f for f in client.get("/facts", params={"region": "河湾区"}).json()["facts"]
              if f["id"] == answer.json()["fact_id"]]
    page = client.get(f"/documents/{fact['document_id']}")
    assert page.status_code == 200 and "人工填报数据" in page.text and BUREAU in page.text
    csv = client.get(f"/regions/{HEWAN}.csv", params={"table": "facts"})
    assert csv.status_code == 200 and BUREAU in csv.text
