"""Pages computed once per change of the stored data, not once per request.

A page built only from stored data is the same for every reader of one language:
its rendered body (HTML, JSON, CSV or XLSX) is kept under (data version, format,
language, path, query). The data version (planwatch.store.version) is read once
per request; a new number empties the cache, so an ingest, a deletion or an edit
by any process is seen at once. The cache is bounded by the bytes it holds.

What may belong to one reader is never shared: HTML is cached only for a request
that carries no cookie but the language (no session, no CSRF token); other
requests render it themselves. A cached response keeps no Set-Cookie header. Concurrent requests for
the same missing page wait for one computation instead of each running it (32
readers right after an ingest would otherwise build one region page 32 times).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection

from ..store import version
from . import i18n
from .render import remember_language, requested_format

_MISSING = object()


@dataclass(frozen=True)
class Cached:
    """A response as sent, without what is added per request (the language cookie)."""

    body: bytes
    status: int
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response: Response) -> Cached:
        headers = tuple((k, v) for k, v in response.headers.items() if k not in ("content-length", "set-cookie"))
        return cls(bytes(response.body), response.status_code, headers)

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, headers=dict(self.headers))


class PageCache:
    """A bounded LRU of rendered pages for one data version; thread-safe (sync routes run in threads)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.computed = 0   # pages computed on a miss: what the tests and bench/load.py count
        self._pages: OrderedDict[tuple, Cached] = OrderedDict()
        self._bytes = 0
        self._version: int | None = None
        self._lock = threading.Lock()
        self._gates: dict[tuple, threading.Lock] = {}

    def page(self, version: int, key: tuple[Hashable, ...], compute: Callable[[], Cached]) -> Cached:
        """The page for `key` at `version`, else compute() once (others asking meanwhile wait for it)."""
        with self._lock:
            if version != self._version:
                self._pages.clear()
                self._bytes, self._version = 0, version
            found = self._take(key)
            if found is not _MISSING:
                return found
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            with self._lock:   # computed by another request while this one waited
                found = self._take(key) if version == self._version else _MISSING
            if found is not _MISSING:
                return found
            try:
                page = compute()
            finally:
                with self._lock:
                    self._gates.pop(key, None)
            with self._lock:
                self.computed += 1
                if version == self._version and len(page.body) <= self.max_bytes:   # not if the data changed meanwhile
                    self._pages[key] = page
                    self._bytes += len(page.body)
                    while self._bytes > self.max_bytes:
                        _, evicted = self._pages.popitem(last=False)
                        self._bytes -= len(evicted.body)
            return page

    def _take(self, key: tuple) -> Cached | object:
        page = self._pages.get(key, _MISSING)
        if page is not _MISSING:
            self._pages.move_to_end(key)
        return page


def cached(request: Request, conn: Connection | None, make: Callable[[], Response]) -> Response:
    """The response make() builds from stored data only, built once per change of the data
    (its version read on `conn`, or on a connection of its own when None) and shared between
    readers where nothing in it is a reader's own."""
    fmt = requested_format(request)
    if shareable(request, fmt):
        if conn is None:
            with request.app.state.engine.connect() as own:
                data_version = version.current(own)
        else:
            data_version = version.current(conn)
        pages: PageCache = request.app.state.pages
        response = pages.page(data_version, key(request, fmt), lambda: Cached.of(make())).response()
    else:
        response = make()
    remember_language(request, response)
    return response


def key(request: Request, fmt: str) -> tuple:
    """What a page's body depends on besides the data: format, language, path and query
    (the language parameter aside: it is the language)."""
    query = tuple(sorted((k, v) for k, v in request.query_params.multi_items() if k != "lang"))
    return fmt, i18n.language(request), request.url.path, query


def shareable(request: Request, fmt: str) -> bool:
    """Data formats hold stored data only; an HTML page may hold what is the reader's own
    (a session's name or token) unless the request has no cookie but the language."""
    return fmt != "html" or not (set(request.cookies) - {i18n.COOKIE})
