"""전문가 상담 for the secretariat: tickets with their SLA status, FAQ cards due for
re-verification, advisors and their away periods.

Reassigning (:func:`bot.routing.tickets.assign`) and approving an answer as a card
(:func:`bot.routing.cards.approve`) are routing's own use-cases; this module gathers what the
console and ``gyoryu tickets`` show, and parses the secretariat's dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError, NotFoundError
from bot.routing import assignment, availability, deadlines, tickets
from bot.routing.calendar import parse_hours
from bot.storage.federation_models import Advisor, Group
from bot.storage.ticket_models import AdvisorAway, FaqCard, Ticket

RECHECK_AHEAD = timedelta(days=30)
"""FAQ cards expiring within this many days are due for re-verification."""


@dataclass(frozen=True)
class TicketLine:
    """One ticket as the list shows it; ``sla`` is ``ok``, ``late`` (past the promised
    business days), ``paused`` (waiting for the member) or ``done``; ``due`` is when the
    promised business days run out in the holder's office hours (the receipt's date)."""

    id: int
    state: str
    field: str
    group_id: int | None
    group: str | None
    advisor_id: int | None
    advisor: str | None
    asked_at: datetime
    question: str
    anonymous: bool
    business_days: int
    sla: str
    answered: bool
    due: datetime


@dataclass(frozen=True)
class CardLine:
    """An FAQ card near or past its expiry."""

    id: int
    ticket_id: int | None
    field: str
    question: str
    advisor_label: str
    expires_on: date
    expired: bool


@dataclass(frozen=True)
class AdvisorLine:
    """An advisor, their fields and load, whether away today and their away periods to come."""

    id: int
    name: str
    fields: tuple[str, ...]
    open_tickets: int
    away_today: bool
    away: tuple[tuple[date, date], ...]
    daily_digest: bool
    hours: str = "09:00-18:00"
    """The office hours their tickets' SLA is counted in (``gyoryu advisors hours``)."""


def ticket_list(
    session: Session,
    *,
    now: datetime,
    scope: frozenset[int] | None,
    state: str | None = None,
    field: str | None = None,
    limit: int | None = 500,
) -> list[TicketLine]:
    """Tickets, newest first, optionally of one state and field; with ``scope`` only those
    asked in those groups (what the console and ``gyoryu tickets list`` show)."""
    query = select(Ticket).order_by(Ticket.id.desc())
    if state:
        query = query.where(Ticket.state == state)
    if field:
        query = query.where(Ticket.field == field)
    if scope is not None:
        query = query.where(Ticket.group_id.in_(scope))
    names = {ident: name for ident, name in session.execute(select(Group.id, Group.name))}
    return [_line(session, ticket, names, now) for ticket in session.scalars(query.limit(limit))]


def ticket_group(session: Session, ticket_id: int) -> int | None:
    """The group a ticket was asked in (``None`` for a DM from outside any group)."""
    return tickets.get(session, ticket_id).group_id


def late_tickets(
    session: Session, *, now: datetime, scope: frozenset[int] | None
) -> list[TicketLine]:
    """Tickets still waiting for their holder past the promised business days (오늘)."""
    return [t for t in ticket_list(session, now=now, scope=scope, limit=None) if t.sla == "late"]


def cards_due(
    session: Session, *, now: datetime, within: timedelta = RECHECK_AHEAD
) -> list[CardLine]:
    """FAQ cards expired or expiring within ``within`` (30 days by default), soonest first."""
    today = now.astimezone(KST).date()
    query = select(FaqCard).where(FaqCard.expires_on <= today + within)
    return [
        CardLine(
            id=card.id,
            ticket_id=card.ticket_id,
            field=card.field,
            question=card.question,
            advisor_label=card.advisor_label,
            expires_on=card.expires_on,
            expired=card.expires_on < today,
        )
        for card in session.scalars(query.order_by(FaqCard.expires_on, FaqCard.id))
    ]


