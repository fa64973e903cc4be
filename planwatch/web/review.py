"""The review API: the queue with its progress, the conflicts to settle, and a reviewer's
decisions on facts and on commitments (confirm, correct, reject, add), JSON in and out.

Each write is one Store call under the reviewer's name, its audit-log entry written in the
same transaction. `expected` is the record's decision_id as the reviewer read it (0 when it
was unreviewed): if someone decided since, the answer is a 409 whose envelope holds their
decision (errors.py), so the second reviewer sees it and nothing is lost."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..accounts import User
from ..model import COMMITMENT_ROLES, COMPARATORS, KINDS, MEASURES, ROLES, STAGES
from ..extract import catalogue
from ..extract.grammar import grammar
from ..extract.numbers import parse_growth, parse_quantity
from ..evaluate.wording import cited
from ..words import say
from . import queries
from .auth import require_role
from .pages import MAX_ID, connection
from .render import json_response, respond
from .security import plain_parameters

router = APIRouter(dependencies=[Depends(plain_parameters)])
REVIEWER = Depends(require_role("reviewer"))
Text = Annotated[str, StringConstraints(max_length=500, pattern=r"^[^\x00]*$")]   # PostgreSQL refuses NUL
FactId = Annotated[int, Path(ge=1, le=MAX_ID)]
CommitmentId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/review/queue", summary="待审核队列(JSON):未审核的指标数据,置信度最低者优先,附各文件与地区的审核进度")
def queue(request: Request, region: str | None = None, document: int | None = Query(None, ge=1, le=MAX_ID),
          indicator: str | None = None, limit: int = Query(50, ge=1, le=1000)):
    found = request.app.state.store.review_queue(region=region, document_id=document, indicator=indicator,
                                                 limit=limit)
    return json_response(found.to_dict())


QUEUE_COLUMNS = ["id", "doc", "region", "indicator", "role", "period", "measure", "value", "unit", "confidence",
                 "decisive"]
COMMITMENT_QUEUE_COLUMNS = ["id", "doc", "region", "kind", "role", "period", "stage", "object", "value", "unit"]


@router.get("/review", summary="审核工作台:待审核队列(置信度最低者优先)与各地区、文件的审核进度(审核员及以上)")
def review_page(request: Request, region: str | None = None, document: int | None = Query(None, ge=1, le=MAX_ID),
                indicator: str | None = None, limit: int = Query(100, ge=1, le=1000), user: User = REVIEWER):
    queue = request.app.state.store.review_queue(region=region, document_id=document, indicator=indicator,
                                                 limit=limit)
    found = queue.to_dict()
    # each row cites its document by title and date, as every page does, not by its file name
    rows = [{column: fact.get(column) for column in QUEUE_COLUMNS} | {"document_id": fact["document_id"],
                                                                      "cited": cited(stored)}
            for fact, stored in zip(found["facts"], queue.facts)]
    commitments = [{column: c.get(column) for column in COMMITMENT_QUEUE_COLUMNS} | {"document_id": c["document_id"],
                                                                                   "cited": cited(stored)}
                   for c, stored in zip(found["commitments"], queue.commitments)]
    conflicting = [d.to_dict() for d in request.app.state.store.review_conflicts()]   # settled on the desk
    view = {"filters": {"region": region, "document": document, "indicator": indicator}, "queue": rows,
            "commitments": commitments, "progress": found["progress"], "conflicts": conflicting,
            "filename": "planwatch-review",
            "tables": [{"name": "review_queue", "columns": QUEUE_COLUMNS, "rows": rows},
                       {"name": "review_commitments", "columns": COMMITMENT_QUEUE_COLUMNS, "rows": commitments}]}
    return respond(request, "review.html", view)


@router.get("/review/conflicts", summary="审核冲突(JSON):重新提取后与人工决定不一致之处,待人处理")
def conflicts(request: Request):
    found = request.app.state.store.review_conflicts()
    return json_response({"conflicts": [decision.to_dict() for decision in found]})


class Decide(BaseModel):
    model_config = ConfigDict(extra="forbid")
    expected: int | None = None   # the fact's decision_id as read (0: unreviewed); None: no check


class Fields(BaseModel):
    """A fact's fields as a person types them; the store checks each (catalogue, choices, numbers)."""
    model_config = ConfigDict(extra="forbid")
    indicator: Text | None = None
    role: Text | None = None
    period: Text | None = None
    measure: Text | None = None
    value: Text | float | None = None
    upper: Text | float | None = None
    unit: Text | None = None
    comparator: Text | None = None
    text: Text | None = None
    estimated: bool | None = None
    stretch: bool | None = None
    cumulative: bool | None = None
    source: Text | None = None   # of a fact entered by hand (填报)

    def given(self) -> dict:
        """The fields the request named (an empty value clears an optional one)."""
        return self.model_dump(exclude_unset=True, exclude={"expected", "document_id", "start", "end"})


class Correction(Fields):
    expected: int | None = None


class Addition(Fields):
    document_id: int
    start: int
    end: int


