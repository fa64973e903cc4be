"""`planwatch serve`: the dashboard and JSON API over a database."""

from __future__ import annotations

import typer
import uvicorn
from rich.console import Console

from ..errors import PlanwatchError
from ..store import Store
from . import app

_err = Console(stderr=True)


@app.command("serve")
def serve_command(
    db: str = typer.Option(None, "--db", help="Database URL (default: PLANWATCH_DATABASE_URL or sqlite:///planwatch.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; uploads are accepted from localhost only."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
):
    """Serve the dashboard (Chinese first, ?lang=en for English) and its JSON API (/docs)."""
    from ..web import create_app   # FastAPI and templates load only for this command

    try:
        store = Store(db)
    except PlanwatchError as exc:
        _err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None
    with store:
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")
