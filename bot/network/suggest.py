"""Suggestions nobody asked for, sparingly: when a company opens its profile, the few companies
whose 찾는 것 it answers are told once (a member can turn this off with ``/추천 그만``).

A company counts as answering what another seeks when its capabilities cover a large share of
the other's 관심분야 / 찾는 협력 words (by rarity). Only companies that may see the newcomer
(consent) and whose representative did not opt out are told, at most :data:`MAX_TOLD`, once
per pair. Needs (``/구해요``) follow the same opt-out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot import texts
from bot.messages import OutgoingMessage
from bot.network import intros, search
from bot.network.profiles import ProfileDoc, Viewer, load_docs
from bot.storage.federation_models import Member
from bot.storage.network_models import NetworkPrefs

MAX_TOLD = 3
WINDOW = timedelta(days=7)


def wants_suggestions(session: Session, member: Member) -> bool:
    """Whether the member still takes suggestions and needs nobody asked them for."""
    prefs = session.get(NetworkPrefs, member.id)
    return prefs is None or prefs.suggestions


def set_suggestions(session: Session, member: Member, *, wanted: bool) -> None:
    """Turn suggestions (and other members' needs) on or off for the member."""
    prefs = session.get(NetworkPrefs, member.id)
    if prefs is None:
        prefs = NetworkPrefs(member_id=member.id, suggestions=wanted, pairing=False)
        session.add(prefs)
    prefs.suggestions = wanted


def company_opened(session: Session, company_id: int, now: datetime) -> int:
    """A company just became findable: tell the few it complements; how many were told."""
    docs = load_docs(session)
    newcomer = next((d for d in docs if d.company_id == company_id), None)
    if newcomer is None:
        return 0
    index = search.index_of(docs)
    offer = " ".join(
        (newcomer.products, newcomer.processes, newcomer.certifications, newcomer.patents)
    )
    told = 0
    for seeker, wanted in index.seekers(offer, exclude=company_id):
        if told >= MAX_TOLD:
            break
        rep = intros.representative(session, seeker.company_id)
        if rep is None or not wants_suggestions(session, rep):
            continue
        if not Viewer.of(rep).may_see(newcomer):
            continue
        if intros.closed_pair(session, company_id, seeker.company_id):
            continue
        told += intros.push(
            session,
            f"net:new:{company_id}",
            "net_suggest",
            rep,
            _message(newcomer, wanted, session),
            now,
            WINDOW,
        )
    return told


def _message(newcomer: ProfileDoc, wanted: str, session: Session) -> OutgoingMessage:
    text = texts.net_suggest_new(
        newcomer.name,
        newcomer.industry,
        ", ".join(name for _, name in newcomer.groups),
        newcomer.products,
        wanted,
    )
    return OutgoingMessage(text, buttons=(intros.ask_button(newcomer.company_id, newcomer.name),))