def advisor_list(session: Session, *, now: datetime) -> list[AdvisorLine]:
    """Every advisor with their open load and the away periods not yet over."""
    today = now.astimezone(KST).date()
    found = []
    for advisor in session.scalars(select(Advisor).order_by(Advisor.id)):
        periods = [
            (start, end)
            for start, end in session.execute(
                select(AdvisorAway.starts_on, AdvisorAway.ends_on)
                .where(AdvisorAway.advisor_id == advisor.id, AdvisorAway.ends_on >= today)
                .order_by(AdvisorAway.starts_on)
            )
        ]
        found.append(
            AdvisorLine(
                id=advisor.id,
                name=advisor.member.name,
                fields=tuple(advisor.fields or ()),
                open_tickets=assignment.open_load(session, advisor.id),
                away_today=assignment.is_away(session, advisor.id, today),
                away=tuple(periods),
                daily_digest=availability.prefers_digest(session, advisor.id),
                hours=deadlines.hours_of(session, advisor.id).label(),
            )
        )
    return found


def set_away(
    session: Session, *, advisor_id: int, start: str, end: str, actor: str
) -> tuple[date, date]:
    """Mark an advisor away from ``start`` to ``end`` (``YYYY-MM-DD``, inclusive) and return the
    two days; new tickets go to others meanwhile. An end before the start is refused."""
    starts_on, ends_on = parse_day(start), parse_day(end)
    if ends_on < starts_on:
        raise FederationError(texts.ADM_AWAY_END_BEFORE_START)
    advisor = find_advisor(session, advisor_id)
    availability.set_away(
        session, advisor=advisor, starts_on=starts_on, ends_on=ends_on, actor=actor
    )
    return starts_on, ends_on


def find_advisor(session: Session, advisor_id: int) -> Advisor:
    """An advisor by number, or a polite :class:`NotFoundError`."""
    found = session.get(Advisor, advisor_id)
    if found is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor_id)))
    return found


def parse_day(text: str) -> date:
    """A ``YYYY-MM-DD`` date, or a :class:`FederationError` saying how to write it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FederationError(texts.adm_bad_day(text)) from None


def _line(session: Session, ticket: Ticket, names: dict[int, str], now: datetime) -> TicketLine:
    days = deadlines.overdue_days(session, ticket, now)
    if ticket.state == "waiting_member":
        status = "paused"
    elif ticket.state in tickets.HELD_STATES or ticket.state == "open":
        status = "late" if deadlines.is_late(session, ticket, days) else "ok"
    else:
        status = "done"
    advisor = ticket.advisor
    return TicketLine(
        id=ticket.id,
        state=ticket.state,
        field=ticket.field,
        group_id=ticket.group_id,
        group=names.get(ticket.group_id) if ticket.group_id is not None else None,
        advisor_id=ticket.advisor_id,
        advisor=advisor.member.name if advisor is not None else None,
        asked_at=ticket.asked_at,
        question=ticket.question,
        anonymous=ticket.anonymous,
        business_days=days,
        sla=status,
        answered=any(message.kind == "answer" for message in ticket.messages),
        due=deadlines.promised_by(session, ticket)[1],
    )


@dataclass(frozen=True)
class SlaLine:
    """One field's SLA steps in business days."""

    field: str
    remind: int
    reassign: int
    escalate: int


def sla_settings(session: Session) -> list[SlaLine]:
    """Every field's SLA steps (``gyoryu tickets sla``)."""
    return [
        SlaLine(field, steps.remind, steps.reassign, steps.escalate)
        for field, steps in deadlines.all_steps(session).items()
    ]


def set_sla(
    session: Session,
    *,
    field: str,
    remind: int | None = None,
    reassign: int | None = None,
    escalate: int | None = None,
    actor: str,
) -> SlaLine:
    """Change a field's SLA steps (those not given stay); audited. Out-of-order steps or an
    unknown field are refused politely."""
    steps = deadlines.set_steps(
        session, field=field, remind=remind, reassign=reassign, escalate=escalate, actor=actor
    )
    return SlaLine(field, steps.remind, steps.reassign, steps.escalate)


def set_hours(session: Session, *, advisor_id: int, hours: str | None, actor: str) -> str | None:
    """Give an advisor their own office hours (``10:00-17:00``; ``None`` for the default
    09:00–18:00); their tickets' SLA is counted in them. Returns the hours saved, or ``None``
    for the default. Hours that do not read as start before end are refused politely."""
    advisor = find_advisor(session, advisor_id)
    if hours is None:
        deadlines.set_hours(session, advisor=advisor, hours=None, actor=actor)
        return None
    parsed = parse_hours(hours)
    if parsed is None:
        raise FederationError(texts.RT_HOURS_BAD)
    deadlines.set_hours(session, advisor=advisor, hours=parsed, actor=actor)
    return parsed.label()
