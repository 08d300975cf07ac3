"""The response cache: repeated GETs come from memory until a brief is written."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api import response_cache
from app.api.main import create_app
from app.api.repositories.versions import VersionReader
from app.api.response_cache import Cached, LruCache, ResponseCacheMiddleware
from app.config import get_settings


def _set_claim_text(engine: Engine, value: str) -> None:
    # claims carry no trigger: this write leaves the data version where it was.
    with engine.begin() as connection:
        connection.execute(text("UPDATE claims SET text = :value WHERE id = 1"), {"value": value})


def _touch_brief(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE briefs SET title = title WHERE id = 1"))


def _client_with(monkeypatch: pytest.MonkeyPatch, setting: str, value: str) -> Iterator[TestClient]:
    """A client over the corpus, served by an app built with one setting changed."""
    monkeypatch.setenv(f"CHANCERY_{setting}", value)
    get_settings.cache_clear()
    with TestClient(create_app()) as changed:
        yield changed
    get_settings.cache_clear()


@pytest.fixture
def exact_client(
    engine: Engine, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """A client whose cache reads the data version on every request."""
    yield from _client_with(monkeypatch, "RESPONSE_CACHE_STALE_MS", "0")


def test_a_repeated_get_is_answered_from_memory_until_a_brief_changes(
    exact_client: TestClient, engine: Engine
) -> None:
    first = exact_client.get("/v1/claims/1").json()
    _set_claim_text(engine, "Rewritten behind the API's back.")
    assert exact_client.get("/v1/claims/1").json() == first
    _touch_brief(engine)
    assert exact_client.get("/v1/claims/1").json()["text"] == "Rewritten behind the API's back."


def test_another_process_write_is_seen_once_the_stale_window_has_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inner, calls = _counting_app(200)
    versions = iter([1, 2])
    clock = [100.0]

    async def version() -> int:
        return next(versions)

    monkeypatch.setattr(response_cache.time, "monotonic", lambda: clock[0])
    middleware = ResponseCacheMiddleware(inner, entries=8, version=version, stale_ms=1000)
    cached = TestClient(middleware)
    assert cached.get("/v1/claims").text == "call 1"
    clock[0] += 0.9
    assert cached.get("/v1/claims").text == "call 1"  # version 2 exists, not read yet
    clock[0] += 0.2
    # The first request past the window starts the read and is answered from what was
    # known; the read done, the next one sees the write.
    assert cached.get("/v1/claims").text == "call 1"
    assert cached.get("/v1/claims").text == "call 2"
    assert len(calls) == 2


def test_a_write_through_the_api_is_seen_by_the_next_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inner, calls = _counting_app(200)
    versions = iter([1, 2])

    async def version() -> int:
        return next(versions)

    monkeypatch.setattr(response_cache.time, "monotonic", lambda: 100.0)
    middleware = ResponseCacheMiddleware(inner, entries=8, version=version, stale_ms=60_000)
    cached = TestClient(middleware)
    assert cached.get("/v1/claims").text == "call 1"
    cached.post("/v1/briefs", content=b"x")
    assert cached.get("/v1/claims").text == "call 3"
    assert len(calls) == 3


def _gated_app(status: int) -> tuple[ASGIApp, list[int], asyncio.Event]:
    calls: list[int] = []
    gate = asyncio.Event()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(1)
        await gate.wait()
        await Response(f"call {len(calls)}", status)(scope, receive, send)

    return app, calls, gate


async def _get(app: ASGIApp, path: str) -> bytes:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"",
             "scheme": "http", "headers": [(b"host", b"test")]}  # fmt: skip
    body = bytearray()

    async def receive() -> Message:
        return {"type": "http.request"}

    async def send(message: Message) -> None:
        body.extend(message.get("body", b""))

    await app(scope, receive, send)
    return bytes(body)


@pytest.mark.parametrize(("status", "computed"), [(200, 1), (404, 5)])
def test_identical_requests_that_miss_together_are_computed_once(
    status: int, computed: int
) -> None:
    async def scenario() -> list[bytes]:
        inner, calls, gate = _gated_app(status)
        middleware = ResponseCacheMiddleware(inner, entries=8, version=_fixed(1))
        requests = [asyncio.create_task(_get(middleware, "/v1/stats")) for _ in range(5)]
        await asyncio.sleep(0.05)
        gate.set()
        bodies = await asyncio.gather(*requests)
        assert len(calls) == computed
        return bodies

    bodies = asyncio.run(scenario())
    # A 200 is shared with every waiter; an answer that is not kept is computed by each.
    assert set(bodies) == (
        {b"call 1"} if status == 200 else {f"call {n}".encode() for n in range(1, 6)}
    )


def test_deleting_a_brief_is_seen_by_the_next_list(
    client: TestClient, engine: Engine, api_key: str
) -> None:
    before = [item["id"] for item in client.get("/v1/briefs").json()["items"]]
    deleted = client.delete("/v1/briefs/1", headers={"Authorization": f"Bearer {api_key}"})
    assert deleted.status_code == 204
    after = [item["id"] for item in client.get("/v1/briefs").json()["items"]]
    assert 1 in before
    assert after == [brief_id for brief_id in before if brief_id != 1]


def _fixed(value: int) -> VersionReader:
    async def version() -> int:
        return value

    return version


def _counting_app(status: int, media_type: str = "application/json") -> tuple[ASGIApp, list[int]]:
    calls: list[int] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(1)
        await Response(f"call {len(calls)}", status, media_type=media_type)(scope, receive, send)

    return app, calls


@pytest.mark.parametrize(
    ("status", "media_type", "calls_expected"),
    [
        (200, "application/json", 1),
        (404, "application/problem+json", 2),
        (200, "application/x-ndjson", 2),
    ],
)
def test_only_whole_200_answers_are_kept(status: int, media_type: str, calls_expected: int) -> None:
    inner, calls = _counting_app(status, media_type)
    cached = TestClient(ResponseCacheMiddleware(inner, entries=8, version=_fixed(1)))
    bodies = [cached.get("/v1/claims?limit=1").text for _ in range(2)]
    assert len(calls) == calls_expected
    assert bodies[0] == "call 1"


def test_a_new_data_version_misses() -> None:
    inner, calls = _counting_app(200)
    versions = iter([1, 1, 2])

    async def version() -> int:
        return next(versions)

    cached = TestClient(ResponseCacheMiddleware(inner, entries=8, version=version))
    assert [cached.get("/v1/claims").text for _ in range(3)] == ["call 1", "call 1", "call 2"]
    assert len(calls) == 2


@pytest.fixture
def uncached_client(
    engine: Engine, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    yield from _client_with(monkeypatch, "RESPONSE_CACHE_ENTRIES", "0")


def test_zero_entries_turns_the_cache_off(uncached_client: TestClient, engine: Engine) -> None:
    uncached_client.get("/v1/claims/1")
    _set_claim_text(engine, "Seen at once.")
    assert uncached_client.get("/v1/claims/1").json()["text"] == "Seen at once."


def test_the_least_recently_used_answer_goes_first() -> None:
    cache = LruCache(2)
    keys = [("http", "h", f"/v1/{n}", b"", 1) for n in range(3)]
    for key in keys[:2]:
        cache.put(key, Cached([], key[2].encode()))
    assert cache.get(keys[0]) is not None
    cache.put(keys[2], Cached([], b"new"))
    assert cache.get(keys[1]) is None
    assert cache.get(keys[0]) is not None
    assert cache.get(keys[2]) == Cached([], b"new")


def test_an_unreadable_data_version_falls_through_to_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An SQLite file with no schema: the version read fails in the driver (sqlite3.Error,
    # not an SQLAlchemy error); the route then answers for the database, never a 500.
    monkeypatch.setenv("CHANCERY_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    get_settings.cache_clear()
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        response = client.get("/v1/claims")
    get_settings.cache_clear()
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"


def test_the_version_is_read_once_however_many_requests_find_it_due(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[int] = []

    async def version() -> int:
        reads.append(1)
        await asyncio.sleep(0.05)
        return 1

    async def scenario() -> set[bytes]:
        inner, _calls = _counting_app(200)
        middleware = ResponseCacheMiddleware(inner, entries=8, version=version, stale_ms=1000)
        requests = [asyncio.create_task(_get(middleware, "/v1/claims")) for _ in range(5)]
        return set(await asyncio.gather(*requests))

    assert asyncio.run(scenario()) == {b"call 1"}
    assert len(reads) == 1
