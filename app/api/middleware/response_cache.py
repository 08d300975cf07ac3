"""Whole-response cache for `/v1` GETs, keyed on the request and the data version.

Dashboards repeat the same queries; while no brief has been written, deleted or re-ingested
their answers cannot change. The data version is moved by database triggers on every write
to `briefs`, from any process, and read at most once per `stale_ms`: a hit then costs no
database work at all, and while `chancery ingest` stores a hundred briefs a second the same
list is computed once per `stale_ms`, not once per brief. A write through this process's
API makes the next request read the version again, so its writer sees it at once.

Identical requests that miss together are computed once: the others wait for that answer
rather than run the same queries side by side (when the version moves, every client of a
dashboard misses at the same moment). Only complete 200 answers are kept; exports (NDJSON,
CSV) and large bodies pass through. The cache is per process and bounded (least recently used
goes first).

The cache sits inside the ETag, gzip and CORS middlewares, so it keeps one identity body per
URL; `app.api.middleware.cache_replay` replays hits from outside them.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import metrics
from app.api.middleware.etag import etag_of
from app.api.repositories.versions import (
    PostgresVersion,
    SqliteVersion,
    VersionReader,
    version_reader,
)
from app.db import get_engine

CACHED_PREFIX = "/v1/"
# The change feed is read to learn of writes as soon as they commit, and a long poll
# (`wait=`) answered from memory would come back at once: a client would spin.
UNCACHED_PATHS = ("/v1/changes",)
MAX_BODY_BYTES = 1_048_576
UNCACHED_TYPES = ("application/x-ndjson", "text/csv")
DATABASE_ERRORS = (SQLAlchemyError, sqlite3.Error, psycopg.Error, OSError)
# The Link header holds the absolute URL, so the host and scheme are part of the key.
Key = tuple[str, str, str, bytes, int]
# What the middlewares outside the cache add depends on: gzip accepted (GZipMiddleware's test),
# the Origin (CORSMiddleware mirrors an allowed one, "" stands for any other), and whether
# If-None-Match names the ETag (ETagMiddleware's 304).
Variant = tuple[bool, str | None, bool]
# Scope key: the data version FinalAnswers read for this request (None: unreadable).
VERSION_READ = "chancery.data_version"


@dataclass(frozen=True)
class Answer:
    """A response as a client received it, after every middleware."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass(frozen=True)
class Cached:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str = ""
    # Filled by FinalAnswers; evicted with the entry.
    answers: dict[Variant, Answer] = field(default_factory=dict, compare=False)


