"""One view dict, several renderings: HTML (Jinja2), JSON, CSV, XLSX.

As in Datasette, a page's view builds a dict; the same dict becomes the JSON
twin (`/regions/X.json` or `Accept: application/json`), and its `tables`
become downloads (`.csv` for one table, `.xlsx` for all of them).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from fastapi import HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from ..evaluate.periods import period_label
from ..words import in_language
from ..model import number_json
from . import downloads, i18n, sessions

SUFFIXES = ("json", "csv", "xlsx", "docx")
_NOT_SUFFIXED = ("/openapi.json", "/static/", "/vendor/", "/api/")

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


class SuffixFormat:
    """ASGI middleware: `/path.json` is `/path` asked for as JSON (also .csv, .xlsx)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            path = scope["path"]
            stem, dot, suffix = path.rpartition(".")
            if dot and suffix in SUFFIXES and not path.startswith(_NOT_SUFFIXED):
                scope = {k: v for k, v in scope.items() if k != "raw_path"} | {"path": stem or "/"}
                scope.setdefault("state", {})["format"] = suffix
        await self.app(scope, receive, send)


def requested_format(request: Request) -> str:
    fmt = request.scope.get("state", {}).get("format")
    if fmt:
        return fmt
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return "json"
    return "html"


def _default(value):
    if isinstance(value, Decimal):
        return number_json(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"not JSON: {type(value).__name__}")


def dumps(data, **_jinja_options) -> str:
    return json.dumps(data, ensure_ascii=False, default=_default)


def json_response(data, status: int = 200) -> Response:
    return Response(dumps(data), status_code=status, media_type="application/json")


def page_context(request: Request) -> dict:
    lang = i18n.language(request)
    other = "en" if lang == "zh" else "zh"
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]

    def link(suffix: str, **extra) -> str:
        """This page in another format: link(".json"), link(".csv", table="facts")."""
        query = urlencode(kept + list(extra.items()))
        return request.url.path + suffix + ("?" + query if query else "")

    def period(code: str) -> str:
        """2017H1 as 2017年上半年 for a Chinese reader; the code itself in English."""
        return period_label(code) if lang == "zh" else code

    return {"lang": lang, "t": i18n.translator(lang), "path": request.url.path, "link": link, "period": period,
            "switch_url": str(request.url.include_query_params(lang=other)),
            "user": getattr(request.state, "user", None), "csrf_token": lambda: sessions.csrf_token(request)}


def respond(request: Request, template: str, view: dict, status: int = 200) -> Response:
    response = render(request, template, view, status)
    remember_language(request, response)
    return response


def render(request: Request, template: str, view: dict, status: int = 200) -> Response:
    """The view in the requested format: the page, its JSON twin, or a table download."""
    fmt = requested_format(request)
    view = in_language(view, i18n.language(request))
    if fmt == "json":
        response = json_response(view, status)
    elif fmt == "docx":
        raise HTTPException(404, Words("只有报表提供 DOCX 下载", "only reports can be downloaded as DOCX"))
    elif fmt in ("csv", "xlsx"):
        t = i18n.translator(i18n.language(request))
        response = downloads.response(view.get("tables", []), fmt, request.query_params.get("table"), t,
                                      filename=view.get("filename", "planwatch"))
    else:
        context = page_context(request) | {"view": view}
        response = templates.TemplateResponse(request, template, context, status_code=status)
    return response


def remember_language(request: Request, response: Response) -> None:
    lang = request.query_params.get("lang")
    if lang in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
