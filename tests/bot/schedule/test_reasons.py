"""Why a send did not go, as the secretariat reads it: in Korean, with what to do; the platform's
own words only on a line of their own. Rows recorded before (in English) read the same way."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.delivery import (
    DeliveryError,
    OutcomeUnknownError,
    PermanentDeliveryError,
    UndeliverableError,
)
from bot.schedule import queue, reasons
from bot.secretariat import events
from bot.storage.schedule_models import ScheduledMessage
from tests.bot.schedule.conftest import MEETING, World

KICKED = "PermanentDeliveryError: telegram: Forbidden: bot was kicked from the group chat"
UNKNOWN_BEFORE = f"{texts.MTG_OUTCOME_UNKNOWN} (OutcomeUnknownError: slack: TimeoutError)"

# How rows failed before their reasons were Korean (the exception's name, then its text).
OLD_ROWS = [
    ("failed", KICKED, texts.MTG_REASON_REMOVED),
    ("failed", "PermanentDeliveryError: slack: not_in_channel", texts.MTG_REASON_REMOVED),
    (
        "failed",
        "PermanentDeliveryError: telegram: Forbidden: bot was blocked by the user",
        texts.MTG_REASON_BLOCKED,
    ),
    ("failed", "PermanentDeliveryError: telegram: Chat not found", texts.MTG_REASON_ROOM_GONE),
    ("failed", "PermanentDeliveryError: slack: channel_not_found", texts.MTG_REASON_ROOM_GONE),
    ("failed", "PermanentDeliveryError: slack: is_archived", texts.MTG_REASON_ARCHIVED),
    ("failed", "PermanentDeliveryError: slack: restricted_action", texts.MTG_REASON_REFUSED),
    ("failed", "UndeliverableError: memory", texts.MTG_NO_CHANNEL),
    ("failed", "DeliveryError: telegram: Flood control exceeded", texts.MTG_REASON_GAVE_UP),
    ("failed", "TimeoutError: read timeout", texts.MTG_REASON_GAVE_UP),
    ("pending", "DeliveryError: slack: ratelimited", texts.MTG_REASON_RETRYING),
    ("pending", "ConnectionError: slack 503\nsecond line", texts.MTG_REASON_RETRYING),
]


@pytest.mark.parametrize(("state", "stored", "said"), OLD_ROWS)
def test_an_old_english_reason_is_read_in_korean_by_its_prefix(
    state: str, stored: str, said: str
) -> None:
    assert reasons.shown(stored, state) == reasons.Reason(said, stored)


def test_an_old_unknown_row_keeps_its_korean_reason_and_moves_its_english_apart() -> None:
    assert reasons.shown(UNKNOWN_BEFORE, "unknown") == reasons.Reason(
        texts.MTG_OUTCOME_UNKNOWN, "OutcomeUnknownError: slack: TimeoutError"
    )


@pytest.mark.parametrize(
    "stored", [texts.MTG_EVENT_CANCELLED_NOTE, texts.MTG_NOTHING_TO_SEND, texts.MTG_NO_CHANNEL]
)
def test_a_reason_written_in_korean_is_shown_as_it_is(stored: str) -> None:
    assert reasons.shown(stored, "failed") == reasons.Reason(stored)


@pytest.mark.parametrize(
    ("error", "final", "said"),
    [
        (
            PermanentDeliveryError("telegram: Forbidden: bot was kicked from the supergroup chat"),
            True,
            texts.MTG_REASON_REMOVED,
        ),
        (PermanentDeliveryError("slack: is_archived"), True, texts.MTG_REASON_ARCHIVED),
        (OutcomeUnknownError("kakao: ReadTimeout"), True, texts.MTG_OUTCOME_UNKNOWN),
        (DeliveryError("slack: ratelimited"), False, texts.MTG_REASON_RETRYING),
        (DeliveryError("slack: ratelimited"), True, texts.MTG_REASON_GAVE_UP),
    ],
)
def test_a_new_reason_is_recorded_in_korean_with_the_platforms_words_apart(
    error: Exception, final: bool, said: str
) -> None:
    stored = reasons.recorded(error, final=final)

    assert stored == f"{said}\n{type(error).__name__}: {error}"
    assert reasons.shown(stored, "failed" if final else "pending") == reasons.Reason(
        said, f"{type(error).__name__}: {error}"
    )


def test_no_channel_is_recorded_exactly_as_the_held_back_answers_are_found() -> None:
    # bot.routing.relay.held_back finds these rows by last_error == MTG_NO_CHANNEL.
    assert reasons.recorded(UndeliverableError("kakao"), final=True) == texts.MTG_NO_CHANNEL


def test_korean_reasons_are_one_line_each() -> None:
    said = [text for _, _, text in OLD_ROWS] + [texts.MTG_OUTCOME_UNKNOWN]
    assert not any("\n" in text for text in said)


def test_old_rows_are_listed_in_korean_in_the_report_and_on_the_event_page(
    session: Session, world: World
) -> None:
    queue.plan_event(session, world.meeting, now=MEETING - timedelta(days=8))
    rows = session.scalars(select(ScheduledMessage).order_by(ScheduledMessage.id)).all()
    rows[0].state, rows[0].last_error = "failed", KICKED
    rows[1].state, rows[1].last_error = "unknown", UNKNOWN_BEFORE
    session.commit()

    report = queue.failures_report(session)
    board = events.event_board(session, event_id=world.meeting.id)

    assert texts.MTG_REASON_REMOVED in report
    assert texts.MTG_OUTCOME_UNKNOWN in report
    for line in report.splitlines():  # English only on the lines of technical detail
        assert line.startswith("  기술 정보: ") or "Error" not in line
    failed = [(send.error, send.detail) for send in board.sends if send.error]
    assert failed == [
        (texts.MTG_REASON_REMOVED, KICKED),
        (texts.MTG_OUTCOME_UNKNOWN, "OutcomeUnknownError: slack: TimeoutError"),
    ]
