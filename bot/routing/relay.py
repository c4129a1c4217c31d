"""What tickets send, through the durable queue the reminders use (:mod:`bot.schedule.queue`).

Each message is rendered when queued and stored as the row's payload, in the same transaction
as the change that causes it, so a crash never loses a relay and the queue's unique key (one
per ticket and step) never queues it twice. The dispatcher delivers it like a reminder.

The button actions of these messages are declared here, beside the functions that build them;
the advisor skill registers their prefixes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.delivery import UndeliverableError
from bot.messages import Address, Button, OutgoingMessage
from bot.schedule import audience, content, queue
from bot.storage.federation_models import Advisor, Group, Member
from bot.storage.schedule_models import ScheduledMessage
from bot.storage.ticket_models import Ticket

KIND = "ticket"
KEEP_TRYING = timedelta(days=14)
"""A relay is worth delivering late; after this long it is recorded as missed."""

ANSWER, CLARIFY, PASS = "tk:ans", "tk:ask", "tk:pass"
GOOD, WEAK, MORE, REPLY = "tk:good", "tk:weak", "tk:more", "tk:reply"
FIX, FIELD, WITHDRAW, CHECK = "tk:fix", "tk:field", "tk:drop", "tk:see"


def action(prefix: str, ticket_id: int) -> str:
    """A ticket button's action (``tk:ans:12``)."""
    return f"{prefix}:{ticket_id}"


def key_prefix(ticket_id: int) -> str:
    """Every queued message of a ticket has a key starting with this (erasure finds them so)."""
    return f"{KIND}:{ticket_id}:"


def send(
    session: Session,
    ticket: Ticket,
    step: str,
    to: Address,
    message: OutgoingMessage,
    now: datetime,
    *,
    member_id: int | None = None,
) -> bool:
    """Queue ``message`` for ``to`` as ``step`` of ``ticket`` (once per step and address)."""
    return queue.enqueue(
        session,
        key=f"{key_prefix(ticket.id)}{step}",
        kind=KIND,
        to=to,
        due_at=now,
        expires_at=now + KEEP_TRYING,
        member_id=member_id,
        payload=content.to_payload(message),
    )


def relayed(session: Session, ticket: Ticket, step: str, to: Address) -> OutgoingMessage | None:
    """The message queued as ``step`` of ``ticket`` for ``to``, as it was rendered then."""
    payload = session.scalar(
        select(ScheduledMessage.payload).where(
            ScheduledMessage.key == f"{key_prefix(ticket.id)}{step}",
            ScheduledMessage.target == audience.target_of(to),
        )
    )
    return content.from_payload(payload) if payload is not None else None


def held_back(session: Session, address: Address, now: datetime) -> list[OutgoingMessage]:
    """Ticket messages for ``address`` that its platform would not take unprompted (a Kakao 1:1
    chat cannot be written to first), now marked sent: they go with the reply to the person's
    next message. Only for a one-to-one chat, and only while they are worth delivering."""
    if address.is_group:
        return []
    rows = session.scalars(
        select(ScheduledMessage)
        .where(
            ScheduledMessage.kind == KIND,
            ScheduledMessage.platform == address.platform,
            ScheduledMessage.user == address.user,
            ScheduledMessage.is_group.is_(False),
            ScheduledMessage.state == "failed",
            or_(
                ScheduledMessage.last_error == texts.MTG_NO_CHANNEL,
                # how rows failed before the reason was written in Korean
                ScheduledMessage.last_error.startswith(UndeliverableError.__name__),
            ),
            ScheduledMessage.expires_at > now,
        )
        .order_by(ScheduledMessage.id)
    ).all()
    for row in rows:
        row.state, row.sent_at, row.last_error = "sent", now, None
    return [content.from_payload(row.payload) for row in rows if row.payload is not None]


def replied_ticket(session: Session, address: Address, reply_to: str) -> int | None:
    """The ticket whose message ``reply_to`` (a platform message id) this account received,
    if that message was one of a ticket's (how a reply to an advisor's DM finds its ticket)."""
    key = session.scalar(
        select(ScheduledMessage.key)
        .where(
            ScheduledMessage.platform_message_id == reply_to,
            ScheduledMessage.kind == KIND,
            ScheduledMessage.platform == address.platform,
            ScheduledMessage.user == address.user,
        )
        .order_by(ScheduledMessage.id.desc())
        .limit(1)
    )
    if key is None:
        return None
    number = key.removeprefix(f"{KIND}:").partition(":")[0]
    return int(number) if number.isdigit() else None


