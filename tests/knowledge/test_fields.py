import pytest

from knowledge.fields import FIELDS, guess_field


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("부가세 신고 기한 연장 가능한가요?", "세무"),
        ("거래처가 대금을 안 줘서 내용증명을 보내려고 해요", "법률"),
        ("상표 등록이 거절됐는데 어떻게 하죠?", "특허"),
        ("직원 퇴직금 계산은 어떻게 하나요?", "노무"),
        ("시설자금 대출 담보 비율이 궁금해요", "자금"),
        ("FTA 원산지증명서 발급 방법", "수출"),
        ("금형 열처리 후 변형을 줄이고 싶어요", "기술"),
        ("스마트공장 지원사업 자부담 비율", "정부지원"),
        ("온라인 판매 판로를 넓히고 싶어요", "판로"),
        ("일손이 부족해서 채용을 하고 싶어요", "인력"),
    ],
)
def test_question_is_routed_to_the_matching_advisor_field(question: str, field: str) -> None:
    assert guess_field(question) == field


def test_keywords_match_with_or_without_spaces() -> None:
    assert guess_field("기술 개발 과제를 같이 할 곳") == "기술"
    assert guess_field("기술개발 과제를 같이 할 곳") == "기술"


def test_question_without_any_field_keyword_has_no_route() -> None:
    assert guess_field("우리 교류회 회장님 성함이 뭐예요?") is None


def test_every_field_named_in_the_design_exists() -> None:
    assert {"세무", "법률", "특허", "노무", "자금", "수출", "기술", "정부지원"} <= FIELDS.keys()
