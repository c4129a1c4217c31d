"""The SLA clock of tickets, run by the scheduler: remind, reassign, escalate.

Counted in business days of the holder's office hours (weekends and Korean public holidays do
not count; see :mod:`bot.routing.deadlines`) from the ticket's ``sla_from``, which resuming after
a wait for the member moves so that the office time already spent is kept (the clock pauses).
Each field has its own steps; defaults: remind the advisor after 1 business day, reassign after
2, escalate to the secretariat after 3. Each step is taken once (``sla_stage``), audited, and its
messages queued in the same transaction, so running the sweep twice, or from two processes, does
it once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.messages import OutgoingMessage
from bot.routing import assignment, deadlines, relay, tickets
from bot.routing.availability import prefers_digest
from bot.schedule.planning import HolidayCheck, korean_holiday
from bot.storage.ticket_models import Ticket

REMIND, REASSIGN, ESCALATE = 1, 2, 3
"""The stages a ticket has been through (``Ticket.sla_stage``)."""


def sweep(session: Session, now: datetime, is_holiday: HolidayCheck = korean_holiday) -> int:
    """Take every SLA step that is due at ``now``; how many steps were taken. Also tells the
    advisors of FAQ cards that expired (once per card and expiry)."""
    from bot.routing import cards, digest

    taken = cards.remind_expired(session, now) + digest.send_digests(session, now, is_holiday)
    query = select(Ticket).where(Ticket.state.in_(assignment.ACTIVE_STATES)).order_by(Ticket.id)
    for ticket in session.scalars(query).all():
        if ticket.state == "waiting_member":
            continue  # the clock is paused
        days = deadlines.overdue_days(session, ticket, now, is_holiday)
        steps = deadlines.steps_for(session, ticket.field)
        if days >= steps.escalate and ticket.sla_stage < ESCALATE:
            ticket.sla_stage = ESCALATE
            tickets.escalate(session, ticket, now=now, actor=tickets.SYSTEM, reason="overdue")
            taken += 1
        elif days >= steps.reassign and ticket.sla_stage < REASSIGN:
            ticket.sla_stage = REASSIGN
            _reassign(session, ticket, now)
            taken += 1
        elif days >= steps.remind and ticket.sla_stage < REMIND:
            ticket.sla_stage = REMIND
            _remind(session, ticket, now)
            taken += 1
    return taken


def _remind(session: Session, ticket: Ticket, now: datetime) -> None:
    advisor = ticket.advisor
    audit.record(
        session,
        actor=tickets.SYSTEM,
        action="remind",
        entity="ticket",
        entity_id=ticket.id,
        advisor=ticket.advisor_id,
    )
    to = relay.advisor_address(session, advisor) if advisor is not None else None
    if advisor is None or to is None or prefers_digest(session, advisor.id):
        return  # a digest advisor sees it in the next morning's digest
    message = OutgoingMessage(
        texts.rt_reminder(ticket.id, ticket.question), buttons=relay.advisor_buttons(ticket.id)
    )
    step = f"remind:{advisor.id}"
    relay.send(session, ticket, step, to, message, now, member_id=advisor.member_id)


def _reassign(session: Session, ticket: Ticket, now: datetime) -> None:
    before = ticket.advisor
    if before is not None:
        to = relay.advisor_address(session, before)
        if to is not None:
            out = OutgoingMessage(texts.rt_taken_away(ticket.id))
            step = f"taken:{before.id}"
            relay.send(session, ticket, step, to, out, now, member_id=before.member_id)
        tickets.pass_on(session, ticket, by_member_id=None, now=now, reason="overdue")
