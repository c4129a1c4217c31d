"""Introductions with double opt-in: a member asks, the other company's representative accepts.

The request goes to the representative in a DM through the scheduler's queue, with the asker's
company, industry, group and reason and 수락 / 거절 buttons. Only on 수락 do both sides receive
each other's name, title, company and contact (and a suggestion to meet at the next 정례회).
On 거절, or no answer in :data:`ANSWER_WINDOW`, the asker hears only that it did not work out
this time, and the pair is never proposed again. Each member may ask :data:`DEFAULT_QUOTA`
times a month unless the secretariat set another limit.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST, format_kst
from bot.federation.errors import FederationError
from bot.federation.events import MEETING_KIND
from bot.federation.groups import the_federation
from bot.federation.members import withdrew_consent
from bot.messages import Button, OutgoingMessage
from bot.network.profiles import Viewer, load_docs
from bot.schedule import audience, content, queue
from bot.storage.event_models import Event
from bot.storage.federation_models import Company, GroupCompany, Member
from bot.storage.network_models import Introduction, NetworkPrefs

HEAD_TITLE = "대표"
"""A title with this in it answers for the company (대표, 대표이사)."""
ANSWER_WINDOW = timedelta(days=7)
DEFAULT_QUOTA = 5
QUOTA_SETTING = "network_intro_quota"
"""The federation's monthly limit, in ``Federation.settings`` (the secretariat changes it)."""
MET_AFTER = timedelta(days=14)
LADDER_AFTER = timedelta(days=90)
FOLLOW_UP_WINDOW = timedelta(days=14)
"""How long a follow-up may wait for a quiet moment before it is dropped as missed."""

ASK_PREFIX = "net:ask"
SEND_PREFIX = "net:send"
WHY_STEP = "net:why"
ACCEPT_PREFIX = "net:yes"
DECLINE_PREFIX = "net:no"
MET_PREFIX = "net:met"
OUTCOME_PREFIX = "net:out"


class IntroRefused(FederationError):
    """A request or answer that cannot go ahead; ``str()`` is a polite Korean sentence."""


def ask_button(company_id: int, company: str) -> Button:
    """The "ask for an introduction" button under a search result or an interested reply."""
    return Button(texts.NET_INTRO_BUTTON.format(company=company), f"{ASK_PREFIX}:{company_id}")


def quota_of(session: Session, member: Member) -> int:
    """How many introductions the member may ask for in a month."""
    prefs = session.get(NetworkPrefs, member.id)
    if prefs is not None and prefs.intro_quota is not None:
        return prefs.intro_quota
    federation = the_federation(session)
    return int((federation.settings or {}).get(QUOTA_SETTING, DEFAULT_QUOTA))


def set_quota(session: Session, *, quota: int, member: Member | None = None, actor: str) -> None:
    """Set the monthly limit for one member, or the federation's default without ``member``."""
    from bot.federation import audit

    if quota < 0:
        raise IntroRefused(texts.NET_QUOTA_NEGATIVE)
    if member is None:
        federation = the_federation(session)
        federation.settings = {**(federation.settings or {}), QUOTA_SETTING: quota}
        entity, entity_id = "federation", federation.id
    else:
        prefs = session.get(NetworkPrefs, member.id)
        if prefs is None:
            prefs = NetworkPrefs(member_id=member.id, suggestions=True, pairing=False)
            session.add(prefs)
        prefs.intro_quota = quota
        entity, entity_id = "member", member.id
    audit.record(
        session,
        actor=actor,
        action="network_quota",
        entity=entity,
        entity_id=entity_id,
        quota=quota,
    )


def month_start(now: datetime) -> datetime:
    """The first moment of ``now``'s month in KST."""
    local = now.astimezone(KST)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def asked_this_month(session: Session, member: Member, now: datetime) -> int:
    """Introductions the member asked for since the start of the month (KST)."""
    query = select(func.count(Introduction.id)).where(
        Introduction.asker_id == member.id,
        Introduction.source == "request",
        Introduction.created_at >= month_start(now),
    )
    return session.scalar(query) or 0


