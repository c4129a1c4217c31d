"""Tables of the federation: groups, companies, members, advisors, chat links, events and audit.

Every timestamp is stored timezone-aware in UTC; callers convert to KST for display.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from bot.clock import utcnow
from bot.storage.base import Base


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp that reads back aware on SQLite too (which drops offsets)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes and store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware one (KST or UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Mark values read from SQLite as UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class Federation(Base):
    """A regional federation (연합회): the top of the hierarchy and the source of defaults."""

    __tablename__ = "federations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    # How many KSIC digits make two companies "the same industry" (2 = 중분류 … 5 = 세세분류).
    industry_digits: Mapped[int] = mapped_column(Integer, default=3)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    groups: Mapped[list[Group]] = relationship(back_populates="federation")


class Group(Base):
    """An exchange group (교류회) of 10–20 companies, one per industry."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("federation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    meeting_rule: Mapped[str | None] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    federation: Mapped[Federation] = relationship(back_populates="groups")
    subgroups: Mapped[list[SubGroup]] = relationship(back_populates="group")


class SubGroup(Base):
    """A sub-group (분과/소모임) inside a large group."""

    __tablename__ = "subgroups"
    __table_args__ = (UniqueConstraint("group_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))

    group: Mapped[Group] = relationship(back_populates="subgroups")


class Company(Base):
    """A member company, with the facts members use to find partners."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    business_number: Mapped[str | None] = mapped_column(String(10), unique=True)
    ksic_code: Mapped[str | None] = mapped_column(String(6))
    ksic_name: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(100))
    products: Mapped[str | None] = mapped_column(Text)
    processes: Mapped[str | None] = mapped_column(Text)
    certifications: Mapped[str | None] = mapped_column(Text)
    looking_for: Mapped[str | None] = mapped_column(Text)


class GroupCompany(Base):
    """A company's seat in a group; ``override_reason`` records an admin's industry exception."""

    __tablename__ = "group_companies"
    __table_args__ = (UniqueConstraint("group_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    override_reason: Mapped[str | None] = mapped_column(Text)

    group: Mapped[Group] = relationship()
    company: Mapped[Company] = relationship()


class Member(Base):
    """A person: company executive, secretariat staff or advisor."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    consent_scope: Mapped[str | None] = mapped_column(String(200))
    # Optimistic locking: a concurrent edit of the same member fails instead of being lost.
    version: Mapped[int] = mapped_column(Integer, default=1)

    company: Mapped[Company | None] = relationship()
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="member", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Membership(Base):
    """A member's place in a group, with their role there (member, 회장, 간사)."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("member_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    subgroup_id: Mapped[int | None] = mapped_column(ForeignKey("subgroups.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(20), default="member")
    joined_on: Mapped[date | None] = mapped_column(Date)

    member: Mapped[Member] = relationship(back_populates="memberships")
    group: Mapped[Group] = relationship()
    subgroup: Mapped[SubGroup | None] = relationship()


class Advisor(Base):
    """An outside expert's profile; the person is a :class:`Member` with the advisor role."""

    __tablename__ = "advisors"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True
    )
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    affiliation: Mapped[str | None] = mapped_column(String(200))
    availability: Mapped[str | None] = mapped_column(String(200))
    federation_wide: Mapped[bool] = mapped_column(Boolean, default=True)

    member: Mapped[Member] = relationship()
    groups: Mapped[list[Group]] = relationship(secondary="advisor_groups")


class AdvisorGroup(Base):
    """A group an advisor serves when not federation-wide."""

    __tablename__ = "advisor_groups"

    advisor_id: Mapped[int] = mapped_column(
        ForeignKey("advisors.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )


class ChatIdentity(Base):
    """A platform account; linked to a member once verified, else a pending request or guest."""

    __tablename__ = "chat_identities"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    platform_user_id: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))  # "verified" | "pending"
    display_name: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    member: Mapped[Member | None] = relationship()


class InviteCode(Base):
    """A one-time, expiring code an admin issues to link one member's chat account.

    Only a hash is kept: the code itself is shown once, when issued.
    """

    __tablename__ = "invite_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    issued_by: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ChatRoom(Base):
    """A group chat (platform + chat id) attached to a group, with its own setting overrides."""

    __tablename__ = "chat_rooms"
    __table_args__ = (UniqueConstraint("platform", "chat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    chat_id: Mapped[str] = mapped_column(String(200))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    group: Mapped[Group | None] = relationship()


class EventSeries(Base):
    """A recurring event definition (e.g. 매월 둘째 주 화요일 19시) stored as an RRULE."""

    __tablename__ = "event_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    rrule: Mapped[str] = mapped_column(Text)
    first_start: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    place: Mapped[str | None] = mapped_column(String(200))


class Event(Base):
    """One dated event, either one-off or an occurrence of an :class:`EventSeries`."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    federation_id: Mapped[int] = mapped_column(ForeignKey("federations.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_series.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str | None] = mapped_column(Text)

    group: Mapped[Group | None] = relationship()


class Rsvp(Base):
    """A member's answer to an event; kept with ``member_id`` cleared when the member is erased."""

    __tablename__ = "rsvps"
    __table_args__ = (UniqueConstraint("event_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10))  # 참석 | 불참 | 미정 | 대리참석
    proxy_name: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class AuditEntry(Base):
    """Who changed what, when. Details name fields and ids, never personal values."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
