"""The audit log for the plan office: every change, who made it, before and after.

Reviewers and admins read it at /audit (its JSON twin /audit.json, the table as
/audit.csv or .xlsx), narrowed to one kind of object, one object or one user.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool

from .auth import require_role
from .render import respond

router = APIRouter()
COLUMNS = ["at", "user", "action", "object_kind", "object_id", "before", "after"]


@router.get("/audit", summary="审计日志:每次修改的操作人、时间、修改前后(审核员及以上)",
            dependencies=[Depends(require_role("reviewer"))])
async def audit_log(request: Request, kind: str | None = None, object_id: str | None = Query(None, alias="object"),
                    user: str | None = None, limit: int = Query(500, ge=1, le=10_000)):
    entries = await run_in_threadpool(request.app.state.store.audit_entries, kind, object_id, user, limit)
    rows = [_row(entry.to_dict()) for entry in entries]
    view = {"filters": {"kind": kind, "object": object_id, "user": user, "limit": limit}, "entries": rows,
            "tables": [{"name": "audit", "columns": COLUMNS, "rows": rows}], "filename": "planwatch-audit"}
    return respond(request, "audit.html", view)


def _row(entry: dict) -> dict:
    """Before and after as JSON text: one cell each in a spreadsheet, readable on the page."""
    return entry | {key: None if entry[key] is None else json.dumps(entry[key], ensure_ascii=False, sort_keys=True)
                    for key in ("before", "after")}
