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

from app.api.main import create_app
from app.api.middleware import data_version, response_cache
from app.api.middleware.data_version import DataVersion
from app.api.middleware.etag import ETagMiddleware
from app.api.middleware.response_cache import Cached, LruCache, ResponseCacheMiddleware
from app.api.repositories.versions import VersionReader
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


def _cache(inner: ASGIApp, version: VersionReader, stale_ms: int = 0) -> ResponseCacheMiddleware:
    return ResponseCacheMiddleware(inner, entries=8, versions=DataVersion(stale_ms, version))


def test_another_process_write_is_seen_once_the_stale_window_has_passed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inner, calls = _counting_app(200)
    versions = iter([1, 2])
    clock = [100.0]

    async def version() -> int:
        return next(versions)

    monkeypatch.setattr(data_version.time, "monotonic", lambda: clock[0])
    middleware = _cache(inner, version, stale_ms=1000)
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

    monkeypatch.setattr(data_version.time, "monotonic", lambda: 100.0)
    known = DataVersion(60_000, version)
    # The ETag middleware, outside the cache, sees every request: a write makes it forget.
    middleware = ETagMiddleware(ResponseCacheMiddleware(inner, 8, known), known)
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
        middleware = _cache(inner, _fixed(1))
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
    cached = TestClient(_cache(inner, _fixed(1)))
    bodies = [cached.get("/v1/claims?limit=1").text for _ in range(2)]
    assert len(calls) == calls_expected
    assert bodies[0] == "call 1"


def test_a_new_data_version_misses() -> None:
    inner, calls = _counting_app(200)
    versions = iter([1, 1, 2])

    async def version() -> int:
        return next(versions)

    cached = TestClient(_cache(inner, version))
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
    keys = [("http", b"h", f"/v1/{n}", b"", 1, b"gzip") for n in range(3)]
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
        middleware = _cache(inner, version, stale_ms=1000)
        requests = [asyncio.create_task(_get(middleware, "/v1/claims")) for _ in range(5)]
        return set(await asyncio.gather(*requests))

    assert asyncio.run(scenario()) == {b"call 1"}
    assert len(reads) == 1


ALLOWED_ORIGIN = "https://dashboard.example"
LIST_URLS = [
    "/v1/claims?limit=2",  # small, with a Link header
    "/v1/briefs",
    "/v1/statements?include_total=true",
    "/v1/events?sort=occurred_on",
    "/v1/actors",
]
REQUEST_KINDS = [
    {"Accept-Encoding": "identity"},
    {"Accept-Encoding": "gzip"},
    {"Accept-Encoding": "identity", "Origin": ALLOWED_ORIGIN},
    {"Accept-Encoding": "gzip", "Origin": ALLOWED_ORIGIN},
    {"Accept-Encoding": "gzip", "Origin": "https://other.example"},
    {"Accept-Encoding": "identity", "Origin": "https://other.example"},
]
Exchange = tuple[int, list[tuple[bytes, bytes]], bytes]


def _exchange(client: TestClient, url: str, headers: dict[str, str]) -> Exchange:
    """Status, raw headers in order and the body as sent (not decompressed); the request's
    own id, the last header, is left out (each request has its own)."""
    with client.stream("GET", url, headers=headers) as response:
        *raw, (name, _) = response.headers.raw
        assert name == b"x-request-id"
        return response.status_code, raw, b"".join(response.iter_raw())


@pytest.fixture
def cors_client(
    engine: Engine, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TestClient]:
    """An exact-version client over the corpus with one allowed CORS origin."""
    monkeypatch.setenv("CHANCERY_CORS_ORIGINS", ALLOWED_ORIGIN)
    yield from _client_with(monkeypatch, "RESPONSE_CACHE_STALE_MS", "0")


def _current_tag(client: TestClient, url: str) -> str:
    # Asked with an Accept-Encoding no other request sends: the cache keeps its answer
    # apart, so the requests that follow still miss first.
    return client.get(url, headers={"Accept-Encoding": "x-probe"}).headers["etag"]


def _kinds_of_request(etag: str) -> list[dict[str, str]]:
    """Every kind of request, the conditional ones naming `etag`."""
    stale = 'W/"0123456789abcdef0123456789abcdef"'
    conditional = [{**kind, "If-None-Match": etag} for kind in REQUEST_KINDS[:5:2]]
    return [*REQUEST_KINDS, *conditional, {"If-None-Match": stale}, {"If-None-Match": "*"}]


def _but_the_tag(exchange: Exchange) -> Exchange:
    status, headers, body = exchange
    return status, [(name, value) for name, value in headers if name != b"etag"], body


