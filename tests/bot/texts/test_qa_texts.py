from bot import texts


def test_who_wrote_it_and_when_take_particles_that_agree_with_the_title_and_name() -> None:
    paper = texts.qa_written_by(
        "중소기업 네트워킹에 의한 협동화 사업",
        1,
        writer="박노국",
        affiliation="상지대학교 시스템경영공학과",
    )
    notice = texts.qa_written_by("송년회 공지", 2, writer="사무국 행사팀", did="게시")
    news = texts.qa_written_by(
        "경기연합회 정기총회", 3, writer="김형수", reporter=True, page="blog.example/kim"
    )

    assert paper == (
        "「중소기업 네트워킹에 의한 협동화 사업」은 "
        "박노국(상지대학교 시스템경영공학과)이 쓴 글이에요 [1]."
    )
    assert notice == "「송년회 공지」는 사무국 행사팀에서 올렸어요 [2]."
    assert (
        news == "「경기연합회 정기총회」 기사는 김형수 기자가 썼어요(블로그: blog.example/kim) [3]."
    )
    assert texts.qa_written_on("송년회 공지", 2026, 11, 16, 1) == (
        "「송년회 공지」는 2026년 11월 16일에 나온 자료예요 [1]."
    )


def test_the_related_passage_is_followed_by_a_copula_that_agrees_with_it() -> None:
    rule = texts.qa_not_covered(None, related=("정관", "6. 사무총장 1인"))
    sentence = texts.qa_not_covered(None, related=("일정", "9월 16일(수) 오후 7시에 엽니다."))

    assert '"6. 사무총장 1인"이에요.' in rule
    assert '"9월 16일(수) 오후 7시에 엽니다."예요.' in sentence
