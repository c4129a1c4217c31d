"""Advisors: outside experts, their fields and the groups they serve."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.federation import audit, members
from bot.storage.federation_models import Advisor, Federation, Group


def add_advisor(
    session: Session,
    *,
    federation: Federation,
    name: str,
    fields: list[str],
    actor: str,
    title: str | None = None,
    affiliation: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    availability: str | None = None,
    serves: list[Group] | None = None,
) -> Advisor:
    """Create a person with an advisor profile; ``serves=None`` means the whole federation."""
    person = members.add_member(
        session,
        federation=federation,
        name=name,
        title=title,
        phone=phone,
        email=email,
        actor=actor,
    )
    advisor = Advisor(
        member=person,
        fields=fields,
        affiliation=affiliation,
        availability=availability,
        federation_wide=not serves,
        groups=list(serves or []),
    )
    session.add(advisor)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="advisor", entity_id=advisor.id)
    return advisor


def list_advisors(session: Session) -> list[Advisor]:
    """Every advisor, in the order they were added."""
    return list(session.scalars(select(Advisor).order_by(Advisor.id)))


def advisors_for(session: Session, *, field: str, group_id: int | None = None) -> list[Advisor]:
    """Advisors covering ``field`` who serve the whole federation or the given group."""
    found = []
    for advisor in list_advisors(session):
        serves = advisor.federation_wide or any(g.id == group_id for g in advisor.groups)
        if field in advisor.fields and serves:
            found.append(advisor)
    return found


def split_fields(text: str) -> list[str]:
    """``"세무·자금"`` or ``"세무, 자금"`` → ``["세무", "자금"]``."""
    return [
        part.strip() for part in text.replace("·", ",").replace("/", ",").split(",") if part.strip()
    ]
