"""The job queue on both databases: an upload queued, run by a worker (SQLite: this
process's thread; PostgreSQL: a procrastinate worker run here until the queue is empty),
done with its document, or failed with the reason and nothing stored lost."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.documents.loaders import load_bytes
from planwatch.extract import extract
from planwatch.jobs import JobQueue, records, run_job
from planwatch.store.models import JobRow
from planwatch.store.search import SearchIndex

REPORT = "白沙县2025年政府工作报告\n全年地区生产总值增长5.5%，一般公共预算收入增长4%。\n"


def _finished(queue: JobQueue, job_id: int) -> records.Job:
    deadline = time.monotonic() + 300   # a bound on waiting: the assertions are on the job
    while True:
        queue.drain()
        job = queue.get(job_id)
        if job.finished or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def _content(store, job_id: int) -> bytes | None:
    with store.engine.connect() as conn:
        return conn.execute(select(JobRow.content).where(JobRow.id == job_id)).scalar()


def test_a_queued_upload_is_read_stored_and_indexed_by_its_job(store):
    queue = JobQueue(store)
    job = queue.submit_ingest("白沙县2025年报告.txt", REPORT.encode("gb18030"), "张三")
    assert (job.status, job.attempts, job.document_id) == ("queued", 0, None)
    done = _finished(queue, job.id)
    assert (done.status, done.attempts, done.added, done.error) == ("done", 1, True, None)
    [document] = store.documents()
    assert done.document_id == document.id and document.name == "白沙县2025年报告.txt"
    assert {f.fact.indicator for f in store.facts()} >= {"地区生产总值"}
    assert store.audit_entries(object_kind="document")[0].user == "张三"
    assert _content(store, job.id) is None   # the bytes are the document's now, kept once
    assert SearchIndex(store.engine).documents("白沙县", 10) == [document.id]   # indexed by the job


def test_a_bad_file_fails_its_job_with_the_reason_and_loses_nothing(store):
    queue = JobQueue(store)
    kept = _finished(queue, queue.submit_ingest("kept.txt", REPORT.encode(), "张三").id)
    binary = _finished(queue, queue.submit_ingest("图表.txt", b"GIF89a\x00\x01\x00", "张三").id)
    empty = _finished(queue, queue.submit_ingest("空白.txt", b"", "张三").id)
    assert (binary.status, binary.error_kind, binary.error) == ("failed", "unsupported", "a GIF image, not a document")
    assert (empty.status, empty.error_kind, empty.error) == ("failed", "empty", "the file is empty (0 bytes)")
    assert [d.id for d in store.documents()] == [kept.document_id]
    assert binary.document_id is None and _content(store, binary.id) is None


def test_a_finished_job_is_not_run_again(store):
    queue = JobQueue(store)
    done = _finished(queue, queue.submit_ingest("once.txt", REPORT.encode(), None).id)
    assert run_job(store, done.id) is None
    again = queue.get(done.id)
    assert (again.status, again.attempts, again.finished_at) == ("done", 1, done.finished_at)
    assert len(store.documents()) == 1


def test_the_same_bytes_uploaded_twice_are_one_document(store):
    queue = JobQueue(store)
    first = _finished(queue, queue.submit_ingest("a.txt", REPORT.encode(), None).id)
    second = _finished(queue, queue.submit_ingest("b.txt", REPORT.encode(), None).id)
    assert second.status == "done" and second.added is False and second.document_id == first.document_id


def test_the_worker_command_says_the_server_runs_the_jobs_on_sqlite(sqlite_url):
    result = CliRunner().invoke(app, ["worker", "--db", sqlite_url])
    assert result.exit_code == 1 and "planwatch serve" in result.stderr and "PostgreSQL" in result.stderr


def test_the_worker_command_runs_the_queue_on_postgresql(pg_store):
    job = JobQueue(pg_store).submit_ingest("queued.txt", REPORT.encode(), None)
    result = CliRunner().invoke(app, ["worker", "--once", "--db", pg_store.url])
    assert result.exit_code == 0, result.output
    assert records.get(pg_store.engine, job.id).status == "done" and len(pg_store.documents()) == 1


def test_a_stored_document_is_extracted_again_by_a_job_with_its_decisions_kept(store):
    # stored as an older extractor left it: its file kept, one fact found (a person confirmed it), the rest missed
    raw = REPORT.encode()
    document = load_bytes(Path("白沙县2025年报告.txt"), raw)
    found = [f for f in extract(document) if f.indicator == "地区生产总值"]
    stored, _ = store.add_document(document, found)
    [confirmed] = store.facts()
    store.confirm(confirmed.id, actor="李审核")
    queue = JobQueue(store)
    job = queue.submit_reextract(stored.id, stored.name, "张三")
    assert (job.kind, job.status, job.document_id) == ("reextract", "queued", stored.id)
    done = _finished(queue, job.id)
    assert (done.status, done.document_id, done.added, done.error) == ("done", stored.id, False, None)
    facts = {f.fact.indicator: f for f in store.facts()}
    assert set(facts) > {"地区生产总值"} and facts["地区生产总值"].review == "confirmed"
    assert [(e.user, e.object_id) for e in store.audit_entries(object_kind="document")
            if e.action == "document.reextract"] == [("张三", str(stored.id))]


def test_a_document_without_a_file_fails_its_re_extraction_with_the_reason(store):
    stored, _ = store.add_document(replace(load_bytes(Path("无原文.txt"), REPORT.encode()), original=None), [])
    queue = JobQueue(store)
    failed = _finished(queue, queue.submit_reextract(stored.id, stored.name, "张三").id)
    assert (failed.status, failed.error_kind) == ("failed", "store") and "not kept" in failed.error
