"""The review API's read routes: the queue with its progress, and the conflicts to settle.

The write routes (confirm, correct, reject, add, settle) are each one Store call
(Store.confirm ...) and come with accounts and CSRF protection."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from .pages import MAX_ID
from .render import json_response
from .security import plain_parameters

router = APIRouter(dependencies=[Depends(plain_parameters)])


@router.get("/review/queue", summary="待审核队列(JSON):未审核的指标数据,置信度最低者优先,附各文件与地区的审核进度")
def queue(request: Request, region: str | None = None, document: int | None = Query(None, ge=1, le=MAX_ID),
          indicator: str | None = None, limit: int = Query(50, ge=1, le=1000)):
    found = request.app.state.store.review_queue(region=region, document_id=document, indicator=indicator,
                                                 limit=limit)
    return json_response(found.to_dict())


@router.get("/review/conflicts", summary="审核冲突(JSON):重新提取后与人工决定不一致之处,待人处理")
def conflicts(request: Request):
    found = request.app.state.store.review_conflicts()
    return json_response({"conflicts": [decision.to_dict() for decision in found]})
