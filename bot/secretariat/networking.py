"""네트워킹 for the secretariat: each group's monthly health (``gyoryu network report``) and the
introductions members asked for, with their states.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.network import report
from bot.network.report import GroupHealth
from bot.storage.federation_models import Company, Group, Member, Membership
from bot.storage.network_models import Introduction


@dataclass(frozen=True)
class IntroLine:
    """One introduction: which company asked to meet which, and how far it went."""

    id: int
    asker_company: str
    target_company: str
    asker: str | None  # ``None`` once the asker was erased
    source: str  # request · pairing
    state: str  # pending · accepted · declined · expired
    created_at: datetime
    answered_at: datetime | None
    met: bool | None
    outcome: str | None


def health(
    session: Session, *, month: str | None, now: datetime, scope: frozenset[int] | None
) -> tuple[str, list[GroupHealth]]:
    """The month shown (``YYYY-MM``, this month by default) and the figures of every group in
    ``scope`` (``None``: all); a malformed month is refused in Korean."""
    chosen = month or report.month_of(now)
    report.month_bounds(chosen)  # refuses a malformed month before any work
    groups = [
        group
        for group in session.scalars(select(Group).order_by(Group.name))
        if scope is None or group.id in scope
    ]
    return chosen, [
        h for group in groups for h in report.report(session, month=chosen, group=group)
    ]


def introductions(
    session: Session, *, scope: frozenset[int] | None, state: str | None = None
) -> list[IntroLine]:
    """Introductions, newest first; with ``scope``, those whose asker or target member belongs
    to one of those groups."""
    query = select(Introduction).order_by(Introduction.id.desc())
    if state:
        query = query.where(Introduction.state == state)
    if scope is not None:
        in_scope = select(Membership.member_id).where(Membership.group_id.in_(scope))
        query = query.where(
            or_(Introduction.asker_id.in_(in_scope), Introduction.target_id.in_(in_scope))
        )
    companies = {ident: name for ident, name in session.execute(select(Company.id, Company.name))}
    found = []
    for intro in session.scalars(query.limit(500)):
        asker = session.get(Member, intro.asker_id) if intro.asker_id is not None else None
        found.append(
            IntroLine(
                id=intro.id,
                asker_company=companies.get(intro.asker_company_id, ""),
                target_company=companies.get(intro.target_company_id, ""),
                asker=asker.name if asker is not None else None,
                source=intro.source,
                state=intro.state,
                created_at=intro.created_at,
                answered_at=intro.answered_at,
                met=intro.met,
                outcome=intro.outcome,
            )
        )
    return found
