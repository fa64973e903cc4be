"""The routes: each opens a connection, builds its view dict and hands it to render.respond;
pages of stored data only go through cache.cached, which builds them once per change of the data."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError

from .. import __version__
from ..model import Measure, Role
from ..store import version
from . import i18n, results, vendor, views
from .cache import cached
from .render import json_response, page_context, render, respond, templates
from .security import plain_parameters

log = logging.getLogger(__name__)
router = APIRouter(dependencies=[Depends(plain_parameters)])
MAX_ID = 2**31 - 1   # ids are 32-bit integers in PostgreSQL: a larger one is no document, not an overflow


def connection(request: Request):
    """A read connection for one request (a FastAPI dependency)."""
    with request.app.state.engine.connect() as conn:
        yield conn


def _t(request: Request):
    return i18n.translator(i18n.language(request))


@router.get("/", summary="首页:地区、文件、数量与提示")
def home(request: Request, conn=Depends(connection)):
    return cached(request, conn, lambda: render(request, "home.html", views.home(conn, _t(request))))


@router.get("/regions/{key}", summary="地区:指标×年份的目标与完成情况")
def region(request: Request, key: str, indicator: str | None = None, measure: str | None = None,
           conn=Depends(connection)):
    return cached(request, conn, lambda: render(request, "region.html",
                                                views.region(conn, key, indicator, measure, _t(request))))


@router.get("/indicators/{name:path}", summary="指标:各地区目标与完成的时间序列")
def indicator(request: Request, name: str, measure: str | None = None,
              region: list[str] = Query(default=[]), conn=Depends(connection)):
    return cached(request, conn, lambda: render(request, "indicator.html",
                                                views.indicator(conn, name, measure, region, _t(request))))


@router.get("/documents/{doc_id}", summary="文件:全文,标出每条指标数据")
def document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID), conn=Depends(connection)):
    return cached(request, conn, lambda: render(request, "document.html", views.document(conn, doc_id)))


@router.get("/healthz", summary="健康检查:数据库是否可达,数据版本")
def healthz(request: Request):
    """For a load balancer or a supervisor: 200 while the database answers, else 503."""
    try:
        with request.app.state.engine.connect() as conn:
            data_version = version.current(conn)
    except SQLAlchemyError as exc:
        log.error("health check: the database did not answer: %s", getattr(exc, "orig", None) or exc)
        return json_response({"ok": False, "database": "unreachable", "version": __version__}, 503)
    return json_response({"ok": True, "database": "reachable", "data_version": data_version,
                          "version": __version__})


@router.get("/facts", summary="指标数据(JSON):按地区、指标、时期、角色、口径筛选,与 planwatch facts 的输出相同")
def facts(request: Request, region: str | None = None, indicator: str | None = None, period: str | None = None,
          role: Role | None = None, measure: Measure | None = None):
    found = request.app.state.store.facts(region=region, indicator=indicator, period=period, role=role,
                                          measure=measure)
    return json_response({"facts": [fact.to_dict() for fact in found]})


@router.get("/search", summary="全文搜索文件与指标数据")
def search(request: Request, q: str = ""):
    q = results.query(q)

    def make() -> Response:
        found = results.hits(request.app.state.search, q)   # before the page's connection: never two at once
        with request.app.state.engine.connect() as conn:
            return render(request, "search.html", results.search(conn, q, found))

    return cached(request, None, make)


@router.get("/vendor/{name}", include_in_schema=False)
def vendor_file(name: str):
    return vendor.serve(name)


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request):
    return templates.TemplateResponse(request, "docs.html", page_context(request))
