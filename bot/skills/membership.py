"""Who writes and which group a meeting request is about, for the meetings and 애로사항 skills.

The caller was identified once for the message; these helpers load that member in the skill's
own session and find the group a room (or the member's roles) points to.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.directory import Caller
from bot.federation import members, rooms
from bot.federation.members import LEADER_ROLES
from bot.messages import Address
from bot.storage.federation_models import Member, Membership


def member_of(session: Session, caller: Caller) -> Member | None:
    """The linked member behind the caller, or ``None`` for a guest."""
    return session.get(Member, caller.member_id) if caller.member_id is not None else None


def room_group(session: Session, address: Address) -> int | None:
    """In a group room linked to a group: that group's id."""
    if not address.is_group:
        return None
    chat_id = address.conversation or address.user
    group = rooms.group_of_room(session, platform=address.platform, chat_id=chat_id)
    return group.id if group is not None else None


def groups_of(session: Session, address: Address, member: Member | None) -> set[int]:
    """The room's group in a group room, else the member's groups."""
    group_id = room_group(session, address)
    if group_id is not None:
        return {group_id}
    return {m.group_id for m in member.memberships} if member else set()


def home_group(session: Session, address: Address, member: Member) -> int | None:
    """The group a command is about: the room's, else the member's led group, else the first."""
    group_id = room_group(session, address)
    if group_id is not None:
        return group_id
    ranked = sorted(member.memberships, key=lambda m: (m.role not in LEADER_ROLES, m.group_id))
    return ranked[0].group_id if ranked else None


def leads(session: Session, member: Member, group_id: int) -> bool:
    """Whether the member is the group's 회장 or 간사 (or a federation admin)."""
    if "admin" in members.roles_of(session, member):
        return True
    role = session.scalar(
        select(Membership.role).where(
            Membership.member_id == member.id, Membership.group_id == group_id
        )
    )
    return role in LEADER_ROLES
