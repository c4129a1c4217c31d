"""Schedule settings as the secretariat edits them: one layer (federation, group or event).

Values are checked with the parsers in :mod:`bot.schedule.rules` before anything is written;
:func:`effective` shows what applies after the event → group → federation → default fallback
and where each value comes from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.errors import FederationError
from bot.schedule import queue
from bot.schedule.rules import DEFAULTS, layers_for, override_event, rules_from, span_label
from bot.storage.event_models import Event
from bot.storage.federation_models import Federation, Group
from bot.storage.schedule_models import EventScheduleOverride

Layers = Sequence[tuple[str, Mapping[str, Any]]]
# The command-line option of each setting and an example value, for error messages.
OPTIONS = {
    "reminders": ("--reminders", "7d,1d,2h"),
    "quiet_hours": ("--quiet-hours", "21:00-08:00"),
    "skip_holidays": ("--holidays/--no-holidays", "--holidays"),
    "prompt_before": ("--prompt-before", "10d"),
    "nudge_before": ("--nudge-before", "6d"),
    "digest_before": ("--digest-before", "3d"),
    "rsvp_list_before": ("--rsvp-list-before", "1d"),
}
_SPANS = ("prompt_before", "nudge_before", "digest_before", "rsvp_list_before")


def checked(given: Mapping[str, str | bool | None]) -> dict[str, Any]:
    """The options that were given (not ``None``) as stored settings; a bad one is refused.

    ``reminders`` is comma-separated (``"7d,1d,2h"``). Raises :class:`FederationError` with a
    Korean message naming the option, before the caller writes anything.
    """
    settings: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        stored: Any = value
        if key == "reminders":
            stored = [part.strip() for part in str(value).split(",")]
        elif isinstance(value, str):
            stored = value.strip()
        try:
            rules = rules_from([{key: stored}])  # the same parsing planning uses
        except ValueError as error:
            option, example = OPTIONS[key]
            raise FederationError(texts.fed_bad_schedule(option, str(value), example)) from error
        if key == "reminders":
            stored = [span_label(span) for span in rules.reminders]
        elif key in _SPANS:
            stored = span_label(getattr(rules, key))
        settings[key] = stored
    return settings


def set_layer(owner: Federation | Group, settings: Mapping[str, Any], *, reset: bool) -> None:
    """Merge ``settings`` into the owner's ``"schedule"`` settings (cleared first on ``reset``)."""
    current = {} if reset else dict(owner.settings.get("schedule", {}))
    current.update(settings)
    rest = {key: value for key, value in owner.settings.items() if key != "schedule"}
    # A new dict, not an in-place change: the JSON column does not track mutations.
    owner.settings = {**rest, "schedule": current} if current else rest


def set_event(session: Session, event: Event, settings: Mapping[str, Any], *, reset: bool) -> None:
    """Merge ``settings`` into the event's override (dropped first on ``reset``)."""
    override = session.get(EventScheduleOverride, event.id)
    if reset and override is not None:
        session.delete(override)
        session.flush()
    if settings:
        override_event(session, event, **settings)


def federation_layers(federation: Federation) -> Layers:
    """The layers that apply federation-wide."""
    return [("federation", federation.settings.get("schedule", {}))]


def group_layers(group: Group) -> Layers:
    """The layers that apply to a group's events without overrides of their own."""
    return [("group", group.settings.get("schedule", {})), *federation_layers(group.federation)]


def event_layers(session: Session, event: Event) -> Layers:
    """The layers that apply to one event."""
    return layers_for(session, event)


def effective(layers: Layers) -> list[tuple[str, str, str]]:
    """Rows (label, value, source) of the schedule after the fallback, in Korean."""
    rules = rules_from([layer for _, layer in layers])
    shown = {
        "reminders": " · ".join(
            texts.fed_schedule_before(span_label(span)) for span in rules.reminders
        ),
        "quiet_hours": f"{rules.quiet_start:%H:%M}~{rules.quiet_end:%H:%M}",
        "skip_holidays": (
            texts.FED_SCHEDULE_SKIP_HOLIDAYS
            if rules.skip_holidays
            else texts.FED_SCHEDULE_SEND_HOLIDAYS
        ),
        **{key: texts.fed_schedule_before(span_label(getattr(rules, key))) for key in _SPANS},
    }
    return [
        (
            texts.FED_SCHEDULE_LABELS[key],
            shown[key],
            texts.FED_SCHEDULE_SOURCES[
                next((name for name, layer in layers if key in layer), "default")
            ],
        )
        for key in DEFAULTS
    ]


def replan(
    session: Session, *, now: datetime, group: Group | None = None, event: Event | None = None
) -> tuple[int, int]:
    """Replan the pending sends of the events a change touches; (events replanned, sends queued).

    With ``event``: that event; with ``group``: the group's coming events; else every coming
    event (a federation change reaches all groups). Events beyond the planning horizon only
    lose stale pending sends; the scheduler plans them with the new settings when they near.
    """
    if event is not None:
        found = [event] if event.starts_at > now else []
    else:
        query = select(Event).where(Event.starts_at > now)
        if group is not None:
            query = query.where(Event.group_id == group.id)
        found = list(session.scalars(query.order_by(Event.starts_at)))
    queued = sum(queue.replan_event(session, e, now=now) for e in found)
    return sum(e.starts_at <= now + queue.PLAN_HORIZON for e in found), queued
