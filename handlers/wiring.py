"""Builds the running bot from settings: database, answerer, directory and conversation log.

``gyoryu serve`` and ``gyoryu chat`` share it, so both talk to members through the same core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from bot.core import Bot
    from knowledge.settings import KnowledgeSettings


def open_sessions() -> sessionmaker[Session]:
    """Migrate the configured database to the current schema and open a session factory."""
    from bot.settings import BotSettings
    from bot.storage.db import open_database

    return open_database(BotSettings())


def build_bot(sessions: sessionmaker[Session], knowledge: KnowledgeSettings) -> Bot:
    """The core with the document answerer and the federation database behind it."""
    from bot.conversation import ConversationLog
    from bot.core import Bot
    from bot.directory_sql import SqlDirectory
    from bot.qa import DocumentQA

    return Bot(
        answerer=DocumentQA.open(knowledge),
        directory=SqlDirectory(sessions),
        log=ConversationLog(sessions),
        top_k=knowledge.top_k,
    )
