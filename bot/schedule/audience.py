"""Who receives scheduled messages: a group's chat rooms, its leaders, its members in DM."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.messages import Address
from bot.storage.federation_models import Membership
from bot.storage.identity_models import ChatIdentity
from bot.storage.room_models import ChatRoom


def room_address(room: ChatRoom) -> Address:
    """The address of a group chat room (the chat id doubles as the user for room pushes)."""
    return Address(room.platform, room.chat_id, conversation=room.chat_id, is_group=True)


def rooms_of(session: Session, group_id: int | None) -> list[Address]:
    """Every room linked to the group on every platform; all rooms for a federation-wide event."""
    query = select(ChatRoom).order_by(ChatRoom.id)
    if group_id is not None:
        query = query.where(ChatRoom.group_id == group_id)
    return [room_address(room) for room in session.scalars(query)]


def direct_address(session: Session, member_id: int) -> Address | None:
    """Where to DM a member: their first verified chat account, or ``None`` if they have none."""
    identity = session.scalars(
        select(ChatIdentity)
        .where(ChatIdentity.member_id == member_id, ChatIdentity.status == "verified")
        .order_by(ChatIdentity.id)
    ).first()
    return Address(identity.platform, identity.platform_user_id) if identity else None


def members_of(
    session: Session, group_id: int, *, roles: Collection[str] | None = None
) -> list[int]:
    """Member ids of a group, optionally only those with one of ``roles``."""
    query = select(Membership.member_id).where(Membership.group_id == group_id)
    if roles is not None:
        query = query.where(Membership.role.in_(roles))
    return list(session.scalars(query.order_by(Membership.member_id)))


def target_of(address: Address) -> str:
    """A stable string naming an address, used in the queue's uniqueness key."""
    parts = (address.platform, address.conversation or "", address.user, address.thread or "")
    return "|".join(parts)
