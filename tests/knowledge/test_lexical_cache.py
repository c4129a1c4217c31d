import pickle
from pathlib import Path

from knowledge.lexical import analyze_many
from knowledge.lexical_cache import add_analyses, cached_analyses
from knowledge.retriever import Retriever
from knowledge.types import Chunk

TEXTS = [
    "정례회는 매월 셋째 주 화요일에 열립니다.",
    "연회비는 60만 원입니다.",
    "기업탐방은 10월입니다.",
]


def test_cached_analyses_equal_fresh_ones_and_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "lexical-cache.pkl"
    first = cached_analyses(TEXTS, path)
    assert first == list(analyze_many(TEXTS))
    assert path.exists()
    assert cached_analyses(TEXTS, path) == first


def test_removed_texts_leave_the_cache(tmp_path: Path) -> None:
    path = tmp_path / "lexical-cache.pkl"
    cached_analyses(TEXTS, path)
    cached_analyses(TEXTS[:1], path)
    _version, entries = pickle.loads(path.read_bytes())
    assert len(entries) == 1


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "lexical-cache.pkl"
    path.write_bytes(b"not a cache")
    assert cached_analyses(TEXTS, path) == list(analyze_many(TEXTS))


def test_retriever_built_from_cache_answers_the_same(tmp_path: Path) -> None:
    chunks = [
        Chunk(
            id=str(i),
            text=t,
            title="안내",
            source="a.md",
            section="",
            kind="faq",
            visibility="public",
        )
        for i, t in enumerate(TEXTS)
    ]
    path = tmp_path / "cache" / "lexical-cache.pkl"
    cold = Retriever.from_chunks(chunks, cache=path).search("회비 얼마예요?")
    warm = Retriever.from_chunks(chunks, cache=path).search("회비 얼마예요?")
    assert [h.chunk.id for h in warm] == [h.chunk.id for h in cold]
    assert warm[0].chunk.id == "1"


def test_added_analyses_keep_the_other_entries(tmp_path: Path) -> None:
    path = tmp_path / "lexical-cache.pkl"
    cached_analyses(TEXTS[:1], path)

    add_analyses(TEXTS[1:], path)

    _version, entries = pickle.loads(path.read_bytes())
    assert len(entries) == 3
    assert cached_analyses(TEXTS, path) == list(analyze_many(TEXTS))
