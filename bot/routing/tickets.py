"""Ticket use-cases: open, assign, answer, clarify, relay the member's reply, rate, follow up.

Each is a plain function of a session and keyword arguments, used by the chat skills and the
secretariat's command line alike. Every assignment and state change is audited (entity
``ticket``: who, when, and why in the detail) in the caller's transaction, and every message it
causes is queued in that same transaction (:mod:`bot.routing.relay`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.dialog import ask_in
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.messages import Address, OutgoingMessage
from bot.routing import assignment, fields, relay
from bot.routing.availability import prefers_digest
from bot.schedule.planning import HolidayCheck, korean_holiday
from bot.storage.federation_models import Advisor, Member, Membership
from bot.storage.room_models import ChatRoom
from bot.storage.ticket_models import Ticket, TicketMessage

SYSTEM = "system:routing"
HELD_STATES = (*assignment.ACTIVE_STATES, "escalated")
"""States in which a ticket waits for its holder (an advisor, or the secretariat)."""
ANSWER_DAYS = 2
"""The business days a member is told to expect by default; a field's own reassignment step
overrides it (:func:`bot.routing.deadlines.promised_by`)."""
REPLY_STEP = "tk:reply"
"""The dialog step whose answer is the member's reply to a clarifying question."""
FOLLOW_UP_STEP = "tk:more"
ANSWER_STEP = "tk:ans"
CLARIFY_STEP = "tk:ask"


class TicketError(FederationError):
    """A ticket action was refused; ``str(error)`` says why in Korean."""


# ── opening and assignment ─────────────────────────────────────────────────────────────


def open_ticket(
    session: Session,
    *,
    question: str,
    asked_at: Address,
    member_id: int | None,
    now: datetime,
    actor: str,
    answer_id: int | None = None,
    field: str | None = None,
    anonymous: bool = False,
) -> Ticket:
    """A new ticket for ``question``, routed at once (to an advisor, else the secretariat)."""
    ticket = Ticket(
        state="open",
        field=fields.normalised(field) or fields.guess(question, _past_fields(session)),
        question=question,
        anonymous=anonymous,
        member_id=member_id,
        group_id=_group_of(session, asked_at, member_id),
        answer_id=answer_id,
        platform=asked_at.platform,
        user_id=asked_at.user,
        conversation=asked_at.conversation,
        thread=asked_at.thread,
        is_group=asked_at.is_group,
        tried=[],
        asked_at=now,
        sla_from=now,
        sla_stage=0,
        follow_up_used=False,
    )
    session.add(ticket)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="open",
        entity="ticket",
        entity_id=ticket.id,
        field=ticket.field,
        anonymous=anonymous,
    )
    route(session, ticket, now=now, actor=SYSTEM, reason="opened")
    return ticket


def _past_fields(session: Session) -> list[tuple[str, str]]:
    """The latest tickets' (question, field), for guessing a new one's field by similarity.

    Read whole and only when a guess is needed: on SQLite a SELECT left unfinished keeps its
    connection reading the database as it was, so the ticket's INSERT after it failed at once
    with "database is locked" whenever another writer had committed in between.
    """
    query = select(Ticket.question, Ticket.field).order_by(Ticket.id.desc()).limit(200)
    return [(question, field) for question, field in session.execute(query).all()]


def get(session: Session, ticket_id: int) -> Ticket:
    """The ticket numbered ``ticket_id``, or a polite :class:`NotFoundError`."""
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_TICKET, f"#{ticket_id}"))
    return ticket


def existing_for_answer(session: Session, answer_id: int, asked_at: Address) -> Ticket | None:
    """The ticket this person already opened for the answer ``answer_id``, if any."""
    return session.scalars(
        select(Ticket).where(
            Ticket.answer_id == answer_id,
            Ticket.platform == asked_at.platform,
            Ticket.user_id == asked_at.user,
        )
    ).first()


