"""Pairing rounds (Donut-style): each month, companies whose members opted in are paired with a
company from another industry they have not met, never the same pair twice.

Participants are the companies with a member who opted in (``/짝만남 참여``) and can be reached
in chat, across the federation or within one group. A pair is two companies of different
industries (by the federation's KSIC digits), never paired before and never introduced before
(whatever came of it). An odd participant joins a pair that can take them as a party of three;
one who fits nowhere waits for next month. The best of several seeded shuffles is kept, so a
round is reproducible. Each member hears of their partner (company, industry, group, what it
does) with an introduction button: contacts are still exchanged only through a double opt-in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation.companies import industry_key
from bot.federation.groups import the_federation
from bot.messages import OutgoingMessage
from bot.network import intros
from bot.storage.federation_models import Company, Group, GroupCompany, Member
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import Introduction, NetworkPrefs, Pairing

SHUFFLES = 24
ROUND_WINDOW = timedelta(days=7)
"""How long a round's message may wait to be delivered."""


@dataclass(frozen=True, slots=True)
class Round:
    """What a round did: its parties (company ids) and who waits for next month."""

    key: str
    parties: tuple[tuple[int, ...], ...]
    unpaired: tuple[int, ...]


def opt_in(session: Session, member: Member, *, joined: bool) -> None:
    """Join (or leave) the monthly pairing rounds."""
    prefs = session.get(NetworkPrefs, member.id)
    if prefs is None:
        prefs = NetworkPrefs(member_id=member.id, suggestions=True, pairing=joined)
        session.add(prefs)
    prefs.pairing = joined


def participants(session: Session, group: Group | None) -> dict[int, Member]:
    """Companies taking part, each with the opted-in member who will hear of the pairing."""
    linked = select(ChatIdentity.member_id).where(ChatIdentity.status == "verified")
    query = (
        select(Member)
        .join(NetworkPrefs, NetworkPrefs.member_id == Member.id)
        .where(
            NetworkPrefs.pairing.is_(True),
            Member.company_id.is_not(None),
            Member.id.in_(linked),
            # Whoever withdrew their personal-data consent is no longer paired with anyone.
            Member.consent_withdrawn_at.is_(None),
        )
        .order_by(Member.id)
    )
    if group is not None:
        seated = select(GroupCompany.company_id).where(GroupCompany.group_id == group.id)
        query = query.where(Member.company_id.in_(seated))
    found: dict[int, Member] = {}
    for member in session.scalars(query):
        company_id = member.company_id
        if company_id is not None and company_id not in found:
            found[company_id] = member
    return found


def run_round(session: Session, *, key: str, now: datetime, group: Group | None = None) -> Round:
    """Pair this round's participants and tell them; a round already run is not run again."""
    scope = group.id if group is not None else None
    done = session.scalars(
        select(Pairing).where(Pairing.round == key, Pairing.group_id == scope)
        if scope is not None
        else select(Pairing).where(Pairing.round == key, Pairing.group_id.is_(None))
    ).first()
    if done is not None:
        return Round(key, (), ())
    people = participants(session, group)
    digits = the_federation(session).industry_digits
    companies = {c.id: c for c in session.scalars(select(Company).where(Company.id.in_(people)))}
    allowed = _allowed(session, companies, digits)
    parties, unpaired = best_parties(sorted(people), allowed, seed=f"{key}:{scope}")
    for number, party in enumerate(parties, start=1):
        for index, first in enumerate(party):
            for second in party[index + 1 :]:
                low, high = sorted((first, second))
                session.add(
                    Pairing(
                        round=key,
                        party=number,
                        group_id=scope,
                        first_id=low,
                        second_id=high,
                        created_at=now,
                    )
                )
        for company_id in party:
            others = [companies[o] for o in party if o != company_id]
            _tell(session, key, people[company_id], others, now)
    session.flush()
    return Round(key, tuple(parties), tuple(unpaired))


def _allowed(session: Session, companies: dict[int, Company], digits: int) -> set[frozenset[int]]:
    """Pairs of participants that may meet: other industry, never paired or introduced."""
    ids = sorted(companies)
    met: set[frozenset[int]] = {
        frozenset(pair) for pair in session.execute(select(Pairing.first_id, Pairing.second_id))
    }
    # Any introduction between two participants, whatever came of it, rules the pair out: one
    # query for all of them rather than two per pair.
    met |= {
        frozenset(pair)
        for pair in session.execute(
            select(Introduction.asker_company_id, Introduction.target_company_id).where(
                Introduction.asker_company_id.in_(ids),
                Introduction.target_company_id.in_(ids),
            )
        )
    }
    allowed: set[frozenset[int]] = set()
    for index, first in enumerate(ids):
        for second in ids[index + 1 :]:
            pair = frozenset((first, second))
            a, b = companies[first], companies[second]
            same = industry_key(a.ksic_code, digits)
            if same is not None and same == industry_key(b.ksic_code, digits):
                continue
            if pair not in met:
                allowed.add(pair)
    return allowed


def best_parties(
    ids: list[int], allowed: set[frozenset[int]], *, seed: str
) -> tuple[list[tuple[int, ...]], list[int]]:
    """The pairing (with at most one party of three) leaving the fewest waiting."""
    best: tuple[list[tuple[int, ...]], list[int]] | None = None
    shuffler = random.Random(seed)
    for _ in range(SHUFFLES):
        order = ids[:]
        shuffler.shuffle(order)
        parties, left = _greedy(order, allowed)
        if best is None or len(left) < len(best[1]):
            best = (parties, left)
        if not left:
            break
    return best if best is not None else ([], [])


def _greedy(
    order: list[int], allowed: set[frozenset[int]]
) -> tuple[list[tuple[int, ...]], list[int]]:
    parties: list[tuple[int, ...]] = []
    left: list[int] = []
    free = list(order)
    while free:
        first = free.pop(0)
        partner = next((o for o in free if frozenset((first, o)) in allowed), None)
        if partner is None:
            left.append(first)
            continue
        free.remove(partner)
        parties.append((first, partner))
    still: list[int] = []
    for lone in left:
        # An odd one out joins a pair that may meet them both, once (a party of three).
        host = next(
            (
                i
                for i, party in enumerate(parties)
                if len(party) == 2 and all(frozenset((lone, m)) in allowed for m in party)
            ),
            None,
        )
        if host is None or any(len(p) == 3 for p in parties):
            still.append(lone)
        else:
            parties[host] = (*parties[host], lone)
    return parties, still


def _tell(session: Session, key: str, member: Member, others: list[Company], now: datetime) -> None:
    lines = [
        texts.net_pair_line(
            c.name, c.ksic_name or "", intros.group_names(session, c.id), c.products
        )
        for c in others
    ]
    message = OutgoingMessage(
        texts.net_pair_message(lines),
        buttons=tuple(intros.ask_button(c.id, c.name) for c in others),
    )
    intros.push(session, f"net:pair:{key}", "net_pair", member, message, now, ROUND_WINDOW)


def round_key(now: datetime) -> str:
    """The round of ``now``'s month (KST): ``YYYY-MM``."""
    from bot.network.report import month_of

    return month_of(now)
