"""An index updated in place ranks exactly as one built afresh over the same passages."""

from knowledge.lexical import analyze, analyze_many
from knowledge.lexical_index import LexicalIndex

PASSAGES = [
    "연회비는 60만 원이며 매년 3월 말까지 납부합니다.",
    "정례회는 매월 둘째 주 화요일 오후 7시에 열립니다.",
    "송년회는 12월 19일 그랜드호텔에서 열립니다.",
    "특허 출원 비용은 건당 200만 원까지 지원합니다.",
]
QUESTIONS = ["연회비 얼마예요?", "송년회 어디서 해요?", "특허 지원 금액", "정례회 언제"]


def _ranking(index: LexicalIndex, texts: list[str], question: str) -> list[tuple[str, float]]:
    terms = dict.fromkeys(analyze(question, query=True).terms, 1.0)
    return [(texts[hit.position], round(hit.score, 6)) for hit in index.search(terms, limit=4)]


def test_an_updated_index_equals_a_fresh_one_and_forgets_removed_words() -> None:
    old = LexicalIndex(analyze_many(PASSAGES[:3]))
    # 송년회 (position 2) is removed; 연회비 and 정례회 are kept; 특허 is added.
    updated = LexicalIndex.updated(old, [0, 1], analyze_many(PASSAGES[3:]))
    texts = [PASSAGES[0], PASSAGES[1], PASSAGES[3]]
    fresh = LexicalIndex(analyze_many(texts))

    for question in QUESTIONS:
        assert _ranking(updated, texts, question) == _ranking(fresh, texts, question)
    assert updated.rarity("송년회") is None  # only the removed passage had it
    assert updated.rarity("특허") == fresh.rarity("특허")
    assert old.rarity("송년회") is not None  # the old index still answers meanwhile
