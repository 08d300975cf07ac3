"""The one settings object; nothing else in the application reads the environment."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


class Settings(BaseSettings):
    """Runtime configuration, read from `CHANCERY_*` environment variables (and `.env`)."""

    model_config = SettingsConfigDict(env_prefix="CHANCERY_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./chancery.db",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db.",
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated bearer keys for write endpoints; empty disables writes.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins allowed by CORS; empty allows none.",
    )
    log_level: LogLevel = Field(default="INFO", description="Logging level.")
    max_brief_bytes: int = Field(
        default=1_048_576, gt=0, description="Largest brief accepted, in bytes (1 MiB)."
    )
    write_rate_per_minute: int = Field(
        default=600,
        ge=0,
        description="Writes a minute allowed per API key and per client address; 0: no limit.",
    )
    write_burst: int = Field(
        default=120, ge=1, description="Writes a key or client may make at once before 429."
    )
    redis_url: str | None = Field(
        default=None,
        description=(
            "Redis holding the write limits, shared by every worker and replica "
            "(redis://host:6379/0); unset: each process counts alone."
        ),
    )
    redis_key_prefix: str = Field(
        default="chancery",
        min_length=1,
        description="Prefix of the rate-limit keys in Redis, so deployments can share one.",
    )
    response_cache_entries: int = Field(
        default=512,
        ge=0,
        description="`/v1` answers kept per process until the data changes; 0: no cache.",
    )
    response_cache_stale_ms: int = Field(
        default=1000,
        ge=0,
        le=60_000,
        description=(
            "How long a cached `/v1` answer may outlive a write made by another process, in "
            "ms; writes through this process's API are seen at once. 0: check every time."
        ),
    )

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
