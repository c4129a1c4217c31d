"""전문가 상담 after the receipt: the advisor's side and the member's side of a ticket.

Advisors: ``/답변 <번호> <내용>``, a reply to the ticket's DM (a Telegram reply, a Slack thread)
or 답변하기 then the answer; ``/추가질문 <번호> <내용>`` (or 추가 질문, then the question),
다른 전문가에게, and ``/부재 12/24~12/31``. An advisor naming a ticket that is not theirs is
refused, and the refusal is audited.

Members: the reply to a clarifying question (the next message in the chat it was asked in, a
reply to the question, or 답하기 then the reply), 도움됐어요 / 부족해요 under the answer, one
follow-up (추가로 묻기), and ``/상담 [번호]`` or 답변 확인 to see their tickets and fetch an
answer (how a Kakao 1:1 member, whom the bot cannot write to first, gets one).

The buttons are written by :mod:`bot.routing.relay` (they sit on queued messages); their
prefixes are registered here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.messages import OutgoingMessage
from bot.routing import fields, relay, tickets
from bot.routing.availability import set_away, set_digest
from bot.skills.skill import Skill, Turn, reply
from bot.storage.federation_models import Advisor
from bot.storage.ticket_models import Ticket

ADVISOR_STEP_TTL = timedelta(hours=12)
MEMBER_STEP_TTL = timedelta(days=7)

skill = Skill("consult")


# ── the advisor ────────────────────────────────────────────────────────────────────────


def _numbered(argument: str) -> tuple[int, str] | None:
    number, _, text = argument.strip().removeprefix("#").partition(" ")
    if not number.isdigit() or not text.strip():
        return None
    return int(number), text.strip()


@skill.command("답변", "answer")
def answer_command(turn: Turn) -> list[OutgoingMessage]:
    """``/답변 <번호> <내용>``: the holder's answer, relayed verbatim to the member."""
    parsed = _numbered(turn.argument)
    if parsed is None:
        return reply(texts.RT_ANSWER_USAGE)
    return _answer(turn, *parsed)


@skill.on_reply()
def replied(turn: Turn) -> list[OutgoingMessage] | None:
    """A reply to a ticket's message (a Telegram reply, a Slack thread): from its holder, the
    answer; from its asker while a clarifying question waits, the reply to it. Anything else
    (a reply to another of the bot's messages) is read as usual."""
    reference, text = turn.message.reply_to, turn.message.text.strip()
    if reference is None or not text:
        return None
    with turn.services.sessions() as session:
        number = relay.replied_ticket(session, turn.address, reference)
        ticket = session.get(Ticket, number) if number is not None else None
        if ticket is None:
            return None
        asker = tickets.asked_by(ticket, turn.address)
        waiting = ticket.state == "waiting_member"
    if not asker:
        return _answer(turn, ticket.id, text)
    if not waiting:
        return None
    with turn.services.sessions.begin() as session:
        tickets.member_reply(session, session.get_one(Ticket, ticket.id), text=text, now=turn.now)
    return reply(texts.RT_REPLY_SENT)


@skill.command("추가질문", "clarify")
def clarify_command(turn: Turn) -> list[OutgoingMessage]:
    """``/추가질문 <번호> <내용>``: a clarifying question to the member."""
    parsed = _numbered(turn.argument)
    if parsed is None:
        return reply(texts.RT_CLARIFY_USAGE)
    return _clarify(turn, *parsed)


@skill.button(relay.ANSWER)
def answer_button(turn: Turn) -> list[OutgoingMessage]:
    """답변하기: the advisor's next message here is the answer."""
    return _await_holder(turn, tickets.ANSWER_STEP, texts.RT_TYPE_ANSWER)


@skill.button(relay.CLARIFY)
def clarify_button(turn: Turn) -> list[OutgoingMessage]:
    """추가 질문: the advisor's next message here goes to the member."""
    return _await_holder(turn, tickets.CLARIFY_STEP, texts.RT_TYPE_CLARIFY)


