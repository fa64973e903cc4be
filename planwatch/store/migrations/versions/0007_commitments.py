"""commitments: tasks and projects a document promises or reports, beside its facts

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Exact decimals: NUMERIC in PostgreSQL, the decimal's text in SQLite (see models.ExactDecimal).
DECIMAL = sa.Numeric().with_variant(sa.String(64), "sqlite")


def upgrade() -> None:
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("object", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("action", sa.Text),
        sa.Column("value", DECIMAL),
        sa.Column("unit", sa.Text),
        sa.Column("comparator", sa.String(16)),
        sa.Column("money", DECIMAL),
        sa.Column("names", sa.JSON, nullable=False),
        sa.Column("responsible", sa.Text),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("upper", DECIMAL),
        sa.Column("role_basis", sa.JSON),
        sa.Column("period_basis", sa.JSON),
        sa.Column("extractor_version", sa.String(40), nullable=False),
    )
    op.create_index("ix_commitments_document", "commitments", ["document_id"])
    op.create_index("ix_commitments_identity", "commitments", ["period", "stage", "role"])


def downgrade() -> None:
    op.drop_index("ix_commitments_identity", "commitments")
    op.drop_index("ix_commitments_document", "commitments")
    op.drop_table("commitments")
