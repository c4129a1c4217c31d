"""Federations and their groups: lookup and creation."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.federation import audit
from bot.federation.errors import FederationError, NotFoundError
from bot.storage.federation_models import Federation, Group


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
        names = session.scalars(select(Group.name))
        raise NotFoundError(texts.fed_group_not_found(name_or_id, closest_name(name_or_id, names)))
    return group


def closest_name(name: str, names: Iterable[str]) -> str | None:
    """The existing group name ``name`` was most likely meant to be, if any is close.

    Spaces are ignored ("새벽 교류회" is "새벽교류회"); otherwise the most similar name wins when
    it is similar enough to be a typo rather than another group.
    """
    by_key = {squash(known): known for known in names}
    key = squash(name)
    if key in by_key:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.6)
    return by_key[close[0]] if close else None


def squash(name: str) -> str:
    """A group name without spaces, to compare names that differ only in spacing."""
    return re.sub(r"\s+", "", name)


def add_group(
    session: Session,
    *,
    federation: Federation,
    name: str,
    meeting_rule: str | None = None,
    description: str | None = None,
    actor: str,
) -> Group:
    """Create a group, refusing a name already in the federation (spacing aside)."""
    names = session.scalars(select(Group.name).where(Group.federation_id == federation.id))
    same = next((known for known in names if squash(known) == squash(name)), None)
    if same is not None:
        raise FederationError(texts.fed_already_exists(texts.FED_KIND_GROUP, same))
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
