"""Pending dialog steps: the button a member's next message answers (대리참석 name, 애로사항).

Revision ID: 0004_dialog
Revises: 0003_schedule
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_dialog"
down_revision = "0003_schedule"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dialog_steps",
        sa.Column("address", sa.String(length=420), nullable=False),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("address", name=op.f("pk_dialog_steps")),
    )


def downgrade() -> None:
    op.drop_table("dialog_steps")
