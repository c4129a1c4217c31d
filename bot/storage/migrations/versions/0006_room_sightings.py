"""Who was seen in each group room (a room's audience is capped by its least entitled person).

Revision ID: 0006_room_sightings
Revises: 0005_dialog_identity
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UtcDateTime

revision = "0006_room_sightings"
down_revision = "0005_dialog_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_sightings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("chat_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("first_seen_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("platform", "chat_id", "user_id"),
    )


def downgrade() -> None:
    op.drop_table("room_sightings")
