"""Settings of the channels: tokens, secrets and base URLs, from the environment or ``.env``.

A channel is live when its token or secret is set. Base URLs point at the public platforms by
default and at local fakes in tests.
"""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class ChannelSettings(BaseSettings):
    """Every channel's credentials and endpoints, read when constructed (never at import)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias="TELEGRAM_BOT_TOKEN"
    )
    telegram_webhook_secret: SecretStr | None = Field(
        default=None, validation_alias="TELEGRAM_WEBHOOK_SECRET"
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org", validation_alias="TELEGRAM_API_BASE_URL"
    )
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(
        default=None, validation_alias="SLACK_SIGNING_SECRET"
    )
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_base_url: str = Field(
        default="https://slack.com/api/", validation_alias="SLACK_API_BASE_URL"
    )
    kakao_skill_secret: SecretStr | None = Field(
        default=None, validation_alias="KAKAO_SKILL_SECRET"
    )
    kakao_bridge_secret: SecretStr | None = Field(
        default=None, validation_alias="KAKAO_BRIDGE_SECRET"
    )
    kakao_bridge_send_url: str | None = Field(
        default=None, validation_alias="KAKAO_BRIDGE_SEND_URL"
    )
    public_url: str | None = Field(default=None, validation_alias="GYORYU_PUBLIC_URL")
    calendar_secret: SecretStr | None = Field(
        default=None, validation_alias="GYORYU_CALENDAR_SECRET"
    )
    max_body_bytes: int = Field(default=256 * 1024, validation_alias="GYORYU_MAX_BODY_BYTES")