def _between(first: int, second: int) -> ColumnElement[bool]:
    return or_(
        and_(Introduction.asker_company_id == first, Introduction.target_company_id == second),
        and_(Introduction.asker_company_id == second, Introduction.target_company_id == first),
    )


def closed_pair(session: Session, first: int, second: int) -> bool:
    """Whether an introduction between the two companies was declined or went unanswered."""
    query = select(Introduction.id).where(
        _between(first, second),
        Introduction.state.in_(("declined", "expired")),
    )
    return session.scalars(query).first() is not None


def open_pair(session: Session, first: int, second: int) -> Introduction | None:
    """A pending or accepted introduction between the two companies, if any."""
    query = select(Introduction).where(
        _between(first, second),
        Introduction.state.in_(("pending", "accepted")),
    )
    return session.scalars(query).first()


def reachable(session: Session, member: Member) -> bool:
    """Whether the member has a linked chat account to hear from us."""
    return audience.direct_address(session, member.id) is not None


def representative(session: Session, company_id: int) -> Member | None:
    """Who answers for a company: its 대표 with a linked chat account, else any linked member.

    A member who withdrew their personal-data consent never answers: requests, needs and
    suggestions would use their chat account, and an accepted request would pass on their card.
    """
    people = list(
        session.scalars(
            select(Member)
            .where(Member.company_id == company_id, Member.consent_withdrawn_at.is_(None))
            .order_by(Member.id)
        )
    )
    reachable = [p for p in people if audience.direct_address(session, p.id) is not None]
    ranked = sorted(reachable, key=lambda p: (HEAD_TITLE not in (p.title or ""), p.id))
    return ranked[0] if ranked else None


def find_visible(session: Session, viewer: Viewer, words: str) -> tuple[Company, str] | None:
    """The company the text starts with (among those the viewer may see) and the rest (reason).

    Names are compared without spaces and without 주식회사 / (주) / ㈜, so "/소개 한빛메디텍" works.
    """
    docs = {_key(doc.name): doc for doc in load_docs(session) if viewer.may_see(doc)}
    parts = words.split()
    for size in range(len(parts), 0, -1):
        doc = docs.get(_key("".join(parts[:size])))
        if doc is not None:
            company = session.get(Company, doc.company_id)
            if company is not None:
                return company, " ".join(parts[size:])
    return None


def _key(name: str) -> str:
    for mark in ("주식회사", "(주)", "㈜", "（주）"):
        name = name.replace(mark, "")
    return "".join(name.split()).lower()


def visible_company(session: Session, viewer: Viewer, company_id: int) -> Company | None:
    """The company by id, if the viewer may see it (a forged button finds nothing)."""
    for doc in load_docs(session):
        if doc.company_id == company_id and viewer.may_see(doc):
            return session.get(Company, company_id)
    return None


def request(
    session: Session, *, asker: Member, target: Company, reason: str | None, now: datetime
) -> Introduction:
    """Ask ``target``'s representative to meet ``asker``; raises :class:`IntroRefused`."""
    if withdrew_consent(asker):  # an accepted request would pass on the asker's card
        raise IntroRefused(texts.NET_CONSENT_WITHDRAWN)
    if asker.company_id is None:
        raise IntroRefused(texts.NET_NO_COMPANY)
    if target.id == asker.company_id:
        raise IntroRefused(texts.NET_INTRO_OWN)
    if closed_pair(session, asker.company_id, target.id):
        raise IntroRefused(texts.net_intro_not_again(target.name))
    existing = open_pair(session, asker.company_id, target.id)
    if existing is not None:
        raise IntroRefused(
            texts.net_intro_pending(target.name)
            if existing.state == "pending"
            else texts.net_intro_already(target.name)
        )
    quota = quota_of(session, asker)
    if asked_this_month(session, asker, now) >= quota:
        raise IntroRefused(texts.net_intro_quota(quota))
    rep = representative(session, target.id)
    to = audience.direct_address(session, rep.id) if rep is not None else None
    if rep is None or to is None:
        raise IntroRefused(texts.net_intro_unreachable(target.name))
    intro = Introduction(
        asker_id=asker.id,
        asker_company_id=asker.company_id,
        target_company_id=target.id,
        target_id=rep.id,
        reason=(reason or "").strip()[:300] or None,
        source="request",
        state="pending",
        created_at=now,
    )
    session.add(intro)
    session.flush()
    asker_company = session.get_one(Company, asker.company_id)
    message = OutgoingMessage(
        texts.net_intro_request(
            asker_company.name,
            asker_company.ksic_name or "",
            group_names(session, asker_company.id),
            intro.reason,
        ),
        buttons=(
            Button(texts.NET_ACCEPT, f"{ACCEPT_PREFIX}:{intro.id}"),
            Button(texts.NET_DECLINE, f"{DECLINE_PREFIX}:{intro.id}"),
        ),
    )
    push(session, f"net:intro:{intro.id}", "net_intro", rep, message, now, ANSWER_WINDOW)
    return intro


