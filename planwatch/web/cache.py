"""Page data computed once per change of the stored data, not once per request.

A page's view dict (what its template, JSON twin and downloads are made from)
depends only on stored data, the page's arguments and the reader's language:
it is kept under (data version, page, arguments, language). The data version
(planwatch.store.version) is read once per request; a new number empties the
cache, so an ingest, a deletion or an edit by any process is seen at once.

The dict is cached, never the rendered response: a response may carry what
belongs to one reader (a session, a CSRF token), a view dict never does.
Concurrent requests for the same missing page wait for one computation
instead of each running it (32 readers right after an ingest would otherwise
compute the same region page 32 times).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

_MISSING = object()


class ViewCache:
    """A bounded LRU of view dicts for one data version; thread-safe (sync routes run in threads)."""

    def __init__(self, entries: int):
        self.entries = entries
        self.computed = 0   # views computed on a miss: what the tests and bench/load.py count
        self._views: OrderedDict[tuple, Any] = OrderedDict()
        self._version: int | None = None
        self._lock = threading.Lock()
        self._gates: dict[tuple, threading.Lock] = {}

    def view(self, version: int, key: tuple[Hashable, ...], compute: Callable[[], Any]) -> Any:
        """The cached view for `key` at `version`, else compute() once, kept if there is room."""
        if self.entries <= 0:
            return compute()
        with self._lock:
            if version != self._version:
                self._views.clear()
                self._version = version
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
                view = compute()
            finally:
                with self._lock:
                    self._gates.pop(key, None)
            with self._lock:
                self.computed += 1
                if version == self._version:   # not if the data changed meanwhile
                    self._views[key] = view
                    while len(self._views) > self.entries:
                        self._views.popitem(last=False)
            return view

    def _take(self, key: tuple) -> Any:
        view = self._views.get(key, _MISSING)
        if view is not _MISSING:
            self._views.move_to_end(key)
        return view
