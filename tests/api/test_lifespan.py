"""Start-up: the garbage collector and the thread switch interval are settled once the
server starts."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.lifespan import SWITCH_INTERVAL_S, YOUNG_GENERATION_THRESHOLD, settle_interpreter
from app.api.main import create_app


@pytest.fixture
def unsettled() -> Iterator[None]:
    """The collector as Python starts it, restored afterwards."""
    before, interval = gc.get_threshold(), sys.getswitchinterval()
    settle_interpreter.cache_clear()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    sys.setswitchinterval(0.005)
    yield
    gc.set_threshold(*before)
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
