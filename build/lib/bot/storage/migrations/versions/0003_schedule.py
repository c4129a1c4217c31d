"""Scheduled messages, per-event schedule settings, 애로사항 and nudge opt-outs.

Revision ID: 0003_schedule
Revises: 0002_conversations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_schedule"
down_revision = "0002_conversations"
branch_labels = None
depends_on = None


def _when(name: str, *, nullable: bool = True) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "scheduled_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("occurrence", sa.String(length=8), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("conversation", sa.String(length=200), nullable=True),
        sa.Column("thread", sa.String(length=200), nullable=True),
        sa.Column("is_group", sa.Boolean(), nullable=False),
        _when("due_at", nullable=False),
        _when("expires_at", nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("next_attempt_at"),
        _when("lease_until"),
        sa.Column("lease_owner", sa.String(length=40), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _when("sent_at"),
        sa.Column("payload", sa.JSON(), nullable=True),
        _when("created_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_scheduled_messages_event_id_events"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_scheduled_messages_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_messages")),
        sa.UniqueConstraint("key", "target", name="uq_scheduled_messages_key_target"),
    )
    with op.batch_alter_table("scheduled_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scheduled_messages_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index("ix_scheduled_messages_state_due", ["state", "due_at"], unique=False)

    op.create_table(
        "event_schedule_overrides",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_schedule_overrides_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_schedule_overrides")),
    )

    op.create_table(
        "difficulties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=True),
        _when("created_at", nullable=False),
        _when("updated_at"),
        _when("withdrawn_at"),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["groups.id"],
            name=op.f("fk_difficulties_group_id_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_difficulties_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_difficulties")),
    )
    with op.batch_alter_table("difficulties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_difficulties_group_id"), ["group_id"], unique=False)

    op.create_table(
        "nudge_opt_outs",
        sa.Column("member_id", sa.Integer(), nullable=False),
        _when("at", nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_nudge_opt_outs_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_nudge_opt_outs")),
    )


def downgrade() -> None:
    op.drop_table("nudge_opt_outs")
    with op.batch_alter_table("difficulties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_difficulties_group_id"))
    op.drop_table("difficulties")
    op.drop_table("event_schedule_overrides")
    with op.batch_alter_table("scheduled_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_scheduled_messages_state_due")
        batch_op.drop_index(batch_op.f("ix_scheduled_messages_event_id"))
    op.drop_table("scheduled_messages")
