"""A conversation with the real document answerer over two short passages (ask and expert tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import ConversationLog
from bot.core import Bot
from bot.directory import Caller, MemoryDirectory
from bot.qa import DocumentQA
from bot.storage.conversation_models import AnswerRecord
from bot.storage.ticket_models import Ticket
from handlers.memory import MemoryChannel
from tests.bot.test_qa import DUES, MEETING, ListSearcher

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
UNCOVERED = "법인세 중간예납은 언제 하나요?"


@dataclass
class Talk:
    chat: MemoryChannel
    sessions: sessionmaker[Session]
    searcher: ListSearcher
    clock: list[datetime]

    def wait(self, minutes: int) -> None:
        self.clock[0] += timedelta(minutes=minutes)

    def requests(self) -> list[tuple[str, str | None]]:
        """The tickets opened so far: (question, field)."""
        with self.sessions() as session:
            rows = session.scalars(select(Ticket).order_by(Ticket.id))
            return [(row.question, row.field) for row in rows]

    def saved_answers(self) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count()).select_from(AnswerRecord)) or 0


def is_receipt(text: str, number: int, field: str, question: str) -> bool:
    """Whether ``text`` is the receipt of ticket ``#number``: its number, field and question."""
    return f"#{number}" in text and f"분야: {field}" in text and f"'{question}'" in text


def make_talk(session_factory: sessionmaker[Session]) -> Talk:
    searcher = ListSearcher(DUES, MEETING)
    clock = [NOW]
    directory = MemoryDirectory(rooms={("memory", "room-1"): Caller(answer_mode="mention")})
    bot = Bot(
        answerer=DocumentQA(searcher),
        directory=directory,
        log=ConversationLog(session_factory),
        clock=lambda: clock[0],
    )
    return Talk(MemoryChannel(bot, clock=lambda: clock[0]), session_factory, searcher, clock)