class LruCache:
    """At most `entries` responses, the least recently used evicted first; thread-safe."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._items: OrderedDict[Key, Cached] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Cached | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Key, value: Cached) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.entries:
                self._items.popitem(last=False)


@dataclass
class Recorder:
    """Forwards a response unchanged while keeping a copy of a whole, small one."""

    send: Send
    store: Callable[[Message, bytes], None]
    statuses: tuple[int, ...] = (200,)
    start: Message | None = None
    body: bytearray = field(default_factory=bytearray)
    keep: bool = False

    async def __call__(self, message: Message) -> None:
        await self.send(message)
        if message["type"] == "http.response.start":
            content_type = Headers(raw=message["headers"]).get("content-type", "")
            kept_status = message["status"] in self.statuses
            self.keep = kept_status and not content_type.startswith(UNCACHED_TYPES)
            self.start = message
        elif message["type"] == "http.response.body" and self.keep:
            self.body += message.get("body", b"")
            self.keep = len(self.body) <= MAX_BODY_BYTES
            if self.keep and not message.get("more_body", False) and self.start is not None:
                self.store(self.start, bytes(self.body))


class ResponseCacheMiddleware:
    """Answers a repeated `/v1` GET from memory while the data version is unchanged."""

    def __init__(
        self,
        app: ASGIApp,
        entries: int,
        version: VersionReader | None = None,
        stale_ms: int = 0,
    ) -> None:
        self.app = app
        self.cache = LruCache(entries)
        self._version = version
        self._reader: SqliteVersion | PostgresVersion | None = None
        self._stale_s = stale_ms / 1000
        self._known: tuple[int, float] | None = None
        self._reading: asyncio.Future[int] | None = None
        self._generation = 0
        self._computing: dict[Key, asyncio.Future[Cached | None]] = {}

    async def version(self) -> int:
        """The data version, read again once `stale_ms` have passed since the last read.

        One read at a time: requests that find the version due while it is being read go
        on with the one they knew (it is at most one round trip older), rather than queue
        behind each other's reads on the event loop, which stalled every request for up to
        300 ms at 10,000 requests/s on PostgreSQL.
        """
        known = self._known
        if known is not None and time.monotonic() - known[1] < self._stale_s:
            return known[0]
        if self._stale_s == 0:
            return await self._read_version()
        if self._reading is None:
            self._reading = asyncio.ensure_future(self._refresh(self._generation))
            # A failed read is seen by the requests that wait for it, or by the next one.
            self._reading.add_done_callback(lambda done: done.cancelled() or done.exception())
        reading = self._reading
        if known is not None:
            return known[0]
        return await asyncio.shield(reading)

    async def _read_version(self) -> int:
        if self._version is None:
            # Made on first use, when the engine is known.
            self._reader = version_reader(get_engine())
            self._version = self._reader
        return await self._version()

    async def _refresh(self, generation: int) -> int:
        started = time.monotonic()
        try:
            version = await self._read_version()
        finally:
            if generation == self._generation:
                self._reading = None
        if generation == self._generation:
            # Not kept when a write through this process came in meanwhile: the read may
            # have started before that write committed.
            self._known = (version, started)
        return version

    def forget_version(self) -> None:
        """The next request reads the version again (this process may have written)."""
        self._known = None
        self._reading = None
        self._generation += 1

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def closing_receive() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown" and self._reader is not None:
                await self._reader.close()
                self._reader = self._version = None
            return message

        await self.app(scope, closing_receive, send)

    async def version_for(self, scope: Scope) -> int | None:
        """The data version this request is answered for; None when it cannot be read."""
        if VERSION_READ in scope:
            version: int | None = scope[VERSION_READ]
            return version
        try:
            return await self.version()
        except DATABASE_ERRORS:
            return None

    def caches(self, scope: Scope) -> bool:
        """Whether this request is one the cache answers: a `/v1` GET but the feed, with the
        cache on."""
        return (
            self.cache.entries > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(CACHED_PREFIX)
            and scope["path"] not in UNCACHED_PATHS
        )

    def _key(self, scope: Scope, version: int) -> Key:
        return key_of(scope, Headers(scope=scope).get("host", ""), version)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
        if self.cache.entries == 0 or scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.caches(scope):
            try:
                await self.app(scope, receive, send)
            finally:
                self.forget_version()
            return
        version = await self.version_for(scope)
        if version is None:
            # The route reports an unreachable database in its own words.
            await self.app(scope, receive, send)
            return
        await self._answer(self._key(scope, version), scope, receive, send)

    async def _answer(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        hit = self.cache.get(key)
        if hit is None and key in self._computing:
            hit = await asyncio.shield(self._computing[key])
        if hit is not None:
            metrics.CACHE_HITS.inc()
            await send({"type": "http.response.start", "status": 200, "headers": hit.headers})
            await send({"type": "http.response.body", "body": hit.body})
            return
        await self._compute(key, scope, receive, send)

    async def _compute(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        stored: list[Cached] = []

        def store(start: Message, body: bytes) -> None:
            # Tagged once here, so the ETag middleware does not hash it on every hit.
            etag = etag_of(body)
            value = Cached([*start["headers"], (b"etag", etag.encode("latin-1"))], body, etag)
            self.cache.put(key, value)
            stored.append(value)

        if key in self._computing:
            # A waiter whose answer was not cacheable, while another request computes anew.
            await self.app(scope, receive, send)
            return
        metrics.CACHE_MISSES.inc()
        waiting: asyncio.Future[Cached | None] = asyncio.get_running_loop().create_future()
        self._computing[key] = waiting
        try:
            await self.app(scope, receive, Recorder(send, store))
        finally:
            del self._computing[key]
            # Waiters get the answer, or None (not cacheable: they compute their own).
            waiting.set_result(stored[0] if stored else None)


def key_of(scope: Scope, host: str, version: int) -> Key:
    return (scope["scheme"], host, scope["path"], scope["query_string"], version)
