"""Meeting and 애로사항 skills of the core: RSVP buttons, /일정, /애로, /참석현황, follow-ups.

Each method opens its own database session and is synchronous; the core runs it in a worker
thread. A button that needs one more message (대리참석's name, an item to share) leaves a
pending step (:mod:`bot.dialog`) for the address; the core hands its next message to
:meth:`Meetings.complete`.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import texts
from bot.clock import format_kst
from bot.conversation import ConversationLog
from bot.dialog import ask_next
from bot.difficulties import digest, items, nudges
from bot.difficulties.items import DifficultyError
from bot.federation import events, linking, members, rooms
from bot.federation.members import LEADER_ROLES
from bot.messages import Address, OutgoingMessage
from bot.schedule import content, rsvp
from bot.storage.models import Event, Member, Membership
from bot.storage.schedule_models import Difficulty

SHARE_PREFIX = "diff:share:"
ADVISE_PREFIX = digest.ADVISE_PREFIX + ":"
# "/애로 정리" asks for the digest (or one's own items) like a bare "/애로", not to share "정리".
DIGEST_WORDS = frozenset({"정리", "정리본", "보기"})


def feed_token(secret: str, kind: str, ident: int) -> str:
    """The unguessable part of a calendar link (``kind`` is ``group`` or ``event``)."""
    digest_ = hmac.new(secret.encode(), f"{kind}:{ident}".encode(), hashlib.sha256)
    return digest_.hexdigest()[:32]


def feed_token_ok(secret: str, kind: str, ident: int, given: str) -> bool:
    """Whether ``given`` is the token of that feed (compared in constant time)."""
    return hmac.compare_digest(feed_token(secret, kind, ident), given)


class Meetings:
    """The meeting skills over the federation database."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        public_url: str | None = None,
        calendar_secret: str | None = None,
    ) -> None:
        self._sessions = sessions
        self._public_url = public_url.rstrip("/") if public_url else None
        self._secret = calendar_secret

    def press(self, address: Address, action: str, now: datetime) -> str:
        """Answer an RSVP or 애로사항 button."""
        if action.startswith(ADVISE_PREFIX):
            return self._advise(address, action.removeprefix(ADVISE_PREFIX), now)
        with self._sessions.begin() as session:
            member = _member(session, address)
            if action == nudges.OPT_OUT_ACTION:
                if member is None:
                    return texts.DIFF_OPT_OUT_NOT_LINKED
                return nudges.opt_out(session, member_id=member.id, now=now)
            if action.startswith(SHARE_PREFIX):
                if member is None:
                    return texts.DIFF_NOT_LINKED
                ask_next(session, address, action, now)
                return texts.DIFF_SHARE_ASK
            decoded = rsvp.parse_action(action)
            if decoded is not None and decoded.status == "대리참석" and member is not None:
                ask_next(session, address, action, now)
                return texts.MTG_PROXY_ASK
            return rsvp.apply_rsvp(session, action=action, member=member, now=now)

    def refreshed(self, address: Address, action: str, now: datetime) -> OutgoingMessage | None:
        """After a member's RSVP, the reminder with fresh counts to replace the pressed one."""
        decoded = rsvp.parse_action(action)
        if decoded is None or decoded.status == "대리참석":  # 대리참석 waits for the proxy's name
            return None
        with self._sessions() as session:
            if _member(session, address) is None:  # a guest's press changed nothing
                return None
            event = session.get(Event, decoded.event_id)
            if event is None or now >= event.starts_at:
                return None
            return content.refreshed_reminder(event, events.rsvp_counts(session, event), now=now)

    def complete(self, address: Address, action: str, text: str, now: datetime) -> str:
        """Complete the step a button left (``action``) with the member's next message."""
        with self._sessions.begin() as session:
            member = _member(session, address)
            if action.startswith(SHARE_PREFIX):
                event = session.get(Event, int(action.removeprefix(SHARE_PREFIX)))
                if member is None or event is None or event.group_id is None:
                    return texts.MTG_EVENT_GONE if member else texts.DIFF_NOT_LINKED
                return _share(session, event.group_id, member, text, now, anonymous=False)
            return rsvp.apply_rsvp(
                session, action=action, member=member, now=now, proxy_name=text.strip()
            )

    def schedule(self, address: Address, now: datetime) -> str:
        """``/일정``: the caller's groups' and federation-wide upcoming events."""
        with self._sessions() as session:
            mine = _groups(session, address)
            found = events.upcoming(session, now=now, groups=mine, limit=10)
            lines = [texts.MTG_SCHEDULE_HEADING] if found else [texts.MTG_NO_EVENTS]
            lines += [
                texts.mtg_schedule_line(
                    e.title, format_kst(e.starts_at), e.place, self.event_link(e.id)
                )
                for e in found
            ]
            feeds = [link for link in map(self.group_link, sorted(mine)) if link]
            lines += [texts.mtg_feed_line(link) for link in feeds]
            return "\n".join(lines)

    def difficulties(self, address: Address, argument: str, now: datetime) -> OutgoingMessage:
        """``/애로``: share (``공유``/``익명`` + text, or just the text), list (``목록``), edit
        (``수정`` + number + text) or withdraw (``철회`` + number) one's own items, or without an
        argument the leaders' digest or one's own items for the next meeting.
        """
        verb, _, rest = argument.strip().partition(" ")
        rest = rest.strip()
        with self._sessions.begin() as session:
            member = _member(session, address)
            if member is None:
                return OutgoingMessage(texts.DIFF_NOT_LINKED)
            if verb in ("수정", "철회"):
                return OutgoingMessage(_change(session, member, verb, rest, now))
            group_id = _home_group(session, address, member)
            if group_id is None:
                return OutgoingMessage(texts.MTG_NO_GROUP)
            if verb == "목록":
                return OutgoingMessage(_listing(session, member, group_id, now))
            if verb in ("공유", "익명"):
                reply = _share(session, group_id, member, rest, now, anonymous=verb == "익명")
                return OutgoingMessage(reply)
            if verb and verb not in DIGEST_WORDS:
                # "/애로 <내용>", e.g. a reply to the prompt in the group room: share it as is.
                reply = _share(session, group_id, member, argument, now, anonymous=False)
                return OutgoingMessage(reply)
            meeting = digest.next_meeting(session, group_id=group_id, now=now)
            if meeting is None:
                return OutgoingMessage(texts.MTG_NO_MEETING)
            if _leads(session, member, group_id):
                return digest.digest(session, meeting) or OutgoingMessage(texts.MTG_NO_GROUP)
            return OutgoingMessage(_own_items(session, member, group_id, meeting))

    def attendance(self, address: Address, now: datetime) -> str:
        """``/참석현황``: the next meeting's answers, for the group's leader and 간사."""
        with self._sessions() as session:
            member = _member(session, address)
            if member is None:
                return texts.MTG_ATTENDANCE_NOT_LINKED
            group_id = _home_group(session, address, member)
            if group_id is None or not _leads(session, member, group_id):
                return texts.MTG_LEADERS_ONLY
            meeting = digest.next_meeting(session, group_id=group_id, now=now)
            return rsvp.rsvp_list(session, meeting) if meeting else texts.MTG_NO_MEETING

    def _advise(self, address: Address, raw_id: str, now: datetime) -> str:
        """A digest's "hand to an advisor" button: an expert request carrying the item."""
        with self._sessions() as session:
            member = _member(session, address)
            item = session.get(Difficulty, int(raw_id)) if raw_id.isdigit() else None
            if member is None:
                return texts.DIFF_ADVISE_NOT_LINKED
            if item is None or item.withdrawn_at is not None:
                return texts.DIFF_NOT_FOUND
            if not _leads(session, member, item.group_id):
                return texts.DIFF_ADVISE_LEADERS_ONLY
            question, field = item.text, item.field
        ConversationLog(self._sessions).request_expert(
            address, question, field=field, answer_id=None, now=now
        )
        return texts.ch_expert_recorded(field)

    def event_link(self, event_id: int) -> str | None:
        """The public ``.ics`` link of one event, when the server has a public URL and secret."""
        return self._link("events", "event", event_id)

    def group_link(self, group_id: int) -> str | None:
        """The public calendar feed of one group, when the server has a public URL and secret."""
        return self._link("calendar", "group", group_id)

    def _link(self, folder: str, kind: str, ident: int) -> str | None:
        if not (self._public_url and self._secret):
            return None
        return f"{self._public_url}/{folder}/{ident}.ics?t={feed_token(self._secret, kind, ident)}"


