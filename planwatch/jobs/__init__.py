"""Background jobs: an upload is queued and returns at once; a worker reads and stores it.

    queue = JobQueue(store)
    job = queue.submit_ingest("2024年报告.docx", raw_bytes, user="张三")   # status "queued"
    queue.get(job.id)                                                    # running, done or failed
    queue.submit_reextract(document_id, name, user="张三")               # a stored document read again

The job's row (records.py) keeps its bytes, stage and outcome on both databases. On
SQLite the server's own thread runs the jobs (local.py); on PostgreSQL procrastinate's
queue hands them to `planwatch worker` processes on any machines (postgres.py). Either
way a job is run by run.py, and running it again after a crash stores its document once.
"""

from __future__ import annotations

from ..errors import PlanwatchError
from ..store import Store
from . import records
from .records import Job
from .run import INGEST, REEXTRACT, run_job

__all__ = ["Job", "JobQueue", "run_job"]


class JobQueue:
    def __init__(self, store: Store):
        self.store = store
        self.postgres = store.engine.dialect.name == "postgresql"
        self._local = None
        if not self.postgres:
            from .local import LocalWorker

            self._local = LocalWorker(store)

    def resume(self) -> None:
        """At the server's start on SQLite: run what a stopped server left queued or running."""
        if self._local is not None:
            self._local.resume()

    def submit_ingest(self, name: str, content: bytes, user: str | None) -> Job:
        return self._queued(records.create(self.store.engine, INGEST, name, content, user))

    def submit_reextract(self, document_id: int, name: str, user: str | None) -> Job:
        """A stored document to extract again from its original file (after the extractor improved)."""
        return self._queued(records.create(self.store.engine, REEXTRACT, name, None, user, document_id))

    def _queued(self, job: Job) -> Job:
        if self._local is not None:
            self._local.wake()
            return job
        from .postgres import defer

        try:
            defer(self.store, job.id)
        except Exception as exc:   # procrastinate's errors, the database's: the job says what went wrong
            records.fail(self.store.engine, job.id, "store", f"could not be queued: {exc}")
            raise PlanwatchError(f"{job.name}: could not be queued: {exc}") from exc
        return job

    def get(self, job_id: int) -> Job | None:
        return records.get(self.store.engine, job_id)

    def recent(self, limit: int = 20) -> list[Job]:
        return records.recent(self.store.engine, limit)

    def join(self, timeout: float | None = None) -> None:
        """SQLite: wait for this process's thread to run the queued jobs."""
        if self._local is not None:
            self._local.join(timeout)

    def drain(self) -> None:
        """Run the queued jobs in this process until none is left (PostgreSQL: one
        procrastinate worker that stops when the queue is empty; SQLite: the server's thread)."""
        if self._local is not None:
            self._local.wake()
            return
        from .postgres import work

        work(self.store, once=True)