@skill.step(tickets.ANSWER_STEP, ttl=ADVISOR_STEP_TTL)
def typed_answer(turn: Turn) -> list[OutgoingMessage]:
    """The answer typed after pressing 답변하기."""
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    return _answer(turn, turn.number, turn.message.text.strip())


@skill.step(tickets.CLARIFY_STEP, ttl=ADVISOR_STEP_TTL)
def typed_clarification(turn: Turn) -> list[OutgoingMessage]:
    """The clarifying question typed after pressing 추가 질문."""
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    return _clarify(turn, turn.number, turn.message.text.strip())


@skill.button(relay.PASS)
def pass_button(turn: Turn) -> list[OutgoingMessage]:
    """다른 전문가에게: the ticket goes to another advisor (or the secretariat)."""
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    with turn.services.sessions.begin() as session:
        held = tickets.held_by(session, turn.number, turn.caller.member_id, now=turn.now)
        if held.ticket is None:
            return reply(held.refusal)
        tickets.pass_on(session, held.ticket, by_member_id=_member(turn), now=turn.now)
        return reply(texts.rt_passed(turn.number))


_SPAN = re.compile(
    r"^\s*(\d{1,2})[/.월]\s*(\d{1,2})일?\s*[~\-–]\s*(\d{1,2})[/.월]\s*(\d{1,2})일?\s*$"
)


@skill.command("부재", "away")
def away_command(turn: Turn) -> list[OutgoingMessage]:
    """``/부재 12/24~12/31``: no new tickets for the advisor on those days (KST, inclusive)."""
    span = _span(turn.argument, turn.now)
    if span is None:
        return reply(texts.RT_AWAY_USAGE)
    with turn.services.sessions.begin() as session:
        advisor = session.scalars(
            select(Advisor).where(Advisor.member_id == turn.caller.member_id)
        ).first()
        if turn.caller.member_id is None or advisor is None:
            return reply(texts.RT_NOT_ADVISOR)
        set_away(session, advisor=advisor, starts_on=span[0], ends_on=span[1], actor=_actor(turn))
    return reply(texts.rt_away_set(*span))


@skill.command("하루요약", "digest")
def digest_command(turn: Turn) -> list[OutgoingMessage]:
    """``/하루요약 켜기|끄기``: one morning digest of open tickets instead of one DM each."""
    choice = {"켜기": True, "on": True, "끄기": False, "off": False}.get(turn.argument.strip())
    if choice is None:
        return reply(texts.RT_DIGEST_USAGE)
    with turn.services.sessions.begin() as session:
        advisor = session.scalars(
            select(Advisor).where(Advisor.member_id == turn.caller.member_id)
        ).first()
        if turn.caller.member_id is None or advisor is None:
            return reply(texts.RT_NOT_ADVISOR)
        set_digest(session, advisor=advisor, daily=choice, actor=_actor(turn))
    return reply(texts.RT_DIGEST_ON if choice else texts.RT_DIGEST_OFF)


def _span(text: str, now: datetime) -> tuple[date, date] | None:
    found = _SPAN.match(text)
    if found is None:
        return None
    year = now.astimezone(KST).year
    try:
        start = date(year, int(found[1]), int(found[2]))
        end = date(year, int(found[3]), int(found[4]))
    except ValueError:
        return None
    if end < start:  # 12/28~1/3 runs into the new year
        end = end.replace(year=year + 1)
    if start < now.astimezone(KST).date() - timedelta(days=180):
        start, end = start.replace(year=year + 1), end.replace(year=end.year + 1)
    return start, end


def _answer(turn: Turn, number: int, text: str) -> list[OutgoingMessage]:
    with turn.services.sessions.begin() as session:
        held = tickets.held_by(session, number, turn.caller.member_id, now=turn.now)
        if held.ticket is None:
            return reply(held.refusal)
        tickets.answer(session, held.ticket, text=text, by_member_id=_member(turn), now=turn.now)
    return reply(texts.rt_answer_sent(number))


