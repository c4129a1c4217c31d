"""When a process claimed an inbound message (to answer it, then to send the reply).

A message is claimed when recorded ("answering") and marked "sending" before its reply goes
out; a claim older than the answer lease belongs to a process that died.

Revision ID: 0011_inbound_claims
Revises: 0010_console_admins
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UtcDateTime

revision = "0011_inbound_claims"
down_revision = "0010_console_admins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_messages") as batch:
        batch.add_column(sa.Column("claimed_at", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inbound_messages") as batch:
        batch.drop_column("claimed_at")
