"""Where documents or advisors are missing: unanswered questions, low-rated answers, tickets
past their SLA (``gyoryu gaps``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.clock import KST
from bot.routing import assignment, deadlines
from bot.storage.conversation_models import AnswerFeedback, AnswerRecord
from bot.storage.ticket_models import Ticket


def gaps(session: Session, *, now: datetime, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """Three lists for the secretariat, each a list of plain objects (the ``--json`` shape)."""
    return {
        "unanswered": unanswered(session, limit=limit),
        "low_rated": low_rated(session, limit=limit),
        "overdue": overdue(session, now=now),
    }


def unanswered(session: Session, *, limit: int) -> list[dict[str, Any]]:
    """Questions the documents could not answer, most often asked first."""
    rows = session.execute(
        select(
            AnswerRecord.question,
            AnswerRecord.route,
            func.count(),
            func.max(AnswerRecord.created_at),
        )
        .where(AnswerRecord.confident.is_(False))
        .group_by(AnswerRecord.question, AnswerRecord.route)
        .order_by(func.count().desc(), func.max(AnswerRecord.created_at).desc())
        .limit(limit)
    )
    return [
        {
            "question": q,
            "field": route,
            "times": n,
            "last_asked": last.astimezone(KST).isoformat(timespec="minutes"),
        }
        for q, route, n, last in rows
    ]


def low_rated(session: Session, *, limit: int) -> list[dict[str, Any]]:
    """Advisor answers rated 부족해요 and document answers rated 👎."""
    found: list[dict[str, Any]] = [
        {"kind": "ticket", "id": t.id, "question": t.question, "field": t.field}
        for t in session.scalars(select(Ticket).where(Ticket.rating == -1).order_by(Ticket.id))
    ]
    answers = session.execute(
        select(AnswerRecord.id, AnswerRecord.question, AnswerRecord.route)
        .join(AnswerFeedback, AnswerFeedback.answer_id == AnswerRecord.id)
        .where(AnswerFeedback.verdict < 0)
        .order_by(AnswerRecord.id)
        .limit(limit)
    )
    found += [{"kind": "answer", "id": i, "question": q, "field": route} for i, q, route in answers]
    return found[:limit]


def overdue(session: Session, *, now: datetime) -> list[dict[str, Any]]:
    """Tickets still waiting for their holder past the promised business days."""
    held = (*assignment.ACTIVE_STATES, "escalated")
    found = []
    for ticket in session.scalars(select(Ticket).where(Ticket.state.in_(held)).order_by(Ticket.id)):
        days = deadlines.overdue_days(session, ticket, now)
        if deadlines.is_late(session, ticket, days) and ticket.state != "waiting_member":
            found.append(
                {
                    "id": ticket.id,
                    "state": ticket.state,
                    "field": ticket.field,
                    "advisor": ticket.advisor_id,
                    "business_days": days,
                    "asked_at": ticket.asked_at.astimezone(KST).isoformat(timespec="minutes"),
                }
            )
    return found
