"""What running the app as a server adds: the app factory Uvicorn's worker processes
import, the host names it answers to, and its access log.

    uvicorn.run("planwatch.web.serving:from_settings", factory=True, workers=4)

Each worker process builds its own app (and database pool) from the settings,
which `planwatch serve` passes to them through the environment.
"""

from __future__ import annotations

import copy
import ipaddress
import logging
import socket
import time

from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from .. import settings

access = logging.getLogger("planwatch.access")

# An address that is not one host: binding it does not name what clients will call the server.
_ANY = {"0.0.0.0", "::", ""}


def from_settings() -> FastAPI:
    """The app over the database of the `database_url` setting (one per worker process)."""
    from ..store import Store
    from .app import create_app

    return create_app(Store(settings.get("database_url")))


def allowed_hosts(bound: str | None = None) -> list[str]:
    """The allowed_hosts setting, plus the address the server binds (unless it binds every
    address), as Starlette's TrustedHostMiddleware compares them: IPv6 in brackets."""
    names = settings.get_list("allowed_hosts")
    if bound is not None and bound not in _ANY:
        names.append(bound)
    return list(dict.fromkeys(_bracketed(name.lower()) for name in names))


def _bracketed(name: str) -> str:
    try:
        return f"[{name}]" if isinstance(ipaddress.ip_address(name), ipaddress.IPv6Address) else name
    except ValueError:   # a host name, or already in brackets
        return name


class NoDelayH11Protocol(H11Protocol):
    """Uvicorn's HTTP/1.1 protocol with TCP_NODELAY set on each connection. With --workers,
    Uvicorn binds the listening socket itself and leaves its proto at 0, so asyncio never
    sets TCP_NODELAY (uvicorn issue #3149): every small response on a kept-alive connection
    then waited ~40 ms for the client's delayed ACK (measured with bench/load.py)."""

    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def log_config(level: str) -> dict:
    """Uvicorn's logging configuration, with planwatch's loggers (the access log among
    them) on its console handler: each worker process applies it when it starts."""
    config = copy.deepcopy(_uvicorn_logging())
    config["loggers"]["planwatch"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config


def _uvicorn_logging() -> dict:
    from uvicorn.config import LOGGING_CONFIG

    return LOGGING_CONFIG


class AccessLog:
    """ASGI middleware: one line per request, with its status and how long it took
    (Uvicorn's own access line has no duration)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not access.isEnabledFor(logging.INFO):
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500   # what the client sees if the app fails before answering
        query = scope.get("query_string", b"").decode("latin-1")   # read now: routing rewrites the scope
        target = scope.get("root_path", "") + scope["path"] + ("?" + query if query else "")

        async def send_noting_status(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_noting_status)
        finally:
            client = scope.get("client") or ("-", 0)
            access.info('%s "%s %s" %d %.1f ms', client[0], scope["method"], _printable(target), status,
                        (time.perf_counter() - started) * 1000)


def _printable(target: str) -> str:
    """The path as read (Chinese as is), a control character escaped: a %0A in a URL must
    not start a forged line of the log."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in target)
