"""PostgreSQL's queue: procrastinate (its schema installed by migration 0009).

The jobs table holds what the pages show; procrastinate's queue hands each job to one
worker, `planwatch worker`, of which any number may run on any machines reaching the
database. Each worker sends procrastinate a heartbeat every third of
`job_stalled_seconds`; a job whose worker has sent none for `job_stalled_seconds` (it
was killed, or its machine stopped) is stalled, and every worker looks for stalled
jobs as it starts and then every half of that time, and queues them again (procrastinate's
`get_stalled_jobs` and `retry_job`). Running a job again is safe (run.py).
"""

from __future__ import annotations

import asyncio
import logging

import procrastinate

from .. import settings
from ..store import Store
from ..store.engine import database_url
from .run import run_job

log = logging.getLogger(__name__)

QUEUE = "planwatch"
INGEST_TASK = "planwatch.ingest"


def conninfo(url: str) -> str:
    """The store's URL as psycopg takes it."""
    return database_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def queue_app(store: Store) -> procrastinate.App:
    """A procrastinate App over the store's database whose task runs jobs on `store`."""
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo(store.url),
                                                                     min_size=1, max_size=4))

    @app.task(name=INGEST_TASK, queue=QUEUE)
    def ingest(job_id: int) -> None:
        run_job(store, job_id)

    return app


def defer(store: Store, job_id: int) -> None:
    """Queue the job for a worker (a connection for this one call: uploads are rare)."""
    app = queue_app(store)
    with app.open():
        app.tasks[INGEST_TASK].defer(job_id=job_id)


def work(store: Store, once: bool = False) -> None:
    """Run the jobs of the queue until stopped (Ctrl+C, SIGTERM); with `once`, until it is empty."""
    asyncio.run(_work(queue_app(store), once))


async def _work(app: procrastinate.App, once: bool) -> None:
    stalled = settings.get_float("job_stalled_seconds")
    async with app.open_async():
        await _retry_stalled(app, stalled)
        sweeper = None if once else asyncio.create_task(_sweep(app, stalled))
        try:
            await app.run_worker_async(queues=[QUEUE], concurrency=1, wait=not once, delete_jobs="successful",
                                       update_heartbeat_interval=stalled / 3, stalled_worker_timeout=stalled,
                                       install_signal_handlers=not once)
        finally:
            if sweeper is not None:
                sweeper.cancel()


async def _sweep(app: procrastinate.App, stalled: float) -> None:
    while True:
        await asyncio.sleep(stalled / 2)
        try:
            await _retry_stalled(app, stalled)
        except procrastinate.exceptions.ConnectorException as exc:   # the database is back at the next sweep
            log.warning("could not look for stalled jobs: %s", exc)


async def _retry_stalled(app: procrastinate.App, stalled: float) -> None:
    for job in await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled):
        log.warning("job %s was stalled (its worker stopped sending heartbeats): queued again", job.id)
        await app.job_manager.retry_job(job)
