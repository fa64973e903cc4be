"""The issue's acceptance, as a new user would run it, in Chromium: an admin made with the
CLI logs in, corrects a wrong fact of a seed, adds a missed one by selecting its words and
rejects a spurious one; the region's verdicts, the report table and the API change, the
audit log shows the three changes with before and after, and re-ingesting the seed after
the extractor's version changed keeps all three. Then the review desk settles a conflict,
a fact's page withdraws a decision, and the region page's 填报 form enters a figure.

A server of its own over a database of its own (module-scoped), so these writes change
no other browser test's data."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from planwatch.store import Store

from .conftest import documents, fill
from .test_browser import browser, page, serving  # noqa: F401 (fixtures)
from .test_browser_review import SELECT

SEED = Path(__file__).resolve().parents[2] / "../shared/seeds/001_8444fd7a4ce61ee2.txt"
if not SEED.is_file():
    pytest.skip("../shared/seeds is not beside the repository", allow_module_level=True)

ADMIN, PASSWORD = "plan-office", "武昌区 2026 验收口令"
WUCHANG, HEWAN = quote("武昌区"), quote("河湾区")


def _cli(*args, url):
    done = subprocess.run([sys.executable, "-c", "from planwatch.cli import main; main()", *map(str, args),
                           "--db", url], env={**os.environ, "PLANWATCH_PASSWORD": PASSWORD},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base URL, database URL): the seed ingested and an admin added with the CLI, the
    invented documents of conftest beside them."""
    folder = tmp_path_factory.mktemp("acceptance")
    url = f"sqlite:///{folder / 'planwatch.db'}"
    _cli("ingest", SEED, url=url)
    _cli("users", "add", ADMIN, "--role", "admin", url=url)
    with Store(url) as store:
        fill(store)
    with serving(url, folder) as base:
        yield base, url


