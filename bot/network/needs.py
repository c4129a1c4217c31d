"""Needs (``/구해요``): a member says what they are looking for; the best-matching consenting
companies get it as a private note and answer 관심 있어요 / 아니에요.

Only companies the asker may find (consent) are considered, never their own and never one whose
introduction with them did not work out; the few best (:data:`MAX_NOTES`) with a reachable
representative get the note. The asker hears of each company that is interested, with a button to
ask for an introduction, and sees them in ``/구해요 목록``. A need lasts :data:`NEED_TTL` unless
closed or renewed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import format_kst
from bot.messages import Button, OutgoingMessage
from bot.network import intros, search, suggest
from bot.network.intros import IntroRefused
from bot.network.profiles import Viewer
from bot.storage.federation_models import Company, Member
from bot.storage.network_models import Need, NeedNote

NEED_TTL = timedelta(days=30)
MAX_NOTES = 3
CANDIDATES = 10
"""How many ranked companies are looked at to find :data:`MAX_NOTES` reachable ones."""
MIN_LENGTH = 4
ANSWER_PREFIX = "net:nd"


@dataclass(frozen=True, slots=True)
class Posted:
    """A need as posted: its id and how many companies received it."""

    need_id: int
    sent: int


def post(session: Session, *, member: Member, text: str, now: datetime) -> Posted:
    """Record the need and send it to the best-matching consenting companies."""
    text = text.strip()
    if member.company_id is None:
        raise IntroRefused(texts.NET_NO_COMPANY)
    if len(text) < MIN_LENGTH:
        raise IntroRefused(texts.NET_NEED_USAGE)
    need = Need(
        member_id=member.id,
        company_id=member.company_id,
        text=text[:500],
        created_at=now,
        expires_at=now + NEED_TTL,
    )
    session.add(need)
    session.flush()
    asker = session.get_one(Company, member.company_id)
    groups = intros.group_names(session, asker.id)
    sent = 0
    for hit in search.search(session, Viewer.of(member), text, limit=CANDIDATES):
        if sent >= MAX_NOTES:
            break
        if intros.closed_pair(session, asker.id, hit.company_id):
            continue
        rep = intros.representative(session, hit.company_id)
        if rep is None or not suggest.wants_suggestions(session, rep):
            continue
        note = NeedNote(need_id=need.id, company_id=hit.company_id, member_id=rep.id)
        session.add(note)
        session.flush()
        message = OutgoingMessage(
            texts.net_need_note(asker.name, asker.ksic_name or "", groups, need.text),
            buttons=(
                Button(texts.NET_NEED_YES, f"{ANSWER_PREFIX}:{note.id}:y"),
                Button(texts.NET_NEED_NO, f"{ANSWER_PREFIX}:{note.id}:n"),
            ),
        )
        sent += intros.push(session, f"net:need:{note.id}", "net_need", rep, message, now, NEED_TTL)
    return Posted(need.id, sent)


def answer(
    session: Session, *, note_id: int, member: Member, interested: bool, now: datetime
) -> str:
    """A company's 관심 있어요 / 아니에요; the asker hears only of interest."""
    note = session.get(NeedNote, note_id)
    if note is None or member.company_id != note.company_id:
        raise IntroRefused(texts.NET_NEED_GONE)
    need = session.get_one(Need, note.need_id)
    if not is_open(need, now):
        raise IntroRefused(texts.NET_NEED_CLOSED)
    if note.answered_at is not None:
        raise IntroRefused(texts.NET_INTRO_ANSWERED)
    note.interested, note.answered_at, note.member_id = interested, now, member.id
    if not interested:
        return texts.NET_NEED_THANKS_NO
    asker = session.get(Member, need.member_id)
    company = session.get_one(Company, note.company_id)
    if asker is not None:
        message = OutgoingMessage(
            texts.net_need_interest(
                company.name,
                company.ksic_name or "",
                intros.group_names(session, company.id),
                need.text,
            ),
            buttons=(intros.ask_button(company.id, company.name),),
        )
        intros.push(session, f"net:interest:{note.id}", "net_need", asker, message, now, NEED_TTL)
    return texts.NET_NEED_THANKS_YES


def is_open(need: Need, now: datetime) -> bool:
    """Not closed and not past its expiry."""
    return need.closed_at is None and now < need.expires_at


def own_need(session: Session, member: Member, need_id: int) -> Need:
    """One of the member's needs (another's is not found)."""
    need = session.get(Need, need_id)
    if need is None or need.member_id != member.id:
        raise IntroRefused(texts.NET_NEED_NOT_FOUND)
    return need


def close(session: Session, *, member: Member, need_id: int, now: datetime) -> str:
    """Close a need: nobody can answer it any more."""
    need = own_need(session, member, need_id)
    need.closed_at = need.closed_at or now
    return texts.net_need_closed(need.id)


def renew(session: Session, *, member: Member, need_id: int, now: datetime) -> str:
    """Open a need again for another :data:`NEED_TTL`."""
    need = own_need(session, member, need_id)
    need.closed_at, need.expires_at = None, now + NEED_TTL
    return texts.net_need_renewed(need.id, format_kst(need.expires_at))


def listing(session: Session, *, member: Member, now: datetime) -> str:
    """``/구해요 목록``: the member's needs, newest first, with who is interested."""
    needs = list(
        session.scalars(
            select(Need).where(Need.member_id == member.id).order_by(Need.id.desc()).limit(20)
        )
    )
    if not needs:
        return texts.NET_NEED_NONE
    lines = [texts.NET_NEED_LIST_HEADING]
    for need in needs:
        notes = list(session.scalars(select(NeedNote).where(NeedNote.need_id == need.id)))
        interested = [session.get_one(Company, n.company_id).name for n in notes if n.interested]
        if need.closed_at is not None:
            state = texts.NET_NEED_STATE_CLOSED
        elif now >= need.expires_at:
            state = texts.NET_NEED_STATE_EXPIRED
        else:
            state = texts.net_need_state_open(format_kst(need.expires_at))
        lines.append(texts.net_need_line(need.id, need.text, state, len(notes), interested))
    lines += ["", texts.NET_NEED_LIST_HOW]
    return "\n".join(lines)
