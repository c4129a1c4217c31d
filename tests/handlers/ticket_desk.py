"""The people of the channel tests of 전문가 상담: 박대표 of 새벽교류회 (member) and 세무사 김세무
(advisor), each linked to an account on one platform."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.federation import advisors, groups, members
from bot.storage.identity_models import ChatIdentity


def seat(
    sessions: sessionmaker[Session],
    platform: str,
    *,
    member: str,
    advisor: str,
    advisor_platform: str | None = None,
) -> None:
    """Add the member and the advisor, linked to ``platform`` accounts ``member`` and
    ``advisor`` (the advisor's on ``advisor_platform`` if given)."""
    with sessions.begin() as session:
        federation = groups.the_federation(session, create_as="한빛중소기업이업종교류연합회")
        group = groups.add_group(session, federation=federation, name="새벽교류회", actor="t")
        asker = members.add_member(session, federation=federation, name="박대표", actor="t")
        members.join_group(session, member=asker, group=group, actor="t")
        expert = advisors.add_advisor(
            session,
            federation=federation,
            name="김세무",
            fields=["세무"],
            title="세무사",
            actor="t",
        )
        accounts = (
            (platform, member, asker.id),
            (advisor_platform or platform, advisor, expert.member_id),
        )
        for where, user, member_id in accounts:
            session.add(
                ChatIdentity(
                    platform=where,
                    platform_user_id=user,
                    member_id=member_id,
                    status="verified",
                )
            )