@pytest.mark.parametrize("url", LIST_URLS)
def test_a_hit_is_the_answer_a_miss_gave_byte_for_byte(
    cors_client: TestClient, engine: Engine, url: str
) -> None:
    first_answers: list[Exchange] = []
    for index in range(len(_kinds_of_request(""))):
        _touch_brief(engine)  # a new data version: the next request misses
        kind = _kinds_of_request(_current_tag(cors_client, url))[index]
        first = _exchange(cors_client, url, kind)
        assert _exchange(cors_client, url, kind) == first
        first_answers.append(first)
    assert [status for status, _, _ in first_answers] == [200] * 6 + [304] * 3 + [200, 304]
    # Every kind in turn within one version: none is given another kind's answer.
    _touch_brief(engine)
    kinds = _kinds_of_request(_current_tag(cors_client, url))
    answers = [_exchange(cors_client, url, kind) for kind in kinds]
    for _ in range(2):
        assert [_exchange(cors_client, url, kind) for kind in kinds] == answers
    # And each the same as when it missed, but for the tag of the new version.
    assert [_but_the_tag(answer) for answer in answers] == [
        _but_the_tag(answer) for answer in first_answers
    ]


def test_the_kinds_of_answer_differ_as_the_middlewares_make_them(cors_client: TestClient) -> None:
    url = "/v1/briefs"
    plain, zipped, allowed, _, other, _ = (
        dict(_exchange(cors_client, url, kind)[1]) for kind in REQUEST_KINDS
    )
    assert zipped[b"content-encoding"] == b"gzip"
    assert b"content-encoding" not in plain
    assert allowed[b"access-control-allow-origin"] == ALLOWED_ORIGIN.encode()
    assert b"access-control-allow-origin" not in other
    assert b"access-control-expose-headers" in other
    assert b"access-control-expose-headers" not in plain
    assert plain[b"etag"] == zipped[b"etag"] == allowed[b"etag"]


def _stack(route: ASGIApp, version: VersionReader) -> ASGIApp:
    """`route` behind the cache and the ETag middleware, as `create_app` puts them."""
    versions = DataVersion(0, version)
    return ETagMiddleware(ResponseCacheMiddleware(route, 8, versions), versions)


def test_a_hit_and_a_304_run_no_route() -> None:
    route, route_calls = _counting_app(200)
    cached = TestClient(_stack(route, _fixed(1)))
    first = cached.get("/v1/claims")
    hits = [cached.get("/v1/claims") for _ in range(3)]
    assert [hit.text for hit in hits] == ["call 1"] * 3
    assert {hit.headers["etag"] for hit in hits} == {first.headers["etag"]}
    etag = first.headers["etag"]
    not_modified = [cached.get("/v1/claims", headers={"If-None-Match": etag}) for _ in range(3)]
    assert [response.status_code for response in not_modified] == [304] * 3
    assert len(route_calls) == 1


@pytest.mark.parametrize(
    ("status", "media_type", "method"),
    [
        (200, "application/json", "HEAD"),
        (404, "application/problem+json", "GET"),
        (200, "application/x-ndjson", "GET"),
    ],
)
def test_what_the_cache_does_not_keep_always_goes_through(
    status: int, media_type: str, method: str
) -> None:
    route, route_calls = _counting_app(status, media_type)
    cached = TestClient(_stack(route, _fixed(1)))
    for _ in range(2):
        assert cached.request(method, "/v1/claims").status_code == status
    assert len(route_calls) == 2


def test_large_bodies_go_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(response_cache, "MAX_BODY_BYTES", 4)
    route, route_calls = _counting_app(200)
    cached = TestClient(_stack(route, _fixed(1)))
    assert [cached.get("/v1/claims").text for _ in range(2)] == ["call 1", "call 2"]
    assert len(route_calls) == 2


def test_the_version_is_read_once_per_request() -> None:
    reads: list[int] = []

    async def version() -> int:
        reads.append(1)
        return 1

    route, _calls = _counting_app(200)
    cached = TestClient(_stack(route, version))
    for _ in range(3):
        cached.get("/v1/claims")
    assert len(reads) == 3


def test_gzip_and_identity_answers_are_kept_apart(cors_client: TestClient) -> None:
    url = "/v1/briefs"
    for _ in range(2):
        zipped = _exchange(cors_client, url, {"Accept-Encoding": "gzip"})
        plain = _exchange(cors_client, url, {"Accept-Encoding": "identity"})
        assert dict(zipped[1])[b"content-encoding"] == b"gzip"
        assert b"content-encoding" not in dict(plain[1])
