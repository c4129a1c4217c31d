"""From a line of the question log: teach the bot a member's word, or hand the question on.

:func:`add_synonym` writes words into the secretariat's glossary file (the bot reads it when it
reloads); :func:`hand_to_advisor` opens a 전문가 상담 ticket for the question, answered to the
member who asked, where they asked, as if they had pressed the expert button themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.messages import Address
from bot.routing import tickets
from bot.storage.conversation_models import AnswerRecord
from bot.storage.identity_models import ChatIdentity
from knowledge import glossary
from knowledge.settings import KnowledgeSettings

MAX_WORD = 30
"""Longest word or phrase the glossary takes (a sentence is not a synonym)."""


@dataclass(frozen=True)
class Synonyms:
    """The glossary group the words now belong to."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Handed:
    """The ticket a question went to."""

    ticket_id: int
    field: str
    already: bool
    """The question had been handed on before: this is the earlier ticket."""


def add_synonym(
    session: Session, *, settings: KnowledgeSettings, word: str, synonym: str, actor: str
) -> Synonyms:
    """Make ``synonym`` (a member's word) mean ``word`` (the documents' word) for the bot."""
    words = [" ".join(w.split()) for w in (word, synonym)]
    if not all(words):
        raise FederationError(texts.GLOSSARY_EMPTY)
    if any(len(w) > MAX_WORD for w in words):
        raise FederationError(texts.glossary_too_long(MAX_WORD))
    if words[0] == words[1]:
        raise FederationError(texts.GLOSSARY_SAME)
    group = glossary.add_words(settings, words)
    audit.record(
        session, actor=actor, action="glossary_add", entity="glossary", entity_id=None, words=words
    )
    return Synonyms(group)


def hand_to_advisor(session: Session, *, answer_id: int, actor: str, now: datetime) -> Handed:
    """Open a ticket for the question of answer ``answer_id``, to be answered to its asker.

    The ticket is anonymous (the advisor does not need the asker's name); a question handed on
    before gets its earlier ticket back instead of a second one.
    """
    record = session.get(AnswerRecord, answer_id)
    if record is None:
        raise NotFoundError(texts.ADM_NOT_FOUND)
    room = record.conversation
    asked_at = Address(
        record.platform,
        record.user_id,
        room,
        is_group=room is not None and room != record.user_id,
    )
    earlier = tickets.existing_for_answer(session, answer_id, asked_at)
    if earlier is not None:
        return Handed(earlier.id, earlier.field, already=True)
    member_id = session.scalar(
        select(ChatIdentity.member_id).where(
            ChatIdentity.platform == record.platform,
            ChatIdentity.platform_user_id == record.user_id,
            ChatIdentity.status == "verified",
        )
    )
    ticket = tickets.open_ticket(
        session,
        question=record.question,
        asked_at=asked_at,
        member_id=member_id,
        now=now,
        actor=actor,
        answer_id=answer_id,
        field=record.route,
        anonymous=True,
    )
    return Handed(ticket.id, ticket.field, already=False)
