"""Alembic environment. Run by engine.migrate() on its open connection, or by
the alembic command line (see ../alembic.ini) on PLANWATCH_DATABASE_URL."""

from alembic import context

from planwatch import settings
from planwatch.store.engine import open_engine, writer
from planwatch.store.models import Base


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if "connection" in context.config.attributes:
    run(context.config.attributes["connection"])
else:
    engine = open_engine(settings.get("database_url"))
    with writer(engine).connect() as connection:
        run(connection)
        connection.commit()
    engine.dispose()
