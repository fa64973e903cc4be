"""The dashboard's JSON says what the CLI says: the same facts, verdicts, findings and
report tables for the seeds, through one fact schema (planwatch.model)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from planwatch.cli import app as cli

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
REGIONS = ("武昌区", "洪山区")


@pytest.fixture
def seeded(store, database_url):
    from fastapi.testclient import TestClient

    from planwatch.web import create_app

    store.ingest([SEEDS])
    with TestClient(create_app(store), base_url="http://localhost") as client:
        yield client, database_url


def _cli(database_url: str, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, [*args, "--db", database_url, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def _canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)


@pytest.mark.parametrize("region", REGIONS)
def test_region_page_verdicts_and_findings_are_the_cli_records(seeded, region):
    client, url = seeded
    page = client.get(f"/regions/{quote(region)}.json").json()
    assert page["verdicts"] and _canonical(page["verdicts"]) == _canonical(_cli(url, "evaluate", "--region", region))
    assert _canonical(page["findings"]) == _canonical(_cli(url, "findings", "--region", region))


def test_dashboard_shows_every_finding_the_cli_gives(seeded):
    client, url = seeded
    shown = sum(len(client.get(f"/regions/{quote(r)}.json").json()["findings"]) for r in REGIONS)
    assert shown == len(_cli(url, "findings")) == 18


@pytest.mark.parametrize("query", [{"region": "武昌区"}, {"region": "洪山区", "role": "target", "period": "2021-2025"}])
def test_facts_json_is_the_cli_facts(seeded, query):
    client, url = seeded
    web = client.get("/facts", params=query).json()["facts"]
    options = [part for key, value in query.items() for part in (f"--{key}", value)]
    assert web and web == _cli(url, "facts", *options)
    assert any(fact.get("department") for fact in web) or query["region"] == "武昌区"


def test_report_download_is_the_cli_report(seeded, tmp_path):
    client, url = seeded
    output = tmp_path / "report.csv"
    result = CliRunner().invoke(cli, ["report", "--db", url, "--region", "武昌区", "--period", "2023",
                                      "--format", "csv", "--output", str(output)])
    assert result.exit_code == 0, result.output
    download = client.get(f"/regions/{quote('武昌区')}/report/2023.csv")
    assert download.status_code == 200 and download.content == output.read_bytes()


@pytest.mark.parametrize(("query", "status", "words"), [
    ({"region": "不存在区"}, 404, "没有地区“不存在区”的文件"),
    ({"region": "不存在区", "lang": "en"}, 404, "no stored document is of region 不存在区"),
    ({"period": "20x3"}, 400, "“20x3”不是时期"),
    ({"period": "20x3", "lang": "en"}, 400, "is not a period")])
def test_facts_json_refuses_an_unknown_region_or_a_malformed_period_in_the_readers_language(seeded, query,
                                                                                             status, words):
    client, _ = seeded
    response = client.get("/facts", params=query, headers={"Accept": "application/json"})
    assert response.status_code == status
    assert words in response.json()["error"]["message"]


def test_the_document_page_says_why_each_fact_has_its_role_and_period(seeded):
    client, _ = seeded
    [doc_id] = [d["id"] for d in client.get("/regions/" + quote("武昌区") + ".json").json()["documents"]
                if d["name"].startswith("001_")]
    view = client.get(f"/documents/{doc_id}.json").json()
    assert view["facts"] and all({w["aspect"] for w in f["why"]} == {"role", "period"} for f in view["facts"])
    assert all(0 < f["confidence"] <= 1 for f in view["facts"])
    gdp = next(f for f in view["facts"] if f["indicator"] == "地区生产总值" and f["role"] == "target")
    role = next(w for w in gdp["why"] if w["aspect"] == "role")
    assert role["words"] and role["words"] in view["document"]["text"][role["start"]:role["end"]]
    page = client.get(f"/documents/{doc_id}").text
    assert "判定依据" in page and "本分句的目标用语" in page
