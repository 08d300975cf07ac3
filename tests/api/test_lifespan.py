"""Start-up: the garbage collector is settled once the server starts."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.lifespan import YOUNG_GENERATION_THRESHOLD, settle_garbage_collector
from app.api.main import create_app


@pytest.fixture
def unsettled() -> Iterator[None]:
    """The collector as Python starts it, restored afterwards."""
    before = gc.get_threshold()
    settle_garbage_collector.cache_clear()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_starting_the_server_freezes_start_up_and_collects_the_young_less_often(
    engine: Engine, unsettled: None
) -> None:
    app = create_app()
    assert gc.get_freeze_count() == 0
    with TestClient(app) as client:
        assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() > 10_000
        assert client.get("/healthz").status_code == 200
