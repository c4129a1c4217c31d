"""The group health report: is a group more than a dinner club?

Per group and month, for the secretariat: members, attendance at its 정례회 held so far (the
members' RSVP answers 참석 and 대리참석 over members × meetings already started — the RSVPs are
the only attendance the bot knows; a meeting still ahead counts only once it has begun),
애로사항 shared, questions its members asked, tickets to advisors (:mod:`bot.routing`),
introductions its companies asked for and accepted, and outcomes reached (a meeting or higher
on the ladder). A group above :data:`SUBGROUP_AT` members gets a suggestion of 분과 by related
industries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST, utcnow
from bot.federation.errors import FederationError
from bot.federation.events import MEETING_KIND
from bot.storage.conversation_models import AnswerRecord
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event, Rsvp
from bot.storage.federation_models import Company, Group, GroupCompany, Membership
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import Introduction

SUBGROUP_AT = 15
"""Past this many members, conversations stop being specific: suggest 분과."""
ATTENDING = ("참석", "대리참석")
THEMES: tuple[tuple[str, frozenset[str]], ...] = (
    ("식품·바이오", frozenset({"10", "11", "20", "21"})),
    ("소재·화학", frozenset({"13", "16", "17", "18", "19", "22", "23"})),
    ("금속·기계", frozenset({"24", "25", "29", "30", "31"})),
    ("전기·전자", frozenset({"26", "27", "28"})),
    ("생활·가구", frozenset({"32", "33"})),
)
"""Related KSIC divisions (2 digits) for 분과; the rest are grouped as 서비스·건설·기타."""


@dataclass(frozen=True, slots=True)
class GroupHealth:
    """One group's figures for one month."""

    group: str
    month: str
    members: int
    meetings: int
    attendance_rate: float | None
    difficulties: int
    questions: int
    tickets: int
    intros_requested: int
    intros_accepted: int
    outcomes: int
    subgroups: dict[str, list[str]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The figures as a JSON object (English keys, for other tools)."""
        return asdict(self)


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """The first moment of ``YYYY-MM`` (KST) and of the month after."""
    try:
        year, number = (int(part) for part in month.split("-"))
        start = datetime(year, number, 1, tzinfo=KST)
    except ValueError as bad:
        raise FederationError(texts.net_bad_month(month)) from bad
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=KST)
    return start, end


def month_of(now: datetime) -> str:
    """``now``'s month in KST as ``YYYY-MM``."""
    return f"{now.astimezone(KST):%Y-%m}"


def report(
    session: Session, *, month: str, group: Group | None = None, now: datetime | None = None
) -> list[GroupHealth]:
    """The figures of every group (or one) for ``month``, as known at ``now`` (default: now)."""
    chosen = [group] if group else list(session.scalars(select(Group).order_by(Group.name)))
    moment = now or utcnow()
    return [_health(session, g, month, moment) for g in chosen]


def _health(session: Session, group: Group, month: str, now: datetime) -> GroupHealth:
    start, end = month_bounds(month)
    member_ids = list(
        session.scalars(select(Membership.member_id).where(Membership.group_id == group.id))
    )
    meetings = list(
        session.scalars(
            select(Event.id).where(
                Event.group_id == group.id,
                Event.kind == MEETING_KIND,
                Event.starts_at >= start,
                Event.starts_at < end,
                Event.starts_at <= now,
            )
        )
    )
    # Only the group's own members' answers: a guest's RSVP is not a seat of the group.
    attending = (
        session.scalar(
            select(func.count(Rsvp.id)).where(
                Rsvp.event_id.in_(meetings),
                Rsvp.member_id.in_(member_ids),
                Rsvp.status.in_(ATTENDING),
            )
        )
        or 0
    )
    seats = len(member_ids) * len(meetings)
    difficulties = session.scalar(
        select(func.count(Difficulty.id)).where(
            Difficulty.group_id == group.id,
            Difficulty.created_at >= start,
            Difficulty.created_at < end,
            Difficulty.withdrawn_at.is_(None),
        )
    )
    accounts = list(
        session.execute(
            select(ChatIdentity.platform, ChatIdentity.platform_user_id).where(
                ChatIdentity.member_id.in_(member_ids)
            )
        )
    )
    questions = _count_by_accounts(session, accounts, start, end)
    tickets = _tickets(session, group, start, end)
    companies = select(GroupCompany.company_id).where(GroupCompany.group_id == group.id)
    theirs = or_(
        Introduction.asker_company_id.in_(companies), Introduction.target_company_id.in_(companies)
    )
    in_month = and_(Introduction.created_at >= start, Introduction.created_at < end)
    requested = session.scalar(select(func.count(Introduction.id)).where(theirs, in_month)) or 0
    accepted = (
        session.scalar(
            select(func.count(Introduction.id)).where(
                theirs, in_month, Introduction.state == "accepted"
            )
        )
        or 0
    )
    outcomes = (
        session.scalar(
            select(func.count(Introduction.id)).where(
                theirs,
                Introduction.state == "accepted",
                or_(
                    Introduction.met.is_(True),
                    Introduction.outcome.in_(("meeting", "quote", "joint", "deal")),
                ),
            )
        )
        or 0
    )
    return GroupHealth(
        group=group.name,
        month=month,
        members=len(member_ids),
        meetings=len(meetings),
        attendance_rate=round(attending / seats, 2) if seats else None,
        difficulties=difficulties or 0,
        questions=questions,
        tickets=tickets,
        intros_requested=requested,
        intros_accepted=accepted,
        outcomes=outcomes,
        subgroups=subgroups(session, group) if len(member_ids) > SUBGROUP_AT else {},
    )


def _count_by_accounts(
    session: Session, accounts: list[Any], start: datetime, end: datetime
) -> int:
    """Questions the accounts asked in the month."""
    if not accounts:
        return 0
    mine = or_(*(and_(AnswerRecord.platform == p, AnswerRecord.user_id == u) for p, u in accounts))
    query = select(func.count(AnswerRecord.id)).where(
        mine, AnswerRecord.created_at >= start, AnswerRecord.created_at < end
    )
    return session.scalar(query) or 0


def _tickets(session: Session, group: Group, start: datetime, end: datetime) -> int:
    """Tickets to advisors the group's members opened in the month (advisor routing)."""
    from bot.storage.ticket_models import Ticket

    query = select(func.count(Ticket.id)).where(
        Ticket.group_id == group.id, Ticket.asked_at >= start, Ticket.asked_at < end
    )
    return session.scalar(query) or 0


def subgroups(session: Session, group: Group) -> dict[str, list[str]]:
    """The group's companies by related industries: a starting point for 분과."""
    found: dict[str, list[str]] = {}
    rows = session.execute(
        select(Company.name, Company.ksic_code)
        .join(GroupCompany, GroupCompany.company_id == Company.id)
        .where(GroupCompany.group_id == group.id)
        .order_by(Company.name)
    )
    for name, code in rows:
        division = (code or "").lstrip("ABCDEFGHIJKLMNOPQRSTU")[:2]
        theme = next((t for t, divisions in THEMES if division in divisions), texts.NET_THEME_OTHER)
        found.setdefault(theme, []).append(name)
    return found
