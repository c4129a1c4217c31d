"""Passing a question to an expert: ``/전문가``, the expert button, and a yes to the offer.

The request is stored for the advisor-routing work. A "not covered" answer offers it (a dialog
step of kind ``ex``, whose yes does what the button does); however the request comes, the offer
is settled by it, and a second request for the same answer files nothing new.
"""

from __future__ import annotations

from datetime import timedelta

from bot import smalltalk, texts
from bot.messages import OutgoingMessage
from bot.skills.skill import Skill, Turn, reply

PREFIX = "ex"
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
    """``/전문가 <question>``, or alone for the last real question asked here (recently)."""
    if turn.argument:
        turn.services.dialog.drop(turn.address, PREFIX)
        turn.services.log.request_expert(
            turn.address, turn.argument, field=None, answer_id=None, now=turn.now
        )
        return reply(texts.ch_expert_recorded(None))
    return [request(turn, answer_id=None)]


def request(turn: Turn, *, answer_id: int | None) -> OutgoingMessage:
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
    filed = services.log.request_expert(
        turn.address, saved.question, field=saved.route, answer_id=saved.id, now=now
    )
    if filed is None:
        return OutgoingMessage(texts.ch_expert_already(saved.question))
    return OutgoingMessage(texts.ch_expert_recorded(saved.route, saved.question))
