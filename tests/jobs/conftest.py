"""Jobs index what they store for search: each test's store leaves the database with the
store's schema only, as the web tests do (PostgreSQL's test database is shared)."""

from __future__ import annotations

import pytest

from planwatch.store import Store
from planwatch.store.search import SearchIndex


@pytest.fixture
def store(database_url):
    with Store(database_url) as opened:
        yield opened
        SearchIndex(opened.engine).drop()


@pytest.fixture
def pg_store(pg_url):
    with Store(pg_url) as opened:
        yield opened
        SearchIndex(opened.engine).drop()


@pytest.fixture
def sqlite_store(sqlite_url):
    with Store(sqlite_url) as opened:
        yield opened
