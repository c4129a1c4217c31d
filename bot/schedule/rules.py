"""Schedule settings: reminder cadence, quiet hours and lead times, with their fallback order.

Settings live under the ``"schedule"`` key of the federation's and group's ``settings`` JSON and
in :class:`~bot.storage.schedule_models.EventScheduleOverride`; the event wins over the group,
the group over the federation, the federation over :data:`DEFAULTS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.storage.event_models import Event
from bot.storage.federation_models import Federation, Group
from bot.storage.schedule_models import EventScheduleOverride

DEFAULTS: dict[str, Any] = {
    "reminders": ["7d", "1d", "2h"],
    "quiet_hours": "21:00-08:00",
    "skip_holidays": True,
    "prompt_before": "10d",
    "nudge_before": "6d",
    "digest_before": "3d",
    "rsvp_list_before": "1d",
}
_SPAN = re.compile(r"^\s*(\d+)\s*([dhm])\s*$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


@dataclass(frozen=True, slots=True)
class ScheduleRules:
    """Everything planning needs to know about one event's schedule."""

    reminders: tuple[timedelta, ...]
    quiet_start: time
    quiet_end: time
    skip_holidays: bool
    prompt_before: timedelta
    nudge_before: timedelta
    digest_before: timedelta
    rsvp_list_before: timedelta


def parse_span(text: str) -> timedelta:
    """``"7d"`` → 7 days, ``"2h"`` → 2 hours, ``"30m"`` → 30 minutes."""
    match = _SPAN.match(text)
    if match is None:
        raise ValueError(f"not a span like 7d, 2h or 30m: {text!r}")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def span_label(span: timedelta) -> str:
    """The inverse of :func:`parse_span`, in the largest exact unit: 1 day → ``"1d"``."""
    minutes = int(span.total_seconds() // 60)
    if minutes % 1440 == 0:
        return f"{minutes // 1440}d"
    if minutes % 60 == 0:
        return f"{minutes // 60}h"
    return f"{minutes}m"


def rules_from(layers: Sequence[Mapping[str, Any]]) -> ScheduleRules:
    """Rules from setting layers, most specific first, falling back to :data:`DEFAULTS`."""
    chosen = {
        key: next((layer[key] for layer in layers if key in layer), DEFAULTS[key])
        for key in DEFAULTS
    }
    quiet_start, quiet_end = (_clock(part) for part in str(chosen["quiet_hours"]).split("-"))
    return ScheduleRules(
        reminders=tuple(sorted((parse_span(s) for s in chosen["reminders"]), reverse=True)),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        skip_holidays=bool(chosen["skip_holidays"]),
        prompt_before=parse_span(chosen["prompt_before"]),
        nudge_before=parse_span(chosen["nudge_before"]),
        digest_before=parse_span(chosen["digest_before"]),
        rsvp_list_before=parse_span(chosen["rsvp_list_before"]),
    )


def rules_for(session: Session, event: Event) -> ScheduleRules:
    """The rules that apply to ``event`` after the event → group → federation fallback."""
    return rules_from([layer for _, layer in layers_for(session, event)])


def layers_for(session: Session, event: Event) -> list[tuple[str, Mapping[str, Any]]]:
    """The event's setting layers, most specific first, each named by where it comes from.

    Names are ``event``, ``group`` and ``federation``; :func:`rules_for` reads the same layers.
    """
    layers: list[tuple[str, Mapping[str, Any]]] = []
    override = session.get(EventScheduleOverride, event.id)
    if override is not None:
        layers.append(("event", override.settings))
    if event.group_id is not None:
        group = session.get(Group, event.group_id)
        layers.append(("group", group.settings.get("schedule", {}) if group else {}))
    federation = session.get(Federation, event.federation_id)
    layers.append(("federation", federation.settings.get("schedule", {}) if federation else {}))
    return layers


def override_event(session: Session, event: Event, **settings: Any) -> None:
    """Give one event its own schedule settings (e.g. ``reminders=["3d", "1h"]``)."""
    rules_from([settings])  # refuse bad values now rather than at planning time
    override = session.get(EventScheduleOverride, event.id)
    if override is None:
        session.add(EventScheduleOverride(event_id=event.id, settings=settings))
    else:
        override.settings = {**override.settings, **settings}
    session.flush()


def _clock(text: str) -> time:
    hour, minute = text.strip().split(":")
    return time(int(hour), int(minute))
