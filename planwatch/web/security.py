"""Document text is untrusted: templates escape everything (Jinja2 autoescape),
and the Content-Security-Policy lets the browser run only our own script files,
so markup that slipped into a document could never run."""

from __future__ import annotations

from fastapi import HTTPException, Request

# Styles may be inline: ECharts positions its tooltip with style attributes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}


def plain_parameters(request: Request) -> None:
    """Route and query values are text: a NUL character (which PostgreSQL refuses in any
    string) is a 400 before any query runs."""
    values = [*request.path_params.values(), *request.query_params.values()]
    if any("\x00" in str(value) for value in values):
        raise HTTPException(400, "请求参数中含有空字符（NUL）")


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


def require_localhost(request: Request) -> None:
    """Writing to the database is for the machine's own user until there are accounts."""
    host = request.client.host if request.client else None
    if host not in LOCAL_HOSTS:
        raise HTTPException(403, "上传仅限本机访问(localhost)")
