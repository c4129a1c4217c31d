import pytest

from knowledge.question import corrected, could_follow_up, in_context, read_question


@pytest.mark.parametrize(
    ("previous", "follow_up", "meant"),
    [
        pytest.param(
            "새벽교류회 4월 모임 언제예요?", "5월은요?", "새벽교류회 5월 모임 언제예요?", id="month"
        ),
        pytest.param(
            "새벽교류회 모임 언제예요?",
            "5월은요?",
            "새벽교류회 모임 5월 언제예요?",
            id="month-added",
        ),
        pytest.param("입회비 얼마에요?", "연회비는요?", "연회비 얼마에요?", id="like-word"),
        pytest.param(
            "새벽교류회 장소 어디예요?", "미래교류회는요?", "미래교류회 장소 어디예요?", id="name"
        ),
        pytest.param(
            "수출 첫걸음 교실 언제 해요?",
            "그럼 신청은 어디서 해요?",
            "수출 첫걸음 교실 신청은 어디서 해요?",
            id="then",
        ),
        pytest.param(
            "PL보험 꼭 들어야 돼요?",
            "그럼 보험료는 얼마예요?",
            "PL보험 보험료는 얼마예요?",
            id="then-verbs-left-out",
        ),
        pytest.param(
            "해외전시회 지원 신청 마감 언제예요?",
            "거기 숙박비도 나와요?",
            "해외전시회 지원 신청 마감 숙박비도 나와요?",
            id="there",
        ),
    ],
)
def test_a_short_follow_up_is_read_with_the_question_before(
    previous: str, follow_up: str, meant: str
) -> None:
    assert in_context(follow_up, previous) == meant


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("연회비 언제까지 내요?", id="whole-question"),
        pytest.param("송년회에 배우자 데려가도 돼요?", id="whole-yes-no"),
        pytest.param("고마워요", id="thanks"),
        pytest.param("그럼 PL보험 가입은 어떻게 해요?", id="then-with-its-own-topic-word"),
    ],
)
def test_a_question_that_stands_on_its_own_is_left_as_asked(question: str) -> None:
    assert in_context(question, "새벽교류회 4월 모임 언제예요?") == question


@pytest.mark.parametrize(
    ("question", "shaped_like_a_follow_up"),
    [
        ("5월은요?", True),
        ("연회비는요?", True),
        ("그럼 신청은 어디서 해요?", True),
        ("거기 숙박비도 나와요?", True),
        ("연회비 언제까지 내요?", False),
        ("송년회에 배우자 데려가도 돼요?", False),
        ("새벽교류회 5월 모임 언제예요?", False),
    ],
)
def test_only_a_question_shaped_like_a_follow_up_looks_back(
    question: str, shaped_like_a_follow_up: bool
) -> None:
    assert could_follow_up(question) is shaped_like_a_follow_up


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("경기이업종 회원사 몇군대에요", "경기이업종 회원사 몇 군데에요"),
        ("가입 어케해요?", "가입 어떻게해요?"),
        ("육성자금 한도 얼마에여", "육성자금 한도 얼마예요"),
        ("군대 다녀온 직원 채용하면 지원금 있어요?", "군대 다녀온 직원 채용하면 지원금 있어요?"),
        ("임시총회 열라면 회원 몇 명", "임시총회 열려면 회원 몇 명"),
        ("컵라면 팔아요?", "컵라면 팔아요?"),
        ("연합회 사무국 주소 어디에요? 택배 보낼려구", "연합회 사무국 주소 어디에요?"),
        ("세미나 언제까지 신청해요? 경리 직원도 보낼라고", "세미나 언제까지 신청해요?"),
        ("정례회 장소 어디예요? 비즈니스센터 맞나", "정례회 장소 어디예요? 비즈니스센터 맞나"),
        ("납품한 제품 때문에 사고 났다고 연락옴", "제품 때문에 사고 났다고 연락옴"),
    ],
)
def test_chat_misspellings_that_change_a_word_are_put_right(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize(
    ("question", "not_a_topic"),
    [
        ("지난달에 특허 출원 벌써 했는데 비용지원 돼요?", "지나"),
        ("송년회 돈 넣었는데 일이 생겨서 못가면 돌려받나요", "생기"),
        ("임시총회 열라면 회원 얼마나 모여야돼요", "열라면"),
        ("그룹 결성하고 나면 제일 먼저 누구누구 뽑아야돼요?", "먼저"),
        ("교류회 하는 일 기준으로 종류 나누면 뭐뭐 있음", "기준"),
    ],
)
def test_spoken_time_and_circumstance_words_are_no_topic(question: str, not_a_topic: str) -> None:
    assert not_a_topic not in read_question(corrected(question)).terms


def test_a_misspelt_counter_still_asks_for_a_count() -> None:
    read = read_question(corrected("경기이업종 회원사 몇군대에요"))

    assert read.kind == "count"
    assert "군대" not in read.terms


def test_which_weekday_asks_for_a_date_and_how_long_for_a_time() -> None:
    assert read_question("방문상담은 무슨 요일에 해요?").kind == "date"
    assert read_question("탈퇴했다가 다시 들어오려면 얼마나 지나야돼요").kind == "date"


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("우리끼리 새 교류회 만들고 싶은데 회사 몇개 있어야 돼요", "회사"),
        ("공동개발 지원사업 몇 개 뽑아요?", "지원사업"),
        ("몇 곳 회원사가 가입했어요", "회원사"),
        ("기계금속 업종 회원사는 경기에 몇개사?", "회원사"),
    ],
)
def test_the_thing_counted_is_a_noun_never_the_verb_after_the_count(
    question: str, counted: str
) -> None:
    assert read_question(question).counted == counted


