"""An advisor's own office hours (KST), over which their tickets' SLA is counted; empty means
the default 09:00–18:00.

Revision ID: 0016_advisor_hours
Revises: 0015_network_prompts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_advisor_hours"
down_revision = "0015_network_prompts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("advisor_prefs") as batch:
        batch.add_column(sa.Column("work_start", sa.Time(), nullable=True))
        batch.add_column(sa.Column("work_end", sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("advisor_prefs") as batch:
        batch.drop_column("work_end")
        batch.drop_column("work_start")
