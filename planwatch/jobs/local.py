"""SQLite's queue: a thread of the server process runs the queued jobs, one at a time.

SQLite is served by one process (`planwatch serve` refuses --workers there), so that
process is the only worker and needs no extra command: its thread starts when a job is
queued and ends when none is left. A server that was killed mid-job left that job
running; the next server's start queues it again (`resume`), and running it again is
safe (run.py).
"""

from __future__ import annotations

import logging
import threading

from ..store import Store
from . import records
from .run import run_job

log = logging.getLogger(__name__)


class LocalWorker:
    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def resume(self) -> None:
        """At the server's start: the jobs a stopped server left running, queued again and run."""
        if records.requeue_running(self.store.engine):
            log.warning("jobs left running by a stopped server are queued again")
        self.wake()

    def wake(self) -> None:
        """Run the queued jobs, in the thread if it is running, else in a new one."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._drain, name="planwatch-jobs", daemon=True)
                self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the queued jobs to be run (a stopping server; a test's end)."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _drain(self) -> None:
        try:
            while True:
                with self._lock:   # a job queued after this finds no thread, and starts one
                    job_id = records.next_queued(self.store.engine)
                    if job_id is None:
                        self._thread = None
                        return
                run_job(self.store, job_id)
        except Exception:   # the database went away: the jobs stay queued for the next wake
            log.exception("the job worker stopped")
            with self._lock:
                self._thread = None
