"""`planwatch commitments`, `planwatch projects`: promised tasks and projects followed to
the reports that answer them, and each named project's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from .root import app
from .common import DB_OPTION, FORMAT_OPTION, REGION_OPTION, open_store
from .output import Format, emit_each

if TYPE_CHECKING:
    from ..evaluate import Link, Project

COMMITMENT_COLUMNS = ("region", "period", "kind", "area", "stage", "object", "target", "status", "label", "answer",
                      "reason", "doc", "start", "end", "answer_doc", "answer_start", "answer_end")
PROJECT_COLUMNS = ("region", "name", "phase", "years", "investment", "mentions", "documents")


def _commitment_row(link: Link) -> dict:
    from ..evaluate.areas import area
    from ..evaluate.commitments import stated

    target, best = link.target, (link.answers[0].record if link.answers else None)
    c = target.commitment
    return {"region": target.region, "period": c.period, "kind": c.kind, "area": area(c), "stage": c.stage,
            "object": c.object,
            "target": stated(c, with_object=False), "status": link.status, "label": link.label,
            "answer": stated(best.commitment, with_object=False) if best else "", "reason": link.reason, "doc": target.doc,
            "start": c.start, "end": c.end, "answer_doc": best.doc if best else "",
            "answer_start": best.commitment.start if best else "", "answer_end": best.commitment.end if best else ""}


def _project_row(project: Project) -> dict:
    from ..evaluate.wording import number

    return {"region": project.region, "name": project.name, "phase": project.phase,
            "years": "；".join(project.years), "investment": "；".join(f"{number(v)}亿元" for v in project.investment),
            "mentions": len(project.mentions),
            "documents": "；".join(dict.fromkeys(m.record.doc for m in project.mentions))}


@app.command("commitments")
def commitments_command(
    db: str | None = DB_OPTION, region: str | None = REGION_OPTION,
    period: str | None = typer.Option(None, "--period", help="Only promises for this period (2024 ...)."),
    status: str | None = typer.Option(None, "--status", help="exceeded, done, partly, in_progress, reported or "
                                                             "not_reported."),
    fmt: Format = FORMAT_OPTION,
):
    """Each promised task or project with its status and the later reports that answer it
    (jsonl: the promise with every answer; csv and table: the best answer)."""
    from ..evaluate import follow

    with open_store(db) as store:
        found = follow(store, region=region, period=period, status=status)
    emit_each(found, fmt, _commitment_row, COMMITMENT_COLUMNS)


@app.command("projects")
def projects_command(db: str | None = DB_OPTION, region: str | None = REGION_OPTION, fmt: Format = FORMAT_OPTION):
    """Named projects, each with every mention across documents and years (planned, started,
    under way, finished, investment)."""
    from ..evaluate import project_records

    with open_store(db) as store:
        found = project_records(store, region=region)
    emit_each(found, fmt, _project_row, PROJECT_COLUMNS)