def test_what_follows_from_not_paying_is_no_question_about_the_fee() -> None:
    read = read_question("연회비 안 내면 어떻게 돼요?")

    assert read.kind != "amount"
    assert read.unless
    assert read_question("연회비 얼마예요?").kind == "amount"
    assert not read_question("안내 받으면 어디로 가요?").unless


def test_the_counter_after_how_many_is_no_topic_word() -> None:
    # "몇 시부터" asks the hour: "시부터" is not a word the answer must contain.
    assert read_question("송년회 몇 시부터 입장해요?").terms == ("송년회", "입장")
    assert read_question("공구 몇 개씩 줘요").terms == ("공구",)


def test_which_hall_asks_a_place() -> None:
    assert read_question("도쿄 기계요소기술전 어느 전시장에서 해?").kind == "place"
    assert read_question("어느 행사장으로 가요?").kind == "place"


def test_how_to_apply_for_a_cost_subsidy_asks_the_steps_not_the_amount() -> None:
    assert read_question("특허출원 비용지원 신청 어떻게 하는거임").kind == "procedure"
    assert read_question("특허출원 비용 얼마나 지원돼요?").kind == "amount"


def test_before_after_and_very_are_not_part_of_a_name() -> None:
    assert "출원전" not in read_question("출원전에 선행조사 해주는 변리사 누구에요").compounds
    assert "맨처음" not in read_question("이업종교류회 맨처음 시작된게 언제쯤이야").compounds
    assert "선행조사" in read_question("출원전에 선행조사 해주는 변리사 누구에요").compounds


def test_where_the_member_read_it_and_about_all_are_no_topic() -> None:
    read = read_question("국내 이업종교류회 전부 몇개 정도라고 나와있어")

    assert read.kind == "count"
    assert not {"전부", "정도", "나오"} & set(read.terms)
    assert "교류회" in read.terms
    assert "당하" not in read_question("강퇴는 어떤 경우에 당해요?").terms


def test_when_asks_the_date_of_the_noun_before_it() -> None:
    assert read_question("하노버 박람회 공동관 선정된 회사 발표 언제해요").dated == "발표"
    assert read_question("그럼 언제까지 내요").dated is None


def test_which_types_asks_a_list() -> None:
    assert read_question("이업종교류회 활동내용으로 나누면 무슨 유형들 있어").kind == "list"


def test_the_address_of_an_email_is_a_contact_not_a_place() -> None:
    assert read_question("전문가상담 메일로 신청하려면 주소가 머였지").kind == "contact"
    assert read_question("연수원 주소 어디야").kind == "place"


def test_a_numeral_a_date_or_a_contracted_particle_is_no_part_of_a_name() -> None:
    assert read_question("송년회 한사람 더 가면 얼마 더내야되").compounds == ()
    assert read_question("동행 9월모임 몇일이지").compounds == ()
    assert read_question("경기 연합회서 신기술 개발 몇건").compounds == ("신기술",)
    assert "재작년" not in read_question("재작년에 수출한거 관세 아직 되나").compounds
    # Determiners that begin a name stay in it.
    assert "첫모임" in read_question("새로 생긴 분과 첫모임 언제에요").compounds
    assert read_question("동행교류회는 회원사 몇 곳이에요?").compounds == ("동행교류회",)
    assert "이업종교류회" in read_question("이업종교류회 처음 생긴게 언제").compounds


