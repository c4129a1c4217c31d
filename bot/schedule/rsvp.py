"""RSVP by button: short action strings, applying an answer, and the list for the leaders.

An action reads ``rsvp:<event id>:<yyyymmdd>:<answer>`` (well under Telegram's 64-byte and
Kakao's limits); the date tells us when a button predates a change of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst, kst_day
from bot.federation import events
from bot.federation.errors import FederationError
from bot.storage.event_models import Event, Rsvp
from bot.storage.federation_models import Member, Membership

PREFIX = "rsvp"


@dataclass(frozen=True, slots=True)
class RsvpAction:
    """A decoded RSVP button press."""

    event_id: int
    occurrence: str
    status: str


def rsvp_action(event: Event, answer: str) -> str:
    """The action string of one RSVP button (``answer`` is yes, no, maybe or proxy)."""
    return f"{PREFIX}:{event.id}:{kst_day(event.starts_at)}:{answer}"


def parse_action(action: str) -> RsvpAction | None:
    """Decode an RSVP action, or ``None`` if it is not one."""
    parts = action.split(":")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[1].isdigit():
        return None
    status = texts.MTG_RSVP_LABELS.get(parts[3])
    return RsvpAction(int(parts[1]), parts[2], status) if status else None


def apply_rsvp(
    session: Session,
    *,
    action: str,
    member: Member | None,
    now: datetime,
    proxy_name: str | None = None,
) -> str:
    """Record a member's button answer and return the confirmation (or why it was refused).

    For 대리참석 without ``proxy_name`` the answer asks for the name; the caller collects it and
    calls again with the same action.
    """
    decoded = parse_action(action)
    if decoded is None:
        return texts.MTG_BAD_ACTION
    if member is None:
        return texts.MTG_NOT_LINKED
    event = session.get(Event, decoded.event_id)
    if event is None or not may_answer(session, event, member):
        return texts.MTG_EVENT_GONE  # another group's event is not even named
    if now >= event.starts_at:
        return texts.MTG_ALREADY_STARTED
    try:
        events.set_rsvp(
            session,
            event=event,
            member=member,
            status=decoded.status,
            now=now,
            proxy_name=proxy_name,
        )
    except FederationError as refused:
        return str(refused)
    when = format_kst(event.starts_at)
    reply = texts.mtg_rsvp_done(decoded.status, event.title, when, proxy_name)
    if kst_day(event.starts_at) != decoded.occurrence:
        reply += " " + texts.mtg_moved_note(when)
    return reply


def may_answer(session: Session, event: Event, member: Member) -> bool:
    """Whether ``member`` was sent this event's buttons: any member for a federation-wide
    event, the group's members (and federation admins) for a group's event.

    Button data can be forged, so an answer to another group's event is refused.
    """
    if event.group_id is None or member.is_admin:
        return True
    return (
        session.scalar(
            select(Membership.id).where(
                Membership.member_id == member.id, Membership.group_id == event.group_id
            )
        )
        is not None
    )


@dataclass(frozen=True, slots=True)
class RsvpBoard:
    """Who answered what (names, a proxy shown beside the member) and who has not answered.

    ``silent`` lists a group event's members without an answer; a federation-wide event has none.
    """

    answers: dict[str, list[str]]
    silent: list[str]


def board(session: Session, event: Event) -> RsvpBoard:
    """The event's answers by status and its silent members (the leaders' list, the console)."""
    answers = session.execute(
        select(Rsvp, Member.name)
        .outerjoin(Member, Member.id == Rsvp.member_id)
        .where(Rsvp.event_id == event.id)
        .order_by(Member.name)
    ).all()
    by_status = {
        status: [_shown(rsvp, name) for rsvp, name in answers if rsvp.status == status]
        for status in events.RSVP_STATUSES
    }
    silent: list[str] = []
    if event.group_id is not None:
        answered = {rsvp.member_id for rsvp, _ in answers}
        silent = list(
            session.scalars(
                select(Member.name)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.group_id == event.group_id, Member.id.not_in(answered))
                .order_by(Member.name)
            )
        )
    return RsvpBoard(by_status, silent)


def rsvp_list(session: Session, event: Event) -> str:
    """Who answered what, plus who has not answered yet (group events), for the leaders."""
    lines = [texts.mtg_rsvp_list_heading(event.title, format_kst(event.starts_at))]
    found = board(session, event)
    lines += [texts.mtg_rsvp_list_line(status, names) for status, names in found.answers.items()]
    if event.group_id is not None:
        lines.append(texts.mtg_rsvp_list_line(texts.MTG_RSVP_NO_ANSWER, found.silent))
    return "\n".join(lines)


def _shown(rsvp: Rsvp, name: str | None) -> str:
    shown = name or texts.MTG_RSVP_DELETED_MEMBER
    return texts.mtg_rsvp_proxy(shown, rsvp.proxy_name) if rsvp.proxy_name else shown
