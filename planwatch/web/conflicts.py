"""Settling what a re-extraction disagrees with, and withdrawing a decision (reviewers).

Each is one Store call under the reviewer's name, audited in the same transaction. Scripts
post JSON; the review desk's and the fact page's buttons post forms to the `/form` twins,
which answer with a redirect back to the page (the review desk or the fact's page)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict

from ..accounts import User
from .pages import MAX_ID
from .render import json_response
from .review import REVIEWER
from .security import plain_parameters

router = APIRouter(dependencies=[Depends(plain_parameters)])
DecisionId = Annotated[int, Path(ge=1, le=MAX_ID)]
Keep = Literal["decision", "extraction"]
What = Literal["fact", "commitment"]   # decisions on facts and on commitments are numbered apart
BACK = re.compile(r"/review|/facts/\d{1,12}")   # where a form may send the reviewer back: our pages only


class Settle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: Keep
    what: What = "fact"


class Withdraw(BaseModel):
    model_config = ConfigDict(extra="forbid")
    what: What = "fact"


@router.post("/review/decisions/{decision_id}/settle",
             summary="处理审核冲突:保留人工决定(decision)或采用新的提取结果(extraction,决定随之撤销)(审核员)")
async def settle(request: Request, decision_id: DecisionId, body: Settle, user: User = REVIEWER):
    decision = await run_in_threadpool(request.app.state.store.settle_conflict, decision_id, body.keep, user.name,
                                       body.what)
    return json_response({"ok": True, "decision": decision.to_dict()})


@router.post("/review/decisions/{decision_id}/withdraw",
             summary="撤销一项人工决定:数据恢复为提取结果、未审核(驳回的恢复,人工补录的删除)(审核员)")
async def withdraw(request: Request, decision_id: DecisionId, body: Withdraw | None = None,
                   user: User = REVIEWER):
    decision = await run_in_threadpool(request.app.state.store.withdraw, decision_id, user.name,
                                       body.what if body else "fact")
    return json_response({"ok": True, "decision": decision.to_dict()})


@router.post("/review/decisions/{decision_id}/settle/form", include_in_schema=False)
async def settle_form(request: Request, decision_id: DecisionId, keep: Keep = Form(...), back: str = Form("/review"),
                      what: What = Form("fact"), user: User = REVIEWER):
    await run_in_threadpool(request.app.state.store.settle_conflict, decision_id, keep, user.name, what)
    return _back(back)


@router.post("/review/decisions/{decision_id}/withdraw/form", include_in_schema=False)
async def withdraw_form(request: Request, decision_id: DecisionId, back: str = Form("/review"),
                        what: What = Form("fact"), user: User = REVIEWER):
    await run_in_threadpool(request.app.state.store.withdraw, decision_id, user.name, what)
    return _back(back)


def _back(back: str) -> RedirectResponse:
    return RedirectResponse(back if BACK.fullmatch(back) else "/review", status_code=303)
