"""Builds the running bot from settings: database, answerer, directory and conversation log.

``gyoryu serve`` and ``gyoryu chat`` share it, so both talk to members through the same core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from bot.answer_pool import AnswerPool
    from bot.answers import QuestionAnswerer
    from bot.core import Bot
    from bot.difficulties.digest import RelatedDocs
    from bot.qa import DocumentQA
    from handlers.settings import ChannelSettings
    from knowledge.settings import KnowledgeSettings

# The digest names documents for members' difficulties; only these audiences' documents.
DIGEST_AUDIENCE = frozenset({"public", "members"})
RELATED_TOP_K = 2
# Platforms whose 1:1 chats the bot cannot write to first: the Kakao skill channel answers only
# inside a request (handlers/kakao_skill.py), so ticket answers wait for the member's next one.
PULL_ONLY = frozenset({"kakao"})


def open_sessions() -> sessionmaker[Session]:
    """Migrate the configured database to the current schema and open a session factory."""
    from bot.settings import BotSettings
    from bot.storage.db import open_database

    return open_database(BotSettings())


def open_answerer(knowledge: KnowledgeSettings) -> DocumentQA:
    """The document answerer over the configured knowledge base."""
    from bot.qa import DocumentQA

    return DocumentQA.open(knowledge)


def build_bot(
    sessions: sessionmaker[Session],
    knowledge: KnowledgeSettings,
    *,
    answerer: QuestionAnswerer | None = None,
    channels: ChannelSettings | None = None,
) -> Bot:
    """The core with the document answerer, the federation database and every chat skill."""
    from bot.conversation import ConversationLog
    from bot.core import Bot
    from bot.directory_sql import SqlDirectory
    from bot.routing import fields
    from bot.schedule.feeds import CalendarLinks

    secret = channels.calendar_secret if channels else None
    return Bot(
        answerer=answerer or open_answerer(knowledge),
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        top_k=knowledge.top_k,
        calendar=CalendarLinks(
            public_url=channels.public_url if channels else None,
            secret=secret.get_secret_value() if secret else None,
        ),
        field_guesser=fields.model_guesser(knowledge),
        pull_only=PULL_ONLY,
    )


def related_docs(answerer: DocumentQA | AnswerPool) -> RelatedDocs:
    """The digest's document finder: titles and sections that cover a difficulty well enough."""

    def related(question: str) -> list[tuple[str, str]]:
        return answerer.related(question, allowed=DIGEST_AUDIENCE, top_k=RELATED_TOP_K)

    return related
