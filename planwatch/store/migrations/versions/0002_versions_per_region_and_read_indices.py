"""versions counted per file name and region; indices for the dashboard's reads

Two regions' files often share a name (政府工作报告.html): they are different
documents, not versions of each other.

The indices keep region and indicator pages fast on a national database
(bench/api_latency.py): a region's current documents newest first, and an
indicator's facts by measure and document.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_name_version", type_="unique")
        batch.create_unique_constraint("uq_documents_name_region_version", ["name", "region_key", "version"])
    op.create_index("ix_documents_region_current", "documents", ["region_key", "superseded", "date"])
    op.create_index("ix_facts_indicator_measure", "facts", ["indicator", "measure", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_facts_indicator_measure", "facts")
    op.drop_index("ix_documents_region_current", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_name_region_version", type_="unique")
        batch.create_unique_constraint("uq_documents_name_version", ["name", "version"])
