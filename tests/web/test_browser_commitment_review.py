"""Reviewing commitments in Chromium: on a region's commitments page a reviewer corrects a
promise from its pre-filled form and rejects a wrong answer, and the statuses on the page
change; on a document's page a missed commitment is added by selecting its words.

A server of its own (the fixtures of test_browser.py, module-scoped: one per module), so
these writes change no other browser test's data."""

from __future__ import annotations

import json
from urllib.parse import quote

from playwright.sync_api import expect

from .conftest import QINGSHAN_2024
from .test_browser import EDITOR, browser, log_in, page, server  # noqa: F401 (fixtures)
from .test_browser_review import SELECT, _document_id

COMMITMENTS = f"/regions/{quote('青山县')}/commitments"


def _row(page, obj: str):
    return page.locator("table.commitments tbody tr", has=page.locator("td", has_text=obj))


def _audited(page, server, commitment: str) -> list[tuple]:
    entries = page.request.get(f"{server}/audit.json", params={"kind": "commitment", "object": commitment}).json()
    return [(e["user"], e["action"], e["before"], e["after"]) for e in entries["entries"]]


def test_correct_a_promise_and_reject_an_answer_and_the_statuses_change(server, page):
    log_in(page, server, then=COMMITMENTS)
    page.goto(f"{server}{COMMITMENTS}", wait_until="networkidle")
    charging = _row(page, "充电桩")
    expect(charging.locator("td.cst-exceeded")).to_have_text("超额完成")
    controls = charging.locator(".target-review .review-controls")
    target = controls.get_attribute("data-commitment")
    controls.locator("button[data-action=correct]").click()
    form = page.locator("form.commitment-form")
    expect(form).to_be_visible()
    expect(form.locator("input[name=value]")).to_have_value("5500")    # pre-filled from the promise
    expect(form.locator("input[name=object]")).to_have_value("充电桩")
    expect(form.locator("select[name=stage]")).to_have_value("other")
    form.locator("input[name=value]").fill("6000")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    charging = _row(page, "充电桩")
    expect(charging.locator("td.cst-partly")).to_have_text("部分完成")
    expect(charging.locator(".target-review .review-state")).to_have_text("已更正")

    road = _row(page, "青菱寺路")
    expect(road.locator("td.cst-done")).to_have_text("完成")
    road.locator(".answer-review button[data-action=reject]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, "青菱寺路").locator("td.cst-not_reported")).to_have_text("未见报告")

    [(user, action, before, after)] = _audited(page, server, target)
    assert (user, action, json.loads(before)["value"], json.loads(after)["value"]) == (
        EDITOR, "commitment.correct", "5500", "6000")
    found = page.request.get(f"{server}/commitments", params={"region": "青山县"}).json()["commitments"]
    assert {link["object"]: link["status"] for link in found}["青菱寺路"] == "not_reported"
    assert page.problems == []


def test_add_a_missed_commitment_by_selecting_its_words(server, page):
    words = "新增公园3个"
    log_in(page, server)
    document = _document_id(page, server, "qingshan-2024.txt")
    page.goto(f"{server}/documents/{document}", wait_until="networkidle")
    assert words not in QINGSHAN_2024   # the 2024 report does not say it: a reviewer enters a result it should
    phrase = "三、2024年重点工作完成情况"
    page.evaluate(SELECT, [phrase, phrase])
    page.locator("button.review-add-commitment").click()
    form = page.locator("form.commitment-form")
    expect(form.locator(".evidence")).to_have_text(f"「{phrase}」")
    form.locator("select[name=role]").select_option("actual")
    form.locator("input[name=period]").fill("2024")
    form.locator("input[name=object]").fill("公园")
    form.locator("select[name=stage]").select_option("other")
    form.locator("input[name=action]").fill("新增")
    form.locator("input[name=value]").fill("3")
    form.locator("input[name=unit]").fill("个")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    added = page.locator("tr.commitment-row", has=page.locator("td", has_text="公园"))
    expect(added.locator(".review-state")).to_have_text("人工补录")
    found = page.request.get(f"{server}/commitments", params={"region": "青山县"}).json()["commitments"]
    assert {link["object"]: link["status"] for link in found}["公园"] == "done"
    assert page.problems == []
