"""Change a schedule layer (federation, group or event) and show what applies: one use-case.

``gyoryu groups schedule`` and ``gyoryu events schedule`` both call :func:`change_schedule`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit, events, groups
from bot.federation.errors import FederationError
from bot.schedule import overrides


@dataclass(frozen=True)
class ScheduleChange:
    """What a schedule change did and the schedule that now applies."""

    name: str  # the federation's, group's or event's name (an event's title)
    event_id: int | None  # set when the layer is one event's
    saved: bool  # settings were given and stored
    reset: bool  # the layer was cleared first
    rows: list[tuple[str, str, str]]  # (label, value, source) after the fallback
    replanned: tuple[int, int] | None  # (events replanned, sends queued) when anything changed


def change_schedule(
    session: Session,
    *,
    given: Mapping[str, str | bool | None],
    actor: str,
    now: datetime,
    group: str | None = None,
    federation: bool = False,
    event: int | None = None,
    reset: bool = False,
) -> ScheduleChange:
    """Merge the given settings (``None`` = not given) into one layer and replan what it touches.

    The layer is ``event`` (an event id), ``group`` (name or id) or, with ``federation``, the
    federation's defaults: exactly one of them. Values are checked before anything is written.
    """
    chosen_layers = (event is not None) + (group is not None) + federation
    if chosen_layers != 1:
        raise FederationError(
            texts.FED_SCHEDULE_SCOPE_BOTH if chosen_layers else texts.FED_SCHEDULE_SCOPE_MISSING
        )
    settings = overrides.checked(given)  # before anything is written
    changed = bool(settings) or reset
    scope: dict[str, Any]
    if event is not None:
        found = events.find_event(session, event)
        if changed:
            overrides.set_event(session, found, settings, reset=reset)
        name, entity, entity_id, scope = found.title, "event", found.id, {"event": found}
        layers = overrides.event_layers(session, found)
    else:
        everyone = groups.the_federation(session)
        chosen = groups.find_group(session, group) if group is not None else None
        owner = chosen or everyone
        if changed:
            overrides.set_layer(owner, settings, reset=reset)
        name, entity_id, scope = owner.name, owner.id, {"group": chosen}
        entity = "group" if chosen else "federation"
        layers = overrides.group_layers(chosen) if chosen else overrides.federation_layers(everyone)
    replanned: tuple[int, int] | None = None
    if changed:
        audit.record(
            session,
            actor=actor,
            action="edit",
            entity=entity,
            entity_id=entity_id,
            schedule=sorted(settings),
            reset=reset,
        )
        session.flush()
        replanned = overrides.replan(session, now=now, **scope)
    return ScheduleChange(
        name=name,
        event_id=event,
        saved=bool(settings),
        reset=reset,
        rows=overrides.effective(layers),
        replanned=replanned,
    )
