"""facts: why each has its role and period (rule and deciding span), and a confidence

The comparator column is a String(16) code like role and measure: the facts table is
derived from planwatch.model.Fact, where all three are Literal codes.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("role_basis", sa.JSON))
        batch.add_column(sa.Column("period_basis", sa.JSON))
        batch.add_column(sa.Column("confidence", sa.Float))
        batch.alter_column("comparator", type_=sa.String(16), existing_type=sa.String(2))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.alter_column("comparator", type_=sa.String(2), existing_type=sa.String(16))
        batch.drop_column("confidence")
        batch.drop_column("period_basis")
        batch.drop_column("role_basis")
