"""`planwatch extract FILE...`: facts or commitments straight from files, no database."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from ..errors import PlanwatchError
from .root import app
from .common import err, escape
from .output import Format, emit


COLUMNS = ("doc", "indicator", "role", "period", "measure", "value", "unit", "comparator", "text",
           "estimated", "stretch", "cumulative", "start", "end")
COMMITMENT_COLUMNS = ("doc", "kind", "role", "period", "object", "stage", "action", "value", "unit", "comparator",
                      "money", "names", "responsible", "start", "end")


class What(str, enum.Enum):
    facts = "facts"
    commitments = "commitments"
    all = "all"


@app.command("extract")
def extract_command(
    files: list[Path] = typer.Argument(..., help="Documents to read (text, HTML, DOCX, PDF)."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (the spec's JSON Lines), csv or table."),
    what: What = typer.Option(What.facts, "--what", "-w",
                              help="facts (main indicators), commitments (tasks and projects) or all (both, "
                                   "each record with its `record` type)."),
):
    """Print the indicator facts (or the commitments) of FILES, each with its evidence offsets."""
    from ..documents import load
    from ..extract import extract, extract_all

    records, failed = [], 0
    for path in files:
        try:
            document = load(path)
        except PlanwatchError as exc:
            err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
            failed += 1
            continue
        if what is What.facts:
            records.extend(fact.to_dict(document.name) for fact in extract(document))
            continue
        facts, commitments = extract_all(document)
        if what is What.all:
            records.extend({"record": "fact", **fact.to_dict(document.name)} for fact in facts)
            records.extend({"record": "commitment", **c.to_dict(document.name)} for c in commitments)
        else:
            records.extend(c.to_dict(document.name) for c in commitments)
    columns = {What.facts: COLUMNS, What.commitments: COMMITMENT_COLUMNS, What.all: None}[what]
    emit(records, fmt, columns if fmt is not Format.jsonl else None)
    if failed:
        raise typer.Exit(1)
