"""`planwatch serve`: the dashboard and JSON API over a database."""

from __future__ import annotations

import typer
import uvicorn

from ..errors import PlanwatchError
from . import app
from .store_cmd import DB_OPTION, _fail, _open


@app.command("serve")
def serve_command(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; uploads are accepted from localhost only."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
):
    """Serve the dashboard (Chinese first, ?lang=en for English) and its JSON API (/docs)."""
    from ..web import create_app   # FastAPI and the templates load only for this command

    with _open(db) as store:
        try:
            dashboard = create_app(store)
        except PlanwatchError as exc:
            _fail(exc)
        uvicorn.run(dashboard, host=host, port=port, log_level="info")
