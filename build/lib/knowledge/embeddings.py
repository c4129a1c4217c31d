"""Dense embeddings through an OpenAI-compatible endpoint, built only when configured."""

from __future__ import annotations

import re

from langchain_core.embeddings import Embeddings
from pydantic import SecretStr

from knowledge.settings import KnowledgeSettings


def build_embeddings(settings: KnowledgeSettings) -> Embeddings:
    """The embedding client for ``settings.embedding_model`` (call only when enabled)."""
    from langchain_openai import OpenAIEmbeddings  # heavy; only dense mode pays for it

    if settings.embedding_model is None:
        raise ValueError("GYORYU_EMBEDDING_MODEL is not set")
    return OpenAIEmbeddings(
        model=settings.embedding_model,
        openai_api_base=settings.openai_base_url,
        # Local OpenAI-compatible servers (Ollama, vLLM) accept any key but the client needs one.
        openai_api_key=settings.openai_api_key or SecretStr("unused"),
        # The length check tokenises with tiktoken, which would download its BPE files; our
        # chunks are a few hundred characters, far below every model's context.
        check_embedding_ctx_length=False,
    )


def model_slug(model: str) -> str:
    """A model name made safe for a Chroma collection name (``text-embedding-3-small``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", model).strip("-_").lower() or "model"
