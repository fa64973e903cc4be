"""`planwatch worker`: runs the background jobs (uploads to read and store) of a PostgreSQL
queue. Start any number, on any machines that reach the database; on SQLite the server
runs its own."""

from __future__ import annotations

import typer

from ..errors import SettingsError
from .root import app
from .common import DB_OPTION, err, escape, fail, open_store

SQLITE_WORKER = ("on SQLite the server runs the jobs itself: `planwatch serve` reads uploads with no other "
                 "command; `planwatch worker` is for PostgreSQL (--db or PLANWATCH_DATABASE_URL "
                 "postgresql://user@host:port/db)")


@app.command("worker")
def worker_command(
    db: str | None = DB_OPTION,
    once: bool = typer.Option(False, "--once", help="Stop when the queue is empty instead of waiting for more."),
):
    """Run the background jobs of the PostgreSQL queue (uploads from the dashboard and the API) until stopped."""
    from ..jobs.postgres import work

    with open_store(db, create=True) as store:
        if store.engine.dialect.name != "postgresql":
            fail(SettingsError(SQLITE_WORKER))
        where = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
        err.print(f"worker on {escape(where)}: " + ("running the queued jobs" if once else
                  "waiting for jobs (Ctrl+C stops; a job it was running is run again by another worker)"),
                  highlight=False)
        work(store, once)
