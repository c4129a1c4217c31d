"""Tables of the federation's directory: federations, groups, companies, members and advisors.

Every timestamp is stored timezone-aware in UTC; callers convert to KST for display.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.storage.base import Base, UtcDateTime


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
    # When the member withdrew their consent (PIPA 동의 철회); the two fields above are then
    # cleared, and recording consent again clears this one.
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
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
