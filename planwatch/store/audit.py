"""The audit log: who changed what, when, with the object before and after.

Append-only: `record` adds an entry inside the caller's write transaction, so a
change and its entry are committed together or not at all; `entries` reads them.
There is no update or delete here, and the database refuses both (0005's triggers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .models import AuditRow


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user: str | None          # None: done by the system, not by a person
    action: str               # e.g. "user.add", "token.revoke", "fact.correct"
    object_kind: str          # e.g. "user", "token", "fact"
    object_id: str | None
    before: dict | None
    after: dict | None

    def to_dict(self) -> dict:
        return {"id": self.id, "at": self.at.isoformat(), "user": self.user, "action": self.action,
                "object_kind": self.object_kind, "object_id": self.object_id, "before": self.before,
                "after": self.after}


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: every moment planwatch stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def record(session: Session, user: str | None, action: str, object_kind: str, object_id: object = None,
           before: dict | None = None, after: dict | None = None) -> None:
    session.execute(insert(AuditRow).values(
        at=datetime.now(timezone.utc), user_name=user, action=action, object_kind=object_kind,
        object_id=None if object_id is None else str(object_id), before=before, after=after))


def entries(session: Session, object_kind: str | None = None, object_id: object = None,
            user: str | None = None, limit: int | None = None) -> list[AuditEntry]:
    """Newest first."""
    query = select(AuditRow).order_by(AuditRow.id.desc())
    filters = {AuditRow.object_kind: object_kind, AuditRow.user_name: user,
               AuditRow.object_id: None if object_id is None else str(object_id)}
    for column, wanted in filters.items():
        if wanted is not None:
            query = query.where(column == wanted)
    if limit is not None:
        query = query.limit(limit)
    return [AuditEntry(row.id, utc(row.at), row.user_name, row.action, row.object_kind, row.object_id,
                       row.before, row.after) for row in session.scalars(query)]
