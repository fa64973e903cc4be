"""Database fixtures for every stage's tests: real databases, never mocks.

    def test_something(store):                  # runs once per backend
        report = store.ingest([path])           # a fresh, migrated planwatch.store.Store

    def test_cli(database_url, monkeypatch):    # the same empty database, as a URL
        monkeypatch.setenv("PLANWATCH_DATABASE_URL", database_url)

Fixtures (function scope, each test gets an empty database):

- `database_url`: an empty database (a Store makes the schema on open), parametrised
  over `sqlite` (a file in tmp_path) and `postgresql`.
- `store`: a `Store` on `database_url`, closed after the test.
- `sqlite_url`, `pg_url`: one backend only, when a test compares the two.

PostgreSQL is off by default and switched on by `--pg` or `PLANWATCH_TEST_PG=1`,
and always on when `CI=true`; when on, a server that cannot be reached is an
error, never a skip. The server is 127.0.0.1:5432, user postgres. The session
creates a database of its own (`planwatch_test_<pid>_<random>`), drops it at
the end, and empties its tables before each test that uses it, so a test
must close what it opens (a `Store` via `close()` or `with`).
"""

from __future__ import annotations

import json
import os
import secrets
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings as hypothesis_settings

from planwatch.model import COMMITMENT_FIELDS, Commitment
from planwatch.store import Store

# Hypothesis keeps no example database in the working directory (tests write only to tmp).
hypothesis_settings.register_profile("planwatch", database=None)
hypothesis_settings.load_profile("planwatch")

PG_SERVER = "host=127.0.0.1 port=5432 user=postgres"
PG_TABLES = ("commitment_reviews, fact_reviews, facts, commitments, document_sources, documents, indicators, "
             "audit_log, api_tokens, users, jobs, procrastinate_events, procrastinate_periodic_defers, "
             "procrastinate_jobs, procrastinate_workers")


def pytest_addoption(parser):
    parser.addoption("--pg", action="store_true", help="also run database tests on PostgreSQL at 127.0.0.1:5432")


def _pg_wanted(config) -> bool:
    return (config.getoption("--pg") or os.environ.get("PLANWATCH_TEST_PG") == "1"
            or os.environ.get("CI", "").lower() == "true")


@pytest.fixture(scope="session")
def _pg_database(request):
    """The session's own PostgreSQL database, migrated; dropped at the end."""
    if not _pg_wanted(request.config):
        pytest.skip("PostgreSQL tests are off: pass --pg or set PLANWATCH_TEST_PG=1")
    name = f"planwatch_test_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(f"{PG_SERVER} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    Store(url).close()
    yield name, url
    with psycopg.connect(f"{PG_SERVER} dbname=postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(_pg_database) -> str:
    name, url = _pg_database
    with psycopg.connect(f"{PG_SERVER} dbname={name}", autocommit=True) as conn:
        conn.execute("SET lock_timeout = '10s'")   # a test that left a transaction open fails, never hangs
        conn.execute(f"TRUNCATE {PG_TABLES} RESTART IDENTITY CASCADE")
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'planwatch.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(database_url):
    with Store(database_url) as opened:
        yield opened


# ---- commitments from the answer keys (../shared/gold/commitments), for store, evaluate, web and export tests

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def keyed_commitments(doc: str, text: str, records: list[dict] | None = None) -> list[Commitment]:
    """The key's commitments of one seed document (or the given records, in the key's
    format), each `quote` resolved to its offsets in `text` (its `occurrence`, else the first)."""
    if records is None:
        records = [r for path in sorted((SHARED / "gold" / "commitments").glob("*.jsonl"))
                   for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["doc"] == doc]
    found = []
    for record in records:
        start = -1
        for _ in range(record.get("occurrence", 0) + 1):
            start = text.index(record["quote"], start + 1)
        fields = {k: v for k, v in record.items() if k in COMMITMENT_FIELDS}   # a key's notes stay out
        for name in ("value", "money", "upper"):
            if fields.get(name) is not None:
                fields[name] = Decimal(str(fields[name]))
        found.append(Commitment(**(fields | {"start": start, "end": start + len(record["quote"])})))
    return found


@pytest.fixture
def key_commitments():
    """key_commitments(doc, text, records=None) -> [Commitment]: see keyed_commitments."""
    return keyed_commitments
