"""Bursts of requests: a burst larger than the connection pool is answered in full."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from app.db import POOL_OVERFLOW, POOL_SIZE
from tests.live_server import live_server


async def _burst(base_url: str, paths: list[str]) -> list[int]:
    limits = httpx.Limits(max_connections=len(paths))
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=120) as client:
        answers = await asyncio.gather(*(client.get(path) for path in paths))
    return [answer.status_code for answer in answers]


@pytest.mark.slow
def test_a_burst_of_three_pools_worth_of_requests_is_all_answered(
    database_url: str, tmp_path: Path
) -> None:
    # A request waiting for a pooled connection holds a worker thread; an earlier version
    # (SQLite pool of 15) once left every thread waiting on connections held by requests
    # that needed a thread to close their session, until the pool timeout gave 503s.
    burst = 3 * (POOL_SIZE + POOL_OVERFLOW)
    paths = [f"/v1/claims?limit={1 + n % 50}&q=the&include_total=true" for n in range(burst)]
    log = tmp_path / "server.log"
    with live_server(database_url, log, seed=True, response_cache_entries="0") as server:
        statuses = asyncio.run(_burst(server.base_url, paths))
    assert statuses == [200] * burst
