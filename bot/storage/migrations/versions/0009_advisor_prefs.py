"""Advisors' preferences: one daily digest of open tickets instead of one message each.

Revision ID: 0009_advisor_prefs
Revises: 0008_tickets
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_advisor_prefs"
down_revision = "0008_tickets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advisor_prefs",
        sa.Column(
            "advisor_id",
            sa.Integer(),
            sa.ForeignKey("advisors.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("daily_digest", sa.Boolean(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("advisor_prefs")
