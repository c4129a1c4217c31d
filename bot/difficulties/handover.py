"""Handing a shared 애로사항 to an advisor: a ticket carrying the item, from the digest's button
or the secretariat's console alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.federation import audit
from bot.messages import Address
from bot.routing import tickets
from bot.storage.difficulty_models import Difficulty
from bot.storage.ticket_models import Ticket


def hand_over(
    session: Session,
    *,
    item: Difficulty,
    leader_id: int,
    asked_at: Address,
    now: datetime,
    actor: str,
) -> Ticket:
    """Open a ticket for ``item``; its answer comes back to ``asked_at`` (the leader's).

    The author's company rules out advisors in conflict (the leader's when the item has lost its
    author); the item's field and anonymity carry over. The hand-over is audited on the item.
    """
    ticket = tickets.open_ticket(
        session,
        question=item.text,
        asked_at=asked_at,
        member_id=item.member_id if item.member_id is not None else leader_id,
        now=now,
        actor=actor,
        field=item.field,
        anonymous=item.anonymous,
    )
    audit.record(
        session,
        actor=actor,
        action="hand_over",
        entity="difficulty",
        entity_id=item.id,
        ticket=ticket.id,
    )
    return ticket
