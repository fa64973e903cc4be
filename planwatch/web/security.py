"""Document text is untrusted: templates escape everything (Jinja2 autoescape),
and the Content-Security-Policy lets the browser run only our own script files,
so markup that slipped into a document could never run."""

from __future__ import annotations

from fastapi import HTTPException, Request

from .. import settings
from ..words import Words, say

# Styles may be inline: ECharts positions its tooltip with style attributes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

def plain_parameters(request: Request) -> None:
    """Route and query values are text: a NUL character (which PostgreSQL refuses in any
    string) is a 400 before any query runs."""
    values = [*request.path_params.values(), *request.query_params.values()]
    if any("\x00" in str(value) for value in values):
        raise HTTPException(400, Words("请求参数中含有空字符（NUL）", "a request parameter holds a NUL character"))


class SecurityHeaders:
    """ASGI middleware adding HEADERS to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                message = dict(message, headers=list(message.get("headers", [])) + extra)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: a request body past the max_file_mb setting (plus room for the form
    around the file) is refused with a 413 as soon as that much has come in, before the
    multipart parser has spooled it to disk whole."""

    FORM_ROOM = 64 * 1024

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        limit = settings.get_int("max_file_mb") * 1024 * 1024 + self.FORM_ROOM
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:   # raised inside the route: the app's handler answers it
                # Connection: close, or the server would read the rest of the body to keep the connection
                raise HTTPException(413, say("上传内容超过{n} MiB（PLANWATCH_MAX_FILE_MB）",
                                                     "the upload is over {n} MiB (PLANWATCH_MAX_FILE_MB)",
                                                     n=limit // (1024 * 1024)),
                                    headers={"Connection": "close"})
            return message

        await self.app(scope, counted, send)

