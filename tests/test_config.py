"""Settings come from CHANCERY_* variables, with the documented defaults."""

from __future__ import annotations

import pytest

from app.config import Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "API_KEYS", "CORS_ORIGINS", "LOG_LEVEL", "MAX_BRIEF_BYTES"):
        monkeypatch.delenv(f"CHANCERY_{name}", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == "sqlite:///./chancery.db"
    assert settings.api_keys == []
    assert settings.cors_origins == []
    assert settings.log_level == "INFO"
    assert settings.max_brief_bytes == 1_048_576


def test_lists_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_API_KEYS", " k1, k2 ,,")
    monkeypatch.setenv("CHANCERY_CORS_ORIGINS", "https://a.example,https://b.example")
    monkeypatch.setenv("CHANCERY_LOG_LEVEL", "debug")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.api_keys == ["k1", "k2"]
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.log_level == "DEBUG"


def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_MAX_BRIEF_BYTES", "0")
    with pytest.raises(ValueError, match="max_brief_bytes"):
        Settings(_env_file=None)  # type: ignore[call-arg]
