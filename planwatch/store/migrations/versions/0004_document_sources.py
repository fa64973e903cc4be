"""documents are who they are: each remembers the sources (paths) it was read from

A document's versions follow its source (a path as given), no longer its file name
and a region guess: two reports named 2021.md in two folders are two documents,
so (name, region, version) is no longer unique. Documents stored before this keep
being versioned by name and region until a source is seen for them.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "source", name="uq_document_sources_document_source"),
    )
    op.create_index("ix_document_sources_source", "document_sources", ["source"])
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_name_region_version", type_="unique")
    op.create_index("ix_documents_name_region", "documents", ["name", "region_key"])


def downgrade() -> None:
    op.drop_index("ix_documents_name_region", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.create_unique_constraint("uq_documents_name_region_version", ["name", "region_key", "version"])
    op.drop_index("ix_document_sources_source", "document_sources")
    op.drop_table("document_sources")
