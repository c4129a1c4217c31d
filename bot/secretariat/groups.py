"""Groups, their rooms and their companies as the secretariat keeps them.

A company joins a group only if no other company there has its industry, unless an admin
records why (see :func:`bot.federation.companies.seat_company`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.federation import audit, companies, groups, recurrence, rooms


@dataclass(frozen=True)
class Named:
    """The name of what was added, changed or removed."""

    name: str


def add_group(
    session: Session,
    *,
    name: str,
    actor: str,
    rule: str | None = None,
    federation: str | None = None,
) -> Named:
    """Add a group; ``rule`` is its 정례회 in Korean (``'매월 둘째 주 화요일 오후 7시'``).

    ``federation`` names the federation to create when the database has none yet.
    """
    added = groups.add_group(
        session,
        federation=groups.the_federation(session, create_as=federation),
        name=name,
        meeting_rule=recurrence.parse_korean(rule) if rule else None,
        actor=actor,
    )
    return Named(added.name)


def edit_group(
    session: Session, *, group: str, actor: str, name: str | None = None, rule: str | None = None
) -> Named:
    """Rename a group or change its 정례회 rule (empty = keep)."""
    found = groups.find_group(session, group)
    found.name = name or found.name
    found.meeting_rule = recurrence.parse_korean(rule) if rule else found.meeting_rule
    audit.record(session, actor=actor, action="edit", entity="group", entity_id=found.id)
    return Named(found.name)


def remove_group(session: Session, *, group: str, actor: str) -> Named:
    """Delete a group; its members and companies stay."""
    found = groups.find_group(session, group)
    audit.record(session, actor=actor, action="delete", entity="group", entity_id=found.id)
    session.delete(found)
    return Named(found.name)


def attach_room(
    session: Session, *, platform: str, chat_id: str, actor: str, group: str | None = None
) -> Named:
    """Map a chat room to a group (none: the federation-wide room); named by its chat id."""
    found = groups.find_group(session, group) if group else None
    rooms.attach_room(session, platform=platform, chat_id=chat_id, group=found, actor=actor)
    return Named(chat_id)


def add_company(
    session: Session,
    *,
    name: str,
    actor: str,
    number: str | None = None,
    ksic: str | None = None,
    industry: str | None = None,
    region: str | None = None,
    products: str | None = None,
    group: str | None = None,
    override_reason: str | None = None,
) -> Named:
    """Add a company and, given a group, seat it there (an industry clash needs a reason)."""
    added = companies.add_company(
        session,
        actor=actor,
        name=name,
        business_number=number,
        ksic_code=ksic,
        ksic_name=industry,
        region=region,
        products=products,
    )
    if group:
        companies.seat_company(
            session,
            group=groups.find_group(session, group),
            company=added,
            actor=actor,
            override_reason=override_reason,
        )
    return Named(added.name)


def edit_company(session: Session, *, company: str, actor: str, **changes: str | None) -> Named:
    """Change the given fields (``None`` or empty = keep) of a company, checked again."""
    found = companies.find_company(session, company)
    companies.edit_company(session, found, actor=actor, **{k: v for k, v in changes.items() if v})
    return Named(found.name)


def remove_company(session: Session, *, company: str, actor: str) -> Named:
    """Delete a company and its seats in groups; its members stay, without a company."""
    found = companies.find_company(session, company)
    companies.remove_company(session, found, actor=actor)
    return Named(found.name)
