"""애로사항 for the secretariat: each group's items before its next 정례회 by field, the digest,
and handing an item to an advisor (as the digest's button does in chat).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.difficulties import digest, handover, items
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.schedule import audience
from bot.storage.difficulty_models import Difficulty
from bot.storage.federation_models import Group, Member
from knowledge.fields import FIELDS


@dataclass(frozen=True)
class Item:
    """One shared item: its author (``익명`` when anonymous) and the ticket it went to, if any."""

    id: int
    text: str
    author: str
    created_at: datetime
    ticket_id: int | None


@dataclass(frozen=True)
class GroupItems:
    """A group's items for its next 정례회 (or shared since its last one, without a next one)."""

    group_id: int
    group: str
    meeting_title: str | None
    meeting_at: datetime | None
    by_field: list[tuple[str, list[Item]]]

    @property
    def count(self) -> int:
        """How many items the group has."""
        return sum(len(found) for _, found in self.by_field)


@dataclass(frozen=True)
class HandedOver:
    """The ticket an item became."""

    ticket_id: int
    field: str


def board(session: Session, *, now: datetime, scope: frozenset[int] | None) -> list[GroupItems]:
    """Every group in ``scope`` (``None``: all) with its items by field, in the fields' order."""
    found = []
    for group in session.scalars(select(Group).order_by(Group.name)):
        if scope is not None and group.id not in scope:
            continue
        meeting = digest.next_meeting(session, group_id=group.id, now=now)
        meeting_at = meeting.starts_at if meeting is not None else now
        by_field: dict[str, list[Item]] = {}
        for item in items.items_before(session, group_id=group.id, meeting_at=meeting_at):
            by_field.setdefault(item.field or texts.DIFF_UNSORTED, []).append(_item(session, item))
        order = [*FIELDS, texts.DIFF_UNSORTED]
        found.append(
            GroupItems(
                group_id=group.id,
                group=group.name,
                meeting_title=meeting.title if meeting else None,
                meeting_at=meeting.starts_at if meeting else None,
                by_field=sorted(by_field.items(), key=lambda pair: order.index(pair[0])),
            )
        )
    return found


def digest_text(session: Session, *, group_id: int, now: datetime) -> str | None:
    """The digest the group's leaders receive before the next 정례회 (``None`` without one)."""
    meeting = digest.next_meeting(session, group_id=group_id, now=now)
    message = digest.digest(session, meeting) if meeting is not None else None
    return message.text if message is not None else None


def group_of(session: Session, item_id: int) -> int:
    """The group an item was shared in (a withdrawn or unknown item is not found)."""
    return _live(session, item_id).group_id


def hand_to_advisor(
    session: Session, *, item_id: int, member_id: int, now: datetime, actor: str
) -> HandedOver:
    """Open a ticket for the item; the advisor's answer reaches the member ``member_id`` (the
    admin handing it over) in their chat DM, so they need a linked chat account.
    """
    item = _live(session, item_id)
    to = audience.direct_address(session, member_id)
    if to is None:
        raise FederationError(texts.ADM_DIFF_NOT_LINKED)
    if _ticket_of(session, item.id) is not None:
        raise FederationError(texts.ADM_DIFF_ALREADY_HANDED)
    ticket = handover.hand_over(
        session, item=item, leader_id=member_id, asked_at=to, now=now, actor=actor
    )
    return HandedOver(ticket.id, ticket.field)


def _live(session: Session, item_id: int) -> Difficulty:
    item = session.get(Difficulty, item_id)
    if item is None or item.withdrawn_at is not None:
        raise NotFoundError(texts.DIFF_NOT_FOUND)
    return item


def _item(session: Session, item: Difficulty) -> Item:
    author = session.get(Member, item.member_id) if item.member_id else None
    shown = texts.DIFF_ANONYMOUS if item.anonymous or author is None else author.name
    return Item(item.id, item.text, shown, item.created_at, _ticket_of(session, item.id))


def _ticket_of(session: Session, item_id: int) -> int | None:
    handed = [
        entry.detail.get("ticket")
        for entry in audit.entries_for(session, entity="difficulty", entity_id=item_id)
        if entry.action == "hand_over"
    ]
    return int(handed[-1]) if handed and handed[-1] is not None else None
