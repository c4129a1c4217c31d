"""Passing a question to an expert: ``/전문가``, the expert button, and a yes to the offer.

Each becomes a ticket (:mod:`bot.routing.tickets`): routed at once to an advisor of its field
(or the secretariat), whose DM is queued in the same transaction, and answered here with a
receipt (``#<번호>``, field, who answers by role, roughly when). A "not covered" answer offers
it (a dialog step of kind ``ex``, whose yes does what the button does); however the request
comes, the offer is settled by it, and a second request for the same answer files nothing new.
``/전문가 익명 <질문>`` keeps the asker's name and company from the advisor and the group.
"""

from __future__ import annotations

from datetime import timedelta

from bot import smalltalk, texts
from bot.messages import OutgoingMessage
from bot.routing import fields, relay, tickets
from bot.skills.skill import Skill, Turn, reply

PREFIX = "ex"
ANONYMOUS = ("익명", "anonymous")
RECENT_QUESTION = timedelta(hours=1)
"""``/전문가`` alone forwards the last question only while the conversation is still about it."""

skill = Skill("expert")


def expert_action(answer_id: int) -> str:
    """The action of the "전문가에게 묻기" button under an answer."""
    return f"{PREFIX}:{answer_id}"


def offer(turn: Turn, answer_id: int) -> None:
    """Ask whether to pass the answer's question on; a yes is answered by :func:`answered`."""
    turn.services.dialog.ask(turn.address, PREFIX, str(answer_id), turn.now)


def _yes_or_no(text: str) -> bool:
    return smalltalk.yes_or_no(text) is not None


@skill.step(PREFIX, accepts=_yes_or_no)
def answered(turn: Turn) -> list[OutgoingMessage]:
    """The member's yes or no to the offer: a yes files the request like the button."""
    if not smalltalk.yes_or_no(turn.message.text):
        return reply(texts.TALK_OFFER_DECLINED)
    return [request(turn, answer_id=turn.number)]


@skill.button(PREFIX)
def pressed(turn: Turn) -> list[OutgoingMessage]:
    """The button under an answer: pass that answer's question on."""
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    return [request(turn, answer_id=turn.number)]


@skill.command("전문가", "expert")
def command(turn: Turn) -> list[OutgoingMessage]:
    """``/전문가 [익명] <question>``, or alone for the last real question asked here (recently)."""
    first, _, rest = turn.argument.partition(" ")
    anonymous = first in ANONYMOUS
    question = rest.strip() if anonymous else turn.argument
    if question:
        turn.services.dialog.drop(turn.address, PREFIX)
        return [_open(turn, question, field=None, answer_id=None, anonymous=anonymous)]
    return [request(turn, answer_id=None, anonymous=anonymous)]


def request(turn: Turn, *, answer_id: int | None, anonymous: bool = False) -> OutgoingMessage:
    """File the question of answer ``answer_id`` (``None``: the last recent one) for an expert."""
    services, now = turn.services, turn.now
    # Whichever way the request comes, a pending "shall I forward it?" is settled by it.
    services.dialog.drop(turn.address, PREFIX)
    if answer_id is None:
        saved = services.log.last_answer(turn.address)
        if saved is not None and now - saved.asked_at > RECENT_QUESTION:
            saved = None
    else:  # a forged button names someone else's answer: it is as if it did not exist
        saved = services.log.answer_shown_to(answer_id, turn.address)
    if saved is None:
        return OutgoingMessage(texts.CH_EXPERT_NEEDS_QUESTION)
    return _open(turn, saved.question, field=saved.route, answer_id=saved.id, anonymous=anonymous)


def _open(
    turn: Turn, question: str, *, field: str | None, answer_id: int | None, anonymous: bool
) -> OutgoingMessage:
    """The ticket and its receipt, in one transaction; a second request for the same answer
    (the button pressed twice, or a yes after the button) is told the number it already has.

    A configured chat model guesses the field first, outside the transaction (a slow model
    holds no database lock); otherwise, or when it cannot tell, the offline guess does."""
    field = fields.by_model(turn.services.field_guesser, question) or field
    with turn.services.sessions.begin() as session:
        if answer_id is not None:
            already = tickets.existing_for_answer(session, answer_id, turn.address)
            if already is not None:
                return OutgoingMessage(texts.rt_already(already.id))
        ticket = tickets.open_ticket(
            session,
            question=question,
            asked_at=turn.address,
            member_id=turn.caller.member_id,
            now=turn.now,
            actor=f"member:{turn.caller.member_id}" if turn.caller.member_id else "guest",
            answer_id=answer_id,
            field=field,
            anonymous=anonymous,
        )
        return OutgoingMessage(
            tickets.receipt(session, ticket), buttons=relay.receipt_buttons(ticket.id)
        )
