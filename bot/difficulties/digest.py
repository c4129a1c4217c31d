"""The digest for the leader and 간사: items grouped by field, each with what the docs already say.

The knowledge base is reached through an injected function (question → ``(title, section)``
pairs), so the digest does not depend on how retrieval is built or whether it is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst
from bot.difficulties import items
from bot.federation.events import MEETING_KIND
from bot.messages import Button, OutgoingMessage
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event
from bot.storage.federation_models import Group, Member
from knowledge.fields import FIELDS

RelatedDocs = Callable[[str], list[tuple[str, str]]]
"""Finds documents on a question: a list of (title, section), best first."""

ADVISE_PREFIX = "diff:advise"
RELATED_PER_ITEM = 2


def advise_action(item: Difficulty) -> str:
    """The action of the button that hands one item to an advisor (routing picks it up)."""
    return f"{ADVISE_PREFIX}:{item.id}"


def digest(
    session: Session, event: Event, *, related: RelatedDocs | None = None
) -> OutgoingMessage | None:
    """The agenda-ready digest for a group's meeting; ``None`` if the group is gone."""
    group = session.get(Group, event.group_id) if event.group_id else None
    if group is None:
        return None
    found = items.items_before(session, group_id=group.id, meeting_at=event.starts_at)
    heading = texts.diff_digest_heading(group.name, format_kst(event.starts_at), len(found))
    if not found:
        return OutgoingMessage(f"{heading}\n\n{texts.DIFF_NONE_YET}")
    lines, buttons = [heading], []
    number = 0
    for field, members in _by_field(found):
        lines += ["", texts.diff_field_heading(field, len(members))]
        for item in members:
            number += 1
            lines.append(texts.diff_item_line(number, item.text, _author(session, item)))
            lines.append(_related_line(item, related))
            buttons.append(Button(texts.diff_advise_button(number), advise_action(item)))
    return OutgoingMessage("\n".join(lines), buttons=tuple(buttons))


def next_meeting(session: Session, *, group_id: int, now: datetime) -> Event | None:
    """The group's next 정례회 (what ``/애로`` shows the list for)."""
    return session.scalars(
        select(Event)
        .where(Event.group_id == group_id, Event.kind == MEETING_KIND, Event.starts_at > now)
        .order_by(Event.starts_at)
        .limit(1)
    ).first()


def _by_field(found: list[Difficulty]) -> list[tuple[str, list[Difficulty]]]:
    order = [*FIELDS, texts.DIFF_UNSORTED]
    grouped: dict[str, list[Difficulty]] = {}
    for item in found:
        grouped.setdefault(item.field or texts.DIFF_UNSORTED, []).append(item)
    return sorted(grouped.items(), key=lambda pair: order.index(pair[0]))


def _author(session: Session, item: Difficulty) -> str:
    member = session.get(Member, item.member_id) if item.member_id else None
    if item.anonymous or member is None:
        return texts.DIFF_ANONYMOUS
    return member.name


def _related_line(item: Difficulty, related: RelatedDocs | None) -> str:
    sources = related(item.text)[:RELATED_PER_ITEM] if related else []
    if not sources:
        return "   " + texts.DIFF_NO_DOCUMENTS
    shown = [f"{title} · {section}" if section else title for title, section in sources]
    return texts.diff_related(shown)
