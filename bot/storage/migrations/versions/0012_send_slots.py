"""Recent sends per destination, so several processes share the platforms' rate limits.

Revision ID: 0012_send_slots
Revises: 0011_inbound_claims
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_send_slots"
down_revision = "0011_inbound_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_slots",
        sa.Column("key", sa.String(length=40), primary_key=True),
        sa.Column("sent", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("send_slots")
