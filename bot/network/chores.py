"""Networking's periodic work, run by the scheduler before each delivery round.

* requests nobody answered in time are closed (the asker is told, without a reason);
* the month's pairing round runs once, from the 1st at :data:`ROUND_HOUR` KST, for members who
  opted in (federation-wide, or per group when the federation's ``network_pairing`` setting is
  ``group``; ``off`` stops it);
* a profile nobody confirmed for a year gets one friendly prompt to its company's representative.

Everything else networking sends is queued ahead with its due time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.clock import KST
from bot.federation.errors import FederationError
from bot.federation.groups import the_federation
from bot.messages import Button, OutgoingMessage
from bot.network import intros, pairing
from bot.storage.federation_models import Company, Group
from bot.storage.network_models import NetworkProfile

ROUND_HOUR = 10
PAIRING_SETTING = "network_pairing"
STALE_AFTER = timedelta(days=365)
STALE_WINDOW = timedelta(days=14)


def run_due(session: Session, now: datetime) -> int:
    """Do what is due at ``now``; how many things were done."""
    done = intros.expire_due(session, now)
    done += _pairing(session, now)
    done += _stale_profiles(session, now)
    return done


def _pairing(session: Session, now: datetime) -> int:
    if now.astimezone(KST).hour < ROUND_HOUR:
        return 0
    try:
        federation = the_federation(session)
    except FederationError:
        return 0
    mode = (federation.settings or {}).get(PAIRING_SETTING, "federation")
    if mode == "off":
        return 0
    key = pairing.round_key(now)
    groups: list[Group | None] = (
        list(session.scalars(select(Group).order_by(Group.id))) if mode == "group" else [None]
    )
    return sum(len(pairing.run_round(session, key=key, now=now, group=g).parties) for g in groups)


def _stale_profiles(session: Session, now: datetime) -> int:
    """One prompt a year to confirm or update a profile nobody has looked at for a year."""
    last_seen = func.coalesce(NetworkProfile.confirmed_at, NetworkProfile.updated_at)
    stale = session.scalars(
        select(NetworkProfile).where(or_(last_seen.is_(None), last_seen < now - STALE_AFTER))
    )
    sent = 0
    for profile in stale:
        rep = intros.representative(session, profile.company_id)
        company = session.get(Company, profile.company_id)
        if rep is None or company is None:
            continue
        message = OutgoingMessage(
            texts.net_stale_prompt(company.name),
            buttons=(
                Button(texts.NET_PROFILE_OK, "net:pf:ok"),
                Button(texts.NET_PROFILE_EDIT, "net:pf:go"),
            ),
        )
        key = f"net:stale:{profile.company_id}:{now.astimezone(KST):%Y}"
        sent += intros.push(session, key, "net_stale", rep, message, now, STALE_WINDOW)
    return sent
