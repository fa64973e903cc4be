"""The routes: each opens a connection, builds its view dict and hands it to render.respond."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from ..model import Measure, Role
from . import i18n, results, vendor, views
from .render import json_response, page_context, respond, templates
from ..accounts import User
from .auth import require_role
from .security import plain_parameters
from .upload import store_upload

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
    return respond(request, "home.html", views.home(conn, _t(request)))


@router.get("/regions/{key}", summary="地区:指标×年份的目标与完成情况")
def region(request: Request, key: str, indicator: str | None = None, measure: str | None = None,
           conn=Depends(connection)):
    return respond(request, "region.html", views.region(conn, key, indicator, measure, _t(request)))


@router.get("/indicators/{name:path}", summary="指标:各地区目标与完成的时间序列")
def indicator(request: Request, name: str, measure: str | None = None,
              region: list[str] = Query(default=[]), conn=Depends(connection)):
    return respond(request, "indicator.html", views.indicator(conn, name, measure, region, _t(request)))


@router.get("/documents/{doc_id}", summary="文件:全文,标出每条指标数据")
def document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID), conn=Depends(connection)):
    return respond(request, "document.html", views.document(conn, doc_id))


@router.get("/facts", summary="指标数据(JSON):按地区、指标、时期、角色、口径筛选,与 planwatch facts 的输出相同")
def facts(request: Request, region: str | None = None, indicator: str | None = None, period: str | None = None,
          role: Role | None = None, measure: Measure | None = None):
    found = request.app.state.store.facts(region=region, indicator=indicator, period=period, role=role,
                                          measure=measure)
    return json_response({"facts": [fact.to_dict() for fact in found]})


@router.get("/search", summary="全文搜索文件与指标数据")
def search(request: Request, q: str = ""):
    q = results.query(q)
    found = results.hits(request.app.state.search, q)
    with request.app.state.engine.connect() as conn:
        return respond(request, "search.html", results.search(conn, q, found))


@router.get("/upload", summary="上传文件的页面")
def upload_page(request: Request):
    return respond(request, "upload.html", {})


@router.post("/upload", include_in_schema=False)
async def upload_form(request: Request, file: UploadFile = File(...), user: User = Depends(require_role("reviewer"))):
    stored, _ = await store_upload(request.app.state.store, request.app.state.reader, file, user.name)
    await run_in_threadpool(request.app.state.search.refresh)
    return RedirectResponse(f"/documents/{stored.id}", status_code=303)


@router.post("/api/documents", status_code=201,
             summary="上传一个文件并提取指标数据(需登录,审核员及以上;脚本用 Authorization: Bearer 令牌)")
async def upload_api(request: Request, file: UploadFile = File(...), user: User = Depends(require_role("reviewer"))):
    stored, added = await store_upload(request.app.state.store, request.app.state.reader, file, user.name)
    await run_in_threadpool(request.app.state.search.refresh)
    body = {"ok": True, "added": added, "url": f"/documents/{stored.id}",
            "document": {"id": stored.id, "name": stored.name, "title": stored.title, "region": stored.region,
                         "doc_type": stored.doc_type, "version": stored.version, "facts": stored.fact_count}}
    return json_response(body, 201 if added else 200)


@router.get("/vendor/{name}", include_in_schema=False)
def vendor_file(name: str):
    return vendor.serve(name)


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request):
    return templates.TemplateResponse(request, "docs.html", page_context(request))
