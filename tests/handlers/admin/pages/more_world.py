"""More of the test federation for the 애로사항, 전문가 상담 and 네트워킹 pages.

Two advisors (세무 with a chat account, 노무 without), chat accounts for 사무국장 and the advisor,
two 애로사항 in 새벽교류회 and one in 미래교류회, a ticket answered by the advisor, one waiting
past its promised days, an FAQ card expiring soon and an introduction between two companies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from bot.difficulties import items
from bot.federation import advisors, companies, groups, members
from bot.messages import Address
from bot.routing import cards, tickets
from bot.storage.federation_models import Group
from bot.storage.identity_models import ChatIdentity
from bot.storage.network_models import Introduction
from bot.storage.schedule_models import ScheduledMessage
from tests.handlers.admin.world import DAWN_ROOM, World
from tests.handlers.conftest import NOW

TAX_ITEM = "부가세 신고 기한을 놓쳤는데 가산세가 얼마나 되나요?"
VISA_ITEM = "외국인 근로자 비자 연장이 너무 어려워요."
FUTURE_ITEM = "미래교류회 회원사의 운전자금 대출 문의"
ANSWERED = "법인세 중간예납은 언제 하나요?"
LATE = "퇴직금 중간정산이 가능한가요?"


@dataclass
class More:
    tax_advisor: int
    labour_advisor: int
    tax_item: int
    future_item: int
    answered_ticket: int
    late_ticket: int
    card: int


def build_more(sessions: sessionmaker[Session], world: World) -> More:
    """Add the routing, 애로사항 and networking records to ``world``."""
    with sessions.begin() as session:
        federation = groups.the_federation(session)
        park = members.find_member(session, "박대표")
        chief = members.find_member(session, "사무국장")
        tax = advisors.add_advisor(
            session,
            federation=federation,
            name="최세무",
            fields=["세무"],
            actor="t",
            title="세무사",
        )
        labour = advisors.add_advisor(
            session, federation=federation, name="정노무", fields=["노무"], actor="t"
        )
        for member_id, user in ((chief.id, "900"), (tax.member_id, "800"), (park.id, "700")):
            session.add(
                ChatIdentity(
                    platform="memory", platform_user_id=user, status="verified", member_id=member_id
                )
            )
        session.flush()
        day_before = NOW - timedelta(days=1)
        tax_item = items.share(
            session, group_id=world.dawn_id, member_id=park.id, text=TAX_ITEM, now=day_before
        )
        items.share(
            session,
            group_id=world.dawn_id,
            member_id=park.id,
            text=VISA_ITEM,
            now=day_before,
            anonymous=True,
        )
        future_item = items.share(
            session, group_id=world.future_id, member_id=None, text=FUTURE_ITEM, now=day_before
        )
        asked = Address("memory", "700", DAWN_ROOM, is_group=True)
        answered = tickets.open_ticket(
            session,
            question=ANSWERED,
            asked_at=asked,
            member_id=park.id,
            now=NOW - timedelta(days=2),
            actor="t",
            field="세무",
        )
        tickets.answer(
            session,
            answered,
            text="7월과 8월 사이, 8월 31일까지 신고·납부하시면 됩니다.",
            by_member_id=tax.member_id,
            now=NOW - timedelta(days=1),
        )
        late = tickets.open_ticket(
            session,
            question=LATE,
            asked_at=asked,
            member_id=park.id,
            now=NOW - timedelta(days=10),
            actor="t",
            field="노무",
        )
        card = cards.write_card(
            session,
            question="정례회 회비 납부 기한은?",
            answer="매년 3월 말까지예요.",
            field="기타",
            actor="t",
            now=NOW - timedelta(days=300),
            expires=date(2026, 11, 30),
        )
        maker = companies.add_company(session, actor="t", name="새벽정밀")
        buyer = companies.add_company(session, actor="t", name="미래소재")
        park.company_id = maker.id
        future = session.get_one(Group, world.future_id)
        kang = members.add_member(
            session, federation=federation, name="강대표", actor="t", company_id=buyer.id
        )
        members.join_group(session, member=kang, group=future, role="member", actor="t")
        session.add(
            Introduction(
                asker_id=park.id,
                asker_company_id=maker.id,
                target_company_id=buyer.id,
                target_id=kang.id,
                reason="소재 공동개발",
                state="accepted",
                created_at=NOW - timedelta(days=3),
                answered_at=NOW - timedelta(days=2),
            )
        )
        # Delivered already: the served app's scheduler has nothing of this world to send.
        session.flush()
        session.execute(update(ScheduledMessage).values(state="sent", sent_at=NOW))
        return More(
            tax_advisor=tax.id,
            labour_advisor=labour.id,
            tax_item=tax_item.id,
            future_item=future_item.id,
            answered_ticket=answered.id,
            late_ticket=late.id,
            card=card.id,
        )
