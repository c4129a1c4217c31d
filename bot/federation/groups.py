"""Federations and their groups: lookup and creation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.models import Federation, Group


def the_federation(session: Session, *, create_as: str | None = None) -> Federation:
    """The database's federation; created with ``create_as`` as name when there is none yet."""
    federations = list(session.scalars(select(Federation).order_by(Federation.id)))
    if len(federations) > 1:
        raise FederationError(texts.FED_SEVERAL_FEDERATIONS)
    if federations:
        return federations[0]
    if create_as is None:
        raise FederationError(texts.FED_NO_FEDERATION)
    federation = Federation(name=create_as, settings={})
    session.add(federation)
    session.flush()
    return federation


def find_group(session: Session, name_or_id: str) -> Group:
    """A group by id or exact name."""
    query = select(Group).where(Group.name == name_or_id)
    if name_or_id.isdigit():
        query = select(Group).where(Group.id == int(name_or_id))
    group = session.scalars(query).first()
    if group is None:
        raise NotFoundError(texts.fed_not_found("교류회", name_or_id))
    return group


def add_group(
    session: Session,
    *,
    federation: Federation,
    name: str,
    meeting_rule: str | None = None,
    description: str | None = None,
    actor: str,
) -> Group:
    """Create a group, refusing a duplicate name in the federation."""
    existing = session.scalars(
        select(Group).where(Group.federation_id == federation.id, Group.name == name)
    ).first()
    if existing is not None:
        raise FederationError(texts.fed_already_exists("교류회", name))
    group = Group(
        federation=federation, name=name, meeting_rule=meeting_rule, description=description
    )
    session.add(group)
    session.flush()
    audit.record(session, actor=actor, action="create", entity="group", entity_id=group.id)
    return group


def list_groups(session: Session) -> list[Group]:
    """Every group, by name."""
    return list(session.scalars(select(Group).order_by(Group.name)))