def route(session: Session, ticket: Ticket, *, now: datetime, actor: str, reason: str) -> None:
    """Give ``ticket`` to the best advisor for it now, or to the secretariat."""
    advisor = assignment.choose(session, ticket, now)
    if advisor is None:
        escalate(session, ticket, now=now, actor=actor, reason="no_advisor")
    else:
        give(session, ticket, advisor, now=now, actor=actor, reason=reason)


def give(
    session: Session, ticket: Ticket, advisor: Advisor, *, now: datetime, actor: str, reason: str
) -> None:
    """Assign ``ticket`` to ``advisor`` and queue their DM."""
    had = ticket.advisor_id
    if had is not None and had != advisor.id:
        _tried(ticket, had)
    # Both the key and the relationship, so either reads the new holder before a flush.
    ticket.advisor, ticket.advisor_id, ticket.assigned_at = advisor, advisor.id, now
    state = "reassigned" if ticket.tried or ticket.state == "escalated" else "assigned"
    _change(session, ticket, state, actor=actor, reason=reason, advisor=advisor.id)
    if prefers_digest(session, advisor.id):
        return  # the morning digest lists it (bot.routing.digest)
    to = relay.advisor_address(session, advisor)
    if to is None:
        audit.record(
            session,
            actor=SYSTEM,
            action="unreachable",
            entity="ticket",
            entity_id=ticket.id,
            advisor=advisor.id,
        )
        return
    step = f"assign:{advisor.id}:{len(ticket.tried)}"
    message = relay.new_ticket_dm(session, ticket)
    relay.send(session, ticket, step, to, message, now, member_id=advisor.member_id)


def escalate(session: Session, ticket: Ticket, *, now: datetime, actor: str, reason: str) -> None:
    """The secretariat holds ``ticket`` (nobody fits, or nobody answered in time)."""
    if ticket.advisor_id is not None:
        _tried(ticket, ticket.advisor_id)
    ticket.advisor, ticket.advisor_id = None, None
    _change(session, ticket, "escalated", actor=actor, reason=reason)
    why = texts.RT_REASON_NO_ADVISOR if reason == "no_advisor" else texts.RT_REASON_OVERDUE
    message = OutgoingMessage(
        texts.rt_secretariat_dm(ticket.id, ticket.field, ticket.question, why)
    )
    for member_id, to in relay.secretariat_addresses(session):
        relay.send(
            session,
            ticket,
            f"escalate:{reason}:{len(ticket.tried)}",
            to,
            message,
            now,
            member_id=member_id,
        )


def assign(
    session: Session, *, ticket_id: int, advisor_id: int, actor: str, now: datetime
) -> Ticket:
    """The secretariat gives a ticket to a chosen advisor (``gyoryu tickets assign``)."""
    ticket = get(session, ticket_id)
    advisor = session.get(Advisor, advisor_id)
    if advisor is None:
        raise NotFoundError(texts.fed_not_found(texts.FED_KIND_ADVISOR, str(advisor_id)))
    if ticket.state not in (*HELD_STATES, "open"):
        raise TicketError(texts.rt_closed(ticket.id))
    if assignment.in_conflict(session, advisor, ticket.member_id):
        raise TicketError(texts.rt_conflict(ticket.id))
    give(session, ticket, advisor, now=now, actor=actor, reason="manual")
    return ticket


def receipt(session: Session, ticket: Ticket, is_holiday: HolidayCheck = korean_holiday) -> str:
    """What the member is told at once: number, field, who answers (role) and roughly when."""
    from bot.routing.deadlines import promised_by

    advisor = ticket.advisor
    title = advisor.member.title if advisor is not None else None
    who = texts.rt_who(ticket.field, title, secretariat=advisor is None)
    days, by = promised_by(session, ticket, is_holiday)
    return texts.rt_receipt(
        ticket.id, ticket.question, ticket.field, who, days, by.date(), anonymous=ticket.anonymous
    )


def asked_from(session: Session, address: Address) -> list[Ticket]:
    """The tickets the account at ``address`` asked, newest first (``/상담``)."""
    return list(
        session.scalars(
            select(Ticket)
            .where(Ticket.platform == address.platform, Ticket.user_id == address.user)
            .order_by(Ticket.id.desc())
        )
    )


