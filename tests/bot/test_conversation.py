"""Two processes on one conversation log: only the holder of a message's claim settles it.

Each :class:`ConversationLog` is one serving process (its own claim token) on the shared database,
SQLite or PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.messages import Address, IncomingMessage
from bot.storage.conversation_models import InboundMessage

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)
LATER = NOW + LEASE + timedelta(seconds=1)


def asked(message_id: str = "1") -> IncomingMessage:
    return IncomingMessage(
        id=message_id, address=Address("memory", "u1"), text="연회비는 얼마인가요?", received_at=NOW
    )


def status(sessions: sessionmaker[Session]) -> tuple[str, datetime | None]:
    with sessions() as session:
        row = session.scalars(select(InboundMessage)).one()
        return row.status, row.settled_at


def stalled_and_taken_over(
    sessions: sessionmaker[Session],
) -> tuple[ConversationLog, ConversationLog, IncomingMessage]:
    """The first process recorded a message and stalled past the lease; the second took it."""
    first, second = ConversationLog(sessions), ConversationLog(sessions)
    recorded = first.record(asked(), now=NOW)
    assert recorded is not None
    assert second.reclaim(now=LATER, lease=LEASE).to_answer == [recorded.message]
    return first, second, recorded.message


def test_a_stalled_process_does_not_overwrite_the_answer_of_the_one_that_took_over(
    session_factory: sessionmaker[Session],
) -> None:
    first, second, message = stalled_and_taken_over(session_factory)
    assert second.settle(message, status="answered", now=LATER)

    # The first process wakes up and its own (late) attempt failed.
    assert not first.settle(message, status="failed", now=LATER + timedelta(seconds=5))

    assert status(session_factory) == ("answered", LATER)


def test_a_stalled_process_settling_first_leaves_the_message_to_its_new_owner(
    session_factory: sessionmaker[Session],
) -> None:
    first, second, message = stalled_and_taken_over(session_factory)

    assert not first.settle(message, status="answered", now=LATER)

    assert status(session_factory) == ("answering", None)  # still being answered by the second
    assert second.settle(message, status="failed", now=LATER + timedelta(seconds=5))
    assert status(session_factory) == ("failed", LATER + timedelta(seconds=5))


def test_a_reply_the_new_owner_settled_as_unknown_stays_unknown(
    session_factory: sessionmaker[Session],
) -> None:
    first, second = ConversationLog(session_factory), ConversationLog(session_factory)
    recorded = first.record(asked(), now=NOW)
    assert recorded is not None
    assert first.mark_sending(recorded.message, now=NOW)
    # The first process stalled while its reply was leaving: the second settles it "unknown".
    assert second.reclaim(now=LATER, lease=LEASE).unknown == 1

    assert not first.settle(recorded.message, status="failed", now=LATER)

    assert status(session_factory) == ("unknown", LATER)


def test_the_claim_holder_and_an_unclaimed_message_are_settled(
    session_factory: sessionmaker[Session],
) -> None:
    one, other = ConversationLog(session_factory), ConversationLog(session_factory)
    mine = one.record(asked("1"), now=NOW)
    old = one.record(asked("2"), now=NOW)
    assert mine is not None
    assert old is not None
    with session_factory.begin() as session:  # a row from before claims had an owner
        session.execute(
            update(InboundMessage).where(InboundMessage.message_key == "2").values(claimed_by=None)
        )

    assert one.settle(mine.message, status="answered", now=NOW)
    assert other.settle(old.message, status="failed", now=NOW)

    with session_factory() as session:
        rows = session.execute(
            select(InboundMessage.message_key, InboundMessage.status).order_by(
                InboundMessage.message_key
            )
        ).all()
    assert [tuple(row) for row in rows] == [("1", "answered"), ("2", "failed")]
