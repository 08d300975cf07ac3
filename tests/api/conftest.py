"""API fixtures: an app over an empty or seeded database, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.main import create_app
from app.config import get_settings
from app.db import get_engine
from tests.api.corpus import seed

API_KEY = "test-key-0123456789"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The engine the app will use: the one configured for `database_url`."""
    engine = get_engine()
    assert engine.url.render_as_string(hide_password=False) == database_url
    yield engine
    engine.dispose()


@pytest.fixture
def api_key(monkeypatch: pytest.MonkeyPatch, database_url: str) -> str:
    """Configure one write key, with no write rate limit."""
    monkeypatch.setenv("CHANCERY_API_KEYS", f"other-key, {API_KEY}")
    # The limits are tested in tests/api/middleware/test_security.py.
    monkeypatch.setenv("CHANCERY_WRITE_RATE_PER_MINUTE", "0")
    get_settings.cache_clear()
    return API_KEY


@pytest.fixture
def empty_client(engine: Engine) -> Iterator[TestClient]:
    """A client over an empty, migrated database."""
    with TestClient(create_app()) as client:
        yield client


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    """A client over the fixture corpus (see tests/api/corpus.py)."""
    seed(engine)
    with TestClient(create_app()) as client:
        yield client