def advisor_address(session: Session, advisor: Advisor) -> Address | None:
    """Where an advisor's DMs go: their linked chat account, if any."""
    return audience.direct_address(session, advisor.member_id)


def member_address(ticket: Ticket) -> Address:
    """Where the asker gets answers: the DM they asked in, or their account's DM."""
    if ticket.is_group:
        return Address(ticket.platform, ticket.user_id)
    return Address(ticket.platform, ticket.user_id, ticket.conversation, ticket.thread)


def room_address(ticket: Ticket) -> Address | None:
    """The group thread the question came from (never for an anonymous one)."""
    if not ticket.is_group or ticket.anonymous or ticket.conversation is None:
        return None
    return Address(
        ticket.platform,
        ticket.conversation,
        conversation=ticket.conversation,
        thread=ticket.thread,
        is_group=True,
    )


def secretariat_addresses(session: Session) -> list[tuple[int, Address]]:
    """The secretariat staff (admins) with a linked chat account."""
    found = []
    for member_id in session.scalars(select(Member.id).where(Member.is_admin.is_(True))):
        to = audience.direct_address(session, member_id)
        if to is not None:
            found.append((member_id, to))
    return found


def new_ticket_dm(session: Session, ticket: Ticket) -> OutgoingMessage:
    """The advisor's DM for a ticket: number, field, group and company (or 익명), question."""
    group = company = None
    if not ticket.anonymous:
        found = session.get(Group, ticket.group_id) if ticket.group_id else None
        group = found.name if found else None
        member = session.get(Member, ticket.member_id) if ticket.member_id else None
        company = member.company.name if member and member.company else None
    text = texts.rt_advisor_dm(ticket.id, ticket.field, ticket.question, group, company)
    return OutgoingMessage(text, buttons=advisor_buttons(ticket.id))


def advisor_buttons(ticket_id: int) -> tuple[Button, ...]:
    """답변하기 / 추가 질문 / 다른 전문가에게."""
    return (
        Button(texts.RT_BUTTON_ANSWER, action(ANSWER, ticket_id)),
        Button(texts.RT_BUTTON_CLARIFY, action(CLARIFY, ticket_id)),
        Button(texts.RT_BUTTON_PASS, action(PASS, ticket_id)),
    )


def receipt_buttons(ticket_id: int) -> tuple[Button, ...]:
    """Under the receipt: correct the field, withdraw the question, or see where it stands
    (where the answer cannot be pushed, as in a Kakao 1:1 chat, this is how it is fetched)."""
    return (
        Button(texts.RT_BUTTON_FIX_FIELD, action(FIX, ticket_id)),
        Button(texts.RT_BUTTON_WITHDRAW, action(WITHDRAW, ticket_id)),
        check_button(ticket_id),
    )


def check_button(ticket_id: int) -> Button:
    """답변 확인: the ticket's state, or its answer once there is one."""
    return Button(texts.RT_BUTTON_CHECK, action(CHECK, ticket_id))


def field_buttons(ticket_id: int, fields: tuple[str, ...]) -> tuple[Button, ...]:
    """One button per field (``tk:field:12:3`` names the fourth)."""
    return tuple(
        Button(field, f"{action(FIELD, ticket_id)}:{index}") for index, field in enumerate(fields)
    )


def reply_button(ticket_id: int) -> Button:
    """답하기, under a clarifying question: the member's next message is the reply."""
    return Button(texts.RT_BUTTON_REPLY, action(REPLY, ticket_id))


def answer_buttons(ticket: Ticket) -> tuple[Button, ...]:
    """도움됐어요 / 부족해요, and one follow-up while it is unused."""
    buttons = [
        Button(texts.RT_BUTTON_GOOD, action(GOOD, ticket.id)),
        Button(texts.RT_BUTTON_WEAK, action(WEAK, ticket.id)),
    ]
    if not ticket.follow_up_used:
        buttons.append(Button(texts.RT_BUTTON_FOLLOW_UP, action(MORE, ticket.id)))
    return tuple(buttons)
