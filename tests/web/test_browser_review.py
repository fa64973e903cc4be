"""Reviewing in Chromium: a reviewer logs in, corrects a fact from its pre-filled form, adds
a missed one by selecting its words, rejects a spurious one; the region's verdicts and the
API follow. A stale edit (another session decided first) gets the conflict message.

A server of its own (the fixtures of test_browser.py, module-scoped: one per module), so
these writes change no other browser test's data."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import httpx
from playwright.sync_api import expect

from .conftest import QINGSHAN_2023, csrf_of
from .test_browser import EDITOR, PASSWORD, browser, log_in, page, server  # noqa: F401 (fixtures)

HEWAN = quote("河湾区")

SELECT = """([context, part]) => {
  // Select `part` where it ends `context` in the document's text, as a reader's drag would, across marks.
  const text = document.getElementById("doc-text");
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let full = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, full.length]); full += walker.currentNode.data; }
  const locate = (i) => { const [node, at] = nodes.filter(([, at]) => at <= i).pop(); return [node, i - at]; };
  const start = full.indexOf(context) + context.length - part.length, range = document.createRange();
  range.setStart(...locate(start));
  range.setEnd(...locate(start + part.length));
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(range);
}"""


def _document_id(page, server, name: str) -> int:
    documents = page.request.get(f"{server}/.json").json()["documents"]
    return next(d["id"] for d in documents if d["name"] == name)


def _open(page, server, name: str):
    log_in(page, server)
    page.goto(f"{server}/documents/{_document_id(page, server, name)}", wait_until="networkidle")


def _row(page, value: str):
    return page.locator("tr.fact-row", has=page.locator("a.fact-link", has_text=value))


def _audited(page, server, fact: str) -> list[tuple]:
    entries = page.request.get(f"{server}/audit.json", params={"kind": "fact", "object": fact}).json()["entries"]
    return [(e["user"], e["action"], e["before"], e["after"]) for e in entries]


def test_correct_a_fact_from_its_prefilled_form_and_the_verdict_follows(server, page):
    _open(page, server, "hewan-2024.txt")
    form = page.locator("form.fact-form")
    expect(form).to_be_hidden()   # until asked for
    expect(page.locator("form.commitment-form")).to_be_hidden()
    fact = _row(page, "约5.5%").get_attribute("data-fact")
    _row(page, "约5.5%").focus()
    page.keyboard.press("e")
    expect(form).to_be_visible()
    expect(form.locator("input[name=value]")).to_have_value("5.5")
    expect(form.locator("input[name=indicator]")).to_have_value("地区生产总值")
    expect(form.locator("select[name=comparator]")).to_have_value("~")
    form.locator("input[name=value]").fill("4.9")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, "约4.9%").locator(".review-state")).to_have_text("已更正")

    view = page.request.get(f"{server}/regions/{HEWAN}.json").json()
    [verdict] = [v for v in view["verdicts"] if v["indicator"] == "地区生产总值" and v["period"] == "2024"]
    assert (verdict["target"]["value"], verdict["status"]) == (4.9, "met")
    [(user, action, before, after)] = _audited(page, server, fact)
    assert (user, action, json.loads(before)["value"], json.loads(after)["value"]) == (EDITOR, "fact.correct",
                                                                                      "5.5", "4.9")
    assert page.problems == []


def test_reject_a_fact_with_its_button_and_it_is_gone(server, page):
    _open(page, server, "hewan-2024.txt")
    fact = _row(page, "4.8%").get_attribute("data-fact")
    _row(page, "4.8%").locator("button[data-action=reject]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, "4.8%")).to_have_count(0)
    expect(page.locator("tr.fact-row")).to_have_count(2)
    found = page.request.get(f"{server}/facts", params={"region": "河湾区", "period": "2023"}).json()["facts"]
    assert found == []
    [(user, action, before, after)] = _audited(page, server, fact)
    assert (user, action, json.loads(before)["value"], after) == (EDITOR, "fact.reject", "4.8", None)
    assert page.problems == []


def test_add_a_missed_fact_by_selecting_its_words(server, page):
    words = "计划总投资86亿元"
    _open(page, server, "qingshan-2023.txt")
    page.evaluate(SELECT, [words, words])
    page.locator("button.review-add").click()
    form = page.locator("form.fact-form")
    expect(form.locator(".evidence")).to_have_text(f"「{words}」")
    expect(form.locator("input[name=value]")).to_have_value("86")     # read from the selection
    expect(form.locator("input[name=unit]")).to_have_value("亿元")
    expect(form.locator("select[name=measure]")).to_have_value("level")
    form.locator("input[name=indicator]").fill("重大项目投资")
    form.locator("select[name=role]").select_option("target")
    form.locator("input[name=period]").fill("2024")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(_row(page, "86亿元").locator(".review-state")).to_have_text("人工补录")

    [added] = page.request.get(f"{server}/facts", params={"region": "青山县", "indicator": "重大项目投资"}).json()["facts"]
    start = QINGSHAN_2023.index(words)
    assert (added["start"], added["end"], added["value"], added["review"]) == (start, start + len(words), 86, "added")
    expect(page.locator(f"mark.fact[data-facts~='{added['id']}']")).to_have_text(re.compile("86亿元"))
    assert page.problems == []


def _log_in(other: httpx.Client) -> None:
    """Another session, logged in the way a browser does."""
    form = {"name": EDITOR, "password": PASSWORD, "csrf_token": csrf_of(other.get("/login").text), "next": "/"}
    assert other.post("/login", data=form).status_code == 303
    other.headers["X-CSRF-Token"] = csrf_of(other.get("/").text)


def test_a_stale_edit_gets_the_conflict_message_and_sees_the_other_decision(server, page):
    _open(page, server, "qingshan-2024.txt")
    row = _row(page, "≥5.5%")
    fact = row.get_attribute("data-fact")
    with httpx.Client(base_url=server) as other:
        _log_in(other)
        assert other.post(f"/review/facts/{fact}/correct", json={"value": "5.8", "expected": 0}).status_code == 200
    row.focus()
    page.keyboard.press("r")   # this page still shows the fact as unreviewed
    page.wait_for_load_state("networkidle")
    message = page.locator(".review-status")
    expect(message).to_be_visible()
    expect(message).to_contain_text(EDITOR)
    expect(message).to_contain_text("已更正 5.8%")
    expect(_row(page, "≥5.8%").locator(".review-state")).to_have_text("已更正")   # not rejected: nothing lost
    assert [problem for problem in page.problems if "409 (Conflict)" not in problem] == []
