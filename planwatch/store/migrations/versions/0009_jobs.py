"""background jobs: the jobs table (what an upload became: its bytes until read, its
stage, its outcome), and on PostgreSQL procrastinate's queue schema

On PostgreSQL the queue itself is procrastinate's (its tables, functions and triggers,
all named procrastinate_*), installed here from the schema.sql the pinned version ships,
so `planwatch db upgrade` (or any command that opens the store) leaves a fresh database
ready for `planwatch worker` with no hand step. SQLite has no queue tables: the server's
own worker thread reads the jobs table.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=True),
        sa.Column("user_name", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stage", sa.String(16), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error_kind", sa.String(16), nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL"), nullable=True),
        sa.Column("added", sa.Boolean, nullable=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("started_at", _WHEN, nullable=True),
        sa.Column("finished_at", _WHEN, nullable=True),
    )
    op.create_index("ix_jobs_status", "jobs", ["status", "id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        # Its SQL as one script, straight to the driver: SQLAlchemy would read its colons as parameters.
        bind.connection.driver_connection.execute(SchemaManager.get_schema())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.connection.driver_connection.execute(_DROP_PROCRASTINATE)
    op.drop_index("ix_jobs_status", table_name="jobs")
    op.drop_table("jobs")


# Everything procrastinate's schema.sql creates is named procrastinate_*.
_DROP_PROCRASTINATE = """
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT 'DROP TABLE IF EXISTS ' || quote_ident(tablename) || ' CASCADE' AS s
             FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate\\_%'
    LOOP EXECUTE r.s; END LOOP;
    FOR r IN SELECT 'DROP FUNCTION IF EXISTS ' || p.oid::regprocedure || ' CASCADE' AS s
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\\_%'
    LOOP EXECUTE r.s; END LOOP;
    FOR r IN SELECT 'DROP TYPE IF EXISTS ' || quote_ident(typname) || ' CASCADE' AS s
             FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = current_schema() AND typname LIKE 'procrastinate\\_%' AND typtype IN ('e', 'c')
    LOOP EXECUTE r.s; END LOOP;
END $$;
"""
