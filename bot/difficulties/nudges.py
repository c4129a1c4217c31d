"""The prompt before a 정례회 and the one gentle DM nudge, with a member's opt-out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst
from bot.difficulties import items
from bot.messages import Button, OutgoingMessage
from bot.storage.difficulty_models import NudgeOptOut
from bot.storage.event_models import Event
from bot.storage.federation_models import Group, Member

OPT_OUT_ACTION = "diff:optout"
SHARE_PREFIX = "diff:share"


def share_action(event: Event) -> str:
    """The action of the "share a difficulty" button for one meeting."""
    return f"{SHARE_PREFIX}:{event.id}"


def prompt_message(session: Session, event: Event) -> OutgoingMessage | None:
    """The prompt posted into the group's rooms, or ``None`` if the group is gone."""
    group = session.get(Group, event.group_id) if event.group_id else None
    if group is None:
        return None
    text = texts.diff_prompt(group.name, format_kst(event.starts_at))
    return OutgoingMessage(text, buttons=(Button(texts.DIFF_SHARE_BUTTON, share_action(event)),))


def opt_out(session: Session, *, member_id: int, now: datetime) -> str:
    """Stop nudges for a member; returns the confirmation."""
    if session.get(NudgeOptOut, member_id) is None:
        session.add(NudgeOptOut(member_id=member_id, at=now))
        session.flush()
    return texts.DIFF_OPTED_OUT


def nudge_message(session: Session, event: Event, member_id: int) -> OutgoingMessage | None:
    """The DM nudge, or ``None`` when the member opted out or already shared something.

    At most one nudge per member per meeting is guaranteed by the queue key; this decides
    whether that one is still worth sending.
    """
    member = session.get(Member, member_id)
    if member is None or event.group_id is None:
        return None
    if session.get(NudgeOptOut, member_id) is not None:
        return None
    if items.has_shared(
        session, member_id=member_id, group_id=event.group_id, meeting_at=event.starts_at
    ):
        return None
    buttons = (
        Button(texts.DIFF_SHARE_BUTTON, share_action(event)),
        Button(texts.DIFF_OPT_OUT_BUTTON, OPT_OUT_ACTION),
    )
    return OutgoingMessage(texts.diff_nudge(member.name, format_kst(event.starts_at)), buttons)
