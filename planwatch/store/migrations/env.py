"""Alembic environment: always run by planwatch.store.engine.migrate() on an
open connection (no alembic.ini, no logging setup of its own)."""

from alembic import context

from planwatch.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
