"""One slow list request does not hold up the others: a list's database work runs in a worker
thread (`app.db.in_session`), never on the event loop every request goes through."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from app.api.main import create_app
from app.api.repositories.base import Listing
from tests.api.corpus import seed
from tests.test_admission import Running, settings_from_env

SLOW_LIMIT = 7  # the page size that marks the slow request
OTHERS = [
    "/v1/claims?status=verified", "/v1/statements", "/v1/briefs", "/v1/events", "/v1/actors",
    "/v1/actors/emmanuel-macron/mentions", "/v1/claims?actor=emmanuel-macron&q=summit",
]  # fmt: skip


async def _while_one_is_stuck(released: threading.Event, stuck: threading.Event) -> list[int]:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        slow = asyncio.create_task(client.get(f"/v1/claims?limit={SLOW_LIMIT}"))
        while not stuck.is_set():
            await asyncio.sleep(0.01)
        others = await asyncio.wait_for(
            asyncio.gather(*(client.get(path) for path in OTHERS)), timeout=30
        )
        assert not slow.done()  # answered while the slow one still runs
        released.set()
        assert (await slow).status_code == 200
    return [answer.status_code for answer in others]


def test_the_other_lists_are_answered_while_one_is_stuck_in_its_query(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(engine)
    stuck, released = threading.Event(), threading.Event()
    page = Listing.page

    def slow_page(self: Listing[Any], session: Any, conditions: Any, request: Any) -> Any:
        if request.limit == SLOW_LIMIT:  # blocks its thread, as a long query does
            stuck.set()
            assert released.wait(20)
        return page(self, session, conditions, request)

    monkeypatch.setattr(Listing, "page", slow_page)
    assert asyncio.run(_while_one_is_stuck(released, stuck)) == [200] * len(OTHERS)


def test_the_api_runs_no_more_list_queries_at_once_than_the_setting(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    seed(engine)
    settings_from_env(monkeypatch, request, concurrent_queries="2", slow_query_ms="30000")
    running = Running()
    page = Listing.page

    def counted_page(self: Listing[Any], *args: Any) -> Any:
        running.work(0, 0.03)()
        return page(self, *args)

    monkeypatch.setattr(Listing, "page", counted_page)
    paths = [f"/v1/claims?limit={n}" for n in range(1, 9)]

    async def ask() -> list[int]:
        transport = httpx.ASGITransport(app=create_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answers = await asyncio.gather(*(client.get(path) for path in paths))
        return [answer.status_code for answer in answers]

    assert asyncio.run(ask()) == [200] * len(paths)
    assert running.most == 2
