"""Tables of member networking: profiles and consent, introductions, needs, pairing rounds.

A company's profile facts that the roster already knows (products, processes, certifications,
관심분야) stay on :class:`~bot.storage.federation_models.Company`; :class:`NetworkProfile` adds
what only networking needs: who may find the company (its consent, recorded with date and by whom),
patents, the kinds of partner it looks for, and when it was last confirmed.
Timestamps are timezone-aware UTC; callers show KST.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.clock import utcnow
from bot.storage.base import Base, UtcDateTime

SCOPES = ("private", "group", "federation")
"""비공개 (nobody finds it) · 교류회 (its own groups' members) · 연합회 (every member)."""


class NetworkProfile(Base):
    """A company's networking consent and the profile facts beyond the roster's."""

    __tablename__ = "network_profiles"

    company_id: Mapped[int] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True
    )
    scope: Mapped[str] = mapped_column(String(12), default="private")
    scope_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Who gave (or withdrew) the consent; kept as a member id so their erasure finds it.
    scope_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    patents: Mapped[str | None] = mapped_column(Text)
    seeking: Mapped[list[str]] = mapped_column(JSON, default=list)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # When someone at the company was last asked whether the profile is still right.
    asked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class NetworkPrefs(Base):
    """A member's networking settings: their monthly introduction limit and what they opted into."""

    __tablename__ = "network_prefs"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True
    )
    intro_quota: Mapped[int | None] = mapped_column(Integer)
    suggestions: Mapped[bool] = mapped_column(Boolean, default=True)
    pairing: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when the member joined the roster: ask them once to fill in their company's profile.
    profile_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # When the member was last asked about the profile (never twice within a year).
    profile_asked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


INTRO_STATES = ("pending", "accepted", "declined", "expired")
OUTCOMES = ("contact", "meeting", "quote", "joint", "deal")
"""The ladder asked three months after an introduction: 연락만 … 거래·계약."""


class Introduction(Base):
    """One company asking to be introduced to another (double opt-in).

    The pair of companies stays after a member's erasure (without who asked or why), so a
    declined pair is never proposed again and the federation's figures hold.
    """

    __tablename__ = "network_introductions"

    id: Mapped[int] = mapped_column(primary_key=True)
    asker_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    asker_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    target_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10), default="request")  # request · pairing
    state: Mapped[str] = mapped_column(String(10), default="pending")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    met: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[str | None] = mapped_column(String(10))


class Need(Base):
    """A need a member posted (``/구해요``), sent privately to the best-matching companies."""

    __tablename__ = "network_needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class NeedNote(Base):
    """A need as sent to one company's representative, and their answer (관심 있어요 / 아니에요)."""

    __tablename__ = "network_need_notes"
    __table_args__ = (UniqueConstraint("need_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("network_needs.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    interested: Mapped[bool | None] = mapped_column(Boolean)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Pairing(Base):
    """Two companies paired in a round (``2026-03``); a pair is never paired again.

    An odd count makes one party of three: its three pairs share the round's ``party`` number.
    """

    __tablename__ = "network_pairings"
    __table_args__ = (UniqueConstraint("first_id", "second_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round: Mapped[str] = mapped_column(String(20), index=True)
    party: Mapped[int] = mapped_column(Integer)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    # The smaller company id first, so a pair has one spelling.
    first_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    second_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
