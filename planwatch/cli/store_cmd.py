"""`planwatch ingest PATH...`, `planwatch facts`, `planwatch documents`: the store from the shell."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..model import MEASURES, ROLES
from .root import app
from .common import DB_OPTION, FORMAT_OPTION, REGION_OPTION, err, escape, open_store
from .output import Format, emit

if TYPE_CHECKING:
    from ..store import IngestReport, IngestStep

# Choices from the fact contract, so a misspelt role is refused instead of matching nothing.
Role = enum.Enum("Role", {name: name for name in ROLES}, type=str)
Measure = enum.Enum("Measure", {name: name for name in MEASURES}, type=str)

FACT_COLUMNS = ("doc", "region", "indicator", "role", "period", "measure", "value", "upper", "unit",
                "comparator", "text", "estimated", "stretch", "cumulative", "start", "end", "source")
FACT_TABLE_COLUMNS = ("doc", "indicator", "role", "period", "measure", "comparator", "value", "upper", "unit", "text")
DOCUMENT_COLUMNS = ("id", "name", "version", "region", "doc_type", "date", "title", "fact_count")



@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Files and folders (read recursively) of documents."),
    db: str | None = DB_OPTION,
    reextract: bool = typer.Option(False, "--reextract", help="Read files already stored again and replace their facts (after the extractor improved)."),
):
    """Store the documents of PATHS and their facts; unchanged files add nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with open_store(db, create=True) as store, Progress(TextColumn("{task.description}"), BarColumn(),
                                                        MofNCompleteColumn(), TimeElapsedColumn(), console=err.console,
                                                        transient=True) as progress:
        task = progress.add_task("ingest", total=None)

        def show(step: IngestStep) -> None:
            progress.update(task, total=step.total, completed=step.done, description=Path(step.path).name)
            if step.outcome == "failed":
                progress.console.print(f"[red]error[/red] {escape(step.path)}: {escape(step.reason or '')}",
                                       highlight=False, soft_wrap=True)

        report = store.ingest(paths, on_progress=show, reextract=reextract)
    _print_summary(_summary(report) + (f", refreshed {report.refreshed}" if reextract or report.refreshed else ""))
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(warning)}", highlight=False, soft_wrap=True)
    if report.failures or report.warnings:
        raise typer.Exit(1)


def _print_summary(line: str) -> None:
    """On standard output; on standard error when that cannot be written (a full disk)."""
    try:
        typer.echo(line)
    except OSError as exc:
        err.print(f"{escape(line)}  (standard output failed: {exc.strerror or exc})", highlight=False, soft_wrap=True)


def _summary(report: IngestReport) -> str:
    return (f"documents {report.documents}, new versions {report.versions}, unchanged {report.unchanged}, "
            f"facts {report.facts}, failures {len(report.failures)}")


@app.command("facts")
def facts_command(
    db: str | None = DB_OPTION,
    region: str | None = REGION_OPTION,
    indicator: str | None = typer.Option(None, "--indicator", help="Only this indicator's standard name."),
    period: str | None = typer.Option(None, "--period", help="Only this period (2024, 2017H1, 2021-2025 ...)."),
    role: Role | None = typer.Option(None, "--role", help="target, actual or baseline."),
    measure: Measure | None = typer.Option(None, "--measure", help="level, growth or change."),
    fmt: Format = FORMAT_OPTION,
):
    """Print stored facts of the latest document versions."""
    with open_store(db) as store:
        facts = store.facts(region=region, indicator=indicator, period=period,
                            role=role and role.value, measure=measure and measure.value)
    columns = {Format.jsonl: None, Format.csv: FACT_COLUMNS, Format.table: FACT_TABLE_COLUMNS}[fmt]
    emit((fact.to_dict() for fact in facts), fmt, columns)


@app.command("documents")
def documents_command(
    db: str | None = DB_OPTION,
    region: str | None = REGION_OPTION,
    fmt: Format = FORMAT_OPTION,
):
    """List the latest version of each stored document."""
    with open_store(db) as store:
        documents = store.documents(region=region)
    emit(({column: getattr(doc, column) for column in DOCUMENT_COLUMNS} for doc in documents), fmt, DOCUMENT_COLUMNS)
