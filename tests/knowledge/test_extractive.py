from knowledge.extractive import content_terms, coverage, extract_answer
from knowledge.types import Chunk, Hit


def _hit(text: str, *, section: str = "제8조(회비)", title: str = "한빛연합회 정관") -> Hit:
    chunk = Chunk(
        id=f"c{abs(hash(text))}",
        text=text,
        title=title,
        source="samples/corpus/articles.hwpx",
        section=section,
        kind="rules",
        visibility="public",
    )
    return Hit(chunk=chunk, score=1.0)


DUES = _hit(
    "제8조(회비)\n회원은 연합회 운영을 위하여 회비를 낸다. 연회비는 60만 원이며 매년 3월 말까지 "
    "납부합니다. 회비를 1년 이상 내지 않은 회원은 이사회 의결로 제명할 수 있다."
)
MEETINGS = _hit(
    "정례회는 매월 둘째 주 화요일 오후 7시에 열립니다. 장소는 사무국이 정합니다.",
    section="제3조(정례회)",
    title="교류회 운영규정",
)


def test_answer_quotes_the_sentence_with_the_amount_and_cites_it() -> None:
    extract = extract_answer("연회비는 얼마인가요?", [DUES, MEETINGS])

    assert extract.text == "연회비는 60만 원이며 매년 3월 말까지 납부합니다 [1]."
    assert extract.cited == (1,)


def test_citation_number_is_the_rank_of_the_passage_it_came_from() -> None:
    extract = extract_answer("정례회는 언제 열려요?", [DUES, MEETINGS])

    assert extract.text.startswith("정례회는 매월 둘째 주 화요일 오후 7시에 열립니다 [2].")
    assert 2 in extract.cited


def test_when_question_prefers_the_sentence_with_a_date() -> None:
    hit = _hit(
        "워크숍은 평창에서 열립니다. 워크숍 신청은 7월 31일(금)까지 받습니다.",
        section="워크숍",
    )

    extract = extract_answer("워크숍 신청 언제까지예요?", [hit])

    assert extract.text.startswith("워크숍 신청은 7월 31일(금)까지 받습니다 [1].")


def test_at_most_three_short_sentences_and_no_headings() -> None:
    text = "\n".join(f"회비 안내 문장 {n}번입니다." for n in range(8))
    extract = extract_answer("회비 안내", [_hit("제8조(회비)\n" + text)])

    assert extract.text.count("[1]") <= 3
    assert "제8조(회비) [1]" not in extract.text


def test_glossary_synonyms_let_member_words_find_document_words() -> None:
    def synonyms(term: str) -> list[str]:
        return ["제명"] if term == "강퇴" else []

    with_glossary = extract_answer("강퇴는 어떤 경우에 당해요?", [DUES], synonyms)

    assert "제명할 수 있다 [1]." in with_glossary.text
    assert coverage(content_terms("강퇴 기준"), DUES.chunk.text, synonyms) == 0.5
    assert coverage(content_terms("강퇴 기준"), DUES.chunk.text) == 0.0


def test_content_terms_drop_particles_and_question_words() -> None:
    assert content_terms("연회비는 얼마이고 언제까지 납부해야 하나요?") == ["연회비", "납부"]
    assert content_terms("") == []


def test_no_passages_gives_no_answer() -> None:
    assert extract_answer("회비", []).text == ""
