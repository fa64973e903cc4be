"""documents (versioned by content hash), facts, indicator catalogue

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Exact decimals: NUMERIC in PostgreSQL, the decimal's text in SQLite (see models.ExactDecimal).
DECIMAL = sa.Numeric().with_variant(sa.String(64), "sqlite")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("superseded", sa.Boolean, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("encoding", sa.String(40), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("region", sa.Text),
        sa.Column("region_key", sa.Text),
        sa.Column("region_level", sa.String(16)),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("report_years", sa.JSON, nullable=False),
        sa.Column("target_years", sa.JSON, nullable=False),
        sa.Column("plan_span", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("meeting", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("original", sa.LargeBinary),
        sa.Column("fact_count", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", "version", name="uq_documents_name_version"),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    op.create_index("ix_documents_region_key", "documents", ["region_key"])
    op.create_index("ix_documents_current", "documents", ["superseded", "name"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("indicator", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("measure", sa.String(16), nullable=False),
        sa.Column("value", DECIMAL),
        sa.Column("upper", DECIMAL),
        sa.Column("also", sa.JSON, nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("comparator", sa.String(2)),
        sa.Column("text", sa.Text),
        sa.Column("estimated", sa.Boolean, nullable=False),
        sa.Column("stretch", sa.Boolean, nullable=False),
        sa.Column("cumulative", sa.Boolean, nullable=False),
        sa.Column("attribute", sa.Text),
        sa.Column("department", sa.Text),
        sa.Column("assessment", sa.Text),
        sa.Column("name_as_written", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("extractor_version", sa.String(40), nullable=False),
    )
    op.create_index("ix_facts_document", "facts", ["document_id"])
    op.create_index("ix_facts_identity", "facts", ["indicator", "period", "role"])
    op.create_table(
        "indicators",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("category", sa.Text),
        sa.Column("unit", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("indicators")
    op.drop_table("facts")
    op.drop_table("documents")