def progress(session: Session, ticket: Ticket) -> OutgoingMessage:
    """What the asker sees on ``/상담 12`` or 답변 확인: the signed answer once there is one
    (with its rating buttons), the pending clarifying question, else where the ticket stands.

    Answers and questions are shown as they were relayed (the queued message), so a member
    who could not be reached (a Kakao 1:1 chat cannot be written to first) reads the same text.
    """
    to = relay.member_address(ticket)
    wanted = {"answered": "answer", "closed": "answer", "waiting_member": "clarify"}
    kind = wanted.get(ticket.state)
    last = next((m for m in reversed(ticket.messages) if m.kind == kind), None)
    shown = relay.relayed(session, ticket, f"msg:{last.id}", to) if last is not None else None
    if shown is not None and kind == "answer":
        buttons = relay.answer_buttons(ticket) if ticket.state == "answered" else ()
        if ticket.rating is not None:
            buttons = tuple(b for b in buttons if b.action.startswith(relay.MORE))
        return OutgoingMessage(shown.text, buttons=buttons)
    if shown is not None:
        return OutgoingMessage(shown.text, buttons=(relay.reply_button(ticket.id),))
    advisor = ticket.advisor
    title = advisor.member.title if advisor is not None else None
    who = texts.rt_who(ticket.field, title, secretariat=advisor is None)
    state = texts.RT_STATE_NAMES.get(ticket.state, ticket.state)
    text = texts.rt_progress(ticket.id, ticket.question, ticket.field, state, who)
    waiting = ticket.state in (*HELD_STATES, "open")
    return OutgoingMessage(text, buttons=(relay.check_button(ticket.id),) if waiting else ())


# ── who may act on a ticket ────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Holding:
    """The outcome of checking that someone holds a ticket: the ticket, or why not."""

    ticket: Ticket | None
    refusal: str = ""


def held_by(session: Session, ticket_id: int, member_id: int | None, *, now: datetime) -> Holding:
    """``ticket_id`` if the member holds it (its advisor, or the secretariat for an escalated
    one); otherwise the refusal, audited (an advisor asking for another's ticket)."""
    member = session.get(Member, member_id) if member_id is not None else None
    advisor = session.scalars(select(Advisor).where(Advisor.member_id == member_id)).first()
    if member is None or (advisor is None and not member.is_admin):
        return Holding(None, texts.RT_NOT_ADVISOR)
    ticket = session.get(Ticket, ticket_id)
    mine = ticket is not None and (
        (advisor is not None and ticket.advisor_id == advisor.id)
        or (ticket.advisor_id is None and member.is_admin)
    )
    if ticket is None or not mine:
        audit.record(
            session,
            actor=f"member:{member.id}",
            action="refused",
            entity="ticket",
            entity_id=ticket_id,
            reason="not_assigned",
        )
        return Holding(None, texts.rt_not_assigned(ticket_id))
    if ticket.state not in HELD_STATES:
        return Holding(None, texts.rt_closed(ticket.id))
    return Holding(ticket)


def asked_by(ticket: Ticket | None, address: Address) -> bool:
    """Whether ``address`` is the account that asked ``ticket``."""
    return (
        ticket is not None
        and ticket.platform == address.platform
        and ticket.user_id == address.user
    )


# ── the conversation on a ticket ───────────────────────────────────────────────────────


def answer(
    session: Session, ticket: Ticket, *, text: str, by_member_id: int, now: datetime
) -> None:
    """The holder's answer: stored, and relayed verbatim in a signed message to the member
    (and to the group thread it came from, unless anonymous)."""
    by = session.get_one(Member, by_member_id)
    advisor = ticket.advisor
    message = _add(ticket, "answer", "advisor" if advisor else "secretariat", text, now)
    session.flush()
    ticket.answered_at = now
    ticket.paused_at = None
    _change(session, ticket, "answered", actor=f"member:{by.id}", reason="answered")
    title = by.title if advisor is not None else texts.RT_SECRETARIAT
    affiliation = advisor.affiliation if advisor is not None else None
    signature = texts.rt_signature(by.name, title, affiliation, now.astimezone(KST).date())
    body = texts.rt_answer(ticket.id, ticket.question, text, signature)
    step = f"msg:{message.id}"
    relay.send(
        session,
        ticket,
        step,
        relay.member_address(ticket),
        OutgoingMessage(body, buttons=relay.answer_buttons(ticket)),
        now,
        member_id=ticket.member_id,
    )
    room = relay.room_address(ticket)
    if room is not None:
        relay.send(session, ticket, step, room, OutgoingMessage(body), now)


