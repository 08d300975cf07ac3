"""The one settings object; nothing else in the application reads the environment."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
LogFormat = Literal["text", "json"]


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
    log_format: LogFormat = Field(
        default="text",
        description="`text`: one readable line per record; `json`: one JSON object per line.",
    )
    metrics_enabled: bool = Field(
        default=True, description="Record Prometheus metrics and serve them at `/metrics`."
    )
    metrics_key: str | None = Field(
        default=None,
        description="Bearer key a scrape of `/metrics` must send; unset: `/metrics` is open.",
    )
    metrics_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Serve the metrics on this port (same interface) instead of at `/metrics`.",
    )
    metrics_host: str = Field(
        default="127.0.0.1",
        description="Interface the metrics port listens on (with `CHANCERY_METRICS_PORT`).",
    )
    shutdown_timeout_s: int = Field(
        default=30,
        ge=1,
        description="On SIGTERM, how long in-flight requests and streams may take to finish.",
    )
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
    feed_max_wait_s: float = Field(
        default=30,
        ge=0,
        le=30,
        description="Longest a `/v1/changes?wait=` long poll waits, in seconds.",
    )
    response_cache_stale_ms: int = Field(
        default=1000,
        ge=0,
        le=60_000,
        description=(
            "How long a `/v1` answer (its ETag, a cached copy) may outlive a write made by "
            "another process, in ms; writes through this process's API are seen at once. "
            "0: read the data version every time."
        ),
    )
    worker_threads: int = Field(
        default=16,
        ge=1,
        le=1000,
        description=(
            "Threads a server process runs requests' database work in (anyio's thread pool); "
            "requests beyond it wait their turn."
        ),
    )

    concurrent_queries: int = Field(
        default=4,
        ge=0,
        le=1000,
        description=(
            "Requests whose database work a server process runs at once; the rest wait their "
            "turn on the event loop, which then answers cached requests without waiting among "
            "busy threads. One that runs longer than `slow_query_ms` stops counting. 0: no "
            "limit but the thread pool."
        ),
    )
    slow_query_ms: int = Field(
        default=100,
        ge=1,
        le=60_000,
        description=(
            "After how long a request's database work stops holding one of "
            "`concurrent_queries`' places, in ms, so that slow requests do not hold back the rest."
        ),
    )

    learned_organisations: bool = Field(
        default=False,
        description=(
            "Parse briefs with the learned organisation recogniser after the rules: "
            "+0.06 to +0.11 organisation recall on held-out briefs, precision about the same, "
            "and parsing "
            "a quarter to a third slower (docs/parsing.md). Stored with the parser version, "
            "so turning it on or off re-parses every brief on the next `chancery ingest`."
        ),
    )

    export_readers: int = Field(
        default=1,
        ge=1,
        le=8,
        description=(
            "Ranges of rows an export reads at once (`format=ndjson|csv`, `chancery export`); "
            "1 reads the next range while one is sent. On PostgreSQL 2 exports faster and "
            "slows other requests more; on SQLite more than 1 gains nothing."
        ),
    )

    export_process: bool = Field(
        default=True,
        description=(
            "Stream exports (`format=ndjson|csv`) from a helper process that each server "
            "process starts beside itself, so that an export does not share the interpreter "
            "and core answering other requests; off: exports stream in the server process. "
            "Not used with a SQLite database in memory."
        ),
    )
    export_nice: int = Field(
        default=10,
        ge=0,
        le=19,
        description=(
            "How much lower the exports' helper process runs in the kernel's scheduling "
            "(nice, 0-19): where it and the process answering requests want one core, the "
            "requests go first; an export alone runs as fast."
        ),
    )

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("metrics_key", "metrics_port", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings, read once."""
    return Settings()
