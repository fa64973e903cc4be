"""`planwatch serve`: the dashboard and JSON API over a database."""

from __future__ import annotations

import typer

from . import app
from .common import DB_OPTION, open_store


@app.command("serve")
def serve_command(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. Writing needs a login (planwatch users add NAME --role reviewer)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
):
    """Serve the dashboard (Chinese first, ?lang=en for English) and its JSON API (/docs)."""
    import uvicorn

    from ..web import create_app   # FastAPI and the templates load only for this command

    with open_store(db, create=True) as store:   # an empty dashboard takes uploads
        dashboard = create_app(store)
        uvicorn.run(dashboard, host=host, port=port, log_level="info")
