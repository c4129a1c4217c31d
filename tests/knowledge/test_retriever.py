import pytest

from knowledge.glossary import Glossary
from knowledge.retriever import Retriever
from knowledge.types import Chunk


def chunk(
    id_: str, text: str, *, title: str = "회칙", section: str = "", vis: str = "public"
) -> Chunk:
    return Chunk(
        id=id_,
        text=text,
        title=title,
        source=f"{title}.md",
        section=section,
        kind="rules",
        visibility=vis,
    )


CHUNKS = [
    chunk(
        "dues",
        "회원은 매년 3월 말까지 연회비 60만 원을 사무국 계좌로 납부합니다.",
        section="제5조 회비",
    ),
    chunk(
        "expel",
        "회비를 1년 이상 내지 않거나 회의 명예를 훼손한 회원은 이사회 의결로 제명할 수 있다.",
        section="제9조 징계",
    ),
    chunk(
        "meeting",
        "정례회는 매월 셋째 주 화요일 오후 7시에 연합회 회의실에서 열립니다.",
        title="운영 안내",
        section="정례회",
    ),
    chunk(
        "refund",
        "수출용 원재료에 대한 관세환급은 관세청 누리집에서 수출 후 2년 안에 신청합니다.",
        title="지원사업 안내",
        section="관세",
    ),
    chunk(
        "tour",
        "올해 기업탐방은 10월 17일 안산 반월공단의 금형 업체를 찾아갑니다.",
        title="행사 안내",
        section="기업탐방",
    ),
    chunk(
        "secret",
        "제3교류회 회장 선출 결과: 김한빛 대표가 당선되었습니다. 회장 임기는 2년입니다.",
        title="교류회 공지",
        vis="group:3",
    ),
    chunk(
        "members",
        "회원사 명단과 연락처는 회원 전용 게시판에서 볼 수 있습니다.",
        title="회원 안내",
        vis="members",
    ),
]


class FixedDense:
    """A dense index double answering from a fixed table of similarities."""

    def __init__(self, table: dict[str, list[tuple[str, float]]]) -> None:
        self.table = table
        self.asked: list[tuple[str, int]] = []

    def dense_query(self, text: str, k: int) -> list[tuple[str, float]]:
        self.asked.append((text, k))
        return self.table.get(text, [])[:k]


@pytest.fixture(scope="module")
def retriever() -> Retriever:
    return Retriever.from_chunks(CHUNKS, glossary=Glossary.default())


def top(retriever: Retriever, query: str, **kwargs: object) -> list[str]:
    return [hit.chunk.id for hit in retriever.search(query, **kwargs)]  # type: ignore[arg-type]


def test_member_questions_find_the_right_rule(retriever: Retriever) -> None:
    assert top(retriever, "회비는 언제까지 얼마 내요?")[0] == "dues"
    assert top(retriever, "정례회 몇 시에 해요?")[0] == "meeting"
    assert top(retriever, "기업탐방 어디로 가요?")[0] == "tour"


def test_member_words_reach_document_words_through_the_glossary(retriever: Retriever) -> None:
    assert top(retriever, "강퇴는 어떤 경우에 당해요?")[0] == "expel"
    assert top(retriever, "세금 돌려받기는 어떻게 신청해요?")[0] == "refund"
    assert top(retriever, "공장견학 일정 알려주세요")[0] == "tour"


def test_without_glossary_member_slang_finds_nothing_specific() -> None:
    plain = Retriever.from_chunks(CHUNKS)
    assert "expel" not in top(plain, "강퇴", top_k=3)


def test_title_and_section_are_searchable(retriever: Retriever) -> None:
    assert top(retriever, "징계 규정")[0] == "expel"


def test_scores_are_between_zero_and_one_and_weak_matches_score_low(retriever: Retriever) -> None:
    strong = retriever.search("정례회는 매월 몇째 주 화요일에 열리나요?")[0]
    weak = retriever.search("회원 골프 대회 상금은?")
    assert 0.3 <= strong.score <= 1.0
    assert all(0.0 <= hit.score < 0.1 for hit in weak)


def test_visibility_is_filtered_before_the_cut(retriever: Retriever) -> None:
    public = frozenset({"public"})
    assert "secret" not in top(retriever, "제3교류회 회장 선출 결과", allowed=public, top_k=10)
    assert (
        top(retriever, "제3교류회 회장 선출 결과", allowed=frozenset({"public", "group:3"}))[0]
        == "secret"
    )
    assert top(retriever, "회원사 연락처", allowed=public, top_k=1) != ["members"]
    assert top(retriever, "회원사 연락처", allowed=frozenset({"members"})) == ["members"]
    assert top(retriever, "회비", allowed=frozenset({"group:9"})) == []


@pytest.mark.parametrize("query", ["", "   ", "?!…", " ... "])
def test_empty_or_punctuation_queries_return_nothing(retriever: Retriever, query: str) -> None:
    assert retriever.search(query) == []


def test_top_k_limits_the_hits(retriever: Retriever) -> None:
    assert len(retriever.search("회원 회비 정례회 기업탐방", top_k=2)) == 2


def test_dense_ranking_is_fused_with_the_lexical_one() -> None:
    question = "돈 내는 날짜가 궁금해요"
    dense = FixedDense({question: [("dues", 0.92), ("secret", 0.9), ("meeting", 0.4)]})
    fused = Retriever.from_chunks(CHUNKS, dense=dense)
    hits = fused.search(question, allowed=frozenset({"public"}))
    assert hits[0].chunk.id == "dues"
    assert "secret" not in [hit.chunk.id for hit in hits]
    assert all(0.0 <= hit.score <= 1.0 for hit in hits)
    assert dense.asked[0][0] == question


def test_lexical_evidence_outweighs_a_wrong_dense_neighbour() -> None:
    question = "관세환급 신청 기한"
    dense = FixedDense({question: [("tour", 0.8), ("refund", 0.5)]})
    hits = Retriever.from_chunks(CHUNKS, dense=dense).search(question)
    assert hits[0].chunk.id == "refund"


def test_an_empty_corpus_answers_nothing() -> None:
    assert Retriever.from_chunks([]).search("회비") == []


def test_a_table_row_is_found_by_its_column_and_row_labels() -> None:
    from ingest.chunking import chunk_document
    from ingest.document import build_document, text_blocks

    months = "\n".join(
        f"{m}월 | {m}월 {m + 7}일(화) | {m}월 {m + 14}일(목) | {m}월 {m + 15}일(수)"
        for m in range(1, 13)
    )
    header = "월 | 새벽교류회 (오후 7시) | 미래교류회 (오후 6시 30분) | 동행교류회 (오후 7시)"
    text = f"# 2026년 교류회 정례회 일정\n## 월별 날짜\n{header}\n{months}\n"
    chunks = chunk_document(
        build_document(text_blocks(text), fallback_title="일정"),
        source="일정.md",
        kind="events",
        visibility="public",
        size=200,
    )
    retriever = Retriever.from_chunks(chunks)

    top = retriever.search("새벽교류회 5월 모임", top_k=1)[0].chunk.text

    assert "새벽교류회 (오후 7시): 5월 12일(화)" in top
