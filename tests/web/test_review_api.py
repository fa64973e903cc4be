"""The dashboard and the API read the reviewed state; the review queue's JSON routes."""

from __future__ import annotations

from urllib.parse import quote

HEWAN = quote("河湾区")


def _gdp_target(client) -> dict:
    view = client.get(f"/regions/{HEWAN}.json").json()
    gdp = next(r for r in view["rows"] if r["indicator"] == "地区生产总值" and r["measure"] == "growth")
    return gdp["cells"]["2024"]["targets"][0]


def test_a_correction_changes_the_region_page_the_report_and_the_facts_api(client, store):
    assert (_gdp_target(client)["value"], _gdp_target(client)["status"]) == (5.5, "missed")
    [target] = store.facts(region="河湾区", role="target")
    store.correct(target.id, {"value": "4.9"}, actor="张三")

    assert (_gdp_target(client)["value"], _gdp_target(client)["status"]) == (4.9, "met")
    view = client.get(f"/regions/{HEWAN}.json").json()
    [verdict] = [v for v in view["verdicts"] if v["indicator"] == "地区生产总值" and v["period"] == "2024"]
    assert verdict["target"]["value"] == 4.9
    [row] = [r for r in client.get(f"/regions/{HEWAN}/report/2024.json").json()["rows"]
             if r["indicator"] == "地区生产总值"]
    assert "4.9" in row["target"] and row["status"] == verdict["label"]
    [api] = client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"]
    assert (api["value"], api["review"], api["id"]) == (4.9, "corrected", target.id)


def test_a_rejected_fact_is_gone_from_pages_search_and_api(client, store, ids):
    [target] = store.facts(region="河湾区", role="target")
    store.reject(target.id, actor="张三")
    view = client.get(f"/regions/{HEWAN}.json").json()
    assert not [v for v in view["verdicts"] if v["period"] == "2024"]
    assert client.get("/facts", params={"region": "河湾区", "role": "target"}).json()["facts"] == []
    page = client.get(f"/documents/{ids['hewan-2024.txt']}.json").json()
    assert target.id not in [f["id"] for f in page["facts"]] and len(page["facts"]) == 2
    found = client.get("/search", params={"q": "地区生产总值 河湾区"}, headers={"Accept": "application/json"}).json()
    assert target.id not in [f["id"] for f in found["facts"]]


def test_the_review_queue_and_its_progress_as_json(client, store, ids):
    queue = client.get("/review/queue", params={"region": "河湾区"}).json()
    assert len(queue["facts"]) == 3 and all(f["review"] == "unreviewed" for f in queue["facts"])
    store.confirm(queue["facts"][0]["id"], actor="张三")
    queue = client.get("/review/queue", params={"region": "河湾区", "limit": 1}).json()
    assert len(queue["facts"]) == 1
    assert queue["progress"] == [
        {"scope": "region", "key": "河湾区", "name": "河湾区", "reviewed": 1, "total": 3,
         "commitments_reviewed": 0, "commitments_total": 0},
        {"scope": "document", "key": str(ids["hewan-2024.txt"]), "name": "hewan-2024.txt", "reviewed": 1,
         "total": 3, "commitments_reviewed": 0, "commitments_total": 0, "region": "河湾区"}]
    doc = client.get("/review/queue", params={"document": ids["qingshan-plan.txt"]}).json()
    assert {f["document_id"] for f in doc["facts"]} == {ids["qingshan-plan.txt"]}
    assert client.get("/review/conflicts").json() == {"conflicts": []}
    missing = client.get("/review/queue", params={"region": "不存在县"}, headers={"Accept": "application/json"})
    assert missing.status_code == 404 and "不存在县" in missing.json()["error"]["message"]
    assert client.get("/review/queue", params={"limit": 0}).status_code in (400, 422)
