"""Which process holds an inbound message's claim: only that one sends its reply, and it keeps the
claim fresh while it works, so a slow answer is never taken over by a second process.

Revision ID: 0014_inbound_claim_owner
Revises: 0013_sent_message_ids
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_inbound_claim_owner"
down_revision = "0013_sent_message_ids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_messages") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbound_messages") as batch:
        batch.drop_column("claimed_by")
