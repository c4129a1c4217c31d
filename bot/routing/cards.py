"""Approved answers become FAQ cards: masked, dated, cited like a document, until they expire.

A card is looked up by the ask skill before the documents (:func:`lookup`), so an approved
card answers at once, without a restart or a re-index. Only members (an audience that includes
``members``) are answered from cards, and an expired card is never cited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.answers import Citation, QaAnswer
from bot.clock import KST
from bot.federation import audit
from bot.messages import OutgoingMessage
from bot.routing import fields, relay
from bot.routing.tickets import TicketError, get
from bot.schedule import content, queue
from bot.storage.federation_models import Member
from bot.storage.ticket_models import FaqCard, Ticket
from knowledge.masking import mask_personal

YEAR_END_FIELDS = ("세무", "법률")
"""Tax and legal answers change with each year's law: they expire at the year's end."""
MATCH = 0.6
"""How alike (character pairs) a question must be to a card's question to be answered by it."""
AUDIENCE = "members"
NAME_MASK = "○"


def default_expiry(field: str, answered_on: date) -> date:
    """The end of the year for 세무 and 법률, else a year after the answer."""
    if field in YEAR_END_FIELDS:
        return date(answered_on.year, 12, 31)
    return answered_on + timedelta(days=365)


def masked_name(name: str) -> str:
    """``김세무`` → ``김○○``: the family name only."""
    return name[:1] + NAME_MASK * max(len(name) - 1, 1)


def approve(
    session: Session,
    *,
    ticket_id: int,
    actor: str,
    now: datetime,
    expires: date | None = None,
) -> FaqCard:
    """Make (or remake) the FAQ card of an answered ticket; personal details are masked."""
    ticket = get(session, ticket_id)
    answers = [m for m in ticket.messages if m.kind == "answer"]
    if not answers:
        raise TicketError(texts.rt_not_answered(ticket.id))
    answer = answers[-1]
    advisor = ticket.advisor
    title = (advisor.member.title if advisor else None) or texts.RT_ADVISOR
    name = advisor.member.name if advisor else texts.RT_SECRETARIAT
    answered_on = answer.at.astimezone(KST).date()
    asker = session.get(Member, ticket.member_id) if ticket.member_id else None
    question, text = _masked(ticket.question, asker), _masked(answer.text, asker)
    card = session.scalars(select(FaqCard).where(FaqCard.ticket_id == ticket.id)).first()
    if card is None:
        card = FaqCard(ticket_id=ticket.id)
        session.add(card)
    card.field = ticket.field
    card.question, card.answer = question, text
    card.advisor_label = f"{title} {masked_name(name)}"
    card.answered_on = answered_on
    card.expires_on = expires or default_expiry(ticket.field, answered_on)
    card.approved_by, card.approved_at = actor, now
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="approve",
        entity="ticket",
        entity_id=ticket.id,
        card=card.id,
        expires_on=card.expires_on.isoformat(),
    )
    return card


def _masked(text: str, asker: Member | None) -> str:
    text = mask_personal(text)
    if asker is not None:
        text = text.replace(asker.name, masked_name(asker.name))
        if asker.company is not None:
            text = text.replace(asker.company.name, texts.RT_COMPANY_MASK)
    return text


@dataclass(frozen=True, slots=True)
class Found:
    """A card that answers a question, and how alike the questions are."""

    card_id: int
    title: str
    field: str
    question: str
    answer: str
    score: float


def lookup(
    sessions: sessionmaker[Session], question: str, *, audience: frozenset[str], now: datetime
) -> Found | None:
    """The live card whose question is most like ``question`` (``None`` below :data:`MATCH`)."""
    if AUDIENCE not in audience:
        return None
    today = now.astimezone(KST).date()
    with sessions() as session:
        live = session.scalars(select(FaqCard).where(FaqCard.expires_on >= today))
        best: Found | None = None
        for card in live:
            score = fields.similarity(question, card.question)
            if score >= MATCH and (best is None or score > best.score):
                title = texts.rt_card_title(card.advisor_label, card.answered_on)
                best = Found(card.id, title, card.field, card.question, card.answer, score)
        return best


def as_answer(found: Found) -> QaAnswer:
    """The card as a confident answer citing it like a document."""
    citation = Citation(
        number=1,
        title=found.title,
        source=f"faq:{found.card_id}",
        section=found.field,
        snippet=found.question[:160],
        score=round(found.score, 4),
    )
    return QaAnswer(texts.rt_card_answer(found.answer), confident=True, sources=(citation,))


def live_cards(session: Session, now: datetime) -> list[FaqCard]:
    """Cards still cited at ``now``, newest first."""
    today = now.astimezone(KST).date()
    query = select(FaqCard).where(FaqCard.expires_on >= today).order_by(FaqCard.id.desc())
    return list(session.scalars(query))


def remind_expired(session: Session, now: datetime) -> int:
    """Tell each expired card's advisor once that it is no longer cited; how many were told."""
    today = now.astimezone(KST).date()
    told = 0
    for card in session.scalars(select(FaqCard).where(FaqCard.expires_on < today)):
        ticket = session.get(Ticket, card.ticket_id) if card.ticket_id else None
        advisor = ticket.advisor if ticket is not None else None
        to = relay.advisor_address(session, advisor) if advisor is not None else None
        if advisor is None or to is None:
            continue
        message = OutgoingMessage(texts.rt_card_expired(card.id, card.question, card.expires_on))
        # The key names the expiry, so a card renewed and expired again is told again.
        told += queue.enqueue(
            session,
            key=f"faqcard:{card.id}:{card.expires_on.isoformat()}",
            kind="faq",
            to=to,
            due_at=now,
            expires_at=now + relay.KEEP_TRYING,
            member_id=advisor.member_id,
            payload=content.to_payload(message),
        )
    return told


def write_card(
    session: Session,
    *,
    question: str,
    answer: str,
    field: str,
    actor: str,
    now: datetime,
    expires: date | None = None,
) -> FaqCard:
    """A card the secretariat writes itself (from a question the bot could not answer well).

    It has no ticket; it is signed 사무국, masked, dated and expires like an approved answer.
    """
    question, answer = question.strip(), answer.strip()
    if not question or not answer:
        raise TicketError(texts.ADM_FAQ_EMPTY)
    if field not in fields.FIELDS:
        raise TicketError(texts.adm_faq_bad_field(field, fields.FIELDS))
    answered_on = now.astimezone(KST).date()
    card = FaqCard(
        ticket_id=None,
        field=field,
        question=_masked(question, None),
        answer=_masked(answer, None),
        advisor_label=texts.RT_SECRETARIAT,
        answered_on=answered_on,
        expires_on=expires or default_expiry(field, answered_on),
        approved_by=actor,
        approved_at=now,
    )
    session.add(card)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="write_card",
        entity="faq_card",
        entity_id=card.id,
        expires_on=card.expires_on.isoformat(),
    )
    return card