def _clarify(turn: Turn, number: int, text: str) -> list[OutgoingMessage]:
    with turn.services.sessions.begin() as session:
        held = tickets.held_by(session, number, turn.caller.member_id, now=turn.now)
        if held.ticket is None:
            return reply(held.refusal)
        tickets.clarify(session, held.ticket, text=text, by_member_id=_member(turn), now=turn.now)
    return reply(texts.rt_clarify_sent(number))


def _await_holder(turn: Turn, step: str, prompt: str) -> list[OutgoingMessage]:
    if turn.number is None:
        return reply(texts.CH_UNKNOWN_BUTTON)
    with turn.services.sessions.begin() as session:
        held = tickets.held_by(session, turn.number, turn.caller.member_id, now=turn.now)
        if held.ticket is None:
            return reply(held.refusal)
    turn.services.dialog.ask(turn.address, step, str(turn.number), turn.now)
    return reply(prompt)


# ── the member ─────────────────────────────────────────────────────────────────────────


@skill.button(relay.REPLY)
def reply_button(turn: Turn) -> list[OutgoingMessage]:
    """답하기 under a clarifying question: the member's next message is the reply."""
    return _await_asker(turn, tickets.REPLY_STEP, texts.RT_TYPE_REPLY)


@skill.button(relay.MORE)
def follow_up_button(turn: Turn) -> list[OutgoingMessage]:
    """추가로 묻기 under the answer: the member's next message goes to the same advisor."""
    return _await_asker(turn, tickets.FOLLOW_UP_STEP, texts.RT_TYPE_FOLLOW_UP)


@skill.step(tickets.REPLY_STEP, ttl=MEMBER_STEP_TTL)
def typed_reply(turn: Turn) -> list[OutgoingMessage]:
    """The member's reply to the advisor's clarifying question."""
    with turn.services.sessions.begin() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.CH_UNKNOWN_BUTTON)
        if ticket.state != "waiting_member":
            return reply(texts.rt_closed(ticket.id))
        tickets.member_reply(session, ticket, text=turn.message.text.strip(), now=turn.now)
    return reply(texts.RT_REPLY_SENT)


@skill.step(tickets.FOLLOW_UP_STEP, ttl=MEMBER_STEP_TTL)
def typed_follow_up(turn: Turn) -> list[OutgoingMessage]:
    """The member's one follow-up question, to the advisor who answered."""
    with turn.services.sessions.begin() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.CH_UNKNOWN_BUTTON)
        if ticket.follow_up_used:
            return reply(texts.RT_FOLLOW_UP_USED)
        tickets.follow_up(session, ticket, text=turn.message.text.strip(), now=turn.now)
    return reply(texts.RT_REPLY_SENT)


@skill.button(relay.GOOD)
def rated_good(turn: Turn) -> list[OutgoingMessage]:
    """도움됐어요 under an answer."""
    return _rate(turn, helpful=True)


@skill.button(relay.WEAK)
def rated_weak(turn: Turn) -> list[OutgoingMessage]:
    """부족해요 under an answer: the follow-up is offered again."""
    return _rate(turn, helpful=False)


@skill.button(relay.FIX)
def fix_field(turn: Turn) -> list[OutgoingMessage]:
    """분야 바꾸기 under the receipt: the fields to choose from."""
    with turn.services.sessions() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.RT_NOT_YOURS)
        if not tickets.open_to_change(ticket):
            return reply(texts.RT_TOO_LATE)
        return reply(texts.RT_CHOOSE_FIELD, *relay.field_buttons(ticket.id, fields.FIELDS))


@skill.button(relay.FIELD)
def chosen_field(turn: Turn) -> list[OutgoingMessage]:
    """A field chosen after 분야 바꾸기 (``tk:field:<ticket>:<index>``): routed again."""
    number, _, index = turn.argument.partition(":")
    if not (number.isdigit() and index.isdigit() and int(index) < len(fields.FIELDS)):
        return reply(texts.CH_UNKNOWN_BUTTON)
    field = fields.FIELDS[int(index)]
    with turn.services.sessions.begin() as session:
        ticket = _asked_number(session, turn, int(number))
        if ticket is None:
            return reply(texts.RT_NOT_YOURS)
        try:
            tickets.refield(session, ticket, field=field, now=turn.now)
        except tickets.TicketError as refused:
            return reply(str(refused))
        advisor = ticket.advisor
        title = advisor.member.title if advisor is not None else None
        who = texts.rt_who(field, title, secretariat=advisor is None)
        return reply(texts.rt_field_changed(ticket.id, field, who))