def answer(session: Session, *, intro_id: int, member: Member, accept: bool, now: datetime) -> str:
    """The representative's 수락 / 거절; returns what they are told (contacts only on 수락)."""
    intro = session.get(Introduction, intro_id)
    if intro is None or member.company_id != intro.target_company_id:
        raise IntroRefused(texts.NET_INTRO_GONE)
    if intro.state != "pending":
        raise IntroRefused(texts.NET_INTRO_ANSWERED)
    if now - intro.created_at > ANSWER_WINDOW:
        expire(session, intro, now)
        raise IntroRefused(texts.NET_INTRO_LAPSED)
    if accept and withdrew_consent(member):  # 수락 would pass on their card; 거절 passes nothing
        raise IntroRefused(texts.NET_CONSENT_WITHDRAWN)
    intro.answered_at, intro.target_id = now, member.id
    asker = session.get(Member, intro.asker_id) if intro.asker_id is not None else None
    target_company = session.get_one(Company, intro.target_company_id)
    if not accept or asker is None:
        intro.state = "declined"
        if asker is not None:
            _tell_not_this_time(session, intro, asker, target_company, now)
        return texts.NET_DECLINED_OK
    intro.state = "accepted"
    meeting = _next_meeting(session, intro, now)
    push(
        session,
        f"net:accepted:{intro.id}",
        "net_intro",
        asker,
        OutgoingMessage(texts.net_intro_accepted(_card(member), meeting)),
        now,
        ANSWER_WINDOW,
    )
    for person in (asker, member):
        other = member if person is asker else asker
        other_company = session.get(Company, other.company_id) if other.company_id else None
        name = other_company.name if other_company else other.name
        push(
            session,
            f"net:met:{intro.id}",
            "net_followup",
            person,
            OutgoingMessage(texts.net_met_question(name), buttons=met_buttons(intro.id)),
            now + MET_AFTER,
            FOLLOW_UP_WINDOW,
        )
        push(
            session,
            f"net:ladder:{intro.id}",
            "net_followup",
            person,
            OutgoingMessage(texts.net_ladder_question(name), buttons=ladder_buttons(intro.id)),
            now + LADDER_AFTER,
            FOLLOW_UP_WINDOW,
        )
    return texts.net_intro_accepted(_card(asker), meeting)


def met_buttons(intro_id: int) -> tuple[Button, ...]:
    """만났어요 / 아직이에요 under the two-week follow-up."""
    return (
        Button(texts.NET_MET_YES, f"{MET_PREFIX}:{intro_id}:y"),
        Button(texts.NET_MET_NO, f"{MET_PREFIX}:{intro_id}:n"),
    )


def ladder_buttons(intro_id: int) -> tuple[Button, ...]:
    """The outcome ladder under the three-month follow-up."""
    return tuple(
        Button(label, f"{OUTCOME_PREFIX}:{intro_id}:{level}")
        for level, label in texts.NET_OUTCOME_LABELS.items()
    )