def test_lately_is_no_topic() -> None:
    assert "요새" not in read_question("미래교류회 요새 회사 몇개나 됨").terms


def test_when_asks_the_date_of_the_noun_after_it_when_none_comes_before() -> None:
    assert read_question("하노버 박람회 참가업체 뽑힌거 언제 발표나요").dated == "발표"
    assert read_question("송년회 언제 시작해요").dated == "송년회"
    assert read_question("그럼 언제 시작해요").dated is None
    assert read_question("공동개발 지원사업 신청 마감 언제예요?").dated is None  # any deadline


def test_the_most_and_the_least_are_read() -> None:
    assert read_question("경기연합회에 업종 제일 많은게 뭐에요?").superlative == "most"
    assert read_question("가입 동기 1위가 뭐야").superlative == "most"
    assert read_question("객실 젤 싼 거 얼마").superlative == "least"
    assert read_question("연회비 얼마").superlative is None


def test_where_to_call_asks_a_contact_and_the_spoken_if_is_read() -> None:
    assert read_question("정책자금 물어볼라면 어디 전화해").kind == "contact"
    assert read_question("회비 보낼 통장번호좀 알려주세요").kind == "contact"
    assert corrected("경조사 생기믄 어디다 전화함") == "경조사 생기면 어디다 전화함"
    assert "예전" not in read_question("예전에 수출한거 관세환급 언제까지 신청가능함").terms


def test_a_word_that_is_no_topic_is_no_part_of_a_name() -> None:
    assert "신청가능" not in read_question("관세환급 언제까지 신청가능함").compounds


def test_what_does_it_mean_asked_in_chat_is_a_definition() -> None:
    assert read_question("간이정액환급이 뭔말이여 쉽게좀").kind == "definition"
    assert read_question("간이정액환급 이게 뭐임 쉽게좀").kind == "definition"
    assert read_question("광장형 교류회 라는게 뭔뜻이야??").kind == "definition"
    assert read_question("제일 많은 게 뭐예요?").kind != "definition"


def test_the_company_s_circumstances_are_no_topic() -> None:
    read = read_question("회사사정땜에 탈퇴할라는데 올해 낸 연회비 돌려받을수있나")

    assert "사정" not in read.terms
    assert "회사사정" not in read.compounds


def test_until_written_apart_is_no_topic() -> None:
    assert "까지" not in read_question("한 그룹에 같은 업종 회사는 몇개 까지 넣을수있어?").terms


def test_what_all_a_fee_covers_is_a_list_not_a_sum() -> None:
    assert read_question("평창 워크숍 참가비에 뭐뭐 포함돼").kind == "list"
    assert read_question("참가비 얼마야").kind == "amount"
    assert read_question("베트남 참가비에 항공료 포함돼요?").kind == "yesno"


def test_the_dialects_please_is_no_address_and_steps_in_order_ask_a_procedure() -> None:
    asked = corrected("가입 절차좀 순서대로 알려주소")

    assert asked == "가입 절차좀 순서대로 알려주세요"
    assert read_question(asked).kind == "procedure"
    assert read_question(corrected("사무실 주소 알려주소")).kind == "place"


def test_laughter_and_forgetting_are_no_words_of_the_question() -> None:
    assert corrected("경기연합회 회장님 성함좀 ㅎㅎ 까먹음") == "경기연합회 회장님 성함좀 까먹음"
    assert corrected("ㅋㅋㅋ") == "ㅋㅋㅋ"  # laughter alone is small talk, left as it is
    terms = read_question("경기연합회 회장님 성함좀 까먹음").terms
    assert "까먹" not in terms
    assert "기억" not in read_question("개성공단 견학은 몇월달에 갔었나 기억이안나네").terms
    assert "논문" not in read_question("그 논문 쓴 교수 누구임").terms


