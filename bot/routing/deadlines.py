"""The SLA of each field and the office hours it is counted in.

The secretariat sets per field after how many business days the advisor is reminded, the ticket
is reassigned and it is escalated to the secretariat (``gyoryu tickets sla``); the settings live
in the federation's settings (``ticket_sla``), defaults 1/2/3. Business days are counted in the
holder's office hours: the advisor's own (``gyoryu advisors hours``) or 09:00–18:00 KST, which
is also the secretariat's. The member is promised an answer by the reassignment step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError
from bot.federation.groups import the_federation
from bot.routing import fields
from bot.routing.calendar import (
    DEFAULT_HOURS,
    Hours,
    add_business_days,
    business_days_between,
    business_time_before,
    business_time_between,
)
from bot.schedule.planning import HolidayCheck, korean_holiday
from bot.storage.federation_models import Advisor, Federation
from bot.storage.ticket_models import AdvisorPreference, Ticket

SLA_SETTING = "ticket_sla"
"""Where ``Federation.settings`` keeps the steps: ``{field: [remind, reassign, escalate]}``
(business days)."""


@dataclass(frozen=True)
class Steps:
    """Business days after which each SLA step is taken."""

    remind: int = 1
    reassign: int = 2
    escalate: int = 3


DEFAULT_STEPS = Steps()


def all_steps(session: Session) -> dict[str, Steps]:
    """Every field's steps, the defaults where the secretariat set none."""
    federation = session.scalars(select(Federation).order_by(Federation.id)).first()
    stored = ((federation.settings or {}) if federation is not None else {}).get(SLA_SETTING, {})
    return {f: Steps(*stored[f]) if f in stored else DEFAULT_STEPS for f in fields.FIELDS}


def steps_for(session: Session, field: str) -> Steps:
    """The steps of one field."""
    return all_steps(session).get(field, DEFAULT_STEPS)


def set_steps(
    session: Session,
    *,
    field: str,
    remind: int | None = None,
    reassign: int | None = None,
    escalate: int | None = None,
    actor: str,
) -> Steps:
    """Change some of a field's steps (the others stay); refused politely unless
    1 ≤ remind ≤ reassign ≤ escalate and the field is known."""
    if field not in fields.FIELDS:
        raise FederationError(texts.rt_sla_bad_field(field, fields.FIELDS))
    now = steps_for(session, field)
    steps = Steps(
        remind if remind is not None else now.remind,
        reassign if reassign is not None else now.reassign,
        escalate if escalate is not None else now.escalate,
    )
    if not 1 <= steps.remind <= steps.reassign <= steps.escalate:
        raise FederationError(texts.RT_SLA_BAD_ORDER)
    federation = the_federation(session)
    settings = dict(federation.settings or {})
    stored = dict(settings.get(SLA_SETTING, {}))
    stored[field] = [steps.remind, steps.reassign, steps.escalate]
    federation.settings = {**settings, SLA_SETTING: stored}
    audit.record(
        session,
        actor=actor,
        action="sla",
        entity="federation",
        entity_id=federation.id,
        field=field,
        steps=stored[field],
    )
    return steps


def hours_of(session: Session, advisor_id: int | None) -> Hours:
    """The advisor's office hours, or the default (also the secretariat's)."""
    found = session.get(AdvisorPreference, advisor_id) if advisor_id is not None else None
    if found is None or found.work_start is None or found.work_end is None:
        return DEFAULT_HOURS
    return Hours(found.work_start, found.work_end)


def set_hours(session: Session, *, advisor: Advisor, hours: Hours | None, actor: str) -> None:
    """Give the advisor their own office hours, or back the default with ``None``."""
    found = session.get(AdvisorPreference, advisor.id)
    if found is None:
        found = AdvisorPreference(advisor_id=advisor.id, daily_digest=False)
        session.add(found)
    found.work_start = hours.start if hours is not None else None
    found.work_end = hours.end if hours is not None else None
    audit.record(
        session,
        actor=actor,
        action="hours",
        entity="advisor",
        entity_id=advisor.id,
        hours=hours.label() if hours is not None else None,
    )


def overdue_days(
    session: Session, ticket: Ticket, now: datetime, is_holiday: HolidayCheck = korean_holiday
) -> int:
    """Business days the ticket has waited for its holder, in the holder's hours (the clock
    stops while waiting for the member)."""
    end = ticket.paused_at if ticket.paused_at is not None else now
    hours = hours_of(session, ticket.advisor_id)
    return business_days_between(ticket.sla_from, end, is_holiday, hours)


def is_late(session: Session, ticket: Ticket, days: int) -> bool:
    """Whether ``days`` is past what the member was promised (the reassignment step)."""
    return days >= steps_for(session, ticket.field).reassign


def promised_by(
    session: Session, ticket: Ticket, is_holiday: HolidayCheck = korean_holiday
) -> tuple[int, datetime]:
    """Business days promised to the member and the moment they run out, in the holder's hours."""
    days = steps_for(session, ticket.field).reassign
    hours = hours_of(session, ticket.advisor_id)
    return days, add_business_days(ticket.asked_at, days, is_holiday, hours)


def resume(
    session: Session, ticket: Ticket, now: datetime, is_holiday: HolidayCheck = korean_holiday
) -> None:
    """Restart a paused clock at ``now`` with the office time already spent kept: a question
    paused on Friday afternoon and resumed on Monday morning has not lost the weekend, nor
    gained the nights."""
    if ticket.paused_at is None:
        return
    hours = hours_of(session, ticket.advisor_id)
    spent = business_time_between(ticket.sla_from, ticket.paused_at, hours, is_holiday)
    ticket.sla_from = business_time_before(now, spent, hours, is_holiday)
    ticket.paused_at = None