def record_met(session: Session, *, intro_id: int, member: Member, met: bool) -> str:
    """One side answered "만나 보셨나요?"."""
    intro = _own_accepted(session, intro_id, member)
    intro.met = met or bool(intro.met)
    return texts.NET_MET_THANKS if met else texts.NET_MET_NOT_YET


def record_outcome(session: Session, *, intro_id: int, member: Member, level: str) -> str:
    """One side said how far it went; the higher rung of both answers is kept."""
    from bot.storage.network_models import OUTCOMES

    intro = _own_accepted(session, intro_id, member)
    if level not in OUTCOMES:
        raise IntroRefused(texts.NET_INTRO_GONE)
    if intro.outcome is None or OUTCOMES.index(level) > OUTCOMES.index(intro.outcome):
        intro.outcome = level
    if level != "contact":
        intro.met = True
    return texts.NET_OUTCOME_THANKS


def _own_accepted(session: Session, intro_id: int, member: Member) -> Introduction:
    intro = session.get(Introduction, intro_id)
    sides = (intro.asker_company_id, intro.target_company_id) if intro else ()
    if intro is None or intro.state != "accepted" or member.company_id not in sides:
        raise IntroRefused(texts.NET_INTRO_GONE)
    return intro


def expire(session: Session, intro: Introduction, now: datetime) -> None:
    """A request nobody answered in time: the asker hears only that it did not work out."""
    intro.state, intro.answered_at = "expired", now
    asker = session.get(Member, intro.asker_id) if intro.asker_id is not None else None
    if asker is not None:
        target = session.get_one(Company, intro.target_company_id)
        _tell_not_this_time(session, intro, asker, target, now)


def expire_due(session: Session, now: datetime) -> int:
    """Expire every request older than :data:`ANSWER_WINDOW`; how many were expired."""
    stale = list(
        session.scalars(
            select(Introduction).where(
                Introduction.state == "pending", Introduction.created_at < now - ANSWER_WINDOW
            )
        )
    )
    for intro in stale:
        expire(session, intro, now)
    return len(stale)


def _tell_not_this_time(
    session: Session, intro: Introduction, asker: Member, target: Company, now: datetime
) -> None:
    message = OutgoingMessage(texts.net_intro_not_this_time(target.name))
    push(session, f"net:closed:{intro.id}", "net_intro", asker, message, now, ANSWER_WINDOW)


def push(
    session: Session,
    key: str,
    kind: str,
    member: Member,
    message: OutgoingMessage,
    due: datetime,
    window: timedelta,
) -> bool:
    """Queue a DM to a member; ``False`` when they have no linked chat account (or it is queued)."""
    to = audience.direct_address(session, member.id)
    if to is None:
        return False
    return queue.enqueue(
        session,
        key=key,
        kind=kind,
        to=to,
        due_at=due,
        expires_at=due + window,
        member_id=member.id,
        payload=content.to_payload(message),
    )


def _card(member: Member) -> str:
    company = member.company.name if member.company else ""
    return texts.net_contact_card(member.name, member.title, company, member.phone, member.email)


def group_names(session: Session, company_id: int) -> str:
    """The names of the groups a company sits in, as one line."""
    from bot.storage.federation_models import Group

    names = session.scalars(
        select(Group.name)
        .join(GroupCompany, GroupCompany.group_id == Group.id)
        .where(GroupCompany.company_id == company_id)
        .order_by(Group.name)
    )
    return ", ".join(names)


def _next_meeting(session: Session, intro: Introduction, now: datetime) -> str | None:
    """The next 정례회 of a group either company sits in, as "3월 10일 (화) 오후 7시 새벽교류회"."""
    groups = select(GroupCompany.group_id).where(
        GroupCompany.company_id.in_((intro.asker_company_id, intro.target_company_id))
    )
    event = session.scalars(
        select(Event)
        .where(Event.kind == MEETING_KIND, Event.group_id.in_(groups), Event.starts_at > now)
        .order_by(Event.starts_at)
    ).first()
    if event is None:
        return None
    return texts.net_meeting_line(format_kst(event.starts_at), event.title)
