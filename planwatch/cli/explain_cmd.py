"""`planwatch explain FILE`: each fact with why it is a target or a result and why that period."""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer

from ..errors import PlanwatchError
from .root import app
from .common import fail
from .output import Format, emit


class ExplainFormat(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"


@app.command("explain")
def explain_command(
    file: Path = typer.Argument(..., help="A document (text, HTML, DOCX, PDF)."),
    fmt: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f",
                                      help="text (one block per fact) or jsonl (each fact's record with its `why`)."),
):
    """Print each fact of FILE with the rule and the words that decided its role and its period."""
    from ..documents import load
    from ..extract.explain import explain

    try:
        document = load(file)
    except PlanwatchError as exc:
        fail(exc)
    explained = explain(document)
    if fmt is ExplainFormat.jsonl:
        emit((e.to_dict(document.name) for e in explained), Format.jsonl)
        return
    for item in explained:
        sys.stdout.write("\n".join(item.lines()) + "\n\n")