def _log_in(page, base):
    page.goto(f"{base}/login", wait_until="networkidle")
    page.fill("form.login input[name=name]", ADMIN)
    page.fill("form.login input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state("networkidle")


def _facts(page, base, **where) -> list[dict]:
    return page.request.get(f"{base}/facts", params=where).json()["facts"]


def _verdicts(page, base) -> dict:
    view = page.request.get(f"{base}/regions/{WUCHANG}.json").json()
    return {(v["indicator"], v["measure"]): v for v in view["verdicts"] if v["period"] == "2023"}


def _report(page, base) -> dict:
    return {row["indicator"]: row for row in page.request.get(f"{base}/regions/{WUCHANG}/report/2023.json").json()["rows"]}


def _row(page, fact_id):
    return page.locator(f"tr.fact-row[data-fact='{fact_id}']")


def test_the_acceptance_scenario_on_a_seed(server, page):
    base, url = server
    _log_in(page, base)
    [gdp] = _facts(page, base, region="武昌区", indicator="地区生产总值", role="target", period="2023",
                   measure="growth")
    [projects] = _facts(page, base, region="武昌区", indicator="实施重大项目", role="target", period="2023")
    assert ("实施重大项目", "level") in _verdicts(page, base) and "实施重大项目" in _report(page, base)
    result = _verdicts(page, base)[("地区生产总值", "growth")]["results"][0]["value"]
    wrong = Decimal(str(result)) + Decimal("1.5")   # a target the result misses
    page.goto(f"{base}/documents/{gdp['document_id']}", wait_until="networkidle")

    # Correct: the form opens pre-filled with the fact's fields.
    _row(page, gdp["id"]).focus()
    page.keyboard.press("e")
    form = page.locator("form.fact-form")
    expect(form.locator("input[name=indicator]")).to_have_value("地区生产总值")
    form.locator("input[name=value]").fill(str(wrong))
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, gdp["id"]).locator(".review-state")).to_have_text("已更正")

    # Add by selection: a table cell the extraction missed.
    page.evaluate(SELECT, ["地方一般公共预算收入 |\n5%", "5%"])
    page.locator("button.review-add").click()
    expect(form.locator("input[name=value]")).to_have_value("5")
    form.locator("input[name=indicator]").fill("地方一般公共预算收入")
    form.locator("select[name=role]").select_option("target")
    form.locator("input[name=period]").fill("2023")
    form.locator("select[name=measure]").select_option("growth")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("tr.fact-row.review-added")).to_have_count(1)

    # Reject.
    _row(page, projects["id"]).locator("button[data-action=reject]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, projects["id"])).to_have_count(0)

    def decided():
        verdicts, report = _verdicts(page, base), _report(page, base)
        [added] = [f for f in _facts(page, base, region="武昌区", indicator="地方一般公共预算收入", role="target",
                                     period="2023", measure="growth") if f["review"] == "added"]
        assert verdicts[("地区生产总值", "growth")]["target"]["value"] == float(wrong)
        assert verdicts[("地区生产总值", "growth")]["status"] in ("missed", "nearly_met")
        assert f"{wrong.normalize()}%" in report["地区生产总值"]["target"]
        assert ("实施重大项目", "level") not in verdicts and "实施重大项目" not in report
        assert (added["value"], added["review"]) == (5, "added")
        assert _facts(page, base, region="武昌区", indicator="实施重大项目", role="target", period="2023") == []
        return added

    added = decided()
    entries = page.request.get(f"{base}/audit.json", params={"kind": "fact", "user": ADMIN}).json()["entries"]
    changes = {e["action"]: (e["before"] and json.loads(e["before"]), e["after"] and json.loads(e["after"]))
               for e in entries}
    assert set(changes) == {"fact.correct", "fact.add", "fact.reject"}
    assert (changes["fact.correct"][0]["value"], changes["fact.correct"][1]["value"]) == (
        str(gdp["value"]), str(wrong))
    assert (changes["fact.add"][0], changes["fact.add"][1]["value"]) == (None, "5")
    assert (changes["fact.reject"][0]["indicator"], changes["fact.reject"][1]) == ("实施重大项目", None)
    page.goto(f"{base}/audit?kind=fact", wait_until="networkidle")
    expect(page.locator("table.audit tbody tr")).to_have_count(len(entries))

    # Re-ingest after the extractor's version changed: the three decisions are kept.
    with Store(url, extractor_version="acceptance-next") as upgraded:
        report = upgraded.ingest([SEED])
        assert (report.refreshed, report.failures) == (1, [])
    assert decided()["start"] == added["start"]
    assert page.request.get(f"{base}/review/conflicts").json()["conflicts"] == []
    assert page.problems == []


def test_the_review_desk_settles_a_conflict_and_a_facts_page_withdraws_a_decision(server, page):
    base, url = server
    [(document, facts)] = [(d, f) for d, f in documents() if d.name == "hewan-2024.txt"]
    with Store(url) as store:
        [fact] = store.facts(region="河湾区", role="target")
        store.correct(fact.id, {"value": "5.6"}, actor=ADMIN)
        # A new reading of the document now says 5.4: it disagrees with the correction.
        store.refresh(document, [dataclasses.replace(f, value=Decimal("5.4")) if f.role == "target" else f
                                 for f in facts])
    _log_in(page, base)
    page.goto(f"{base}/review", wait_until="networkidle")
    conflict = page.locator("table.conflicts tbody tr")
    expect(conflict).to_have_count(1)
    expect(conflict).to_contain_text("新提取的数值不同")
    conflict.locator("button.settle-extraction").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("table.conflicts")).to_have_count(0)
    [now] = _facts(page, base, region="河湾区", role="target")
    assert (now["value"], now["review"]) == (5.4, "unreviewed")

    # Confirm it, then withdraw the confirmation from the fact's page: unreviewed again.
    page.goto(f"{base}/documents/{now['document_id']}", wait_until="networkidle")
    _row(page, now["id"]).locator("button[data-action=confirm]").click()
    expect(_row(page, now["id"]).locator(".review-state")).to_have_text("已确认")
    page.goto(f"{base}/facts/{now['id']}", wait_until="networkidle")
    expect(page.locator("table.history tbody tr")).to_have_count(3)   # corrected, withdrawn (settled), confirmed
    page.locator("button.withdraw").click()
    page.wait_for_load_state("networkidle")
    [back] = _facts(page, base, region="河湾区", role="target")
    assert (back["value"], back["review"]) == (5.4, "unreviewed")
    actions = [e["action"] for e in page.request.get(f"{base}/audit.json", params={"kind": "fact"}).json()["entries"]]
    assert actions[:2] == ["fact.withdraw", "fact.confirm"] and "fact.settle.extraction" in actions
    assert page.problems == []


def test_the_region_pages_form_enters_a_figure_with_its_source(server, page):
    base, _ = server
    source = "河湾区统计局《2024年统计公报》，2025年3月"
    _log_in(page, base)
    page.goto(f"{base}/regions/{HEWAN}", wait_until="networkidle")
    form = page.locator("form.entry-form")
    form.locator("input[name=indicator]").fill("城镇调查失业率")
    form.locator("select[name=role]").select_option("actual")
    form.locator("input[name=period]").fill("2024")
    form.locator("select[name=measure]").select_option("level")
    form.locator("input[name=value]").fill("5.2")
    form.locator("input[name=unit]").fill("%")
    form.locator("input[name=source]").fill(source)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "/facts/" in page.url
    expect(page.locator(".fact-source")).to_have_text(source)
    expect(page.locator("table.history tbody tr")).to_have_count(1)
    page.goto(f"{base}/regions/{HEWAN}", wait_until="networkidle")
    expect(page.locator("table.entered .fact-source")).to_have_text(source)
    [entered] = _facts(page, base, region="河湾区", indicator="城镇调查失业率")
    assert (entered["value"], entered["source"], entered["review"]) == (5.2, source, "added")
    assert page.problems == []
