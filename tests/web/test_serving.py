"""The app as a server: pages computed once per change of the data, the host names it
answers to, /healthz, and `planwatch serve` as real processes (one worker on SQLite,
several on PostgreSQL)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from planwatch.store import Store
from planwatch.web import create_app
from planwatch.web.cache import Cached, PageCache

from .conftest import TestClient, _document, _growth, fill

REGION = f"/regions/{quote('青山县')}"
NEW_REPORT = """青山县2025年国民经济和社会发展计划执行情况及2026年计划草案的报告

一、2025年计划执行情况
全年地区生产总值增长5.8%。
"""


def _new_report():
    document = _document("qingshan-2025.txt", NEW_REPORT, title="青山县2025年计划执行情况报告", region="青山县",
                         region_level="county", doc_type="annual_report", date="2026-01-09",
                         report_years=[2025], target_years=[2026])
    return document, [_growth(NEW_REPORT, "地区生产总值增长5.8%", "actual", "2025", "5.8")]


def _document_names(client) -> list[str]:
    return [d["name"] for d in client.get(f"{REGION}.json").json()["documents"]]


def test_a_region_page_is_computed_once_per_change_of_the_data(app, client, database_url):
    pages = app.state.pages
    first = _document_names(client)
    for _ in range(3):   # each format once: the page, its JSON twin, a download
        html = client.get(REGION).text
        _document_names(client)
        client.get(f"{REGION}.csv?table=facts")
    assert pages.computed == 3
    assert "qingshan-2025.txt" not in first and "青山县2025年计划执行情况报告" not in html

    with Store(database_url) as elsewhere:   # another process's ingest, as `planwatch ingest` would
        elsewhere.add_document(*_new_report())
    assert _document_names(client)[0] == "qingshan-2025.txt"
    assert "青山县2025年计划执行情况报告" in client.get(REGION).text
    client.get(REGION)
    assert pages.computed == 5


def test_each_language_has_its_own_page(app, client):
    chinese = client.get(REGION).text
    english = client.get(f"{REGION}?lang=en")
    assert 'lang="zh' in chinese and 'lang="en' in english.text
    assert english.cookies.get("lang") == "en"   # the language is remembered, cached page or not
    assert 'lang="en' in client.get(REGION).text   # ... and read back from the cookie
    assert app.state.pages.computed == 2


def test_a_reader_with_a_session_gets_a_page_of_their_own(app, client):
    shared = client.get(REGION).text
    pages = app.state.pages
    (key, page), = pages._pages.items()   # mark the cached page, to tell it from one rendered anew
    pages._pages[key] = Cached(page.body.replace("青山县".encode(), "【缓存】".encode()), page.status, page.headers)
    assert "【缓存】" in client.get(REGION).text
    client.cookies.set("session", "a-signed-in-reader")
    own = client.get(REGION).text
    assert own == shared and "【缓存】" not in own
    assert pages.computed == 1   # nor was theirs kept for others


def test_an_unknown_region_is_still_a_404_after_a_cached_page(client):
    client.get(REGION)
    assert client.get(f"/regions/{quote('不存在县')}").status_code == 404


def test_search_index_update_raises_the_data_version(store, ids):
    before = store.data_version()
    assert store.update_search() == len(ids)
    after = store.data_version()
    assert after > before
    assert store.update_search() == 0 and store.data_version() == after   # nothing new: nothing changed


def _page(text: str) -> Cached:
    return Cached(text.encode(), 200, ())


def test_concurrent_requests_for_a_missing_page_compute_it_once():
    cache = PageCache(max_bytes=1024)
    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.05)   # long enough for the others to arrive while it runs (not an assertion)
        return _page(f"page {len(calls)}")

    got = []
    threads = [threading.Thread(target=lambda: got.append(cache.page(7, ("html", "zh", "/regions/青山县"), compute)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and got == [_page("page 1")] * 8
    assert cache.page(8, ("html", "zh", "/regions/青山县"), compute) == _page("page 2")   # a new version


def test_the_cache_holds_at_most_its_bytes():
    cache = PageCache(max_bytes=10)
    for name in ("aaaa", "bbbb", "cccc", "aaaa", "cccc"):
        cache.page(1, (name,), lambda: _page(name))
    assert cache.computed == 4   # "aaaa" was pushed out by "cccc"; "cccc" stayed


@pytest.mark.parametrize("host, status", [
    ("localhost:8000", 200), ("127.0.0.1", 200), ("[::1]:8000", 200),
    ("evil.example", 400),          # a DNS-rebinding page's host name
    ("localhost.evil.example", 400),
])
def test_only_the_allowed_host_names_are_answered(client, host, status):
    assert client.get("/", headers={"Host": host}).status_code == status


def test_a_host_name_from_the_setting_is_answered(store, ids, monkeypatch):
    monkeypatch.setenv("PLANWATCH_ALLOWED_HOSTS", "plans.example.gov.cn")
    with TestClient(create_app(store), base_url="http://plans.example.gov.cn") as client:
        assert client.get("/").status_code == 200
        assert client.get("/", headers={"Host": "localhost"}).status_code == 400


def test_healthz_reports_the_data_version_and_its_changes(client, store):
    first = client.get("/healthz")
    assert first.status_code == 200
    assert first.json()["ok"] is True and first.json()["database"] == "reachable"
    store.add_document(*_new_report())
    assert client.get("/healthz").json()["data_version"] > first.json()["data_version"]


def test_healthz_is_a_503_when_the_database_does_not_answer(tmp_path):
    path = tmp_path / "gone.db"
    store = Store(f"sqlite:///{path}")
    with TestClient(create_app(store), base_url="http://localhost") as client:
        store.engine.dispose()
        for file in tmp_path.glob("gone.db*"):
            file.unlink()
        path.mkdir()   # where the database was, a folder: SQLite cannot open it
        answer = client.get("/healthz")
    store.close()
    assert answer.status_code == 503
    assert answer.json()["ok"] is False


# ---- planwatch serve, as processes

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(url: str, *options: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    process = subprocess.Popen([str(Path(sys.executable).parent / "planwatch"), "serve", "--db", url, "--port", str(port), *options],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}"


def _wait_until_up(process: subprocess.Popen, base: str) -> None:
    for _ in range(300):   # up to 30 s on a busy machine
        if process.poll() is not None:
            raise AssertionError(process.stderr.read())
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not answer /healthz")


def _stop(process: subprocess.Popen) -> str:
    process.terminate()
    _, err = process.communicate(timeout=60)
    return err


def test_serve_refuses_several_workers_on_sqlite_and_says_why(sqlite_url):
    process, _ = _serve(sqlite_url, "--workers", "2")
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "--workers 2 needs PostgreSQL" in err and "one process write at a time" in err


def test_serve_answers_with_an_access_log_line_per_request(sqlite_url):
    with Store(sqlite_url) as store:
        fill(store)
    process, base = _serve(sqlite_url)
    try:
        _wait_until_up(process, base)
        page = httpx.get(f"{base}{REGION}.json", timeout=30)
        foreign = httpx.get(f"{base}/", headers={"Host": "evil.example"}, timeout=30)
        httpx.get(f"{base}/regions/%0AINFO:%20forged", timeout=30)
    finally:
        err = _stop(process)
    assert page.status_code == 200 and page.json()["region"]["key"] == "青山县"
    assert foreign.status_code == 400
    assert '"GET /regions/青山县.json" 200' in err and '"GET /" 400' in err
    # a line break in a URL does not forge a log line
    assert "\nINFO: forged" not in err and "/regions/\\nINFO: forged" in err


def test_serve_runs_several_workers_on_postgresql(pg_url):
    with Store(pg_url) as store:
        fill(store)
    process, base = _serve(pg_url, "--workers", "2")
    try:
        _wait_until_up(process, base)
        with httpx.Client(base_url=base, timeout=30) as http:
            pages = [http.get(f"{REGION}.json") for _ in range(8)]
    finally:
        err = _stop(process)
    assert [p.status_code for p in pages] == [200] * 8
    assert {p.json()["region"]["key"] for p in pages} == {"青山县"}
    assert err.count("Started server process") == 2