def test_spoken_and_dialect_forms_are_read_as_the_words_they_stand_for() -> None:
    assert corrected("가입 할라믄 우째 해야되는지") == "가입 하려면 어떻게 해야되는지"
    assert read_question(corrected("가입 할라믄 우째 해야되는지")).goal == "가입"
    assert "데리" in read_question(corrected("송년회 집사람 델꼬가도 되지예")).terms
    assert read_question(corrected("관세 환급 기한 있는교?")).kind == "date"
    assert read_question(corrected("연합회 사무국 주소가 어찌되노")).kind == "place"
    assert corrected("간이정액환급 이게 먼소리에요") == "간이정액환급 이게 뭔 뜻이에요"
    assert read_question(corrected("간이정액환급 이게 먼소리에요")).kind == "definition"
    assert read_question(corrected("지원금으로 못쓰는 돈 머머 있어요")).kind == "list"
    assert "담달" not in read_question(corrected("담달 정례회 못가는데 과장 보내도 되나")).terms
    assert corrected("하노이 지사") == "하노이 지사"


def test_a_word_glued_to_when_is_still_that_word() -> None:
    read = read_question(corrected("정례회때 비즈니스센터 주차 공짜에요?"))

    assert "정례회때" not in read.terms
    assert corrected("이거 어때") == "이거 어때"


def test_a_title_with_its_honorific_before_name_asks_a_person() -> None:
    read = read_question("특허 물어볼 변리사님 이름이 뭐였지")

    assert read.kind == "person"
    assert read.named is None
    assert read_question("만들려는 법 이름 뭐였지").named == "법"


def test_how_something_is_done_is_no_topic_unless_that_is_what_is_asked() -> None:
    assert "직접" not in read_question("자문위원 직접 찾아가서 상담하려면 언제 가면돼요").terms
    assert "서로" not in read_question("일본 어느 지역 교류회랑 서로 왔다갔다 한다고?").terms
    assert "직접" in read_question("연합회가 직접 대출해주는건 아니죠?").terms


@pytest.mark.parametrize(
    "question",
    [
        "작년에 수출한거 관세 환급 아직 못받았는데 기한 있나요?",
        "작년꺼 수출건 관세환급 안받은게 있는데 몇년까지 신청 가능함?",
        "작년에 탈퇴한 회사가 다시 들어오고 싶다는데 바로 재가입 됨?",
    ],
)
def test_the_year_the_member_did_something_is_not_the_year_asked_about(question: str) -> None:
    own = read_question(question)

    assert own.when is None
    assert "작년" not in own.terms


def test_a_year_asked_about_stays() -> None:
    assert read_question("작년 송년회는 어디서 했었죠?").when == "past"
    assert read_question("작년에 송년회 몇 명 왔어요?").when == "past"


def test_which_companies_asks_for_names_not_a_place() -> None:
    assert read_question("2003년에 무선앰프 만든 회사들 어디어디").kind == "list"
    assert read_question("블루투스 이어폰 어디어디가 같이 만들었어요?").kind == "list"
    assert read_question("송년회 어디서 해요?").kind == "place"


def test_passing_a_selection_is_being_selected() -> None:
    assert (
        corrected("개척단 신청했는데 붙었는지 언제 알려줌")
        == "개척단 신청했는데 선정됐는지 언제 알려줌"
    )
    assert "선정" in read_question(corrected("공동개발 붙으면 언제부터 돈 나와요")).terms
    assert corrected("벽에 붙어 있는 공지") == "벽에 붙어 있는 공지"


def test_people_from_a_company_are_counted_per_company() -> None:
    assert read_question("그 수출교실 회사에서 몇명까지 보내도돼").counted == "회사"
    assert read_question("우리 직원들 몇명까지 데리고 가도 돼요").counted is None
    assert read_question("회원사는 경기에 몇 개사").counted == "회원사"


def test_a_chat_question_ending_in_a_noun_form_is_a_yes_no_question() -> None:
    assert read_question("회비 한 넉달 밀렸는데 경조사 지원 받을수있음?").kind == "yesno"
    assert read_question("송년회 가족 데려가도 됨?").kind == "yesno"
    assert read_question("워크숍 참가비 그날 가서 현장에서 내도 되는거지").kind == "yesno"
    assert read_question("경조사 어디다 전화함").kind == "contact"


def test_whether_a_choice_is_good_is_a_yes_no_question() -> None:
    assert read_question("모임장소 밥집으로 잡는거 괜찮다고 함?").kind == "yesno"
    assert read_question("모임은 밥먹으면서 식당서 하는게 낫다는거 아녀?").kind == "yesno"
    assert read_question("모임장소 어디가 좋아요?").kind == "place"


