"""When a member was last asked about their company's networking profile, and when they joined
the roster (so the scheduler asks each newcomer once, and nobody twice in a year).

Revision ID: 0015_network_prompts
Revises: 0014_inbound_claim_owner
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UtcDateTime

revision = "0015_network_prompts"
down_revision = "0014_inbound_claim_owner"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("network_prefs") as batch:
        batch.add_column(sa.Column("profile_due_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("profile_asked_at", UtcDateTime(), nullable=True))
    with op.batch_alter_table("network_profiles") as batch:
        batch.add_column(sa.Column("asked_at", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("network_profiles") as batch:
        batch.drop_column("asked_at")
    with op.batch_alter_table("network_prefs") as batch:
        batch.drop_column("profile_asked_at")
        batch.drop_column("profile_due_at")
