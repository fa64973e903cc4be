"""fact_reviews: people's decisions on facts (confirm, correct, reject, add), kept across
re-extraction; facts carry their reviewed state, documents the extractor version of their facts
and their review progress (reviewed and rejected counts)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fact_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("indicator", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("extracted", sa.JSON),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("conflict", sa.JSON),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("document_id", sa.Integer),
    )
    op.create_index("ix_fact_reviews_content", "fact_reviews", ["sha256", "current"])
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("review", sa.String(16), nullable=False, server_default="unreviewed"))
        batch.add_column(sa.Column("decision_id", sa.Integer))
    op.create_index("ix_facts_review", "facts", ["review", "confidence"])
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extractor_version", sa.String(40)))
        batch.add_column(sa.Column("reviewed_count", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("rejected_count", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("rejected_count")
        batch.drop_column("reviewed_count")
        batch.drop_column("extractor_version")
    op.drop_index("ix_facts_review", "facts")
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("decision_id")
        batch.drop_column("review")
    op.drop_index("ix_fact_reviews_content", "fact_reviews")
    op.drop_table("fact_reviews")