def test_the_thing_whose_date_is_asked_stands_before_its_date_word() -> None:
    assert read_question("신년하례회 정기총회 날짜 언제엿음?").dated == "총회"
    assert read_question("송년회 날짜 언제예요").dated == "송년회"
    assert read_question("그럼 언제 시작해요").dated is None


def test_which_day_is_asked_for_the_thing_named_before_it_past_a_year() -> None:
    asked = corrected("경기연합회 신년하례회랑 정기총회 올해 몇일날 하는거임")

    assert asked == "경기연합회 신년하례회랑 정기총회 올해 며칠 하는거임"
    assert read_question(asked).dated == "총회"
    assert read_question(corrected("송년회 몇 일날 해요")).dated == "송년회"


def test_talk_around_a_question_is_no_topic_of_it() -> None:
    assert read_question("경기도 회원사들 매출 합계는 얼마라 그럼").terms == (
        "경기도",
        "회원사",
        "매출",
        "합계",
    )
    assert "안에" not in read_question("시즈오카 가는거 120만원 안에 뭐뭐 포함돼있어요").terms
    assert "아까" not in read_question("아까 베트남 개척단 말인데 호텔방 얼마 더 내야됨").terms
    # The analyser reads "하나에" as a name; it is 하나 with its particle.
    assert read_question("그룹 하나에 회사 몇개 정도가 딱 적당하다캄").terms == (
        "그룹",
        "회사",
        "적당",
    )


def test_a_chat_ending_on_who_is_not_read_as_a_name() -> None:
    assert corrected("선행기술조사 해주는 변리사 누구셈") == "선행기술조사 해주는 변리사 누구예요"
    assert corrected("자문위원이 누구심?") == "자문위원이 누구예요?"
    assert "누구셈" not in read_question(corrected("변리사 누구셈")).terms


def test_a_split_compound_is_dated_by_the_last_part_it_holds() -> None:
    # Kiwi reads 신년하례회 as 신년 + 하례 and drops the 회.
    assert read_question("신년하례회 언제 해요").dated == "하례"


def test_how_something_is_divided_asks_a_list() -> None:
    assert read_question("교류회 하는 일 기준으로 어떻게 나눠?").kind == "list"


def test_a_determiner_or_a_plural_ending_is_no_part_of_a_name() -> None:
    read = read_question("다른업종끼리 기술 합쳐서 새기술 만든거 몇건이나 성공했나")

    assert read.compounds == ()
    assert "기술" in read.terms
    assert read_question("새벽교류회 장소 어디").compounds == ("새벽교류회",)


def test_the_most_suitable_is_no_least() -> None:
    assert read_question("한 그룹에 회사 몇개 정도가 젤 적당하다 함").superlative is None
    assert read_question("참가비 제일 적은 행사 뭐야").superlative == "least"
    assert read_question("회원사 젤 작은 데 어디").superlative == "least"


def test_once_a_year_is_per_year_not_a_year_to_find() -> None:
    asked = corrected("대표 대신 공장장 보내는거 1년에 몇번까지 출석으로 쳐줌")

    assert asked == "대표 대신 공장장 보내는거 한 해에 몇번까지 출석으로 쳐줌"
    assert read_question(asked).numbers == ()
    assert read_question(corrected("2021년에 만든거 언제 팔아요")).numbers == ("2021년",)


def test_asking_about_asking_is_no_topic() -> None:
    read = read_question("정책자금 궁금한거 물어볼라면 어디 전화하면됨")

    assert "궁금하" not in read.terms
    assert "물어보" not in read.terms
    assert "정책" in read.terms


def test_how_a_question_is_put_is_no_topic_of_it() -> None:
    assert "관련" not in read_question("이업종 교류 관련해서 추진하는 법 이름 뭐임").terms
    assert "다르" not in read_question("간이정액환급이 뭐에요? 개별환급이랑 뭐가 달라").terms


def test_the_name_of_someone_named_by_a_title_is_a_person() -> None:
    assert read_question("특허 자문해주는 변리사 이름좀").kind == "person"
    asked = read_question("교류회 회장 이름이 뭐야")
    assert asked.kind == "person"
    assert asked.named is None
    assert read_question("그 법 이름이 뭐였더라").named == "법"