def _member(session: Session, address: Address) -> Member | None:
    return linking.resolve_identity(
        session, platform=address.platform, platform_user_id=address.user
    )


def _groups(session: Session, address: Address) -> set[int]:
    """The room's group in a group room, else the linked member's groups."""
    if address.is_group:
        chat_id = address.conversation or address.user
        group = rooms.group_of_room(session, platform=address.platform, chat_id=chat_id)
        if group is not None:
            return {group.id}
    member = _member(session, address)
    return {m.group_id for m in member.memberships} if member else set()


def _home_group(session: Session, address: Address, member: Member) -> int | None:
    """The group a command is about: the room's, else the member's led group, else the first."""
    if address.is_group:
        chat_id = address.conversation or address.user
        group = rooms.group_of_room(session, platform=address.platform, chat_id=chat_id)
        if group is not None:
            return group.id
    ranked = sorted(member.memberships, key=lambda m: (m.role not in LEADER_ROLES, m.group_id))
    return ranked[0].group_id if ranked else None


def _leads(session: Session, member: Member, group_id: int) -> bool:
    if "admin" in members.roles_of(session, member):
        return True
    role = session.scalar(
        select(Membership.role).where(
            Membership.member_id == member.id, Membership.group_id == group_id
        )
    )
    return role in LEADER_ROLES


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
