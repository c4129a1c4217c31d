from knowledge.facts import (
    counts_with,
    figured_items,
    people_in,
    polarity,
    states_superlative,
    strength,
)


def test_a_name_with_an_institution_in_brackets_is_a_person_a_list_of_resources_is_not() -> None:
    assert strength("person", "박노국 (상지대학교 시스템경영공학과)") == 1.0
    assert strength("person", "인근 대학의 인적·물적 자원(교수·학생·연구장비 등)을 활용") < 1.0


def test_one_company_per_industry_is_no_count_of_companies_in_a_group() -> None:
    rule = "1업종 1개 기업을 원칙으로 하여 교류그룹을 결성한다."

    assert not counts_with("개", rule, "교류그룹 적정 인원 몇개 기업 정도가 좋대")
    assert counts_with("개", rule, "한 업종에 몇개 기업 들어가요?")


def test_a_body_or_a_company_before_a_title_is_no_persons_name() -> None:
    assert strength("person", "3회 연속 빠지면 교류회 회장 면담과 서면 경고가 있습니다.") < 1.0
    assert strength("person", "각 회원사 대표가 참석합니다.") < 1.0
    assert strength("person", "강사: 연합회 세무 자문위원 김세현 세무사") == 1.0
    assert strength("person", "박노국 (상지대학교 시스템경영공학과)") == 1.0


def test_an_enumeration_with_figures_gives_each_item_and_its_figure() -> None:
    text = "업종별로는 전기·전자 301개사, 기계·금속 239개사, 기타 업종 111개사가 활동 중이다."

    assert figured_items(text) == [
        ("전기·전자", 301.0, "301개사"),
        ("기계·금속", 239.0, "239개사"),
        ("기타 업종", 111.0, "111개사"),
    ]
    # Figures of different things are no enumeration to rank.
    assert figured_items("도내에는 총 784개사에, 34개 단위교류회로 구성되어 있다.") == []
    assert figured_items("참가비는 210만원입니다.") == []


def test_saying_which_is_the_most_is_a_superlative() -> None:
    assert states_superlative("중소기업진흥공단의 권유가 45%로 가장 많았으며")
    assert not states_superlative("기계 금속분야가 30%, 토목 건설 환경 분야에 28%")


def test_a_name_before_a_title_with_its_particle_is_a_person() -> None:
    text = "김문수 도지사와 장성숙 회장이 개발제품에 대한 설명을 듣고 있다."

    assert strength("person", text) == 1.0
    assert strength("person", "연합회 세무 자문위원 김세현 세무사가 설명합니다.") == 1.0
    assert strength("person", "위원회가 열린다.") == 0.0


def test_within_so_many_years_is_a_time_limit() -> None:
    assert strength("date", "수출신고가 수리된 날로부터 2년 이내에 신청해야 합니다.") == 1.0


def test_the_member_paying_it_is_a_no_to_whether_it_is_paid_for() -> None:
    sentence = "항공료와 숙박비는 회원사가 부담합니다."

    assert polarity(sentence, ["항공료"], asks_support=True) == "no"
    assert polarity(sentence, ["항공료"]) is None


def test_so_many_per_company_answers_how_many_of_our_people() -> None:
    text = "회원사는 무료이며 회사당 2명까지 참석할 수 있습니다."

    assert counts_with("명", text, "우리 직원들 몇명까지 데리고 가도 돼요")
    assert not counts_with("명", text, "교실 정원 몇 명이에요")


def test_a_price_per_person_is_no_count_of_people() -> None:
    assert strength("count", "참가비: 1인 15만원") == 0.0
    assert strength("count", "숙박은 1인 1실로 합니다.") > 0.0


def test_a_word_saying_which_one_before_a_title_is_no_name() -> None:
    assert people_in("애로사항은 사무국과 담당 간사, 배정된 자문위원만 봅니다.") == set()
    assert people_in("사무국장은 김하늘 사무총장이 맡습니다.") == {"김하늘"}


def test_an_advantage_one_can_have_is_no_yes() -> None:
    advantage = "회원사들은 경쟁사가 아닌 입장에서 정보를 전할 수 있다는 장점을 가지고 있다."

    assert polarity(advantage, ["경쟁사", "정보"]) is None
    assert polarity("다른 교류회로 가입하실 수 있습니다.", ["가입"]) == "yes"
