"""Why a scheduled send did not go out, in the secretariat's words: what happened, what to do.

The dispatcher records a failure's reason in ``ScheduledMessage.last_error`` as a Korean
sentence, then (after a line break) the platform's own words, which only a technical person
needs: :func:`recorded` writes it, :func:`shown` reads it back as a :class:`Reason` whose
``detail`` the console and the failures report show apart, as a secondary line.

Rows recorded before reasons were Korean hold ``"PermanentDeliveryError: telegram: Forbidden:
…"`` (the exception's name, then its text) or ``"<MTG_OUTCOME_UNKNOWN> (OutcomeUnknownError:
…)"``: :func:`shown` reads those by their prefix, so they are listed with a Korean reason too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import texts
from bot.delivery import (
    DeliveryError,
    OutcomeUnknownError,
    PermanentDeliveryError,
    UndeliverableError,
)

DETAIL_LIMIT = 500
"""How much of the platform's words is kept (a stack of nested causes can be long)."""

# What platforms say when they refuse for good, lower-cased (Telegram's descriptions, Slack's
# error codes); the first reason whose words appear wins.
_REFUSALS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("is_archived",), texts.MTG_REASON_ARCHIVED),
    (
        ("chat not found", "channel_not_found", "chat was deleted", "user is deactivated"),
        texts.MTG_REASON_ROOM_GONE,
    ),
    (("blocked by the user", "can't initiate conversation"), texts.MTG_REASON_BLOCKED),
    (("kicked", "not a member", "not_in_channel"), texts.MTG_REASON_REMOVED),
)
# An old row's exception name, before ": " (English only, so never a Korean reason).
_OLD_ROW = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*): (.*)", re.DOTALL)
_KNOWN_ERRORS: dict[str, type[BaseException]] = {
    kind.__name__: kind
    for kind in (UndeliverableError, OutcomeUnknownError, PermanentDeliveryError, DeliveryError)
}


@dataclass(frozen=True, slots=True)
class Reason:
    """A send's reason as shown: ``text`` for the secretariat, ``detail`` (may be empty) for a
    technical person, never shown as the main message."""

    text: str
    detail: str = ""


def recorded(error: BaseException, *, final: bool) -> str:
    """What to record as the ``last_error`` of a send that raised ``error``.

    ``final``: the row is not tried again (failed for good, or outcome unknown); otherwise it
    waits for another try. A send no channel can reach is recorded as exactly
    :data:`~bot.texts.MTG_NO_CHANNEL` (how :func:`bot.routing.relay.held_back` finds it).
    """
    if isinstance(error, UndeliverableError):
        return texts.MTG_NO_CHANNEL
    detail = f"{type(error).__name__}: {error}"[:DETAIL_LIMIT]
    return f"{_said(type(error), str(error), final=final)}\n{detail}"


def shown(last_error: str | None, state: str) -> Reason:
    """The reason recorded for a row in ``state``, as the secretariat reads it."""
    if not last_error:
        return Reason("")
    old = _OLD_ROW.fullmatch(last_error)
    if old is not None:  # an old row: the exception's name and text (which may span lines)
        kind = _KNOWN_ERRORS.get(old.group(1), Exception)
        return Reason(_said(kind, old.group(2), final=state != "pending"), last_error)
    unknown = f"{texts.MTG_OUTCOME_UNKNOWN} ("
    if last_error.startswith(unknown) and last_error.endswith(")"):  # an old "unknown" row
        return Reason(texts.MTG_OUTCOME_UNKNOWN, last_error[len(unknown) : -1])
    # A Korean reason, with the platform's words on the next line when there are any (some are
    # written in Korean alone: 행사 취소, 보낼 내용 없음 …).
    text, _, detail = last_error.partition("\n")
    return Reason(text, detail)


def _said(kind: type[BaseException], words: str, *, final: bool) -> str:
    """The Korean reason for an error of ``kind`` whose text is ``words``."""
    if issubclass(kind, UndeliverableError):
        return texts.MTG_NO_CHANNEL
    if issubclass(kind, OutcomeUnknownError):
        return texts.MTG_OUTCOME_UNKNOWN
    if issubclass(kind, PermanentDeliveryError):
        lowered = words.lower()
        for clues, reason in _REFUSALS:
            if any(clue in lowered for clue in clues):
                return reason
        return texts.MTG_REASON_REFUSED
    return texts.MTG_REASON_GAVE_UP if final else texts.MTG_REASON_RETRYING
