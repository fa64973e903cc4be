"""commitment_reviews: people's decisions on commitments (confirm, correct, reject, add), kept
across re-extraction as those on facts; commitments carry their reviewed state

Revision ID: 0011
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commitment_reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("period", sa.Text, nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("object", sa.Text, nullable=False),
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
    op.create_index("ix_commitment_reviews_content", "commitment_reviews", ["sha256", "current"])
    with op.batch_alter_table("commitments") as batch:
        batch.add_column(sa.Column("review", sa.String(16), nullable=False, server_default="unreviewed"))
        batch.add_column(sa.Column("decision_id", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("commitments") as batch:
        batch.drop_column("decision_id")
        batch.drop_column("review")
    op.drop_index("ix_commitment_reviews_content", "commitment_reviews")
    op.drop_table("commitment_reviews")
