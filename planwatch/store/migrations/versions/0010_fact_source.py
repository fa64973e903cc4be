"""facts: the written source of a fact entered by hand (填报)

A figure no stored document states (one from the statistics bureau) is entered by a
reviewer with its source written down; the column follows planwatch.model.Fact.source.
Such facts belong to their region's entries document (doc_type "entries", store/entries.py).

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("source", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("source")
