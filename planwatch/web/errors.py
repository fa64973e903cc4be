"""Every error the web app returns, in one envelope defined once.

    {"ok": false, "error": {"status": 404, "title": "Not Found", "message": "..."}}

JSON clients get the envelope as is; browsers get templates/error.html, which
renders the same dict.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from ..errors import AccountError, DocumentError, EditConflict, NotStored, PlanwatchError, QueryError
from .i18n import language
from ..words import Words, in_language
from .render import json_response, page_context, remember_language, requested_format, templates

log = logging.getLogger(__name__)


def error_body(status: int, message: str, details: list | None = None) -> dict:
    error = {"status": status, "title": HTTPStatus(status).phrase, "message": message}
    if details:
        error["details"] = details
    return {"ok": False, "error": error}


def render_error(request: Request, status: int, message: str, details: list | None = None):
    body = error_body(status, in_language(message, language(request)), details)
    sent_json = request.headers.get("content-type", "").startswith("application/json")   # a script's request
    if requested_format(request) == "html" and not request.url.path.startswith("/api/") and not sent_json:
        context = page_context(request) | {"view": body}
        response = templates.TemplateResponse(request, "error.html", context, status_code=status)
        remember_language(request, response)
        return response
    return json_response(body, status)


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        response = render_error(request, exc.status_code, exc.detail if isinstance(exc.detail, Words) else str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        details = [{"where": ".".join(map(str, e["loc"])), "message": e["msg"]} for e in exc.errors()]
        return render_error(request, 400, Words("请求参数不正确", "the request's parameters are not right"), details)

    @app.exception_handler(DocumentError)
    async def bad_document(request: Request, exc: DocumentError):
        return render_error(request, 400, str(exc), [{"file": exc.path, "reason": exc.reason}])

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):   # a period "abc"; a region not stored: 404
        message = exc.zh if language(request) == "zh" else str(exc)
        return render_error(request, 404 if isinstance(exc, NotStored) else 400, message)

    @app.exception_handler(AccountError)
    async def bad_account(request: Request, exc: AccountError):   # a name taken, a short password
        return render_error(request, 400, str(exc))

    @app.exception_handler(EditConflict)
    async def edit_conflict(request: Request, exc: EditConflict):   # details: the other reviewer's decision
        return render_error(request, 409, str(exc), [exc.current.to_dict()] if exc.current is not None else None)

    @app.exception_handler(PlanwatchError)
    async def planwatch_error(request: Request, exc: PlanwatchError):
        log.error("%s: %s", request.url.path, exc)
        return render_error(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("%s failed", request.url.path)
        return render_error(request, 500, Words("服务器内部错误,已记录日志", "an error in the server: it has been logged"))
