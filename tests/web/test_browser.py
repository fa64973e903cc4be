"""The dashboard in headless Chromium (Debian's /usr/bin/chromium) against
`planwatch serve` on a free localhost port. Skipped without Chromium, except in
CI (CI=true), where a missing browser is an error."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from planwatch.store import Store

from .conftest import _document, _growth, fill

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError("browser tests must run in CI: /usr/bin/chromium is missing (scripts/setup --test)")
    pytest.skip("no /usr/bin/chromium: run scripts/setup --test", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


MIDYEAR = ("白沙县2024年上半年计划执行情况的报告\n上半年规模以上工业增加值增长5.1%，全年规模以上工业增加值增长6%左右的目标。\n"
           "2023年规模以上工业增加值增长5.6%。\n")


def _midyear():
    """A region with a year and a part of a year among its periods."""
    text, industry = MIDYEAR, "规模以上工业增加值"
    return (_document("baisha-2024h1.txt", text, title="白沙县2024年上半年计划执行情况的报告", region="白沙县",
                      region_level="county", doc_type="midyear_report", date="2024-07-20"),
            [_growth(text, "上半年规模以上工业增加值增长5.1%", "actual", "2024H1", "5.1", indicator=industry),
             _growth(text, "全年规模以上工业增加值增长6%左右", "target", "2024", "6", comparator="~", indicator=industry),
             _growth(text, "2023年规模以上工业增加值增长5.6%", "actual", "2023", "5.6", indicator=industry)])


EDITOR, PASSWORD = "editor", "河湾区 2025 审核"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'planwatch.db'}"
    with Store(url) as store:
        fill(store)
        store.add_document(*_midyear())
    # The account as an administrator makes it: the CLI, the password from the environment (scripts)
    added = subprocess.run([sys.executable, "-c", "from planwatch.cli import main; main()", "users", "add", EDITOR,
                            "--role", "reviewer", "--db", url], env={**os.environ, "PLANWATCH_PASSWORD": PASSWORD},
                           capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    with serving(url, folder) as base:
        yield base
    assert PASSWORD not in (folder / "server.log").read_text()   # the access log saw every login


@contextmanager
def serving(url: str, folder: Path):
    """`planwatch serve` of the database at URL on a free port, its log in FOLDER/server.log;
    the base URL once it answers."""
    port = _free_port()
    with (folder / "server.log").open("w") as log:
        process = subprocess.Popen([sys.executable, "-c", "from planwatch.cli import main; main()", "serve",
                                    "--db", url, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    process.kill()
                    raise RuntimeError((folder / "server.log").read_text())
                time.sleep(0.2)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=FLAGS, viewport={"width": 1280, "height": 800})
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    page.close()
    browser.clear_cookies()   # each test starts logged out


def log_in(page, server, password=PASSWORD, then="/"):
    page.goto(f"{server}/login?next={quote(then)}", wait_until="networkidle")
    page.fill("form.login input[name=name]", EDITOR)
    page.fill("form.login input[name=password]", password)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_region_page_draws_its_chart_without_console_errors(server, page):
    page.goto(f"{server}/regions/{quote('青山县')}", wait_until="networkidle")
    canvas = page.locator("#region-chart canvas")
    expect(canvas).to_have_count(1)
    painted = canvas.evaluate("""c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n; }""")
    assert painted > 1000
    assert page.problems == []


def test_verdicts_read_without_colour(server, page):
    """Each status in the legend has its own icon and colour, and keeps its icon in print."""
    page.goto(f"{server}/regions/{quote('青山县')}", wait_until="networkidle")
    styles = page.locator("p.legend span").evaluate_all("""spans => spans.map(s => [
        s.textContent, getComputedStyle(s, '::before').content, getComputedStyle(s).backgroundColor])""")
    assert [words for words, _, _ in styles][-2:] == ["待核实", "未到期"]
    icons = [icon for _, icon, _ in styles]
    assert len(set(icons)) == len(icons) and "none" not in icons
    colours = [colour for _, _, colour in styles]
    assert len(set(colours)) == len(colours)
    page.emulate_media(media="print")
    assert page.locator("p.legend span").first.evaluate("s => getComputedStyle(s, '::before').content") == icons[0]


def test_indicator_names_stay_in_view_and_a_year_folds_its_parts(server, page):
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(f"{server}/regions/{quote('白沙县')}", wait_until="networkidle")
    heads = page.locator("table.matrix thead th")
    expect(heads).to_have_text(["指标", "口径", "2023年", "2024年上半年", re.compile("^2024年")])
    name = page.locator("table.matrix tbody th").first
    left = name.bounding_box()["x"]
    page.locator("div.scroll").first.evaluate("d => d.scrollLeft = d.scrollWidth")
    assert page.locator("div.scroll").first.evaluate("d => d.scrollLeft") > 50
    assert abs(name.bounding_box()["x"] - left) < 2   # unstuck, it would have moved with the scroll
    half = page.locator("table.matrix td[data-part]")
    expect(half).to_contain_text("5.1%")
    page.locator("button.fold").click()
    expect(half).to_be_hidden()
    expect(page.locator("table.matrix thead th[data-part]")).to_be_hidden()
    page.locator("button.fold").click()
    expect(half).to_be_visible()
    assert page.problems == []


def test_clicking_a_fact_opens_its_document_at_the_highlighted_evidence(server, page):
    page.goto(f"{server}/regions/{quote('青山县')}", wait_until="networkidle")
    link = page.locator("table.matrix a.fact-link", has_text="约6%").first
    fact = link.get_attribute("href").rsplit("#fact-", 1)[1]
    link.click()
    page.wait_for_url(f"**/documents/*#fact-{fact}")
    current = page.locator("mark.fact.current")
    expect(current).to_have_text(re.compile("增长6%左右$"))
    assert fact in current.get_attribute("data-facts").split()
    expect(current).to_be_in_viewport()
    assert page.problems == []


def test_search_from_the_header_lists_matching_documents(server, page):
    page.goto(server + "/", wait_until="networkidle")
    page.fill("header input[name=q]", "地区生产总值")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    expect(page.locator("section.results li")).to_have_count(5)
    expect(page.locator(".passage mark").first).to_have_text("地区生产总值")
    assert page.problems == []


def test_hostile_document_runs_no_script(server, page):
    page.goto(f"{server}/search?q={quote('石桥镇')}", wait_until="networkidle")
    page.locator("section.results a", has_text="石桥镇").first.click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("article.text")).to_contain_text('<script>alert("x")</script>')
    assert page.locator("article.text img, article.text a, article.text script").count() == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 1


UPLOAD = ("河湾区2025年国民经济和社会发展计划执行情况及2026年计划草案的报告\n\n"
          "一、2025年计划执行情况\n全年地区生产总值增长5.6%,地方一般公共预算收入增长3.5%。\n\n"
          "二、2026年主要预期目标\n地区生产总值增长5.5%左右,地方一般公共预算收入增长4%以上。\n")


def _upload_and_follow_the_job(page, server, path) -> None:
    """Upload from the form: the job's page follows it (refreshing itself) to 完成 and links
    the document, which the test then opens."""
    log_in(page, server, then="/upload")
    page.set_input_files("input[type=file]", str(path))
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/jobs/*")
    expect(page.locator("h1")).to_contain_text(path.name)
    expect(page.locator("p.job-status strong")).to_have_text("完成", timeout=120_000)
    page.locator("a.job-document").click()
    page.wait_for_url("**/documents/*")


def test_an_upload_follows_its_job_to_the_document(server, page, tmp_path):
    path = tmp_path / "hewan-2025.txt"
    path.write_text(UPLOAD.replace("河湾区", "河湾区(上传)"), encoding="utf-8")
    _upload_and_follow_the_job(page, server, path)
    expect(page.locator("article.text")).to_contain_text("全年地区生产总值增长5.6%")
    page.goto(server + "/upload", wait_until="networkidle")   # listed among the recent jobs, done
    expect(page.locator("table.jobs tr", has_text=path.name).locator("td.job-done")).to_have_text("完成")
    assert page.problems == []


def test_a_bad_upload_ends_in_a_failed_job_saying_why(server, page, tmp_path):
    path = tmp_path / "空白.txt"
    path.write_bytes(b"")
    log_in(page, server, then="/upload")
    page.set_input_files("input[type=file]", str(path))
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/jobs/*")
    expect(page.locator("p.job-status strong")).to_have_text("失败", timeout=120_000)
    expect(page.locator("p.job-error")).to_contain_text("空白.txt")
    expect(page.locator("p.job-error")).to_contain_text("the file is empty")


def test_uploaded_document_shows_the_facts_extracted_from_it(  # end to end: needs the real extractor
        server, page, tmp_path):
    path = tmp_path / "hewan-2025-e2e.txt"
    path.write_text(UPLOAD, encoding="utf-8")
    _upload_and_follow_the_job(page, server, path)
    expect(page.locator("mark.fact", has_text="5.6%").first).to_be_visible()
    expect(page.locator("aside a.fact-link", has_text="5.6%")).to_have_count(1)


def test_logging_in_and_out(server, page, tmp_path):
    page.goto(server + "/upload", wait_until="networkidle")
    expect(page.locator("form.upload")).to_have_count(0)
    page.locator("main a", has_text="登录").click()
    page.wait_for_url("**/login?next=/upload")
    log_in(page, server, password="not the password", then="/upload")
    expect(page.locator("p.notice.error")).to_have_text("用户名或密码错误。")
    expect(page.locator("header .account .who")).to_have_count(0)
    assert [p for p in page.problems if "401" not in p] == []   # the refused login's status, logged by Chromium
    page.problems.clear()
    log_in(page, server, then="/upload")
    page.wait_for_url("**/upload")
    expect(page.locator("header .account .who")).to_have_text(f"{EDITOR}（审核员）")
    expect(page.locator("form.upload")).to_have_count(1)
    session = next(c for c in page.context.cookies() if c["name"] == "planwatch_session")
    assert session["httpOnly"] and session["sameSite"] == "Lax"
    page.click("header .account button[type=submit]")
    page.wait_for_url(server + "/")
    expect(page.locator("header a.account")).to_have_text("登录")
    page.goto(server + "/upload", wait_until="networkidle")
    expect(page.locator("form.upload")).to_have_count(0)
    assert page.problems == []


def test_our_scripts_write_with_the_csrf_header_and_a_forged_post_fails(server, page):
    log_in(page, server)
    # The session's token from the page's meta tag, sent as a header by planwatch.post ...
    sent = page.evaluate("""() => planwatch.post('/api/documents', {}).then(r => r.status)""")
    assert sent == 400   # past the login and CSRF checks: refused only for having no file
    # ... while a form another site makes the browser post has the cookie, never the token
    forged = page.evaluate("""() => { const f = new FormData(); f.append('file', new Blob(['x']), 'x.txt');
        return fetch('/api/documents', {method: 'POST', body: f}).then(r => r.status); }""")
    assert forged == 403


def test_both_evidence_spans_of_a_kept_promise_open_highlighted(server, page):
    commitments = f"{server}/regions/{quote('青山县')}/commitments"
    for side, words in (("target", "新建充电桩5500个"), ("answer", "全年新建充电桩5600个")):
        page.goto(commitments, wait_until="networkidle")
        row = page.locator("table.commitments tr", has_text="充电桩").first
        expect(row.locator("td.cst-exceeded")).to_have_text("超额完成")
        link = row.locator(f"a.{side}-link")
        commitment = link.get_attribute("href").rsplit("#commitment-", 1)[1]
        link.click()
        page.wait_for_url(f"**/documents/*#commitment-{commitment}")
        current = page.locator("mark.commitment.current")
        expect(current).to_have_text(words)
        assert commitment in current.get_attribute("data-commitments").split()
        expect(current).to_be_in_viewport()
    assert page.problems == []


def test_filtering_promises_by_status_in_the_page(server, page):
    page.goto(f"{server}/regions/{quote('青山县')}/commitments", wait_until="networkidle")
    page.select_option("form.filters select[name=status]", "not_reported")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**status=not_reported*")
    rows = page.locator("table.commitments tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("公园")
    assert page.problems == []
