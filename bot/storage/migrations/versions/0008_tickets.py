"""Advisor routing: tickets, relayed messages, advisors' absences and conflicts, FAQ cards.

Revision ID: 0008_tickets
Revises: 0007_network
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UtcDateTime

revision = "0008_tickets"
down_revision = "0007_network"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("state", sa.String(length=20), nullable=False, index=True),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id", ondelete="SET NULL")),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("groups.id", ondelete="SET NULL")),
        sa.Column("answer_id", sa.Integer(), sa.ForeignKey("answers.id", ondelete="SET NULL")),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("conversation", sa.String(length=200)),
        sa.Column("thread", sa.String(length=200)),
        sa.Column("is_group", sa.Boolean(), nullable=False),
        sa.Column(
            "advisor_id",
            sa.Integer(),
            sa.ForeignKey("advisors.id", ondelete="SET NULL"),
            index=True,
        ),
        sa.Column("tried", sa.JSON(), nullable=False),
        sa.Column("asked_at", UtcDateTime(), nullable=False),
        sa.Column("assigned_at", UtcDateTime()),
        sa.Column("sla_from", UtcDateTime(), nullable=False),
        sa.Column("sla_stage", sa.Integer(), nullable=False),
        sa.Column("paused_at", UtcDateTime()),
        sa.Column("answered_at", UtcDateTime()),
        sa.Column("rating", sa.Integer()),
        sa.Column("follow_up_used", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "ticket_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "advisor_away",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "advisor_id",
            sa.Integer(),
            sa.ForeignKey("advisors.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
    )
    op.create_table(
        "advisor_conflicts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "advisor_id",
            sa.Integer(),
            sa.ForeignKey("advisors.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "company_id",
            sa.Integer(),
            sa.ForeignKey("companies.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=200)),
        sa.UniqueConstraint("advisor_id", "company_id"),
    )
    op.create_table(
        "faq_cards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "ticket_id",
            sa.Integer(),
            sa.ForeignKey("tickets.id", ondelete="SET NULL"),
            unique=True,
        ),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("advisor_label", sa.String(length=100), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False, index=True),
        sa.Column("approved_by", sa.String(length=100), nullable=False),
        sa.Column("approved_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("faq_cards")
    op.drop_table("advisor_conflicts")
    op.drop_table("advisor_away")
    op.drop_table("ticket_messages")
    op.drop_table("tickets")
