"""Settings of the ingest commands (file size limit, demo corpus folder)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    """Limits for ``gyoryu ingest``, read from the environment and ``.env`` when constructed."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    max_file_mb: float = Field(default=20, gt=0, validation_alias="GYORYU_MAX_FILE_MB")
    sample_dir: Path | None = Field(default=None, validation_alias="GYORYU_SAMPLE_DIR")

    @property
    def max_file_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_file_mb * 1024 * 1024)

    @field_validator("sample_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """``GYORYU_SAMPLE_DIR=`` (as in .env.example) means "use the bundled corpus"."""
        return None if value == "" else value
