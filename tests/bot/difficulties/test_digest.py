from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from bot.difficulties import digest, items
from tests.bot.schedule.conftest import MEETING, World

NOW = MEETING - timedelta(days=5)


def knowledge(question: str) -> list[tuple[str, str]]:
    """A stand-in for retrieval: only tax questions have documents."""
    if "부가세" in question:
        return [("2026 중소기업 세무 안내", "부가가치세 신고"), ("한빛연합회 회칙", "")]
    return []


def share(session: Session, member_id: int | None, text: str, anonymous: bool = False) -> None:
    items.share(
        session,
        group_id=digest_group(session),
        member_id=member_id,
        text=text,
        now=NOW,
        anonymous=anonymous,
    )


def digest_group(session: Session) -> int:
    from bot.federation.groups import find_group

    return find_group(session, "새벽교류회").id


def test_the_digest_groups_items_by_field_with_related_documents(
    session: Session, world: World
) -> None:
    share(session, world.member.id, "부가세 신고 기한을 놓쳤는데 가산세가 걱정돼요")
    share(session, world.leader.id, "거래처 미수금 소송을 해야 할지 고민이에요", anonymous=True)
    share(session, world.secretary.id, "요즘 그냥 너무 바빠요")
    share(session, world.offline.id, "세무조사 통지를 받았어요")

    message = digest.digest(session, world.meeting, related=knowledge)

    assert message is not None
    assert message.text.splitlines() == [
        "[애로사항 정리] 새벽교류회 · 3월 10일(화) 오후 7시 정례회 안건용 (4건)",
        "",
        "■ 세무 (2건)",
        "1. 부가세 신고 기한을 놓쳤는데 가산세가 걱정돼요 — 박대표",
        "   관련 자료: 2026 중소기업 세무 안내 · 부가가치세 신고; 한빛연합회 회칙",
        "2. 세무조사 통지를 받았어요 — 최대표",
        "   관련 자료: 아직 없음 (자문위원 연결을 권해요)",
        "",
        "■ 법률 (1건)",
        "3. 거래처 미수금 소송을 해야 할지 고민이에요 — 익명",
        "   관련 자료: 아직 없음 (자문위원 연결을 권해요)",
        "",
        "■ 기타 (1건)",
        "4. 요즘 그냥 너무 바빠요 — 이간사",
        "   관련 자료: 아직 없음 (자문위원 연결을 권해요)",
    ]
    assert [b.label for b in message.buttons] == [f"{n}번 자문 요청" for n in (1, 2, 3, 4)]
    assert all(b.action.startswith("diff:advise:") for b in message.buttons)


def test_an_empty_digest_says_so(session: Session, world: World) -> None:
    message = digest.digest(session, world.meeting)

    assert message is not None
    assert message.text.endswith("아직 나눠 주신 애로사항이 없어요.")
    assert digest.next_meeting(session, group_id=world.group.id, now=NOW) == world.meeting
