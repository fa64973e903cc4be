"""The issue's acceptance cases on the seeds, ingested into a real store and
extracted by planwatch's own extractor."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.evaluate import findings, plans, verdicts
from planwatch.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    with Store(f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'planwatch.db'}") as store:
        report = store.ingest([SEEDS])
        assert report.ok and report.facts > 0
        yield store.facts()


def one(found, region, indicator, period, measure):
    matches = [v for v in found if (v.region_key, v.indicator, v.period, v.measure) == (region, indicator, period, measure)]
    assert len(matches) == 1, f"no single verdict for {region} {indicator} {period} {measure}"
    return matches[0]


@pytest.fixture(scope="module")
def judged(seeded):
    return verdicts(seeded)


def test_wuchang_2023_gdp_met(judged):
    verdict = one(judged, "武昌区", "地区生产总值", "2023", "growth")
    assert verdict.status in ("met", "nearly_met")
    assert verdict.target.value == Decimal("6.5") and verdict.results[0].estimated
    assert "6.5%" in verdict.reason


def test_wuchang_2023_budget_revenue_missed(judged):
    verdict = one(judged, "武昌区", "地方一般公共预算收入", "2023", "growth")
    assert verdict.status == "missed" and "0.8%" in verdict.reason


def test_hongshan_2020_gdp_target_of_work_report_against_plan_table(judged):
    verdict = one(judged, "洪山区", "地区生产总值", "2020", "growth")
    assert verdict.status == "missed"
    assert verdict.target.value == Decimal("7.5") and verdict.target.source.doc_type == "work_report"
    assert verdict.results[0].value == Decimal("-2.2") and verdict.results[0].source.doc_type == "plan_outline"


def test_hongshan_13th_plan_average_growth_missed_as_the_table_says(judged):
    verdict = one(judged, "洪山区", "地区生产总值", "2016-2020", "growth")
    assert verdict.status == "missed"
    assert verdict.assessment == "难以完成" and verdict.assessment_agrees is True
    assert len(verdict.results) == 5                        # the 2016–2020 growth series


def test_wuchang_2017_first_half_behind(judged):
    verdict = one(judged, "武昌区", "地区生产总值", "2017", "growth")
    assert verdict.status == "behind" and verdict.results[0].period == "2017H1"


def test_hongshan_14th_plan_needs_seven_percent(seeded):
    [plan] = [p for p in plans(seeded) if p.span == "2021-2025"]
    [gdp] = [i for i in plan.indicators if i.indicator == "地区生产总值"]
    assert (gdp.baseline.value, gdp.target_level.value) == (Decimal("1080"), Decimal("1515"))
    assert gdp.required_growth.quantize(Decimal("0.1")) == Decimal("7.0")


def test_every_verdict_has_a_reason_and_label(judged):
    assert judged and all(v.reason and v.label for v in judged)


def test_seed_findings(seeded):
    found = findings(seeded)
    two = [f for f in found if f.kind == "two_values" and f.indicator == "地区生产总值" and f.period == "2020"]
    assert two and {e.value for e in two[0].evidence} == {Decimal("1080"), Decimal("1036")}
    patents = [f for f in found if f.kind == "cumulative_mismatch" and f.indicator == "每万人口高价值发明专利拥有量"]
    assert patents and "6.4" in patents[0].message and "7.5" in patents[0].message


def test_cli_evaluate_jsonl(store, database_url):
    """`planwatch evaluate --format jsonl` on SQLite and PostgreSQL."""
    store.ingest([SEEDS])
    result = CliRunner().invoke(app, ["evaluate", "--db", database_url, "--region", "武昌区", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    gdp = [r for r in records if r["indicator"] == "地区生产总值" and r["period"] == "2023"]
    assert gdp[0]["status"] in ("met", "nearly_met") and gdp[0]["reason"]
    assert gdp[0]["target"]["source"]["document"].startswith("001_")
    assert {"value", "unit", "comparator", "estimated", "source"} <= set(gdp[0]["results"][0])
    assert "\\u" not in result.stdout


def test_cli_findings(store, database_url):
    store.ingest([SEEDS])
    result = CliRunner().invoke(app, ["findings", "--db", database_url])
    assert result.exit_code == 0, result.output
    kinds = {json.loads(line)["kind"] for line in result.stdout.splitlines()}
    assert {"two_values", "cumulative_mismatch"} <= kinds
