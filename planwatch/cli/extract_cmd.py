"""`planwatch extract FILE...`: facts straight from files, no database."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from ..errors import PlanwatchError
from . import app
from .output import Format, emit

_err = Console(stderr=True)

COLUMNS = ("doc", "indicator", "role", "period", "measure", "value", "unit", "comparator", "text",
           "estimated", "stretch", "cumulative", "start", "end")


@app.command("extract")
def extract_command(
    files: list[Path] = typer.Argument(..., help="Documents to read (text, HTML, DOCX, PDF)."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (the spec's JSON Lines), csv or table."),
):
    """Print the indicator facts of FILES, each with its evidence offsets."""
    from ..documents import load
    from ..extract import extract

    records, failed = [], 0
    for path in files:
        try:
            document = load(path)
        except PlanwatchError as exc:
            _err.print(f"[red]error[/red] {exc}", highlight=False)
            failed += 1
            continue
        records.extend(fact.to_dict(document.name) for fact in extract(document))
    emit(records, fmt, COLUMNS if fmt is not Format.jsonl else None)
    if failed:
        raise typer.Exit(1)
