"""Who answers a ticket: the field's advisors who serve the member's group or federation.

Advisors with a recorded conflict of interest with the member's company, the asker themself
and advisors who already held the ticket are left out; those present today come before those
away; then the least open load; among equals the one whose last ticket is oldest (round robin).
``None`` means nobody fits and the secretariat takes it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.federation import advisors
from bot.storage.federation_models import Advisor, Member
from bot.storage.ticket_models import AdvisorAway, AdvisorConflict, Ticket

ACTIVE_STATES = ("assigned", "reassigned", "waiting_member")
"""States in which a ticket is an advisor's open work."""


def choose(session: Session, ticket: Ticket, now: datetime) -> Advisor | None:
    """The advisor ``ticket`` should go to at ``now``, or ``None`` for the secretariat."""
    candidates = [
        advisor
        for advisor in advisors.advisors_for(session, field=ticket.field, group_id=ticket.group_id)
        if advisor.id not in ticket.tried
        and advisor.member_id != ticket.member_id
        and not in_conflict(session, advisor, ticket.member_id)
    ]
    if not candidates:
        return None
    today = now.astimezone(KST).date()
    return min(
        candidates,
        key=lambda a: (
            is_away(session, a.id, today),
            open_load(session, a.id),
            _last_assigned(session, a.id),
            a.id,
        ),
    )


def in_conflict(session: Session, advisor: Advisor, member_id: int | None) -> bool:
    """Whether a conflict of interest is recorded between ``advisor`` and the member's company."""
    if member_id is None:
        return False
    member = session.get(Member, member_id)
    if member is None or member.company_id is None:
        return False
    found = session.scalar(
        select(AdvisorConflict.id).where(
            AdvisorConflict.advisor_id == advisor.id,
            AdvisorConflict.company_id == member.company_id,
        )
    )
    return found is not None


def is_away(session: Session, advisor_id: int, day: date) -> bool:
    """Whether the advisor marked ``day`` (KST) as away."""
    found = session.scalar(
        select(AdvisorAway.id).where(
            AdvisorAway.advisor_id == advisor_id,
            AdvisorAway.starts_on <= day,
            AdvisorAway.ends_on >= day,
        )
    )
    return found is not None


def open_load(session: Session, advisor_id: int) -> int:
    """How many tickets the advisor holds unanswered."""
    count = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(Ticket.advisor_id == advisor_id, Ticket.state.in_(ACTIVE_STATES))
    )
    return count or 0


def _last_assigned(session: Session, advisor_id: int) -> datetime:
    last = session.scalar(
        select(func.max(Ticket.assigned_at)).where(Ticket.advisor_id == advisor_id)
    )
    return last if last is not None else datetime.min.replace(tzinfo=KST)
