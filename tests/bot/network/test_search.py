"""Partner search: ranked Korean-aware matches, bounded by each company's consent.

The sample roster gives every level: 비공개 companies are never found, a 교류회 company only by
its own group's members, a 연합회 company by everyone; one's own company is never listed, and
no result carries a phone number or e-mail.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.network import profiles, search
from bot.network.profiles import Viewer
from bot.storage.federation_models import Company, Member
from tests.bot.network.world import World


def found(world: World, name: str, query: str) -> list[str]:
    with world.sessions() as session:
        member = session.get(Member, world.member(name).id)
        assert member is not None
        return [hit.company for hit in search.search(session, Viewer.of(member), query)]


def test_ranked_matches_name_the_capability(world: World) -> None:
    with world.sessions() as session:
        member = session.get(Member, world.member("최준호").id)
        assert member is not None
        hits = search.search(session, Viewer.of(member), "ISO 13485")

    assert [(h.company, h.matched) for h in hits][:1] == [("(주)한빛메디텍", "인증: 의료기기 GMP")]
    assert found(world, "최준호", "베트남 수출 경험")[:2] == ["(주)다온푸드", "(주)자연담화장품"]
    assert found(world, "김도현", "알루미늄 다이캐스팅 시제품")[0] == "동진금속주물(주)"


def test_a_private_company_is_never_found_not_even_by_its_own_group(world: World) -> None:
    assert "(주)가온세무회계서비스" not in found(world, "신동욱", "세무 신고 대행")  # same group
    assert "(주)가온세무회계서비스" not in found(world, "최준호", "세무 신고 대행")
    assert "(주)정담한정식" not in found(world, "구민석", "단체 식사 케이터링")


def test_a_group_company_is_found_only_by_its_own_group(world: World) -> None:
    assert "(주)한마음인력" in found(world, "구민석", "생산직 채용")  # 동행교류회, like it
    assert "(주)한마음인력" not in found(world, "최준호", "생산직 채용")  # 새벽교류회
    assert "(주)한마음인력" not in found(world, "신동욱", "생산직 채용")  # 미래교류회


def test_a_federation_company_is_found_by_every_group_own_group_first(world: World) -> None:
    for name in ("최준호", "신동욱", "구민석"):
        assert "(주)드림모터" in found(world, name, "BLDC 모터")
    # 사출: 한빛메디텍 (미래교류회) and 한빛하이텍 (동행교류회) both have it; own group first.
    assert found(world, "엄태호", "사출")[0] == "한빛하이텍(주)"
    assert found(world, "신동욱", "사출")[0] == "(주)한빛메디텍"


def test_ones_own_company_is_not_listed(world: World) -> None:
    assert "한결플라스틱(주)" not in found(world, "최준호", "사출기 자동차 내장 트림")
    assert "한결플라스틱(주)" in found(world, "김도현", "사출기 자동차 내장 트림")


def test_withdrawn_consent_hides_the_company_at_once(world: World) -> None:
    with world.sessions.begin() as session:
        company = session.get(Company, world.company("(주)드림모터").id)
        assert company is not None
        profiles.set_scope(session, company, "private", now=world.clock[0], actor="test")

    assert "(주)드림모터" not in found(world, "신동욱", "BLDC 모터")


def test_nothing_for_a_query_without_content(
    world: World, session_factory: sessionmaker[Session]
) -> None:
    assert found(world, "최준호", "어디 있는 곳") == []
