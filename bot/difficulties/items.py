"""Shared 애로사항: sharing one, the author editing or withdrawing it, and a meeting's items.

A meeting's items are those shared since the group's previous 정례회 (or in the month before,
for a group's first), and not withdrawn.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.events import MEETING_KIND
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event
from knowledge.fields import guess_field

FIRST_CYCLE = timedelta(days=31)


class DifficultyError(Exception):
    """A request about an item was refused; the message is the Korean reply."""


def share(
    session: Session,
    *,
    group_id: int,
    member_id: int | None,
    text: str,
    now: datetime,
    anonymous: bool = False,
) -> Difficulty:
    """Store a difficulty with a guessed advisor field (세무, 노무, 자금 …)."""
    cleaned = text.strip()
    if not cleaned:
        raise DifficultyError(texts.DIFF_EMPTY_TEXT)
    item = Difficulty(
        group_id=group_id,
        member_id=member_id,
        anonymous=anonymous,
        text=cleaned,
        field=guess_field(cleaned),
        created_at=now,
    )
    session.add(item)
    session.flush()
    return item


def edit(session: Session, *, item_id: int, member_id: int, text: str, now: datetime) -> Difficulty:
    """Let the author reword their item; the field is guessed again."""
    item = _own(session, item_id, member_id)
    cleaned = text.strip()
    if not cleaned:
        raise DifficultyError(texts.DIFF_EMPTY_TEXT)
    item.text, item.field, item.updated_at = cleaned, guess_field(cleaned), now
    return item


def withdraw(session: Session, *, item_id: int, member_id: int, now: datetime) -> str:
    """Let the author take their item back (it leaves every list and digest); the reply."""
    _own(session, item_id, member_id).withdrawn_at = now
    return texts.DIFF_WITHDRAWN


def saved_reply(item: Difficulty) -> str:
    """What the member reads after sharing (or editing) an item."""
    return texts.diff_saved(item.field, item.anonymous)


def cycle_start(session: Session, *, group_id: int, before: datetime) -> datetime:
    """Where the current meeting cycle began: the group's previous 정례회, else a month ago."""
    previous = session.scalar(
        select(Event.starts_at)
        .where(Event.group_id == group_id, Event.kind == MEETING_KIND, Event.starts_at < before)
        .order_by(Event.starts_at.desc())
        .limit(1)
    )
    return previous if previous is not None else before - FIRST_CYCLE


def items_before(session: Session, *, group_id: int, meeting_at: datetime) -> list[Difficulty]:
    """The live items for the meeting at ``meeting_at``, oldest first."""
    since = cycle_start(session, group_id=group_id, before=meeting_at)
    query = select(Difficulty).where(
        Difficulty.group_id == group_id,
        Difficulty.withdrawn_at.is_(None),
        Difficulty.created_at >= since,
        Difficulty.created_at < meeting_at,
    )
    return list(session.scalars(query.order_by(Difficulty.created_at, Difficulty.id)))


def own_items(
    session: Session, *, member_id: int, group_id: int, now: datetime
) -> list[Difficulty]:
    """The member's live items in the group since its last 정례회 (the next meeting's), oldest
    first; what they may still want to edit or withdraw.
    """
    since = cycle_start(session, group_id=group_id, before=now)
    query = select(Difficulty).where(
        Difficulty.group_id == group_id,
        Difficulty.member_id == member_id,
        Difficulty.withdrawn_at.is_(None),
        Difficulty.created_at >= since,
    )
    return list(session.scalars(query.order_by(Difficulty.created_at, Difficulty.id)))


def has_shared(session: Session, *, member_id: int, group_id: int, meeting_at: datetime) -> bool:
    """Whether the member already shared something for this meeting (withdrawn ones count)."""
    since = cycle_start(session, group_id=group_id, before=meeting_at)
    found = session.scalar(
        select(Difficulty.id).where(
            Difficulty.group_id == group_id,
            Difficulty.member_id == member_id,
            Difficulty.created_at >= since,
        )
    )
    return found is not None


def _own(session: Session, item_id: int, member_id: int) -> Difficulty:
    item = session.get(Difficulty, item_id)
    if item is None or item.withdrawn_at is not None:
        raise DifficultyError(texts.DIFF_NOT_FOUND)
    if item.member_id != member_id:
        raise DifficultyError(texts.DIFF_NOT_AUTHOR)
    return item
