"""One typed Settings object, read from the environment and an optional .env file.

Built once in `bot.cli.main` and passed down; nothing else reads the environment.
Every field here must be documented in .env.example and README.md (a test checks).
"""

from __future__ import annotations

import ipaddress
from datetime import time
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.core.replies import cli as say
from parsing.options import ParseOptions

TELEGRAM_API_URL = "https://api.telegram.org"
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _int_list(value: object) -> object:
    if isinstance(value, str):
        return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field(default="", validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN"))
    database_url: str = Field(default="", validation_alias=AliasChoices("NIANBAO_DATABASE_URL"))
    data_dir: Path = Field(default=Path("data"), validation_alias=AliasChoices("NIANBAO_DATA_DIR"))
    timezone: str = Field(default="Asia/Shanghai", validation_alias=AliasChoices("NIANBAO_TIMEZONE"))
    admins: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias=AliasChoices("NIANBAO_ADMINS")
    )
    # Chats (ids) whose members may upload besides the admins (policy: README, 权限).
    allowed_chats: Annotated[list[int], NoDecode] = Field(
        default_factory=list, validation_alias=AliasChoices("NIANBAO_ALLOWED_CHATS")
    )
    bot_api_url: str = Field(default=TELEGRAM_API_URL, validation_alias=AliasChoices("NIANBAO_BOT_API_URL"))
    # One proxy for the Bot API and file downloads (Telegram is reached only through one from
    # mainland China): http://host:port, socks5://user:pass@host:port.
    proxy_url: str = Field(default="", validation_alias=AliasChoices("NIANBAO_PROXY_URL"))
    log_level: str = Field(default="INFO", validation_alias=AliasChoices("NIANBAO_LOG_LEVEL"))
    parse_timeout: float = Field(default=60.0, gt=0, validation_alias=AliasChoices("NIANBAO_PARSE_TIMEOUT"))
    # OCR of scans and photos: its own time limit per file, and CPU threads per parse.
    ocr_timeout: float = Field(default=300.0, gt=0, validation_alias=AliasChoices("NIANBAO_OCR_TIMEOUT"))
    ocr_threads: int = Field(default=2, ge=1, validation_alias=AliasChoices("NIANBAO_OCR_THREADS"))
    # Report links: largest download, time limit for the whole fetch, networks the fetcher
    # may reach although private/loopback (empty: only public addresses).
    fetch_max_bytes: int = Field(
        default=30 * 1024 * 1024, gt=0, validation_alias=AliasChoices("NIANBAO_FETCH_MAX_BYTES")
    )
    fetch_timeout: float = Field(default=30.0, gt=0, validation_alias=AliasChoices("NIANBAO_FETCH_TIMEOUT"))
    fetch_allowed_networks: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=AliasChoices("NIANBAO_FETCH_ALLOWED_NETWORKS")
    )
    # Worker processes `nianbao run` starts on this machine to parse and store uploads (unset: one
    # per CPU). With PostgreSQL, 0 when `nianbao worker` runs elsewhere.
    workers: int | None = Field(default=None, ge=0, validation_alias=AliasChoices("NIANBAO_WORKERS"))
    # Uploads plus questions one user may send per minute (a burst of that many, then
    # refilled evenly); 0 turns the limit off.
    rate_limit_per_minute: int = Field(
        default=30, ge=0, validation_alias=AliasChoices("NIANBAO_RATE_LIMIT_PER_MINUTE")
    )

    # Reminders: days before the deadline (0 = on the day), at this local time; digests every N days.
    reminder_offsets: Annotated[list[int], NoDecode] = Field(
        default_factory=lambda: [30, 14, 7, 3, 1, 0],
        validation_alias=AliasChoices("NIANBAO_REMINDER_OFFSETS"),
    )
    reminder_time: str = Field(default="09:00", validation_alias=AliasChoices("NIANBAO_REMINDER_TIME"))
    digest_interval_days: int = Field(
        default=7, ge=1, validation_alias=AliasChoices("NIANBAO_DIGEST_INTERVAL_DAYS")
    )
    reminder_check_minutes: float = Field(
        default=5.0, gt=0, validation_alias=AliasChoices("NIANBAO_REMINDER_CHECK_MINUTES")
    )
    reminder_chat_gap: float = Field(
        default=3.0, ge=0, validation_alias=AliasChoices("NIANBAO_REMINDER_CHAT_GAP")
    )

    _split_admins = field_validator("admins", "allowed_chats", "reminder_offsets", mode="before")(_int_list)

    @field_validator("fetch_allowed_networks", mode="before")
    @classmethod
    def _networks(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, list):
            for network in value:
                try:
                    ipaddress.ip_network(str(network), strict=False)
                except ValueError as exc:
                    raise ValueError(say.CONFIG_NOT_A_NETWORK.format(network=network)) from exc
        return value

    @field_validator("reminder_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        try:
            time.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(say.CONFIG_CLOCK_TIME) from exc
        return value

    @field_validator("data_dir", mode="before")
    @classmethod
    def _default_data_dir(cls, value: object) -> object:
        # NIANBAO_DATA_DIR= (empty) means the default, not the current directory itself.
        return Path("data") if isinstance(value, str) and not value.strip() else value

    @field_validator("proxy_url")
    @classmethod
    def _proxy_scheme(cls, value: str) -> str:
        value = value.strip()
        if value and urlsplit(value).scheme.lower() not in PROXY_SCHEMES:
            raise ValueError(say.CONFIG_PROXY_SCHEME)
        if value and not urlsplit(value).hostname:
            raise ValueError(say.CONFIG_PROXY_HOST)
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(say.CONFIG_LOG_LEVEL)
        return value.strip().upper()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(say.CONFIG_TIMEZONE) from exc
        return value

    def parse_options(self) -> ParseOptions:
        """Parse limits for one file, as the bot and the CLI both apply them."""
        return ParseOptions(timeout_s=self.parse_timeout, ocr_timeout_s=self.ocr_timeout, ocr_threads=self.ocr_threads)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def resolved_database_url(self, override: str | None = None) -> str:
        """--db beats NIANBAO_DATABASE_URL beats a SQLite file in the data directory."""
        if override:
            return override
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'nianbao.sqlite3').resolve()}"
