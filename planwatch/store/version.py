"""The data version: one counter (table data_version, row 1) raised inside every write
transaction of the Store. What is computed only from stored data can be cached under
the number it was computed at; one primary-key read tells any process, on any server
of the same database, whether that is still the number."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# An upsert (SQLite and PostgreSQL both have ON CONFLICT): a table emptied by hand, say by a
# test's TRUNCATE, starts counting again instead of silently never changing.
_BUMP = text("INSERT INTO data_version (id, version) VALUES (1, 1) "
             "ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1")
_READ = text("SELECT version FROM data_version WHERE id = 1")


def bump(conn: Connection | Session) -> None:
    """Raise the version in the caller's write transaction: it changes when the write commits."""
    conn.execute(_BUMP)


def current(conn: Connection | Session) -> int:
    return conn.execute(_READ).scalar() or 0