class CommitmentFields(BaseModel):
    """A commitment's fields as a person types them (names: a list, or one text split at 、)."""
    model_config = ConfigDict(extra="forbid")
    kind: Text | None = None
    role: Text | None = None
    period: Text | None = None
    object: Text | None = None
    stage: Text | None = None
    action: Text | None = None
    value: Text | float | None = None
    upper: Text | float | None = None
    unit: Text | None = None
    comparator: Text | None = None
    money: Text | float | None = None
    names: Annotated[list[Text], Field(max_length=100)] | Text | None = None
    responsible: Text | None = None

    def given(self) -> dict:
        return self.model_dump(exclude_unset=True, exclude={"expected", "document_id", "start", "end"})


class CommitmentCorrection(CommitmentFields):
    expected: int | None = None


class CommitmentAddition(CommitmentFields):
    document_id: int
    start: int
    end: int


def _decided(decision) -> dict:
    return json_response({"ok": True, "decision": decision.to_dict()})


@router.post("/review/facts/{fact_id}/confirm", summary="确认一条指标数据(审核员)")
def confirm(request: Request, fact_id: FactId, body: Decide, user: User = REVIEWER):
    return _decided(request.app.state.store.confirm(fact_id, actor=user.name, expected=body.expected))


@router.post("/review/facts/{fact_id}/reject", summary="驳回一条指标数据:它从所有页面、接口与导出中消失(审核员)")
def reject(request: Request, fact_id: FactId, body: Decide, user: User = REVIEWER):
    return _decided(request.app.state.store.reject(fact_id, actor=user.name, expected=body.expected))


@router.post("/review/facts/{fact_id}/correct", summary="更正一条指标数据的字段:指标、角色、时期、口径、数值、单位、比较符、标记(审核员)")
def correct(request: Request, fact_id: FactId, body: Correction, user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.correct(fact_id, body.given(), actor=user.name, expected=body.expected))


@router.post("/review/facts", summary="人工补录一条漏提的指标数据,以文件原文 start:end 为依据(审核员)")
def add(request: Request, body: Addition, user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.add_fact(body.document_id, body.start, body.end, body.given(), actor=user.name))


@router.post("/review/commitments/{commitment_id}/confirm", summary="确认一条重点工作任务(审核员)")
def confirm_commitment(request: Request, commitment_id: CommitmentId, body: Decide, user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.confirm(commitment_id, actor=user.name, expected=body.expected, what="commitment"))


@router.post("/review/commitments/{commitment_id}/reject",
             summary="驳回一条重点工作任务:它从完成状态、项目、页面、接口与导出中消失(审核员)")
def reject_commitment(request: Request, commitment_id: CommitmentId, body: Decide, user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.reject(commitment_id, actor=user.name, expected=body.expected, what="commitment"))


@router.post("/review/commitments/{commitment_id}/correct",
             summary="更正一条重点工作任务:类别、角色、时期、对象、阶段、动词、数量、单位、比较符、金额、名称、责任单位(审核员)")
def correct_commitment(request: Request, commitment_id: CommitmentId, body: CommitmentCorrection,
                       user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.correct(commitment_id, body.given(), actor=user.name, expected=body.expected,
                                  what="commitment"))


@router.post("/review/commitments", summary="人工补录一条漏提的重点工作任务,以文件原文 start:end 为依据(审核员)")
def add_commitment(request: Request, body: CommitmentAddition, user: User = REVIEWER):
    store = request.app.state.store
    return _decided(store.add_commitment(body.document_id, body.start, body.end, body.given(), actor=user.name))


@router.get("/review/selection", summary="读取文件原文 start:end 处选中的文字:其中的数值、单位、比较符,供人工补录预填(审核员)")
def selection(document: int = Query(ge=1, le=MAX_ID), start: int = Query(ge=0), end: int = Query(ge=1),
              conn=Depends(connection), _user: User = REVIEWER):
    """The words a reviewer selected, read by the extractor's own number grammar: a growth
    verb before the number makes it a growth rate, else a level."""
    found = queries.document_window(conn, document, start, end)
    if found is None:
        raise HTTPException(404, say("没有编号为 {id} 的文件", "no document numbered {id}", id=document))
    length, words = found
    if not start < end <= length:
        raise HTTPException(400, say("原文位置 {start}:{end} 不在文件中（全文 {n} 字）",
                                     "the place {start}:{end} is not in the document ({n} characters)",
                                     start=start, end=end, n=length))
    verbs = grammar()
    growth = any(verb in words for verb in (*verbs.up, *verbs.down)) and parse_growth(words)
    quantity = growth or parse_quantity(words)
    read = {"evidence": words, "measure": "growth" if growth else "level" if quantity else None}
    if quantity is not None:
        read |= {"value": quantity.value, "upper": quantity.upper, "unit": quantity.unit,
                 "comparator": quantity.comparator, "cumulative": quantity.cumulative}
    return json_response(read)


def choices() -> dict:
    """What the review form offers (templates/review_form.html): the catalogue's indicators and the
    fields' choices."""
    return {"indicators": [entry.name for entry in catalogue.indicators()], "roles": ROLES, "measures": MEASURES,
            "comparators": COMPARATORS, "kinds": KINDS, "stages": STAGES, "commitment_roles": COMMITMENT_ROLES}