def clarify(
    session: Session, ticket: Ticket, *, text: str, by_member_id: int, now: datetime
) -> None:
    """The holder asks the member something; the SLA clock pauses until the member replies."""
    message = _add(ticket, "clarify", "advisor" if ticket.advisor else "secretariat", text, now)
    session.flush()
    ticket.paused_at = ticket.paused_at or now
    _change(session, ticket, "waiting_member", actor=f"member:{by_member_id}", reason="clarify")
    to = relay.member_address(ticket)
    reply_button = relay.reply_button(ticket.id)
    out = OutgoingMessage(texts.rt_clarify(ticket.id, text), buttons=(reply_button,))
    relay.send(session, ticket, f"msg:{message.id}", to, out, now, member_id=ticket.member_id)
    if not ticket.is_group:
        # Asked in this very chat: the member's next message there is the reply.
        ask_in(session, to, REPLY_STEP, str(ticket.id), now)


def member_reply(session: Session, ticket: Ticket, *, text: str, now: datetime) -> None:
    """The member's reply to a clarifying question goes back to the holder; the clock resumes."""
    message = _add(ticket, "reply", "member", text, now)
    session.flush()
    from bot.routing.deadlines import resume

    resume(session, ticket, now)
    state = "reassigned" if ticket.tried else "assigned"
    if ticket.advisor_id is None:
        state = "escalated"
    _change(session, ticket, state, actor=_asker(ticket), reason="member_replied")
    _to_holder(
        session, ticket, texts.rt_member_reply(ticket.id, text, follow_up=False), message, now
    )


def rate(session: Session, ticket: Ticket, *, helpful: bool, now: datetime) -> None:
    """도움됐어요 closes the ticket; 부족해요 keeps it answered, counted as a low rating."""
    ticket.rating = 1 if helpful else -1
    audit.record(
        session,
        actor=_asker(ticket),
        action="rate",
        entity="ticket",
        entity_id=ticket.id,
        rating=ticket.rating,
    )
    if helpful and ticket.state == "answered":
        _change(session, ticket, "closed", actor=_asker(ticket), reason="rated_helpful")


def follow_up(session: Session, ticket: Ticket, *, text: str, now: datetime) -> None:
    """The member's one follow-up question, to the same advisor; the SLA clock starts again."""
    if ticket.follow_up_used:
        raise TicketError(texts.RT_FOLLOW_UP_USED)
    ticket.follow_up_used = True
    message = _add(ticket, "follow_up", "member", text, now)
    session.flush()
    ticket.sla_from, ticket.sla_stage, ticket.paused_at = now, 0, None
    if ticket.advisor is None:
        route(session, ticket, now=now, actor=_asker(ticket), reason="follow_up")
        return
    state = "reassigned" if ticket.tried else "assigned"
    _change(session, ticket, state, actor=_asker(ticket), reason="follow_up")
    _to_holder(
        session, ticket, texts.rt_member_reply(ticket.id, text, follow_up=True), message, now
    )


def pass_on(
    session: Session,
    ticket: Ticket,
    *,
    by_member_id: int | None,
    now: datetime,
    reason: str = "passed_on",
) -> None:
    """The ticket goes to another advisor (다른 전문가에게, or overdue): never back to one who
    held it; the secretariat when nobody else fits."""
    if ticket.advisor_id is not None:
        _tried(ticket, ticket.advisor_id)
        ticket.advisor, ticket.advisor_id = None, None
    actor = f"member:{by_member_id}" if by_member_id is not None else SYSTEM
    route(session, ticket, now=now, actor=actor, reason=reason)


