"""Settings of the core: data directory and database."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class BotSettings(BaseSettings):
    """Core settings, read from the environment and ``.env`` when constructed."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), validation_alias="GYORYU_DATA_DIR")
    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    timezone: str = Field(default="Asia/Seoul", validation_alias="GYORYU_TIMEZONE")

    @property
    def effective_database_url(self) -> str:
        """``DATABASE_URL`` if set, else an SQLite file inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'gyoryu.db').resolve()}"
