"""One morning message per advisor who prefers it: their open tickets, instead of one DM each.

Sent on business days from 09:00 KST by the scheduler round (through :mod:`bot.routing.sla`),
once per advisor and day (the queue's key names the day). It lists numbers, fields and
questions only, never who asked.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.messages import OutgoingMessage
from bot.routing import assignment, relay
from bot.routing.calendar import is_business_day
from bot.schedule import content, queue
from bot.schedule.planning import HolidayCheck, korean_holiday
from bot.storage.federation_models import Advisor
from bot.storage.ticket_models import AdvisorPreference, Ticket

KIND = "tdigest"
HOUR = 9


def send_digests(session: Session, now: datetime, is_holiday: HolidayCheck = korean_holiday) -> int:
    """Queue today's digest for every advisor who wants one and has open tickets."""
    local = now.astimezone(KST)
    if local.hour < HOUR or not is_business_day(local.date(), is_holiday):
        return 0
    wanted = select(Advisor).join(AdvisorPreference).where(AdvisorPreference.daily_digest.is_(True))
    queued = 0
    for advisor in session.scalars(wanted):
        open_tickets = session.scalars(
            select(Ticket)
            .where(Ticket.advisor_id == advisor.id, Ticket.state.in_(assignment.ACTIVE_STATES))
            .order_by(Ticket.id)
        ).all()
        to = relay.advisor_address(session, advisor)
        if not open_tickets or to is None:
            continue
        entries = [(t.id, t.field, t.question, t.state == "waiting_member") for t in open_tickets]
        message = OutgoingMessage(texts.rt_digest(entries))
        queued += queue.enqueue(
            session,
            key=f"{KIND}:{advisor.id}:{local.strftime('%Y%m%d')}",
            kind=KIND,
            to=to,
            due_at=now,
            expires_at=now + timedelta(hours=12),
            member_id=advisor.member_id,
            payload=content.to_payload(message),
        )
    return queued
