"""Builds each queued row's message at send time, so it reflects the event as it is then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.difficulties import digest, nudges
from bot.difficulties.digest import RelatedDocs
from bot.messages import OutgoingMessage
from bot.schedule import content, rsvp
from bot.storage.event_models import Event
from bot.storage.schedule_models import ScheduledMessage


@dataclass(frozen=True, slots=True)
class MessageComposer:
    """The dispatcher's composer; ``related`` finds documents for the 애로사항 digest."""

    related: RelatedDocs | None = None

    def __call__(
        self, session: Session, row: ScheduledMessage, now: datetime
    ) -> OutgoingMessage | None:
        """The message for ``row``, or ``None`` when it no longer needs sending."""
        if row.payload is not None:
            return content.from_payload(row.payload)
        event = session.get(Event, row.event_id) if row.event_id else None
        if event is None or now >= event.starts_at:
            return None  # deleted, or already begun: never remind after the start
        if row.kind == "reminder":
            return content.reminder_message(event, now=now)
        if row.kind == "prompt":
            return nudges.prompt_message(session, event)
        if row.kind == "nudge" and row.member_id is not None:
            return nudges.nudge_message(session, event, row.member_id)
        if row.kind == "digest":
            return digest.digest(session, event, related=self.related)
        if row.kind == "rsvp_list":
            return OutgoingMessage(rsvp.rsvp_list(session, event))
        return None
