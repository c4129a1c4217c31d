"""The demo corpus shipped in samples/corpus, loaded into an empty store by ``gyoryu chat``."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from ingest.settings import IngestSettings
from knowledge.settings import KnowledgeSettings
from knowledge.store import ChunkStore


def sample_dir(settings: IngestSettings | None = None) -> Path:
    """The demo corpus folder: ``GYORYU_SAMPLE_DIR`` or the repository's samples/corpus."""
    configured = (settings or IngestSettings()).sample_dir
    return configured or Path(__file__).resolve().parents[1] / "samples" / "corpus"


def load_sample_corpus_if_empty(
    settings: KnowledgeSettings,
    *,
    store: ChunkStore | None = None,
    ingest_settings: IngestSettings | None = None,
) -> bool:
    """Ingest the demo corpus only when no document is indexed yet; tell whether it did."""
    store = store or ChunkStore.open(settings)
    folder = sample_dir(ingest_settings)
    if store.documents() or not folder.is_dir():
        return False
    report = ingest_paths([str(folder)], store=store, settings=ingest_settings)
    return report.ingested > 0
