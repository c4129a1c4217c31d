import re

from ingest.chunking import chunk_document, chunk_id, sentence_spans
from ingest.document import Block, build_document, text_blocks

ARTICLES = """\
교류회 운영 규정
제1조(목적) 이 규정은 교류회 운영에 필요한 사항을 정한다.
제3조(회비) ① 정회원은 연회비 60만 원을 낸다. ② 회비는 3월 31일까지 낸다. \
③ 휴업 중인 회원사는 1.5배까지 나누어 낼 수 있다. ④ 시행일은 2026. 3. 2.부터다. \
⑤ 회비 영수증은 사무국이 발급한다. ⑥ 남은 회비는 다음 해로 넘긴다.
제4조(탈퇴) 탈퇴하려는 회원은 사무국에 알린다.
"""


def _chunks(text: str, size: int = 500) -> list[str]:
    document = build_document(text_blocks(text), fallback_title="규정")
    chunks = chunk_document(
        document, source="규정.txt", kind="rules", visibility="public", size=size
    )
    return [chunk.text for chunk in chunks]


def test_every_chunk_of_an_article_starts_with_its_label_and_is_cited_by_it() -> None:
    document = build_document(text_blocks(ARTICLES), fallback_title="규정")
    chunks = chunk_document(document, source="규정.txt", kind="rules", visibility="public", size=80)

    fee = [chunk for chunk in chunks if chunk.section == "제3조(회비)"]
    assert len(fee) > 1
    assert all(chunk.text.startswith("제3조(회비)") for chunk in fee)
    withdrawal = next(chunk for chunk in chunks if chunk.section == "제4조(탈퇴)")
    assert withdrawal.text == "제4조(탈퇴) 탈퇴하려는 회원은 사무국에 알린다."


def test_no_chunk_exceeds_the_size_even_for_one_endless_sentence() -> None:
    endless = "회원사 " * 400 + "끝이다."

    for size in (60, 120, 500):
        assert all(len(text) <= size for text in _chunks(ARTICLES + endless, size))


def test_chunks_end_on_sentence_boundaries_and_never_cut_numbers() -> None:
    texts = _chunks(ARTICLES, size=80)

    for text in texts:
        assert re.search(r"(다\.|정)$", text), text
    joined = "\n".join(texts)
    assert "1.5배" in joined
    assert "2026. 3. 2." in joined


def test_no_text_is_lost() -> None:
    texts = _chunks(ARTICLES, size=80)

    def words(text: str) -> list[str]:
        return text.split()

    restored = [word for text in texts for word in words(text)]
    for word in words(ARTICLES):
        assert word in restored


def test_korean_sentence_endings_split_but_dates_and_decimals_do_not() -> None:
    text = "회비는 1.5만 원이에요. 언제 내나요? 2026. 3. 2.까지 내요! 고맙습니다"

    sentences = [text[start:end].strip() for start, end in sentence_spans(text)]

    assert sentences == [
        "회비는 1.5만 원이에요.",
        "언제 내나요?",
        "2026. 3. 2.까지 내요!",
        "고맙습니다",
    ]


def test_chunk_ids_are_stable_and_distinct() -> None:
    first = chunk_document(
        build_document([Block("가나다. 라마바.")], "문서"),
        source="a.txt",
        kind="news",
        visibility="public",
    )
    again = chunk_document(
        build_document([Block("가나다. 라마바.")], "문서"),
        source="a.txt",
        kind="news",
        visibility="public",
    )

    assert [chunk.id for chunk in first] == [chunk.id for chunk in again]
    assert chunk_id("a.txt", 0, "x") != chunk_id("b.txt", 0, "x")
    assert chunk_id("a.txt", 0, "x") != chunk_id("a.txt", 1, "x")


def test_numbered_titles_open_sections_but_short_numbered_items_stay_a_list() -> None:
    text = (
        "지원사업 공고\n3. 지원 규모\n과제당 최대 3,000만원을 지원합니다.\n"
        "4. 임원\n1. 회장 1인\n2. 감사 2인\n■ 신청 방법\n메일로 보냅니다.\n"
    )
    document = build_document(text_blocks(text), fallback_title="공고")

    headings = [section.heading for section in document.sections]
    assert headings[1:] == ["3. 지원 규모", "4. 임원", "■ 신청 방법"]
    officers = next(s for s in document.sections if s.heading == "4. 임원")
    assert "1. 회장 1인\n2. 감사 2인" in officers.text


def test_a_table_row_cut_into_a_later_chunk_keeps_its_column_labels() -> None:
    rows = "\n".join(
        f"{month}월 | {month}월 {month + 7}일(화) | {month}월 {month + 9}일(목)"
        for month in range(1, 13)
    )
    text = f"## 월별 날짜\n월 | 새벽교류회 | 미래교류회\n{rows}\n"

    texts = _chunks(text, size=160)

    may = next(chunk for chunk in texts if "5월 12일" in chunk)
    assert "새벽교류회: 5월 12일(화)" in may
    assert may.startswith("월별 날짜")
    assert texts.index(may) > 0


def test_a_paragraph_without_a_full_stop_does_not_run_into_the_next() -> None:
    # A news subheading and the photo caption under it: two paragraphs, not one sentence.
    text = (
        "경기연합회 소식\n\n1994년 결성 784개 업체 참여 워크숍·해외산업시찰 등 활동\n\n"
        "올해 3월 개성공단을 방문한 연합회 소속회원들이 생산라인을 둘러보고 있다.\n"
    )

    (chunk,) = _chunks(text)

    assert "활동\n\n올해 3월" in chunk


def test_the_rows_of_a_table_given_one_paragraph_each_stay_one_table() -> None:
    # HTML gives every row its own paragraph; the header must still label the rows.
    rows = "".join(
        f"{month}월 | {month}월 1{month}일(화) | {month}월 2{month}일(목)\n\n"
        for month in (4, 5, 6)
    )
    text = f"## 월별 날짜\n\n월 | 새벽교류회 | 미래교류회\n\n{rows}"

    (chunk,) = _chunks(text)

    assert "새벽교류회: 5월 15일(화)" in chunk
