"""Member networking: profiles and consent, preferences, introductions, needs, pairing rounds.

Revision ID: 0007_network
Revises: 0006_room_sightings
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UtcDateTime

revision = "0007_network"
down_revision = "0006_room_sightings"
branch_labels = None
depends_on = None


def _company(name: str, *, nullable: bool = False, on_delete: str = "CASCADE") -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey("companies.id", ondelete=on_delete), nullable=nullable
    )


def _member(name: str, *, nullable: bool = True, on_delete: str = "SET NULL") -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey("members.id", ondelete=on_delete), nullable=nullable
    )


def upgrade() -> None:
    op.create_table(
        "network_profiles",
        sa.Column(
            "company_id",
            sa.Integer(),
            sa.ForeignKey("companies.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("scope_at", UtcDateTime(), nullable=True),
        _member("scope_by"),
        sa.Column("patents", sa.Text(), nullable=True),
        sa.Column("seeking", sa.JSON(), nullable=False),
        sa.Column("confirmed_at", UtcDateTime(), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )
    op.create_table(
        "network_prefs",
        sa.Column(
            "member_id",
            sa.Integer(),
            sa.ForeignKey("members.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("intro_quota", sa.Integer(), nullable=True),
        sa.Column("suggestions", sa.Boolean(), nullable=False),
        sa.Column("pairing", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "network_introductions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _member("asker_id"),
        _company("asker_company_id"),
        _company("target_company_id"),
        _member("target_id"),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.Column("met", sa.Boolean(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=True),
    )
    op.create_index("ix_network_introductions_asker_id", "network_introductions", ["asker_id"])
    op.create_table(
        "network_needs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _member("member_id", nullable=False, on_delete="CASCADE"),
        _company("company_id", nullable=True, on_delete="SET NULL"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
    )
    op.create_index("ix_network_needs_member_id", "network_needs", ["member_id"])
    op.create_table(
        "network_need_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "need_id",
            sa.Integer(),
            sa.ForeignKey("network_needs.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _company("company_id"),
        _member("member_id"),
        sa.Column("interested", sa.Boolean(), nullable=True),
        sa.Column("answered_at", UtcDateTime(), nullable=True),
        sa.UniqueConstraint("need_id", "company_id"),
    )
    op.create_table(
        "network_pairings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round", sa.String(length=20), nullable=False),
        sa.Column("party", sa.Integer(), nullable=False),
        sa.Column(
            "group_id",
            sa.Integer(),
            sa.ForeignKey("groups.id", ondelete="SET NULL"),
            nullable=True,
        ),
        _company("first_id"),
        _company("second_id"),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.UniqueConstraint("first_id", "second_id"),
    )
    op.create_index("ix_network_pairings_round", "network_pairings", ["round"])


def downgrade() -> None:
    op.drop_table("network_pairings")
    op.drop_table("network_need_notes")
    op.drop_table("network_needs")
    op.drop_table("network_introductions")
    op.drop_table("network_prefs")
    op.drop_table("network_profiles")
