"""Partner search and introductions in chat: ``/찾기``, ``/소개`` and their buttons.

``/찾기 <무엇>`` lists the companies the member may see (consent decides), their own group's
first, with the capability that matched and never a contact. A button under each result (or
``/소개 <회사> <이유>``) asks that company's representative for an introduction; contacts are
exchanged only when they accept (:mod:`bot.network.intros`), whose buttons come back here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from bot import texts
from bot.dialog import ask_in
from bot.messages import Button, OutgoingMessage
from bot.network import intros, search
from bot.network.intros import IntroRefused
from bot.network.profiles import Viewer
from bot.skills.membership import member_of
from bot.skills.skill import Skill, Turn, reply
from bot.storage.federation_models import Company, Member

INTRO_BUTTONS = 3
"""Results that get an introduction button (more would bury the message under buttons)."""

skill = Skill("network")


@skill.command("찾기", "find")
def find(turn: Turn) -> list[OutgoingMessage]:
    """``/찾기 <무엇>``: the best-matching companies the member may see, ranked."""
    query = turn.argument.strip()
    if not query:
        return reply(texts.NET_SEARCH_USAGE)
    with turn.services.sessions() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        viewer = room_viewer(turn, Viewer.of(member))
        if viewer is None:
            return reply(texts.NET_SEARCH_DM_ONLY)
        hits = search.search(session, viewer, query)
        buttons = [
            intros.ask_button(hit.company_id, hit.company)
            for hit in hits[:INTRO_BUTTONS]
            if member.company_id is not None
            and not intros.closed_pair(session, member.company_id, hit.company_id)
        ]
    if not hits:
        return reply(texts.NET_SEARCH_NONE.format(query=query))
    lines = [
        texts.net_search_line(rank, hit.company, hit.industry, hit.group, hit.matched)
        for rank, hit in enumerate(hits, start=1)
    ]
    heading = texts.NET_SEARCH_HEADING.format(query=query)
    return reply("\n".join([heading, *lines, "", texts.NET_SEARCH_FOOT]), *buttons)


def room_viewer(turn: Turn, viewer: Viewer) -> Viewer | None:
    """In a group room, what everyone there may see; ``None`` when a guest was seen there.

    A reply in a room is read by the room: a 교류회-only company is shown only where everyone is
    of that group, and nothing where someone outside the federation may read.
    """
    if not turn.address.is_group:
        return viewer
    audience = turn.caller.audience
    if "members" not in audience:
        return None
    room_groups = {int(label[6:]) for label in audience if label.startswith("group:")}
    return Viewer(viewer.member_id, viewer.company_id, viewer.group_ids & frozenset(room_groups))


@skill.command("소개", "intro")
def introduce(turn: Turn) -> list[OutgoingMessage]:
    """``/소개 <회사> [이유]``: ask that company's representative for an introduction."""
    words = turn.argument.strip()
    if not words:
        return reply(texts.NET_INTRO_USAGE)

    def ask(session: Session, member: Member) -> str:
        found = intros.find_visible(session, Viewer.of(member), words)
        if found is None:
            return texts.net_unknown_company(words)
        company, reason = found
        return _request(session, member, company, reason, turn.now)

    return reply(_as_member(turn, ask))


@skill.button(intros.ASK_PREFIX)
def ask_pressed(turn: Turn) -> list[OutgoingMessage]:
    """The button under a search result: ask for the one-line reason first."""
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return reply(texts.NET_NOT_LINKED)
        company = _visible(session, member, turn.number)
        if company is None:
            return reply(texts.net_unknown_company(texts.NET_FIELD_LABELS["name"]))
        ask_in(session, turn.address, intros.WHY_STEP, str(company.id), turn.now)
    button = Button(texts.NET_SEND_WITHOUT_REASON, f"{intros.SEND_PREFIX}:{company.id}")
    return reply(texts.NET_WHY_ASK, button)


@skill.step(intros.WHY_STEP)
def why_given(turn: Turn) -> list[OutgoingMessage]:
    """The reason typed after the button: send the request with it."""
    return reply(_send(turn, turn.number, turn.message.text))


@skill.button(intros.SEND_PREFIX)
def send_pressed(turn: Turn) -> list[OutgoingMessage]:
    """ "이유 없이 보내기": send the request without a reason."""
    turn.services.dialog.drop(turn.address, intros.WHY_STEP)
    return reply(_send(turn, turn.number, None))


@skill.button(intros.ACCEPT_PREFIX)
def accepted(turn: Turn) -> list[OutgoingMessage]:
    """The representative's 수락: both receive each other's contact."""
    return reply(_answer(turn, accept=True))


@skill.button(intros.DECLINE_PREFIX)
def declined(turn: Turn) -> list[OutgoingMessage]:
    """The representative's 거절: the asker hears only that it did not work out."""
    return reply(_answer(turn, accept=False))


@skill.button(intros.MET_PREFIX)
def met(turn: Turn) -> list[OutgoingMessage]:
    """만났어요 / 아직이에요 two weeks after an introduction."""
    raw_id, _, said = turn.argument.partition(":")

    def record(session: Session, member: Member) -> str:
        if not raw_id.isdigit():
            return texts.NET_INTRO_GONE
        return intros.record_met(session, intro_id=int(raw_id), member=member, met=said == "y")

    return reply(_as_member(turn, record))


@skill.button(intros.OUTCOME_PREFIX)
def outcome(turn: Turn) -> list[OutgoingMessage]:
    """A rung of the outcome ladder three months after an introduction."""
    raw_id, _, level = turn.argument.partition(":")

    def record(session: Session, member: Member) -> str:
        if not raw_id.isdigit():
            return texts.NET_INTRO_GONE
        return intros.record_outcome(session, intro_id=int(raw_id), member=member, level=level)

    return reply(_as_member(turn, record))


def _as_member(turn: Turn, work: Callable[[Session, Member], str]) -> str:
    """Run ``work`` for the linked member in one transaction; refusals become their sentence."""
    with turn.services.sessions.begin() as session:
        member = member_of(session, turn.caller)
        if member is None:
            return texts.NET_NOT_LINKED
        try:
            return work(session, member)
        except IntroRefused as refused:
            session.rollback()
            return str(refused)


def _send(turn: Turn, company_id: int | None, reason: str | None) -> str:
    def send(session: Session, member: Member) -> str:
        company = _visible(session, member, company_id)
        if company is None:
            return texts.net_unknown_company(texts.NET_FIELD_LABELS["name"])
        return _request(session, member, company, reason, turn.now)

    return _as_member(turn, send)


def _request(
    session: Session, member: Member, company: Company, reason: str | None, now: datetime
) -> str:
    intros.request(session, asker=member, target=company, reason=reason, now=now)
    return texts.net_intro_sent(company.name)


def _answer(turn: Turn, *, accept: bool) -> str:
    def answer(session: Session, member: Member) -> str:
        if turn.number is None:
            return texts.NET_INTRO_GONE
        return intros.answer(
            session, intro_id=turn.number, member=member, accept=accept, now=turn.now
        )

    return _as_member(turn, answer)


def _visible(session: Session, member: Member, company_id: int | None) -> Company | None:
    if company_id is None:
        return None
    return intros.visible_company(session, Viewer.of(member), company_id)
