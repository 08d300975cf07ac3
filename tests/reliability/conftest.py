"""Fixtures for the reliability tests: the engine of the per-test database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from app.db import get_engine


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The engine the app (and the tests' own checks) use for `database_url`."""
    engine = get_engine(database_url)
    yield engine
    engine.dispose()
