"""What a member sent is stored whatever it holds: NUL bytes, lone surrogates, endless ids."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.messages import Address, IncomingMessage
from bot.sanitise import MAX_ID_CHARS, MAX_TEXT_CHARS, sanitised
from bot.storage.conversation_models import InboundMessage

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def message(text: str, *, user: str = "u1", ident: str = "m1") -> IncomingMessage:
    return IncomingMessage(ident, Address("memory", user, "room\x00", is_group=True), text, NOW)


def test_hostile_text_and_ids_are_stored_on_every_database(
    session_factory: sessionmaker[Session],
) -> None:
    log = ConversationLog(session_factory)
    long_user = "u" * 5000

    log.record(sanitised(message("회비\x00는 \ud800얼마\x07예요? 😀", user=long_user)))
    log.record(sanitised(message("가" * 50_000, user=long_user + "x", ident="m2")))

    with session_factory() as session:
        rows = session.scalars(select(InboundMessage).order_by(InboundMessage.id)).all()
    assert rows[0].text == "회비는 \ufffd얼마예요? 😀"
    assert rows[0].conversation == "room"
    assert len(rows[1].text) == MAX_TEXT_CHARS
    assert all(len(row.user_id) <= MAX_ID_CHARS for row in rows)
    assert rows[0].user_id != rows[1].user_id  # long ids stay distinct


def test_numbers_sent_as_ids_keep_their_value() -> None:
    odd = IncomingMessage("m", Address("memory", 945412, None), 12, NOW)  # type: ignore[arg-type]

    cleaned = sanitised(odd)

    assert (cleaned.address.user, cleaned.text) == ("945412", "12")
