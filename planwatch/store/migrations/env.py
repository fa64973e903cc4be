"""Alembic environment. Run by engine.migrate() on its open connection, or by
the alembic command line (see ../alembic.ini) on PLANWATCH_DATABASE_URL."""

from alembic import context

from planwatch import settings
from planwatch.store.engine import migrating, open_engine
from planwatch.store.models import Base


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    """The search index (search_documents and SQLite FTS5's shadow tables) is built by
    planwatch.store.search, and procrastinate's queue tables by its own schema.sql (0009):
    leave them out of comparisons."""
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
    return not (table or "").startswith(("search_documents", "procrastinate_"))


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      include_object=_ours)
    with context.begin_transaction():
        context.run_migrations()


if "connection" in context.config.attributes:
    run(context.config.attributes["connection"])
else:
    engine = open_engine(settings.get("database_url"))
    with migrating(engine) as connection:
        run(connection)
        connection.commit()
    engine.dispose()
