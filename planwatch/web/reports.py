"""Report tables from planwatch.export (主要指标完成情况表 for a year, a
five-year plan's progress table for a span): a page, its JSON twin, and the
export's own CSV, XLSX and DOCX files (merged two-level headers, print setup)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection

from .. import export
from ..errors import EvaluationError
from ..store.convert import stored_fact
from ..words import say
from . import queries
from .downloads import XLSX
from .cache import cached
from .pages import connection
from .render import render, requested_format
from .security import plain_parameters

router = APIRouter(dependencies=[Depends(plain_parameters)])
MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX,
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def report_table(conn: Connection, key: str, period: str) -> export.ReportTable:
    rows = queries.region_facts(conn, key)
    if not rows:
        raise HTTPException(404, say("没有地区 {key} 的文件", "no documents of the region {key}", key=key))
    try:
        return export.report_table([stored_fact(r) for r in rows], key, period)
    except EvaluationError as exc:
        raise HTTPException(404, exc.args[0]) from None   # Words: the message in both languages


@router.get("/regions/{key}/report/{period}", summary="报表:年度主要指标完成情况表,或五年规划进展表(时期如 2021-2025)")
def report(request: Request, key: str, period: str, conn=Depends(connection)):
    return cached(request, conn, lambda: _report(request, report_table(conn, key, period), key))


def _report(request: Request, table: export.ReportTable, key: str) -> Response:
    fmt = requested_format(request)
    if fmt in MEDIA:
        return _file(table, fmt)
    return render(request, "report.html", table.to_dict() | {"region_key": key})


def _file(table: export.ReportTable, fmt: str) -> Response:
    body = export.render(table, fmt)
    name = quote(f"{table.title}.{fmt}")
    return Response(body, media_type=MEDIA[fmt], headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})
