"""Opening a database: URL translation, SQLite's concurrency settings, migrations.

SQLite writers must take the write lock when their transaction begins
(BEGIN IMMEDIATE): a deferred transaction that later tries to write fails at
once with "database is locked" instead of waiting for busy_timeout. Writers
therefore use `writer(engine)`, which marks its connections; readers keep a
plain BEGIN and, with WAL, never wait for a writer.

PostgreSQL writers take one advisory lock per transaction (`hold_write_lock`)
for the same reason SQLite has one writer: "is this content stored, which
version comes next" must not change between the question and the insert.
Writes are short (extraction happens before), so serialising them costs little.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool, StaticPool

from .. import settings
from ..errors import NoDatabase, StoreError

ALEMBIC_INI = Path(__file__).with_name("alembic.ini")
BUSY_TIMEOUT_MS = 30_000
_WRITE = "planwatch_write"
_MIGRATION_LOCK = zlib.crc32(b"planwatch migrations")
_WRITE_LOCK = zlib.crc32(b"planwatch writes")


def database_url(url: str) -> URL:
    """postgresql://user@host:port/db -> the psycopg 3 dialect; sqlite:///file as is."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (expected sqlite:///FILE or postgresql://user@host:port/db)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {parsed.drivername!r}: use sqlite:///FILE or postgresql://user@host:port/db")
    return parsed


def open_engine(url: str) -> Engine:
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, **_pool_size())


def _pool_size() -> dict:
    """Per process: a server with several workers holds workers × (size + overflow) connections."""
    return {"pool_size": settings.get_int("db_pool_size"), "max_overflow": settings.get_int("db_max_overflow")}


def require_database(url: str) -> None:
    """A read never creates a database: NoDatabase, saying where it looked and how to
    make one, unless planwatch's tables are there (an SQLite file is checked before
    connecting, which would create it)."""
    parsed = database_url(url)
    where = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:") or not Path(parsed.database).is_file():
            raise NoDatabase(f"no database at {parsed.database or where}: {_HOW_TO_MAKE}")
        return
    engine = create_engine(parsed, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            stored = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        raise _cannot_open(engine, exc) from exc
    finally:
        engine.dispose()
    if stored is None:
        raise NoDatabase(f"no planwatch tables in {where}: {_HOW_TO_MAKE}")


_HOW_TO_MAKE = ("store documents first with `planwatch ingest FOLDER`, "
                "or choose another database with --db or PLANWATCH_DATABASE_URL")


def writer(engine: Engine) -> Engine:
    """The same engine, its transactions taking SQLite's write lock at BEGIN."""
    return engine.execution_options(**{_WRITE: True})


def hold_write_lock(conn: Connection | Session) -> None:
    """Wait for, then hold until commit, the one write lock (PostgreSQL; SQLite has BEGIN IMMEDIATE)."""
    dialect = conn.dialect if isinstance(conn, Connection) else conn.get_bind().dialect
    if dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder of the database, {folder}: {exc.strerror or exc}") from None


def _sqlite_engine(url: URL) -> Engine:
    if url.database in (None, "", ":memory:"):
        # One shared connection, or every connection would see a database of its own.
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        _make_folder(Path(url.database).parent)
        engine = create_engine(url, **_pool_size())

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None   # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op (one read) when it is there."""
    config = Config(ALEMBIC_INI)
    head = ScriptDirectory.from_config(config).get_current_head()
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            _upgrade(engine, config, head)
            return
        except OperationalError as exc:
            # Processes opening one new SQLite file at once can meet "database is locked"
            # where SQLite does not wait (switching the file to WAL): wait as busy_timeout would.
            if not _locked(engine, exc) or time.monotonic() > deadline:
                raise _cannot_open(engine, exc) from exc
            time.sleep(0.05)
        except SQLAlchemyError as exc:
            raise _cannot_open(engine, exc) from exc


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A writer connection for migrations. On SQLite its foreign keys are off meanwhile: a
    migration that rebuilds a table (batch mode) drops the old one, and with them on, that
    DROP deletes every row referring to it (ON DELETE CASCADE: a documents rebuild would
    empty facts). The pragma only takes effect outside a transaction, so it is set before
    the first statement and again after the last."""
    with writer(engine).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            yield conn
        finally:
            if sqlite:
                conn.rollback()
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def _upgrade(engine: Engine, config: Config, head: str) -> None:
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with migrating(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() != head:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        conn.commit()


def _locked(engine: Engine, exc: OperationalError) -> bool:
    return engine.dialect.name == "sqlite" and "database is locked" in str(exc.orig)


def _cannot_open(engine: Engine, exc: SQLAlchemyError) -> StoreError:
    reason = getattr(exc, "orig", None) or exc
    return StoreError(f"cannot open database {engine.url.render_as_string(hide_password=True)}: {reason}")
