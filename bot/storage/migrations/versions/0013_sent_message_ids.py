"""The platform's id of each proactive message sent, so that a reply to it can be recognised
(an advisor answers a ticket by replying to the DM that brought it).

Revision ID: 0013_sent_message_ids
Revises: 0012_send_slots
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_sent_message_ids"
down_revision = "0012_send_slots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scheduled_messages") as batch:
        batch.add_column(sa.Column("platform_message_id", sa.String(100), nullable=True))
        batch.create_index(
            batch.f("ix_scheduled_messages_platform_message_id"), ["platform_message_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("scheduled_messages") as batch:
        batch.drop_index(batch.f("ix_scheduled_messages_platform_message_id"))
        batch.drop_column("platform_message_id")
