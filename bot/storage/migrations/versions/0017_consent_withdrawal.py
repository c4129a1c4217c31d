"""A member's withdrawal of their personal-data consent (PIPA 동의 철회), with its date.

Revision ID: 0017_consent_withdrawal
Revises: 0016_advisor_hours
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_consent_withdrawal"
down_revision = "0016_advisor_hours"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(
            sa.Column("consent_withdrawn_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_column("consent_withdrawn_at")
