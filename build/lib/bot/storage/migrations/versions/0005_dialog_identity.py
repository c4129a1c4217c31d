"""Dialog steps name their chat account (platform, user id), so erasing a member finds them.

Revision ID: 0005_dialog_identity
Revises: 0004_dialog
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_dialog_identity"
down_revision = "0004_dialog"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Steps live for minutes: the few pending ones are dropped rather than back-filled.
    op.execute("DELETE FROM dialog_steps")
    with op.batch_alter_table("dialog_steps") as batch:
        batch.add_column(sa.Column("platform", sa.String(length=20), nullable=False))
        batch.add_column(sa.Column("user_id", sa.String(length=200), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("dialog_steps") as batch:
        batch.drop_column("user_id")
        batch.drop_column("platform")
