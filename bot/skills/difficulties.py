"""애로사항 in chat: ``/애로`` to share, list, edit or withdraw, and the buttons sent with them.

The scheduler's prompt and nudge carry "share" and "opt out" buttons and the leaders' digest
"hand to an advisor" buttons (:mod:`bot.difficulties` writes their actions). "Share" asks for
the text as a dialog step; the member's next message completes it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot import texts
from bot.dialog import ask_in
from bot.difficulties import digest, handover, items, nudges
from bot.difficulties.items import DifficultyError
from bot.messages import OutgoingMessage
from bot.routing import relay, tickets
from bot.schedule import rsvp
from bot.skills.membership import home_group, leads, member_of
from bot.skills.skill import Skill, Turn, reply
from bot.storage.difficulty_models import Difficulty
from bot.storage.event_models import Event
from bot.storage.federation_models import Member

DIGEST_WORDS = frozenset({"정리", "정리본", "보기"})
"""``/애로 정리`` asks for the digest (or one's own items) like a bare ``/애로``."""

skill = Skill("difficulties")


@skill.command("애로", "애로사항")
def difficulties(turn: Turn) -> list[OutgoingMessage]:
    """``/애로``: share (``공유``/``익명`` + text, or just the text), list (``목록``), edit
    (``수정`` + number + text) or withdraw (``철회`` + number) one's own items, or without an
    argument the leaders' digest or one's own items for the next meeting.
    """
    argument, now = turn.argument, turn.now
    verb, _, rest = argument.strip().partition(" ")
    rest = rest.strip()
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.DIFF_NOT_LINKED)
        if verb in ("수정", "철회"):
            return reply(_change(session, member, verb, rest, now))
        group_id = home_group(session, turn.address, member)
        if group_id is None:
            return reply(texts.MTG_NO_GROUP)
        if verb == "목록":
            return reply(_listing(session, member, group_id, now))
        if verb in ("공유", "익명"):
            return reply(_share(session, group_id, member, rest, now, anonymous=verb == "익명"))
        if verb and verb not in DIGEST_WORDS:
            # "/애로 <내용>", e.g. a reply to the prompt in the group room: share it as is.
            return reply(_share(session, group_id, member, argument, now, anonymous=False))
        meeting = digest.next_meeting(session, group_id=group_id, now=now)
        if meeting is None:
            return reply(texts.MTG_NO_MEETING)
        if leads(session, member, group_id):
            return [digest.digest(session, meeting) or OutgoingMessage(texts.MTG_NO_GROUP)]
        return reply(_own_items(session, member, group_id, meeting))


@skill.button(nudges.SHARE_PREFIX)
def share_pressed(turn: Turn) -> list[OutgoingMessage]:
    """The prompt's "share" button: ask for the text (the next message)."""
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.DIFF_NOT_LINKED)
        event = session.get(Event, turn.number) if turn.number is not None else None
        if event is None or event.group_id is None or not rsvp.may_answer(session, event, member):
            return reply(texts.MTG_EVENT_GONE)  # a forged button for another group's meeting
        ask_in(session, turn.address, nudges.SHARE_PREFIX, turn.argument, turn.now)
        return reply(texts.DIFF_SHARE_ASK)


@skill.step(nudges.SHARE_PREFIX)
def shared(turn: Turn) -> list[OutgoingMessage]:
    """The text asked for by the "share" button, shared with the meeting's group."""
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        event = session.get(Event, turn.number) if turn.number is not None else None
        if member is None or event is None or event.group_id is None:
            return reply(texts.MTG_EVENT_GONE if member else texts.DIFF_NOT_LINKED)
        if not rsvp.may_answer(session, event, member):
            return reply(texts.MTG_EVENT_GONE)
        return reply(
            _share(session, event.group_id, member, turn.message.text, turn.now, anonymous=False)
        )


@skill.button(nudges.OPT_OUT_ACTION)
def opt_out(turn: Turn) -> list[OutgoingMessage]:
    """The nudge's "stop these" button."""
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.DIFF_OPT_OUT_NOT_LINKED)
        return reply(nudges.opt_out(session, member_id=member.id, now=turn.now))


@skill.button(digest.ADVISE_PREFIX)
def advise(turn: Turn) -> list[OutgoingMessage]:
    """A digest's "hand to an advisor" button: an expert request carrying the item."""
    with turn.services.sessions() as session:
        member = member_of(session, turn.caller)
        item = session.get(Difficulty, turn.number) if turn.number is not None else None
        if member is None:
            return reply(texts.DIFF_ADVISE_NOT_LINKED)
        if item is None or item.withdrawn_at is not None:
            return reply(texts.DIFF_NOT_FOUND)
        if not leads(session, member, item.group_id):
            return reply(texts.DIFF_ADVISE_LEADERS_ONLY)
        leader_id = member.id
    with turn.services.sessions.begin() as session:
        # The leader hands it over and hears back; the author's company rules out conflicts.
        ticket = handover.hand_over(
            session,
            item=session.get_one(Difficulty, turn.number),
            leader_id=leader_id,
            asked_at=turn.address,
            now=turn.now,
            actor=f"member:{leader_id}",
        )
        return reply(tickets.receipt(session, ticket), *relay.receipt_buttons(ticket.id))


def _share(
    session: Session, group_id: int, member: Member, text: str, now: datetime, *, anonymous: bool
) -> str:
    try:
        item = items.share(
            session, group_id=group_id, member_id=member.id, text=text, now=now, anonymous=anonymous
        )
    except DifficultyError as refused:
        return str(refused)
    return items.saved_reply(item)


def _own_items(session: Session, member: Member, group_id: int, meeting: Event) -> str:
    mine: list[Difficulty] = [
        item
        for item in items.items_before(session, group_id=group_id, meeting_at=meeting.starts_at)
        if item.member_id == member.id
    ]
    if not mine:
        return texts.DIFF_HOW_TO_SHARE
    lines = [texts.DIFF_OWN_HEADING, *(texts.diff_own_line(item.text) for item in mine)]
    return "\n".join([*lines, "", texts.DIFF_HOW_TO_SHARE])


def _listing(session: Session, member: Member, group_id: int, now: datetime) -> str:
    """``/애로 목록``: the member's live items of the current cycle, numbered by their id."""
    mine = items.own_items(session, member_id=member.id, group_id=group_id, now=now)
    if not mine:
        return "\n".join([texts.DIFF_NONE_YET, texts.DIFF_HOW_TO_SHARE])
    lines = [texts.diff_list_line(item.id, item.text, item.anonymous) for item in mine]
    return "\n".join([texts.DIFF_LIST_HEADING, *lines, "", texts.DIFF_LIST_HOW])


def _change(session: Session, member: Member, verb: str, rest: str, now: datetime) -> str:
    """``/애로 수정 <번호> <내용>`` and ``/애로 철회 <번호>``: only the author's own items."""
    raw_id, _, text = rest.partition(" ")
    raw_id = raw_id.removesuffix("번").lstrip("#")
    editing = verb == "수정"
    if not raw_id.isdigit() or (editing and not text.strip()):
        return texts.DIFF_EDIT_USAGE if editing else texts.DIFF_WITHDRAW_USAGE
    try:
        if editing:
            item = items.edit(session, item_id=int(raw_id), member_id=member.id, text=text, now=now)
            return texts.diff_edited(item.field)
        return items.withdraw(session, item_id=int(raw_id), member_id=member.id, now=now)
    except DifficultyError as refused:
        return str(refused)