def open_to_change(ticket: Ticket) -> bool:
    """Whether the member may still correct the field or withdraw: held, nothing relayed yet."""
    return ticket.state in (*HELD_STATES, "open") and not ticket.messages


def refield(session: Session, ticket: Ticket, *, field: str, now: datetime) -> None:
    """The member corrects the field: the ticket is routed again within the new field."""
    if field not in fields.FIELDS:
        raise TicketError(texts.CH_UNKNOWN_BUTTON)
    if not open_to_change(ticket):
        raise TicketError(texts.RT_TOO_LATE)
    _tell_holder_gone(session, ticket, now, step=f"refield:{field}")
    audit.record(
        session,
        actor=_asker(ticket),
        action="field",
        entity="ticket",
        entity_id=ticket.id,
        before=ticket.field,
        after=field,
    )
    ticket.field, ticket.tried = field, []
    ticket.advisor, ticket.advisor_id = None, None
    route(session, ticket, now=now, actor=_asker(ticket), reason="field_changed")


def withdraw(session: Session, ticket: Ticket, *, now: datetime) -> None:
    """The member withdraws the question before anything was relayed."""
    if not open_to_change(ticket):
        raise TicketError(texts.RT_TOO_LATE)
    _tell_holder_gone(session, ticket, now, step="withdrawn")
    _change(session, ticket, "withdrawn", actor=_asker(ticket), reason="withdrawn")


def _tell_holder_gone(session: Session, ticket: Ticket, now: datetime, *, step: str) -> None:
    advisor = ticket.advisor
    to = relay.advisor_address(session, advisor) if advisor is not None else None
    if advisor is not None and to is not None:
        out = OutgoingMessage(texts.rt_withdrawn_notice(ticket.id))
        relay.send(session, ticket, step, to, out, now, member_id=advisor.member_id)


# ── helpers ────────────────────────────────────────────────────────────────────────────


def _to_holder(
    session: Session, ticket: Ticket, text: str, message: TicketMessage, now: datetime
) -> None:
    advisor = ticket.advisor
    if advisor is None:
        for member_id, to in relay.secretariat_addresses(session):
            relay.send(
                session,
                ticket,
                f"msg:{message.id}",
                to,
                OutgoingMessage(text),
                now,
                member_id=member_id,
            )
        return
    found = relay.advisor_address(session, advisor)
    if found is not None:
        out = OutgoingMessage(text, buttons=relay.advisor_buttons(ticket.id))
        step = f"msg:{message.id}"
        relay.send(session, ticket, step, found, out, now, member_id=advisor.member_id)


def _add(ticket: Ticket, kind: str, author: str, text: str, now: datetime) -> TicketMessage:
    message = TicketMessage(kind=kind, author=author, text=text, at=now)
    ticket.messages.append(message)
    return message


def _tried(ticket: Ticket, advisor_id: int) -> None:
    if advisor_id not in ticket.tried:
        ticket.tried = [*ticket.tried, advisor_id]  # a new list, so the change is saved


def _change(
    session: Session, ticket: Ticket, state: str, *, actor: str, reason: str, **detail: object
) -> None:
    before, ticket.state = ticket.state, state
    action = "assign" if "advisor" in detail else "state"
    audit.record(
        session,
        actor=actor,
        action=action,
        entity="ticket",
        entity_id=ticket.id,
        before=before,
        after=state,
        reason=reason,
        **detail,
    )


def _asker(ticket: Ticket) -> str:
    return f"member:{ticket.member_id}" if ticket.member_id is not None else "guest"


def _group_of(session: Session, asked_at: Address, member_id: int | None) -> int | None:
    if asked_at.is_group and asked_at.conversation is not None:
        room = session.scalars(
            select(ChatRoom).where(
                ChatRoom.platform == asked_at.platform, ChatRoom.chat_id == asked_at.conversation
            )
        ).first()
        if room is not None and room.group_id is not None:
            return room.group_id
    if member_id is None:
        return None
    return session.scalar(
        select(Membership.group_id).where(Membership.member_id == member_id).order_by(Membership.id)
    )
