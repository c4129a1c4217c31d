"""Networking's periodic work, run by the scheduler before each delivery round (every 30 s).

* requests nobody answered in time are closed (the asker is told, without a reason);
* the month's pairing round runs once, from the 1st at :data:`ROUND_HOUR` KST, for members who
  opted in (federation-wide, or per group when the federation's ``network_pairing`` setting is
  ``group``; ``off`` stops it);
* a profile nobody confirmed for a year gets one friendly prompt to its company's representative;
* a member who joined the roster (``members add``, ``members import``) is asked once to fill in
  their company's profile, as soon as they have linked a chat account.

A quiet round costs a fixed handful of statements whatever the federation's size: each check is
one query, and what was done is recorded (the round's key in the federation's settings, when a
member and a company were last asked) so nothing is looked at again until it is due. Nobody is
asked about the profile twice within :data:`ASK_EVERY`. Everything else networking sends (the
outcome follow-ups) is queued ahead with its due time when the introduction is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError
from bot.federation.groups import the_federation
from bot.messages import Address, Button, OutgoingMessage
from bot.network import intros, pairing
from bot.schedule import content, queue
from bot.storage.federation_models import Company, Group, Member
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import NetworkPrefs, NetworkProfile

ROUND_HOUR = 10
PAIRING_SETTING = "network_pairing"
PAIRING_DONE_SETTING = "network_pairing_done"
"""The last round key the scheduler ran (``YYYY-MM``), so a round is looked at once."""
STALE_AFTER = timedelta(days=365)
ASK_EVERY = timedelta(days=365)
"""Nobody hears about their profile more than once in this long."""
STALE_WINDOW = timedelta(days=14)


def run_due(session: Session, now: datetime) -> int:
    """Do what is due at ``now``; how many things were done."""
    done = intros.expire_due(session, now)
    done += _pairing(session, now)
    done += _profile_prompts(session, now)
    return done


def _pairing(session: Session, now: datetime) -> int:
    if now.astimezone(KST).hour < ROUND_HOUR:
        return 0
    try:
        federation = the_federation(session)
    except FederationError:
        return 0
    settings = federation.settings or {}
    key = pairing.round_key(now)
    mode = settings.get(PAIRING_SETTING, "federation")
    if mode == "off" or settings.get(PAIRING_DONE_SETTING) == key:
        return 0
    groups: list[Group | None] = (
        list(session.scalars(select(Group).order_by(Group.id))) if mode == "group" else [None]
    )
    paired = sum(len(pairing.run_round(session, key=key, now=now, group=g).parties) for g in groups)
    # Whoever opts in later this month waits for next month's round, as the text promises.
    federation.settings = {**settings, PAIRING_DONE_SETTING: key}
    return paired


@dataclass(frozen=True, slots=True)
class _Candidate:
    member_id: int
    title: str
    company_id: int
    company: str
    scope: str | None
    to: Address
    newcomer: bool
    stale: bool


def _candidates(session: Session, now: datetime) -> list[_Candidate]:
    """Everyone who may be asked about their profile now, in one query.

    A member with a linked chat account and a company, not asked within :data:`ASK_EVERY`,
    whose company did not deliberately choose 비공개, and who either joined the roster and was
    not asked since (and still takes suggestions), or whose company's profile nobody confirmed
    (or changed) for a year and nobody at the company was asked within the year.
    """
    last_seen = func.coalesce(NetworkProfile.confirmed_at, NetworkProfile.updated_at)
    newcomer = and_(
        NetworkPrefs.profile_due_at.is_not(None),
        NetworkPrefs.profile_asked_at.is_(None),
        NetworkPrefs.suggestions.is_not(False),
    )
    stale = and_(
        NetworkProfile.company_id.is_not(None),
        or_(last_seen.is_(None), last_seen < now - STALE_AFTER),
        or_(NetworkProfile.asked_at.is_(None), NetworkProfile.asked_at < now - ASK_EVERY),
    )
    chose_private = and_(NetworkProfile.scope == "private", NetworkProfile.scope_at.is_not(None))
    query = (
        select(
            Member.id,
            Member.title,
            Company.id,
            Company.name,
            NetworkProfile.scope,
            ChatIdentity.platform,
            ChatIdentity.platform_user_id,
            newcomer.label("newcomer"),
            stale.label("stale"),
        )
        .join(Company, Company.id == Member.company_id)
        .join(
            ChatIdentity,
            and_(ChatIdentity.member_id == Member.id, ChatIdentity.status == "verified"),
        )
        .outerjoin(NetworkProfile, NetworkProfile.company_id == Company.id)
        .outerjoin(NetworkPrefs, NetworkPrefs.member_id == Member.id)
        .where(
            or_(
                NetworkPrefs.profile_asked_at.is_(None),
                NetworkPrefs.profile_asked_at < now - ASK_EVERY,
            ),
            or_(NetworkProfile.company_id.is_(None), ~chose_private),
            or_(newcomer, stale),
            # A member who withdrew their personal-data consent is not asked about the profile.
            Member.consent_withdrawn_at.is_(None),
        )
        .order_by(Member.id, ChatIdentity.id)
    )
    found: dict[int, _Candidate] = {}
    for row in session.execute(query):
        member_id, title, company_id, company, scope, platform, user, new, old = row
        if member_id not in found:  # the first verified account, as direct messages use
            found[member_id] = _Candidate(
                member_id,
                title or "",
                company_id,
                company,
                scope,
                Address(platform, user),
                bool(new),
                bool(old),
            )
    return list(found.values())


def _profile_prompts(session: Session, now: datetime) -> int:
    """Newcomers asked to fill in the profile; stale profiles asked once a year of one person."""
    chosen: dict[int, tuple[_Candidate, str]] = {}
    stale_companies: dict[int, _Candidate] = {}
    for person in _candidates(session, now):
        if person.stale:
            # The company's 대표 first, else its first member with an account.
            held = stale_companies.get(person.company_id)
            head = intros.HEAD_TITLE
            if held is None or (head in person.title and head not in held.title):
                stale_companies[person.company_id] = person
        if person.newcomer:
            chosen[person.member_id] = (person, "welcome")
    for person in stale_companies.values():
        chosen[person.member_id] = (person, "stale")  # one prompt a person, the yearly one first
    sent = 0
    for person, kind in chosen.values():
        sent += _ask(session, person, kind, now)
    return sent


def _ask(session: Session, person: _Candidate, kind: str, now: datetime) -> int:
    local = now.astimezone(KST)
    buttons: tuple[Button, ...]
    if kind == "stale":
        text = texts.net_stale_prompt(person.company)
        key = f"net:stale:{person.company_id}:{local:%Y%m%d}"
        buttons = (
            Button(texts.NET_PROFILE_OK, "net:pf:ok"),
            Button(texts.NET_PROFILE_EDIT, "net:pf:go"),
        )
    else:
        label = texts.NET_SCOPE_LABELS[person.scope or "private"]
        text = texts.net_welcome_prompt(person.company, label)
        key = f"net:welcome:{person.member_id}"
        buttons = (Button(texts.NET_PROFILE_FILL, "net:pf:go"),)
    queued = queue.enqueue(
        session,
        key=key,
        kind="net_stale",
        to=person.to,
        due_at=now,
        expires_at=now + STALE_WINDOW,
        member_id=person.member_id,
        payload=content.to_payload(OutgoingMessage(text, buttons=buttons)),
    )
    prefs = session.get(NetworkPrefs, person.member_id)
    if prefs is None:
        prefs = NetworkPrefs(member_id=person.member_id, suggestions=True, pairing=False)
        session.add(prefs)
    prefs.profile_asked_at = now
    if kind == "stale":
        profile = session.get(NetworkProfile, person.company_id)
        if profile is not None:
            profile.asked_at = now
    return int(queued)


def roster_joined(session: Session, member_ids: list[int], now: datetime) -> None:
    """Members who just joined the roster: ask each once to fill in their company's profile.

    The prompt waits until they link a chat account; one who was already asked is not asked
    again.
    """
    for member_id in member_ids:
        prefs = session.get(NetworkPrefs, member_id)
        if prefs is None:
            prefs = NetworkPrefs(member_id=member_id, suggestions=True, pairing=False)
            session.add(prefs)
        if prefs.profile_due_at is None:
            prefs.profile_due_at = now
    session.flush()
