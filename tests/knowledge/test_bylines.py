from knowledge.bylines import Written, answer, asked
from knowledge.types import Chunk, Hit


def _chunk(text: str, *, source: str, title: str, position: int, date: str | None = None) -> Chunk:
    return Chunk(
        id=f"{source}-{position}",
        text=text,
        title=title,
        source=source,
        section="",
        kind="article",
        visibility="public",
        date=date,
        position=position,
    )


PAPER = [
    _chunk(
        "중소기업 네트워킹에 의한 협동화 사업\n2006. 11. 24\n박노국 (상지대학교 시스템경영공학과)\n"
        "I. 서론 이업종교류회는 오일쇼크를 극복하려고 시작되었다.",
        source="paper.txt",
        title="중소기업 네트워킹에 의한 협동화 사업",
        position=0,
        date="2006-11-24",
    ),
    _chunk(
        "교류회 참가 기업의 50% 이상이 10년이 지났다.",
        source="paper.txt",
        title="중소기업 네트워킹에 의한 협동화 사업",
        position=1,
        date="2006-11-24",
    ),
]
ARTICLE = [
    _chunk(
        "경기연합회는 1994년 결성되었다. 회원사는 784개사에 이른다.",
        source="news.txt",
        title="경기연합회 정기총회",
        position=0,
    ),
    _chunk(
        "이업종교류사업은 확대될 전망이다.\n/김형수기자 blog.itimes.co.kr/vodokim",
        source="news.txt",
        title="경기연합회 정기총회",
        position=1,
    ),
]
DOCUMENTS = {"paper.txt": PAPER, "news.txt": ARTICLE}


def test_questions_about_who_wrote_a_text_or_when_it_came_out_are_read() -> None:
    assert asked("논문 쓴 사람 누구") == "author"
    assert asked("그 기사 쓴 기자 블로그 주소 있어?") == "author"
    assert asked("송년회 공지 누가 올렸어요?") == "author"
    assert asked("이 논문 언제 나온거에요") == "date"
    assert asked("상지대 교수가 쓴 협동화 논문 그거 언제 나온거?") == "date"
    # Who founded something, or who a chairman is, is not about a text.
    assert asked("이업종교류회 누가 만들었어?") is None
    assert asked("경기연합회 회장님 누구") is None


def test_the_paper_s_author_with_their_institution_answers_who_wrote_it() -> None:
    hits = [Hit(ARTICLE[0], 1.0), Hit(PAPER[1], 0.8)]

    said = answer("논문 쓴 사람 누구", "author", hits, DOCUMENTS.__getitem__)

    assert said == Written(
        "중소기업 네트워킹에 의한 협동화 사업",
        2,
        writer="박노국",
        affiliation="상지대학교 시스템경영공학과",
    )


def test_the_reporter_and_their_page_answer_who_wrote_the_article() -> None:
    hits = [Hit(PAPER[1], 1.0), Hit(ARTICLE[0], 0.8)]

    said = answer("그 기사 쓴 기자 블로그 있어?", "author", hits, DOCUMENTS.__getitem__)

    assert said == Written(
        "경기연합회 정기총회",
        2,
        writer="김형수",
        reporter=True,
        page="blog.itimes.co.kr/vodokim",
    )


def test_the_date_found_at_ingest_answers_when_it_came_out() -> None:
    hits = [Hit(ARTICLE[0], 1.0), Hit(PAPER[0], 0.9)]

    said = answer("이 논문 언제 나온거에요", "date", hits, DOCUMENTS.__getitem__)

    assert said == Written("중소기업 네트워킹에 의한 협동화 사업", 2, date="2006-11-24")
    # A document without a byline or a date gives nothing to say.
    assert (
        answer("이 기사 언제 나온거", "date", [Hit(ARTICLE[0], 1.0)], DOCUMENTS.__getitem__) is None
    )


def test_an_office_s_labelled_line_says_who_posted_a_notice() -> None:
    notice = _chunk(
        "송년회 안내\n게시일: 2026년 11월 16일\n게시: 사무국 행사팀\n송년회는 12월 11일입니다.",
        source="notice.txt",
        title="송년회 공지",
        position=0,
    )

    said = answer("송년회 공지 누가 올렸어요?", "author", [Hit(notice, 1.0)], lambda _: [notice])

    assert said == Written("송년회 공지", 1, writer="사무국 행사팀", did="게시")
