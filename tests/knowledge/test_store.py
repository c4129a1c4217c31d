import base64
import json
import struct
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore, DocumentRecord
from knowledge.types import Chunk

VOCAB = "회비정례회일정지원사업세무특허"


def _chunk(source: str, position: int, text: str) -> Chunk:
    return Chunk(
        id=f"{source}#{position}",
        text=text,
        title="문서",
        source=source,
        section="제3조(회비)" if position == 0 else "",
        kind="rules",
        visibility="public",
        date="2026-03-02" if position == 0 else None,
        position=position,
    )


def _record(source: str, chunks: int, content_hash: str = "h1") -> DocumentRecord:
    return DocumentRecord(
        source=source,
        content_hash=content_hash,
        title="문서",
        kind="rules",
        visibility="public",
        chunks=chunks,
        ingested_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        date="2026-03-02",
    )


def test_chunks_and_manifest_round_trip_and_replace() -> None:
    store = ChunkStore.open(KnowledgeSettings())
    first = [_chunk("a.txt", 0, "회비는 60만 원이다."), _chunk("a.txt", 1, "정례회는 매달 열린다.")]
    store.replace_document(_record("a.txt", 2), first)
    store.replace_document(_record("b.txt", 1), [_chunk("b.txt", 0, "지원사업 안내.")])

    assert store.all_chunks()[:2] == first
    assert store.count() == 3
    assert [record.source for record in store.documents()] == ["a.txt", "b.txt"]
    assert store.document("a.txt") == _record("a.txt", 2)

    store.replace_document(_record("a.txt", 1, "h2"), [_chunk("a.txt", 0, "회비는 80만 원이다.")])

    assert [chunk.text for chunk in store.all_chunks() if chunk.source == "a.txt"] == [
        "회비는 80만 원이다."
    ]
    assert store.document("a.txt").content_hash == "h2"  # type: ignore[union-attr]


def test_remove_document_forgets_chunks_and_manifest_entry() -> None:
    store = ChunkStore.open(KnowledgeSettings())
    store.replace_document(_record("a.txt", 1), [_chunk("a.txt", 0, "회비.")])

    store.remove_document("a.txt")

    assert store.count() == 0
    assert store.documents() == []
    assert store.document("a.txt") is None


def test_store_persists_across_opens() -> None:
    ChunkStore.open(KnowledgeSettings()).replace_document(
        _record("a.txt", 1), [_chunk("a.txt", 0, "회비.")]
    )

    assert ChunkStore.open(KnowledgeSettings()).count() == 1


def test_lexical_mode_has_no_dense_ranking() -> None:
    store = ChunkStore.open(KnowledgeSettings())
    store.replace_document(_record("a.txt", 1), [_chunk("a.txt", 0, "회비.")])

    assert not store.dense_enabled
    assert store.dense_query("회비", 3) == []


def _vector(text: str) -> list[float]:
    return [float(text.count(letter)) + 0.01 for letter in VOCAB]


class _FakeEmbeddings(BaseHTTPRequestHandler):
    """Answers POST /v1/embeddings like an OpenAI-compatible server, from letter counts."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
        data = []
        for index, text in enumerate(inputs):
            vector = _vector(text)
            if body.get("encoding_format") == "base64":
                packed = struct.pack(f"<{len(vector)}f", *vector)
                data.append(
                    {
                        "object": "embedding",
                        "index": index,
                        "embedding": base64.b64encode(packed).decode(),
                    }
                )
            else:
                data.append({"object": "embedding", "index": index, "embedding": vector})
        payload = json.dumps(
            {
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def embedding_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeEmbeddings)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", base_url)
    monkeypatch.setenv("GYORYU_EMBEDDING_MODEL", "fake/embed-v1")
    yield base_url
    server.shutdown()
    server.server_close()


@pytest.mark.usefixtures("embedding_server")
def test_dense_mode_ranks_by_similarity_in_its_own_collection() -> None:
    store = ChunkStore.open(KnowledgeSettings())
    chunks = [
        _chunk("a.txt", 0, "회비 회비 회비 납부"),
        _chunk("a.txt", 1, "정례회 일정 안내"),
        _chunk("a.txt", 2, "세무 특허 상담"),
    ]
    store.replace_document(_record("a.txt", 3), chunks)

    ranked = store.dense_query("회비는 얼마", 2)

    assert store.dense_enabled
    assert ranked[0][0] == "a.txt#0"
    assert len(ranked) == 2
    assert all(0.0 <= score <= 1.0 for _, score in ranked)
    assert ranked[0][1] >= ranked[1][1]
    assert ChunkStore.open(KnowledgeSettings(GYORYU_EMBEDDING_MODEL=None)).count() == 0


def test_many_documents_are_replaced_together_and_stale_chunks_go() -> None:
    store = ChunkStore.open(KnowledgeSettings())
    store.replace_documents(
        [
            (_record("a.txt", 2), [_chunk("a.txt", 0, "회비."), _chunk("a.txt", 1, "정례회.")]),
            (_record("b.txt", 1), [_chunk("b.txt", 0, "세무.")]),
        ]
    )

    store.replace_documents(
        [
            (_record("a.txt", 1, "h2"), [_chunk("a.txt", 0, "회비.")]),
            (_record("c.txt", 1), [_chunk("c.txt", 0, "특허.")]),
        ]
    )

    assert [(c.source, c.text) for c in store.all_chunks()] == [
        ("a.txt", "회비."),
        ("b.txt", "세무."),
        ("c.txt", "특허."),
    ]
    assert [r.source for r in store.documents()] == ["a.txt", "b.txt", "c.txt"]
    assert store.document("a.txt").content_hash == "h2"  # type: ignore[union-attr]