def test_how_many_people_is_a_count_though_it_says_how_much() -> None:
    assert read_question("평창 워크숍 때 사람 얼마나 왔었어요?").kind == "count"
    assert read_question("정례회 참석 인원 얼마나 돼요").kind == "count"
    assert read_question("평창 워크숍 참가비 얼마나 해요?").kind == "amount"


def test_a_question_ending_in_the_chat_spelling_of_yo_is_a_question() -> None:
    assert corrected("다른 회원들도 다 볼수있나여") == "다른 회원들도 다 볼수있나요"
    assert corrected("리콜비용도 나오나여?") == "리콜비용도 나오나요?"
    assert read_question(corrected("다른 회원들도 다 볼수있나여")).kind == "yesno"
    assert corrected("참가비 얼마여") == "참가비 얼마여"  # not a verb ending: left alone


def test_how_many_companies_typed_together_is_no_opening_address() -> None:
    asked = read_question(corrected("교류그룹 만들라면 몇개회사 모여야됨?"))

    assert asked.kind == "count"
    assert "개회사" not in asked.compounds
    assert asked.counted == "회사"


def test_the_members_circumstances_are_no_topic() -> None:
    assert "최소" not in read_question("교류회 새로 만들려면 최소 몇개사 있어야 돼요").terms
    assert "지인" not in read_question("지인이 가입하고싶다는데 절차가 어떻게 돼요").terms


@pytest.mark.parametrize(
    "question",
    ["경기이업종연합회 첨에 언제만들어진거임?", "경기 이업종연합회 처음에 언제 생겼어요?"],
)
def test_the_thing_dated_is_found_past_first_and_inside_a_glued_name(question: str) -> None:
    assert read_question(corrected(question)).dated == "연합회"


def test_what_to_send_asks_for_the_papers() -> None:
    assert read_question("베트남 개척단 신청할때 뭐 보내야돼").kind == "list"
    assert read_question("공동개발 신청할 때 뭐 제출해야 돼요?").kind == "list"


def test_which_industries_asks_for_them_listed() -> None:
    assert read_question("7~9월에 새로 가입한 회사들 어떤 업종이에요").kind == "list"


def test_a_side_or_group_glued_to_a_field_is_the_field() -> None:
    asked = read_question("자문위원 중에 노무쪽은 누구세요?")

    assert "노무" in asked.terms
    assert "노무쪽" not in asked.terms
    assert "중에" not in asked.terms
    assert "경기" in read_question("경기쪽 단위교류회는 몇개로 나눠져 있어요?").terms


def test_a_noun_glued_to_its_verb_is_still_asked_about() -> None:
    asked = read_question("다른 교류회 회사랑 같이하면 가점있어요?")

    assert "가점" in asked.terms
    assert "같이" not in asked.terms


def test_asking_which_type_and_which_type_asks_for_the_types() -> None:
    assert read_question("교류회 활동내용으로 나누면 무슨형무슨형 있음?").kind == "list"
    assert read_question("무슨 형으로 신청해요?").kind != "list"


def test_what_a_group_does_asks_what_it_is() -> None:
    asked = read_question("조직형 그룹은 뭐하는 모임임")

    assert asked.kind == "definition"
    assert "모임" not in asked.terms
    assert read_question("교류회 가면 뭐하는데요").kind == "list"


def test_a_reason_after_a_request_is_no_part_of_the_question() -> None:
    asked = corrected("사무국 주소좀 알려주세요 서류 직접 갖다드릴라고")

    assert asked == "사무국 주소좀 알려주세요"
    assert corrected("송년회 몇 시에 시작해요") == "송년회 몇 시에 시작해요"


def test_what_kind_of_insurance_it_is_asks_what_it_is() -> None:
    asked = read_question("PL보험이 정확히 뭐하는 보험이에요?")

    assert asked.kind == "definition"
    assert "보험" in asked.terms


def test_next_month_is_when_not_a_name() -> None:
    asked = read_question(corrected("담달 정례회 나 못가는데 우리 과장 대신 보내도 되나?"))

    assert asked.names == ()
    assert "과장" in asked.terms


def test_what_the_member_plans_to_do_next_week_is_no_part_of_the_question() -> None:
    asked = corrected("가입 전에 정례회 구경가면 밥값은 내야되나요? 다음주에 가보려고요")

    assert asked == "가입 전에 정례회 구경가면 밥값은 내야되나요?"
    assert read_question("다음주 정례회 어디서 해요?").names == ()
