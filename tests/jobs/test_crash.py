"""`kill -9` of whatever runs a job, mid-job: the job is run again and the database holds
its document once (issue 12). A 200-page PDF, made here, keeps a worker reading long
enough to be killed while it reads.

PostgreSQL: a `planwatch worker` is killed; a second worker finds the job stalled (no
heartbeat from its worker for PLANWATCH_JOB_STALLED_SECONDS) and runs it.
SQLite: the server, whose thread runs the jobs, is killed; started again, it runs the job.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from planwatch.accounts import Accounts
from planwatch.jobs import JobQueue, records
from planwatch.store import Store

from .pdfs import plan_pdf

PAGES = 200


def _planwatch(log: Path, *args: str, **env: str) -> subprocess.Popen:
    """The command in a session of its own, so that the reader process it forks can be
    cleaned up after its kill (which, killed alone, leaves that child to finish and exit)."""
    return subprocess.Popen([sys.executable, "-c", "from planwatch.cli import main; main()", *args],
                            env={**os.environ, **env}, stdout=log.open("a"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def _wait_for(what, check, process: subprocess.Popen | None = None, log: Path | None = None, seconds: float = 300):
    """Poll `check` until it holds (a bound on waiting, not a measure of speed)."""
    deadline = time.monotonic() + seconds
    while not check():
        if process is not None and process.poll() is not None:
            pytest.fail(f"stopped before {what}: {log.read_text() if log else ''}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} in {seconds} s: {log.read_text() if log else ''}")
        time.sleep(0.1)


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(30)


def _running(store: Store, job_id: int) -> bool:
    return records.get(store.engine, job_id).status == records.RUNNING


def _check_stored_once(store: Store, job_id: int, name: str) -> None:
    job = records.get(store.engine, job_id)
    assert job.status == records.DONE and job.attempts == 2, job
    [document] = store.documents()
    assert job.document_id == document.id and document.name == name
    assert len(store.facts()) == document.fact_count > 0


def test_a_worker_killed_mid_job_leaves_it_to_another_which_stores_it_once(pg_store, tmp_path):
    pdf = plan_pdf(tmp_path / "yunxi-2024.pdf", PAGES)
    log = tmp_path / "workers.log"
    settings = {"PLANWATCH_DATABASE_URL": pg_store.url, "PLANWATCH_JOB_STALLED_SECONDS": "3"}
    store = pg_store
    job = JobQueue(store).submit_ingest(pdf.name, pdf.read_bytes(), "tester")
    first = _planwatch(log, "worker", **settings)
    try:
        _wait_for("job running", lambda: _running(store, job.id), first, log)
        os.kill(first.pid, signal.SIGKILL)   # mid-read: the PDF takes seconds
        first.wait(30)
    finally:
        _kill_group(first)
    assert _running(store, job.id) and store.documents() == []   # left as it was: nothing half-stored
    second = _planwatch(log, "worker", **settings)
    try:
        _wait_for("job finished", lambda: records.get(store.engine, job.id).finished, second, log)
    finally:
        second.terminate()
        second.wait(60)
        _kill_group(second)
    _check_stored_once(store, job.id, pdf.name)
    with store.engine.connect() as conn:   # procrastinate's queue: nothing left to do, nothing in hand
        left = conn.execute(text("SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"))
        assert left.scalar() == 0
    assert "stalled" in log.read_text()   # the second worker said why it ran the job again


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_server_killed_mid_job_runs_it_again_when_started_on_sqlite(sqlite_store, tmp_path):
    pdf = plan_pdf(tmp_path / "yunxi-2024.pdf", PAGES)
    log = tmp_path / "server.log"
    store, sqlite_url = sqlite_store, sqlite_store.url
    accounts = Accounts(store)
    accounts.add_user("robot", "a long enough password", "reviewer", by="test")
    _, secret = accounts.add_token("robot", "crash test", by="test")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"

    def serve() -> subprocess.Popen:
        server = _planwatch(log, "serve", "--db", sqlite_url, "--port", str(port), "--log-level", "warning")
        _wait_for("server", lambda: _answers(base), server, log, seconds=60)
        return server

    first = serve()
    try:
        sent = httpx.post(base + "/api/documents", files={"file": (pdf.name, pdf.read_bytes())},
                          headers={"Authorization": f"Bearer {secret}"}, timeout=60)
        assert sent.status_code == 202, sent.text
        job_id = sent.json()["job"]["id"]
        _wait_for("job running", lambda: _running(store, job_id), first, log)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    finally:
        _kill_group(first)
    assert _running(store, job_id) and store.documents() == []
    second = serve()   # its start queues the job again
    try:
        _wait_for("job finished", lambda: records.get(store.engine, job_id).finished, second, log)
    finally:
        second.terminate()
        second.wait(60)
        _kill_group(second)
    _check_stored_once(store, job_id, pdf.name)


def _answers(base: str) -> bool:
    try:
        return httpx.get(base + "/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
