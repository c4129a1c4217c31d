"""네트워킹 for the secretariat: each group's monthly health (``gyoryu network report``), the
introductions members asked for, with their states, and a company's networking consent
(``gyoryu network consent``), recorded with its date on behalf of a member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import companies, members
from bot.federation.errors import FederationError, NotFoundError
from bot.network import profiles, report
from bot.network.report import GroupHealth
from bot.storage.federation_models import Company, Group, GroupCompany, Member, Membership
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
        h for group in groups for h in report.report(session, month=chosen, group=group, now=now)
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


@dataclass(frozen=True)
class Consent:
    """A company's networking consent: who may find it, since when, and which member gave it."""

    company: str
    scope: str  # private · group · federation
    label: str  # 비공개 · 우리 교류회 · 연합회 전체
    since: datetime | None  # ``None``: never recorded, the default 비공개
    by: str | None  # the member who gave it, if recorded on someone's behalf

    @property
    def visible(self) -> bool:
        """Whether other members can find the company at all."""
        return self.scope != "private"


def _whose(session: Session, who: str) -> tuple[Company, Member | None]:
    """The company ``who`` names: a member (회원번호 or name) stands for their company."""
    try:
        member = members.find_member(session, who)
    except NotFoundError:
        try:
            return companies.find_company(session, who), None
        except NotFoundError:
            raise NotFoundError(texts.net_member_not_found(who)) from None
    if member.company is None:
        raise FederationError(texts.NET_CONSENT_NO_COMPANY)
    return member.company, member


def _consent(session: Session, company: Company) -> Consent:
    profile = profiles.profile_of(session, company.id)
    scope = profile.scope if profile is not None else "private"
    by = session.get(Member, profile.scope_by) if profile and profile.scope_by else None
    return Consent(
        company=company.name,
        scope=scope,
        label=texts.NET_SCOPE_LABELS[scope],
        since=profile.scope_at if profile is not None else None,
        by=by.name if by is not None else None,
    )


def consent_of(session: Session, *, who: str) -> Consent:
    """The networking consent of ``who``'s company (a member or a company)."""
    company, _ = _whose(session, who)
    return _consent(session, company)


def record_consent(session: Session, *, who: str, scope: str, now: datetime, actor: str) -> Consent:
    """Record ``who``'s company's consent (비공개 / 교류회 / 연합회), dated and audited.

    ``who`` is a member (their company's consent, given by them) or a company; ``scope`` is the
    Korean word, as on the roster's 공개 범위 column.
    """
    company, member = _whose(session, who)
    profiles.set_scope(
        session, company, profiles.scope_of_word(scope), now=now, actor=actor, by=member
    )
    return _consent(session, company)


def record_company_consent(
    session: Session,
    *,
    company_id: int,
    scope: str,
    given_by: int | None,
    within: frozenset[int] | None,
    now: datetime,
    actor: str,
) -> Consent:
    """Record a company's consent from the console's 회원 page, as :func:`record_consent` does.

    ``given_by`` is the member of the company who gave it (``None``: recorded for the company).
    A group's admin (``within`` their groups) may record it only for a company seated in one of
    them; a company outside, or a member not of that company, is not found.
    """
    company = session.get(Company, company_id)
    if company is None or (
        within is not None
        and session.scalar(
            select(GroupCompany.company_id).where(
                GroupCompany.company_id == company_id, GroupCompany.group_id.in_(within)
            )
        )
        is None
    ):
        raise NotFoundError(texts.ADM_CONSENT_COMPANY_NOT_FOUND)
    if given_by is None:
        profiles.set_scope(
            session, company, profiles.scope_of_word(scope), now=now, actor=actor, by=None
        )
        return _consent(session, company)
    member = session.get(Member, given_by)
    if member is None or member.company_id != company.id:
        raise NotFoundError(texts.ADM_CONSENT_COMPANY_NOT_FOUND)
    return record_consent(session, who=str(member.id), scope=scope, now=now, actor=actor)
