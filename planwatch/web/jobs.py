"""Uploads and the jobs they become: the upload form and its API twin queue a job and
return at once (a redirect to the job's page; 202 with its Location), the job's page
follows it (queued, its stage while running, done with its document, failed with
why), and the upload page lists the recent jobs. Extracting a stored document again
(after the extractor improved) is a job as well, queued by its page's button or the
API, never run within the request. Jobs are seen by those who may upload."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, HTTPException, Path, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from ..accounts import User
from ..errors import StoreError
from ..jobs import Job, JobQueue
from . import i18n
from .auth import require_role
from .render import json_response, respond
from .security import plain_parameters
from .upload import queue_upload

router = APIRouter(dependencies=[Depends(plain_parameters)])
MAX_ID = 2**31 - 1
RECENT = 20


def _queue(request: Request) -> JobQueue:
    return request.app.state.jobs


def _t(request: Request):
    return i18n.translator(i18n.language(request))


@router.get("/upload", summary="上传文件的页面,及最近的上传任务")
def upload_page(request: Request):
    user = getattr(request.state, "user", None)
    jobs = _queue(request).recent(RECENT) if user is not None and user.can("reviewer") else []
    t = _t(request)
    return respond(request, "upload.html", {"jobs": [_job_dict(job, t) for job in jobs]})


@router.post("/upload", include_in_schema=False)
async def upload_form(request: Request, file: UploadFile = File(...), user: User = Depends(require_role("reviewer"))):
    job = await queue_upload(_queue(request), file, user.name)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post("/api/documents", status_code=202,
             summary="上传一个文件:排入后台任务,立即返回任务(202,Location 为任务页 /jobs/{id});"
                     "需登录,审核员及以上;脚本用 Authorization: Bearer 令牌")
async def upload_api(request: Request, file: UploadFile = File(...), user: User = Depends(require_role("reviewer"))):
    return _accepted(request, await queue_upload(_queue(request), file, user.name))


def _accepted(request: Request, job: Job):
    """202 for a queued job, its page in Location."""
    response = json_response({"ok": True, "job": _job_dict(job, _t(request)), "url": f"/jobs/{job.id}"}, 202)
    response.headers["Location"] = f"/jobs/{job.id}"
    return response


def _reextract(request: Request, doc_id: int, user: User) -> Job:
    try:
        stored = request.app.state.store.document(doc_id, with_text=False)
    except StoreError:
        raise HTTPException(404, _t(request)("document_not_found").format(id=doc_id)) from None
    return _queue(request).submit_reextract(stored.id, stored.name, user.name)


@router.post("/documents/{doc_id}/reextract", include_in_schema=False)
async def reextract_form(request: Request, doc_id: int = Path(ge=1, le=MAX_ID),
                         user: User = Depends(require_role("reviewer"))):
    job = await run_in_threadpool(_reextract, request, doc_id, user)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post("/api/documents/{doc_id}/reextract", status_code=202,
             summary="重新提取一个已入库的文件(提取程序改进后):排入后台任务,立即返回任务(202,Location 为任务页);"
                     "人工审核的决定仍然有效;审核员及以上")
async def reextract_api(request: Request, doc_id: int = Path(ge=1, le=MAX_ID),
                        user: User = Depends(require_role("reviewer"))):
    return _accepted(request, await run_in_threadpool(_reextract, request, doc_id, user))


@router.get("/jobs/{job_id}", summary="上传任务:排队、处理中(进度)、完成(文件链接)或失败(原因)")
async def job_page(request: Request, job_id: int = Path(ge=1, le=MAX_ID),
                   _user: User = Depends(require_role("reviewer"))):
    view = await run_in_threadpool(_job_view, request, job_id)
    return respond(request, "job.html", view)


def _job_view(request: Request, job_id: int) -> dict:
    job = _queue(request).get(job_id)
    t = _t(request)
    if job is None:
        raise HTTPException(404, t("job_not_found").format(id=job_id))
    view = {"job": _job_dict(job, t), "document": None}
    if job.document_id is not None:
        try:
            stored = request.app.state.store.document(job.document_id, with_text=False)
        except StoreError:   # deleted since
            return view
        view["document"] = {"id": stored.id, "name": stored.name, "title": stored.title, "region": stored.region,
                            "doc_type": stored.doc_type, "version": stored.version, "facts": stored.fact_count,
                            "url": f"/documents/{stored.id}"}
    return view


def _job_dict(job: Job, t) -> dict:
    """The job as JSON, with its status (and stage, or what failed) in the reader's words."""
    shown = job.to_dict()
    shown["status_words"] = t(f"job_status_{job.status}")
    shown["stage_words"] = t(f"job_stage_{job.stage}") if job.stage else None
    shown["kind_words"] = t(f"job_kind_{job.kind}")
    shown["message"] = (f"{job.name}: {t(f'job_error_{job.error_kind}')}: {job.error}"
                        if job.status == "failed" else None)
    return shown
