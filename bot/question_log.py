"""What members asked and what the bot answered, for the secretariat's 질문 기록.

One row per answer with its sources, confidence, 👍/👎 and channel, filtered by period,
confidence, rating, group and keyword. A group admin sees only questions asked by their
group's members or in their group's rooms (:func:`questions` takes the groups in scope).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bot.storage.conversation_models import AnswerFeedback, AnswerRecord
from bot.storage.federation_models import Group, Membership
from bot.storage.identity_models import ChatIdentity
from bot.storage.room_models import ChatRoom

MAX_ROWS = 2000
"""At most this many questions per page or export (the newest first)."""


@dataclass(frozen=True, slots=True)
class QuestionFilter:
    """The 질문 기록 filters; empty fields filter nothing."""

    since: datetime | None = None
    until: datetime | None = None
    unconfident: bool = False
    thumbs_down: bool = False
    group_id: int | None = None
    keyword: str = ""


@dataclass(frozen=True, slots=True)
class QuestionRow:
    """One question and its answer as the console lists it."""

    answer_id: int
    asked_at: datetime
    question: str
    answer: str
    sources: tuple[str, ...]
    confident: bool
    helpful: int
    unhelpful: int
    channel: str
    groups: tuple[str, ...]


def questions(
    session: Session,
    *,
    where: QuestionFilter,
    scope: frozenset[int] | None,
    limit: int = MAX_ROWS,
) -> list[QuestionRow]:
    """The questions matching ``where`` that ``scope`` (group ids; ``None`` = all) may see."""
    query = select(AnswerRecord).order_by(AnswerRecord.created_at.desc(), AnswerRecord.id.desc())
    if where.since is not None:
        query = query.where(AnswerRecord.created_at >= where.since)
    if where.until is not None:
        query = query.where(AnswerRecord.created_at < where.until)
    if where.unconfident:
        query = query.where(AnswerRecord.confident.is_(False))
    if where.keyword.strip():
        pattern = f"%{where.keyword.strip()}%"
        query = query.where(
            or_(AnswerRecord.question.ilike(pattern), AnswerRecord.text.ilike(pattern))
        )
    if where.thumbs_down:
        down = select(AnswerFeedback.answer_id).where(AnswerFeedback.verdict < 0)
        query = query.where(AnswerRecord.id.in_(down))
    records = list(session.scalars(query.limit(limit * 4 if scope or where.group_id else limit)))
    groups_of = _groups_of(session, records)
    names = dict(session.execute(select(Group.id, Group.name)).all())
    votes = _votes(session, [r.id for r in records])
    rows: list[QuestionRow] = []
    for record in records:
        groups = groups_of.get(record.id, set())
        if scope is not None and not groups & scope:
            continue
        if where.group_id is not None and where.group_id not in groups:
            continue
        helpful, unhelpful = votes.get(record.id, (0, 0))
        rows.append(
            QuestionRow(
                answer_id=record.id,
                asked_at=record.created_at,
                question=record.question,
                answer=record.text,
                sources=tuple(_source_title(s) for s in record.sources or ()),
                confident=record.confident,
                helpful=helpful,
                unhelpful=unhelpful,
                channel=record.platform,
                groups=tuple(sorted(names[g] for g in groups if g in names)),
            )
        )
        if len(rows) >= limit:
            break
    return rows


def _source_title(source: dict[str, object]) -> str:
    title = str(source.get("title") or source.get("doc_id") or "")
    section = source.get("section")
    return f"{title} › {section}" if section else title


def _votes(session: Session, answer_ids: list[int]) -> dict[int, tuple[int, int]]:
    if not answer_ids:
        return {}
    rows = session.execute(
        select(
            AnswerFeedback.answer_id,
            func.sum(case((AnswerFeedback.verdict > 0, 1), else_=0)),
            func.sum(case((AnswerFeedback.verdict < 0, 1), else_=0)),
        )
        .where(AnswerFeedback.answer_id.in_(answer_ids))
        .group_by(AnswerFeedback.answer_id)
    )
    return {answer_id: (int(up or 0), int(down or 0)) for answer_id, up, down in rows}


def _groups_of(session: Session, records: Iterable[AnswerRecord]) -> dict[int, set[int]]:
    """Each answer's groups: its room's group, else the groups of the member who asked."""
    records = list(records)
    rooms = {
        (platform, chat): group
        for platform, chat, group in session.execute(
            select(ChatRoom.platform, ChatRoom.chat_id, ChatRoom.group_id).where(
                ChatRoom.group_id.is_not(None)
            )
        )
    }
    accounts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for platform, user, group in session.execute(
        select(ChatIdentity.platform, ChatIdentity.platform_user_id, Membership.group_id)
        .join(Membership, Membership.member_id == ChatIdentity.member_id)
        .where(ChatIdentity.status == "verified")
    ):
        accounts[(platform, user)].add(group)
    found: dict[int, set[int]] = {}
    for record in records:
        room = rooms.get((record.platform, record.conversation or ""))
        found[record.id] = (
            {room}
            if room is not None
            else set(accounts.get((record.platform, record.user_id), set()))
        )
    return found


def question(
    session: Session, *, answer_id: int, scope: frozenset[int] | None
) -> QuestionRow | None:
    """One question of the log, or ``None`` when it does not exist or is outside ``scope``."""
    record = session.get(AnswerRecord, answer_id)
    if record is None:
        return None
    groups = _groups_of(session, [record]).get(record.id, set())
    if scope is not None and not groups & scope:
        return None
    names = dict(session.execute(select(Group.id, Group.name)).all())
    helpful, unhelpful = _votes(session, [record.id]).get(record.id, (0, 0))
    return QuestionRow(
        answer_id=record.id,
        asked_at=record.created_at,
        question=record.question,
        answer=record.text,
        sources=tuple(_source_title(s) for s in record.sources or ()),
        confident=record.confident,
        helpful=helpful,
        unhelpful=unhelpful,
        channel=record.platform,
        groups=tuple(sorted(names[g] for g in groups if g in names)),
    )