@skill.button(relay.WITHDRAW)
def withdraw(turn: Turn) -> list[OutgoingMessage]:
    """요청 취소 under the receipt."""
    with turn.services.sessions.begin() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.RT_NOT_YOURS)
        try:
            tickets.withdraw(session, ticket, now=turn.now)
        except tickets.TicketError as refused:
            return reply(str(refused))
        return reply(texts.rt_withdrawn(ticket.id))


@skill.command("상담", "tickets")
def status_command(turn: Turn) -> list[OutgoingMessage]:
    """``/상담``: the member's tickets; ``/상담 12``: that one's state, or its answer."""
    number = turn.argument.strip().removeprefix("#")
    with turn.services.sessions() as session:
        if number.isdigit():
            ticket = _asked_number(session, turn, int(number))
            if ticket is None:
                return reply(texts.rt_no_such_ticket(int(number)))
            return [tickets.progress(session, ticket)]
        mine = tickets.asked_from(session, turn.address)
        if not mine:
            return reply(texts.RT_NO_TICKETS)
        entries = [
            (t.id, t.field, texts.RT_STATE_NAMES.get(t.state, t.state), t.question) for t in mine
        ]
        return reply(texts.rt_my_tickets(entries))


@skill.postscript()
def held_back(turn: Turn) -> list[OutgoingMessage]:
    """Answers and questions the member's platform could not take unprompted (a Kakao 1:1
    chat), after the reply to whatever they said next."""
    if turn.address.platform not in turn.services.pull_only:
        return []  # pushes reach everyone else: no look at the queue on every message
    with turn.services.sessions.begin() as session:
        return relay.held_back(session, turn.address, turn.now)


@skill.button(relay.CHECK)
def check_button(turn: Turn) -> list[OutgoingMessage]:
    """답변 확인 under the receipt: the ticket's state, or its answer."""
    with turn.services.sessions() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.RT_NOT_YOURS)
        return [tickets.progress(session, ticket)]


def _rate(turn: Turn, *, helpful: bool) -> list[OutgoingMessage]:
    with turn.services.sessions.begin() as session:
        ticket = _asked(session, turn)
        if ticket is None or ticket.answered_at is None:
            return reply(texts.RT_NOT_YOURS)
        tickets.rate(session, ticket, helpful=helpful, now=turn.now)
        if helpful:
            return reply(texts.RT_RATED_GOOD)
        if ticket.follow_up_used:
            return reply(texts.RT_RATED_GOOD)
        more = relay.answer_buttons(ticket)[-1]
        return reply(texts.RT_RATED_WEAK, more)


def _await_asker(turn: Turn, step: str, prompt: str) -> list[OutgoingMessage]:
    with turn.services.sessions() as session:
        ticket = _asked(session, turn)
        if ticket is None:
            return reply(texts.RT_NOT_YOURS)
        if step == tickets.FOLLOW_UP_STEP and ticket.follow_up_used:
            return reply(texts.RT_FOLLOW_UP_USED)
    turn.services.dialog.ask(turn.address, step, str(turn.number), turn.now)
    return reply(prompt)


def _asked(session: Session, turn: Turn) -> Ticket | None:
    """The ticket the turn names, if this account asked it (a forged button finds nothing)."""
    return _asked_number(session, turn, turn.number)


def _asked_number(session: Session, turn: Turn, number: int | None) -> Ticket | None:
    ticket = session.get(Ticket, number) if number is not None else None
    return ticket if tickets.asked_by(ticket, turn.address) else None


def _member(turn: Turn) -> int:
    assert turn.caller.member_id is not None  # held_by refused anyone unlinked
    return turn.caller.member_id


def _actor(turn: Turn) -> str:
    return f"member:{turn.caller.member_id}"
