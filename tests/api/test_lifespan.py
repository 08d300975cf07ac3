"""Start-up: the garbage collector, the thread switch interval and the thread pool are
settled once the server starts."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Iterator

import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.lifespan import SWITCH_INTERVAL_S, settle_interpreter
from app.api.main import create_app
from app.config import get_settings
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.interpreter import YOUNG_GENERATION_THRESHOLD
from tests.conftest import SEEDS


@pytest.fixture
def unsettled(unsettled_collector: None) -> Iterator[None]:
    """The collector and the switch interval as Python starts them, restored afterwards."""
    interval = sys.getswitchinterval()
    settle_interpreter.cache_clear()
    sys.setswitchinterval(0.005)
    yield
    sys.setswitchinterval(interval)


def test_starting_the_server_freezes_start_up_and_collects_the_young_less_often(
    engine: Engine, unsettled: None
) -> None:
    app = create_app()
    assert gc.get_freeze_count() == 0
    with TestClient(app) as client:
        assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() > 10_000
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
        assert client.get("/healthz").status_code == 200


def test_the_server_freezes_its_start_up_after_an_ingest_in_its_process(
    engine: Engine, database_url: str, unsettled: None
) -> None:
    # `chancery serve --seed`: the sample briefs' ingest settles the collector first.
    ingest_sources(list(discover([str(SEEDS)])), database_url=database_url, workers=0)
    frozen = gc.get_freeze_count()
    app = create_app()
    with TestClient(app) as client:
        assert gc.get_freeze_count() > frozen  # the routes and schemas made since
        assert client.get("/healthz").status_code == 200


def test_starting_the_server_sizes_the_thread_pool(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    monkeypatch.setenv("CHANCERY_WORKER_THREADS", "3")
    get_settings.cache_clear()
    request.addfinalizer(get_settings.cache_clear)
    app = create_app()

    async def tokens() -> float:
        async with app.router.lifespan_context(app):
            return to_thread.current_default_thread_limiter().total_tokens

    assert asyncio.run(tokens()) == 3
