"""The jobs table's reads and writes: what the web pages show and what a worker records.

A job's row is its whole story, whichever queue ran it: queued, running (with its stage
and attempt), done (with its document) or failed (with what failed and why). These
writes do not raise the data version: a job's progress changes no page of stored data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, undefer

from ..store.audit import utc
from ..store.engine import writer
from ..store.models import JobRow

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FINISHED = (DONE, FAILED)
STAGES = ("reading", "storing", "indexing")


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    name: str
    user: str | None
    status: str
    stage: str | None
    attempts: int
    error_kind: str | None
    error: str | None
    document_id: int | None
    added: bool | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def step(self) -> int:
        """How far it got, of len(STAGES) + 1 steps: 0 queued, 1–3 its stages, 4 finished."""
        if self.finished:
            return len(STAGES) + 1
        return STAGES.index(self.stage) + 1 if self.stage in STAGES else 0

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "user": self.user, "status": self.status,
                "stage": self.stage, "step": self.step, "steps": len(STAGES) + 1, "attempts": self.attempts,
                "error_kind": self.error_kind, "error": self.error, "document_id": self.document_id,
                "added": self.added, "url": f"/jobs/{self.id}",
                **{k: None if v is None else v.isoformat() for k, v in
                   (("created_at", self.created_at), ("started_at", self.started_at),
                    ("finished_at", self.finished_at))}}


def _job(row: JobRow) -> Job:
    return Job(row.id, row.kind, row.name, row.user_name, row.status, row.stage, row.attempts, row.error_kind,
               row.error, row.document_id, row.added, utc(row.created_at),
               *(None if t is None else utc(t) for t in (row.started_at, row.finished_at)))


def _now() -> datetime:
    return datetime.now(timezone.utc)


@contextmanager
def _writing(engine: Engine) -> Iterator[Session]:
    with Session(writer(engine), expire_on_commit=False) as session, session.begin():
        yield session


def create(engine: Engine, kind: str, name: str, content: bytes | None, user: str | None,
           document_id: int | None = None) -> Job:
    """A queued job: an upload's bytes to ingest, or a stored document (`document_id`) to extract again."""
    with _writing(engine) as session:
        row = JobRow(kind=kind, name=name, content=content, user_name=user, status=QUEUED, attempts=0,
                     document_id=document_id, created_at=_now())
        session.add(row)
        session.flush()
        return _job(row)


def get(engine: Engine, job_id: int) -> Job | None:
    with Session(engine) as session:
        row = session.get(JobRow, job_id)
        return None if row is None else _job(row)


def recent(engine: Engine, limit: int = 20) -> list[Job]:
    with Session(engine) as session:
        return [_job(row) for row in session.scalars(select(JobRow).order_by(JobRow.id.desc()).limit(limit))]


def next_queued(engine: Engine) -> int | None:
    with Session(engine) as session:
        return session.scalar(select(JobRow.id).where(JobRow.status == QUEUED).order_by(JobRow.id).limit(1))


def start(engine: Engine, job_id: int) -> tuple[Job, bytes | None] | None:
    """Mark the job running, one attempt more (a job found running again was left so by a
    worker that died: this is its retry); its bytes. None when it is finished or unknown."""
    with _writing(engine) as session:
        row = session.get(JobRow, job_id, options=[undefer(JobRow.content)], with_for_update=True)
        if row is None or row.status in FINISHED:
            return None
        row.status, row.stage, row.attempts, row.started_at = RUNNING, STAGES[0], row.attempts + 1, _now()
        return _job(row), row.content


def stage(engine: Engine, job_id: int, name: str) -> None:
    with _writing(engine) as session:
        session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == RUNNING).values(stage=name))


def finish(engine: Engine, job_id: int, document_id: int, added: bool) -> None:
    """Done: the document it stored (or found stored, or extracted again); its bytes are the document's now."""
    with _writing(engine) as session:
        session.execute(update(JobRow).where(JobRow.id == job_id).values(
            status=DONE, stage=None, document_id=document_id, added=added, content=None, finished_at=_now()))


def fail(engine: Engine, job_id: int, kind: str, reason: str) -> None:
    """Failed: what failed and why; its bytes are dropped (nothing was stored from them)."""
    with _writing(engine) as session:
        session.execute(update(JobRow).where(JobRow.id == job_id).values(
            status=FAILED, stage=None, error_kind=kind, error=reason, content=None, finished_at=_now()))


def requeue_running(engine: Engine) -> int:
    """Jobs left running by a process that stopped mid-job, queued again; how many. Only
    for SQLite, where the one server process is the only worker: at its start, whatever
    is running was left by its predecessor."""
    with _writing(engine) as session:
        return session.execute(update(JobRow).where(JobRow.status == RUNNING)
                               .values(status=QUEUED, stage=None)).rowcount
