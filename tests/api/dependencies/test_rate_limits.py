"""Write limits: the two moving windows, the fallback when Redis is down, and one limit shared
by two API processes through the local Redis."""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.api.dependencies.rate_limits import (
    FALLBACK_S,
    REDIS_TIMEOUT_S,
    WindowStore,
    WriteLimiter,
    shared_windows,
)
from app.api.main import create_app
from app.config import get_settings
from tests.api.conftest import API_KEY
from tests.live_server import free_port, live_server

LOCAL_REDIS = "redis://127.0.0.1:6379/0"
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix of its own in the local Redis, emptied afterwards; skipped without Redis,
    except in CI (`CI=true`), where a missing Redis fails the test."""
    client = redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs Redis at {LOCAL_REDIS}: {error}")
        pytest.skip(f"no Redis at {LOCAL_REDIS}: {error}")
    prefix = f"chancery-test-{uuid.uuid4().hex}"
    yield prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


def _limiter(per_minute: int, burst: int, store: WindowStore | None = None) -> WriteLimiter:
    return WriteLimiter(per_minute, burst, "test", store or WindowStore())


def test_burst_a_second_then_the_minute_window() -> None:
    limiter = _limiter(per_minute=3, burst=2)
    first = [limiter.wait_s("a") for _ in range(3)]
    assert first[:2] == [0.0, 0.0]
    assert 0 < first[2] <= 1  # the burst window frees a write within the second
    assert limiter.wait_s("b") == 0.0  # another identity has its own windows
    time.sleep(first[2] + 0.05)
    assert limiter.wait_s("a") == 0.0  # the refused write was not counted in the minute
    assert 58 < limiter.wait_s("a") <= 60  # three writes this minute: wait for the first


def test_zero_rate_disables_the_limit() -> None:
    limiter = _limiter(per_minute=0, burst=1)
    assert all(limiter.wait_s("a") == 0.0 for _ in range(100))


def test_unreachable_redis_falls_back_to_counting_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [0.0]
    closed_port = shared_windows(f"redis://127.0.0.1:{free_port()}/0", "chancery")
    limiter = _limiter(per_minute=60, burst=2, store=WindowStore(closed_port, lambda: now[0]))
    with caplog.at_level(logging.WARNING, "app.api.dependencies.rate_limits"):
        waits = [limiter.wait_s("a") for _ in range(3)]
        assert waits[:2] == [0.0, 0.0]
        assert waits[2] > 0  # the limit still holds, counted in the process
        assert len(caplog.records) == 1  # Redis was asked once, not on every write
        assert "unreachable" in caplog.records[0].getMessage()
        now[0] += FALLBACK_S
        limiter.wait_s("b")
        assert len(caplog.records) == 2  # after the pause Redis is asked again


def test_a_redis_that_never_answers_delays_one_write_by_the_timeout_only() -> None:
    with socket.socket() as silent:  # accepts connections, never replies
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        limiter = _limiter(per_minute=60, burst=2, store=WindowStore(shared_windows(url, "x")))
        started = time.monotonic()
        assert limiter.wait_s("a") == 0.0
        assert time.monotonic() - started < REDIS_TIMEOUT_S + 1
        started = time.monotonic()
        assert limiter.wait_s("a") == 0.0
        assert time.monotonic() - started < 0.1  # counted in the process, Redis not asked


def test_app_answers_429_not_500_while_redis_is_down(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "API_KEYS": API_KEY, "WRITE_RATE_PER_MINUTE": "2", "WRITE_BURST": "2",
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
    }.items():  # fmt: skip
        monkeypatch.setenv(f"CHANCERY_{name}", value)
    get_settings.cache_clear()
    with TestClient(create_app()) as client:
        statuses = [client.delete("/v1/briefs/99", headers=AUTH).status_code for _ in range(3)]
    assert statuses == [404, 404, 429]


def test_two_stores_on_one_redis_share_one_limit(redis_prefix: str) -> None:
    """Two processes' stores, as two objects: writes through either spend one limit."""
    one, two = (
        _limiter(per_minute=4, burst=4, store=WindowStore(shared_windows(LOCAL_REDIS, prefix)))
        for prefix in (redis_prefix, redis_prefix)
    )
    assert [one.wait_s("a"), two.wait_s("a"), one.wait_s("a"), two.wait_s("a")] == [0.0] * 4
    assert one.wait_s("a") > 0
    assert two.wait_s("a") > 0
    other = WindowStore(shared_windows(LOCAL_REDIS, f"{redis_prefix}-other"))
    assert _limiter(per_minute=4, burst=4, store=other).wait_s("a") == 0.0  # another prefix


@pytest.mark.slow
def test_two_api_processes_share_one_limit_through_redis(redis_prefix: str, tmp_path: Path) -> None:
    """Limit 10: 6 writes to each of two servers make 10 answers and 2 refusals, not 12
    answers as two per-process limits would."""
    database_url = f"sqlite:///{tmp_path / 'chancery.db'}"
    settings = {
        "api_keys": API_KEY, "write_rate_per_minute": "10", "write_burst": "10",
        "redis_url": LOCAL_REDIS, "redis_key_prefix": redis_prefix,
    }  # fmt: skip
    with (
        live_server(database_url, tmp_path / "one.log", **settings) as one,
        live_server(database_url, tmp_path / "two.log", **settings) as two,
    ):
        responses = [
            httpx.delete(f"{server.base_url}/v1/briefs/99", headers=AUTH, timeout=10)
            for _ in range(6)
            for server in (one, two)
        ]
    statuses = [response.status_code for response in responses]
    assert statuses.count(404) == 10, statuses
    assert statuses.count(429) == 2, statuses
    refused = next(response for response in responses if response.status_code == 429)
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"].endswith("/rate-limited")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
