"""Manual entry (填报) and a fact's own page.

A reviewer enters a figure no stored document states, with its source written down: on the
region's page (a form) or as JSON (`POST /review/entries`). It becomes a fact added by hand
(store/entries.py), read everywhere like the others. `/facts/{id}` shows one fact, its
evidence or written source, and every decision made on it: who, when, what, before and after.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from pydantic import ConfigDict

from ..accounts import User
from ..documents import region_key
from .render import json_response, respond
from .review import REVIEWER, FactId, Fields, Text
from .security import plain_parameters

router = APIRouter(dependencies=[Depends(plain_parameters)])
FIELD_NAMES = ("indicator", "role", "period", "measure", "comparator", "value", "upper", "unit", "text")


class Entry(Fields):
    """A fact entered by hand: its region and its written source are required."""
    model_config = ConfigDict(extra="forbid")
    region: Text
    source: Text


@router.post("/review/entries", status_code=201,
             summary="人工填报一条文件中没有的指标数据(如统计局数据),须写明来源;与其他数据一样参与评估(审核员)")
async def enter(request: Request, body: Entry, user: User = REVIEWER):
    fields = body.model_dump(exclude_unset=True, exclude={"region", "source"})
    decision, fact_id = await run_in_threadpool(request.app.state.store.enter_fact, body.region, fields,
                                                body.source, user.name)
    return json_response({"ok": True, "fact_id": fact_id, "decision": decision.to_dict()}, status=201)


@router.post("/regions/{key}/entries", include_in_schema=False)
async def enter_form(request: Request, key: str, source: str = Form(""), estimated: bool = Form(False),
                     user: User = REVIEWER):
    """The region page's 填报 form: on success, the new fact's page."""
    form = await request.form()
    fields = {name: form.get(name) for name in FIELD_NAMES if form.get(name) not in (None, "")}
    fields["estimated"] = estimated
    _, fact_id = await run_in_threadpool(request.app.state.store.enter_fact, region_key(key) or key, fields,
                                         source, user.name)
    return RedirectResponse(f"/facts/{fact_id}", status_code=303)


HISTORY_COLUMNS = ["decided_at", "actor", "action", "before", "after"]


@router.get("/facts/{fact_id}", summary="一条指标数据:原文依据或填报来源,及其全部审核记录(何人、何时、何种操作、修改前后)")
async def fact_page(request: Request, fact_id: FactId):
    store = request.app.state.store
    stored, decisions = await run_in_threadpool(store.fact_history, fact_id)
    fact = stored.fact
    # the words the fact was read from, shown beside it (an entered fact shows its source instead)
    words = None if fact.source else await run_in_threadpool(store.passage, stored.document_id, fact.start, fact.end)
    history = [{"id": d.id, "decided_at": d.decided_at, "actor": d.actor, "action": d.action,
                "before": d.before, "after": d.after, "changed": _changed(d.before, d.after),
                "current": d.current, "conflict": d.conflict} for d in decisions]
    user = getattr(request.state, "user", None)
    if user is None or not user.can("reviewer"):   # who decided what is for the plan office, as /audit is
        history = None
    view = {"fact": stored.to_dict() | {"doc_title": stored.doc_title, "doc_date": stored.doc_date, "words": words},
            "history": history, "filename": f"planwatch-fact-{fact_id}",
            "tables": [{"name": "history", "columns": HISTORY_COLUMNS,
                        "rows": [{k: h[k] for k in HISTORY_COLUMNS} for h in history or []]}]}
    return respond(request, "fact.html", view)


def _changed(before: dict | None, after: dict | None) -> list[dict]:
    """The fields a decision changed, each with its value before and after."""
    if before is None or after is None:
        return []
    shown = ("indicator", "role", "period", "measure", "comparator", "value", "upper", "unit", "text",
             "estimated", "stretch", "cumulative", "source")
    return [{"field": name, "before": before.get(name), "after": after.get(name)}
            for name in shown if before.get(name) != after.get(name)]
