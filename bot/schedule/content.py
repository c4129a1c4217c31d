"""What scheduled messages say: reminders with RSVP buttons, change and cancellation notices.

Also the (de)serialisation of an :class:`OutgoingMessage` into a queue row's JSON payload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot import texts
from bot.clock import KST, format_kst
from bot.messages import Button, OutgoingMessage
from bot.schedule.rsvp import rsvp_action
from bot.storage.event_models import Event


def rsvp_buttons(event: Event) -> tuple[Button, ...]:
    """참석 / 불참 / 미정 / 대리참석 buttons for one occurrence of an event."""
    return tuple(
        Button(label, rsvp_action(event, answer)) for answer, label in texts.MTG_RSVP_LABELS.items()
    )


def reminder_message(event: Event, *, now: datetime) -> OutgoingMessage:
    """The reminder for ``event`` as sent at ``now`` ("내일 열려요" is worked out from ``now``)."""
    days = (event.starts_at.astimezone(KST).date() - now.astimezone(KST).date()).days
    text = texts.mtg_reminder(
        event.title,
        texts.mtg_day_phrase(days),
        format_kst(event.starts_at),
        event.place,
        event.agenda,
    )
    return OutgoingMessage(text, buttons=rsvp_buttons(event))


def refreshed_reminder(event: Event, counts: dict[str, int], *, now: datetime) -> OutgoingMessage:
    """The reminder again, with the answers so far, to replace the one whose button was pressed."""
    reminder = reminder_message(event, now=now)
    text = f"{reminder.text}\n{texts.mtg_rsvp_tally(counts)}"
    return OutgoingMessage(text, buttons=reminder.buttons, edits_origin=True)


def change_notice(event: Event) -> OutgoingMessage:
    """The notice each room gets once when ``event`` changed (with fresh RSVP buttons)."""
    text = texts.mtg_changed(event.title, format_kst(event.starts_at), event.place)
    return OutgoingMessage(text, buttons=rsvp_buttons(event))


def cancel_notice(event: Event) -> OutgoingMessage:
    """The notice each room gets once when ``event`` is cancelled."""
    return OutgoingMessage(texts.mtg_cancelled(event.title, format_kst(event.starts_at)))


def to_payload(message: OutgoingMessage) -> dict[str, Any]:
    """A JSON-ready form of ``message`` for a queue row."""
    return {
        "text": message.text,
        "buttons": [[button.label, button.action] for button in message.buttons],
    }


def from_payload(payload: dict[str, Any]) -> OutgoingMessage:
    """The message stored by :func:`to_payload`."""
    buttons = tuple(Button(label, action) for label, action in payload.get("buttons", []))
    return OutgoingMessage(str(payload["text"]), buttons=buttons)
