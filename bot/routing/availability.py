"""Advisors' absences (``/부재``) and recorded conflicts of interest, set by them or the
secretariat; assignment reads both (:mod:`bot.routing.assignment`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.federation import audit
from bot.storage.federation_models import Advisor, Company
from bot.storage.ticket_models import AdvisorAway, AdvisorConflict, AdvisorPreference


def set_away(
    session: Session, *, advisor: Advisor, starts_on: date, ends_on: date, actor: str
) -> AdvisorAway:
    """Mark ``advisor`` away from ``starts_on`` to ``ends_on`` (KST days, inclusive)."""
    away = AdvisorAway(advisor_id=advisor.id, starts_on=starts_on, ends_on=ends_on)
    session.add(away)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="away",
        entity="advisor",
        entity_id=advisor.id,
        starts_on=starts_on.isoformat(),
        ends_on=ends_on.isoformat(),
    )
    return away


def add_conflict(
    session: Session, *, advisor: Advisor, company: Company, reason: str | None, actor: str
) -> None:
    """Record that ``advisor`` must never get tickets from ``company``'s people."""
    found = session.scalars(
        select(AdvisorConflict).where(
            AdvisorConflict.advisor_id == advisor.id, AdvisorConflict.company_id == company.id
        )
    ).first()
    if found is None:
        session.add(AdvisorConflict(advisor_id=advisor.id, company_id=company.id, reason=reason))
    audit.record(
        session,
        actor=actor,
        action="conflict",
        entity="advisor",
        entity_id=advisor.id,
        company=company.id,
    )


def prefers_digest(session: Session, advisor_id: int) -> bool:
    """Whether the advisor asked for one daily digest instead of a message per ticket."""
    found = session.get(AdvisorPreference, advisor_id)
    return found is not None and found.daily_digest


def set_digest(session: Session, *, advisor: Advisor, daily: bool, actor: str) -> None:
    """Switch the advisor's daily digest on or off."""
    found = session.get(AdvisorPreference, advisor.id)
    if found is None:
        session.add(AdvisorPreference(advisor_id=advisor.id, daily_digest=daily))
    else:
        found.daily_digest = daily
    audit.record(
        session, actor=actor, action="digest", entity="advisor", entity_id=advisor.id, daily=daily
    )
