"""`planwatch serve`: the dashboard and JSON API over a database, in one or several processes."""

from __future__ import annotations

import os
from enum import Enum

import typer

from .. import settings
from ..errors import SettingsError
from .root import app
from .common import DB_OPTION, err, fail, open_store

SQLITE_ONE_WORKER = ("--workers {n} needs PostgreSQL: SQLite lets one process write at a time, so "
                     "worker processes would queue behind each other's uploads and fail past the "
                     "lock timeout; serve SQLite with one worker, or set PLANWATCH_DATABASE_URL "
                     "(or --db) to postgresql://user@host:port/db")


class LogLevel(str, Enum):
    debug = "debug"
    info = "info"
    warning = "warning"
    error = "error"


@app.command("serve")
def serve_command(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Writing needs a login (planwatch users add NAME --role reviewer)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="Server processes (PostgreSQL only; each keeps its own database pool and page cache)."),
    log_level: LogLevel = typer.Option(LogLevel.info, "--log-level",
                                       help="info logs every request (the access log); warning does not."),
):
    """Serve the dashboard (Chinese first, ?lang=en for English), its JSON API (/docs) and /healthz."""
    import uvicorn

    from ..web.serving import allowed_hosts, log_config   # and FastAPI, only for this command

    with open_store(db, create=True) as store:   # an empty dashboard takes uploads; migrated once, here
        url, backend = store.url, store.engine.dialect.name
        if workers > 1 and backend == "sqlite":
            fail(SettingsError(SQLITE_ONE_WORKER.format(n=workers)))
        if backend == "postgresql":
            _check_connections(store, workers)
            err.print("[yellow]note[/yellow] uploads are queued as jobs for `planwatch worker` (same --db): "
                      "start one or more beside the server", highlight=False)
    if host in ("0.0.0.0", "::") and settings.env("allowed_hosts") not in os.environ:
        err.print(f"[yellow]note[/yellow] listening on every address, but answering only to "
                  f"{settings.get('allowed_hosts')}: set PLANWATCH_ALLOWED_HOSTS to the names clients use",
                  highlight=False)
    # The worker processes read their settings from the environment they inherit.
    os.environ[settings.env("database_url")] = url
    os.environ[settings.env("allowed_hosts")] = ",".join(allowed_hosts(host))
    uvicorn.run("planwatch.web.serving:from_settings", factory=True, host=host, port=port, workers=workers,
                http="planwatch.web.serving:NoDelayH11Protocol",
                log_config=log_config(log_level.value), log_level=log_level.value, access_log=False)


def _check_connections(store, workers: int) -> None:
    """Warn when the pools could ask PostgreSQL for more connections than it allows: the
    requests past its limit would fail under load, long after the start."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        allowed = int(conn.execute(text("SHOW max_connections")).scalar())
    wanted = workers * (settings.get_int("db_pool_size") + settings.get_int("db_max_overflow"))
    if wanted > allowed:
        err.print(f"[yellow]warning[/yellow] {workers} workers may open {wanted} database connections, "
                  f"PostgreSQL allows {allowed} (max_connections): lower PLANWATCH_DB_POOL_SIZE and "
                  "PLANWATCH_DB_MAX_OVERFLOW, or the workers", highlight=False)
