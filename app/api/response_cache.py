"""Whole-response cache for `/v1` GETs, keyed on the request and the data version.

Dashboards repeat the same queries; while no brief has been written, deleted or re-ingested
their answers cannot change. A hit costs one primary-key lookup (the data version, which
database triggers move on every write to `briefs`, from any process) and no query parsing,
validation or serialisation. Only complete 200 answers are kept; streamed NDJSON and large
bodies pass through. The cache is per process and bounded (least recently used goes first).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.caching import etag_of
from app.api.repositories.versions import (
    PostgresVersion,
    SqliteVersion,
    VersionReader,
    version_reader,
)
from app.db import get_engine

CACHED_PREFIX = "/v1/"
MAX_BODY_BYTES = 1_048_576
UNCACHED_TYPES = ("application/x-ndjson",)
# The Link header holds the absolute URL, so the host and scheme are part of the key.
Key = tuple[str, str, str, bytes, int]


@dataclass(frozen=True)
class Cached:
    headers: list[tuple[bytes, bytes]]
    body: bytes


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
class _Recorder:
    """Forwards a response unchanged while keeping a copy of a cacheable one."""

    send: Send
    store: Callable[[Cached], None]
    start: Message | None = None
    body: bytearray = field(default_factory=bytearray)
    keep: bool = False

    async def __call__(self, message: Message) -> None:
        await self.send(message)
        if message["type"] == "http.response.start":
            content_type = Headers(raw=message["headers"]).get("content-type", "")
            self.keep = message["status"] == 200 and not content_type.startswith(UNCACHED_TYPES)
            self.start = message
        elif message["type"] == "http.response.body" and self.keep:
            self.body += message.get("body", b"")
            self.keep = len(self.body) <= MAX_BODY_BYTES
            if self.keep and not message.get("more_body", False) and self.start is not None:
                body = bytes(self.body)
                # Tagged once here, so the ETag middleware does not hash it on every hit.
                tag = (b"etag", etag_of(body).encode("latin-1"))
                self.store(Cached([*self.start["headers"], tag], body))


class ResponseCacheMiddleware:
    """Answers a repeated `/v1` GET from memory while the data version is unchanged."""

    def __init__(self, app: ASGIApp, entries: int, version: VersionReader | None = None) -> None:
        self.app = app
        self.cache = LruCache(entries)
        self._version = version
        self._reader: SqliteVersion | PostgresVersion | None = None

    async def version(self) -> int:
        """The data version; its reader is made on first use, when the engine is known."""
        if self._version is None:
            self._reader = version_reader(get_engine())
            self._version = self._reader
        return await self._version()

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def closing_receive() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown" and self._reader is not None:
                await self._reader.close()
                self._reader = self._version = None
            return message

        await self.app(scope, closing_receive, send)

    def _key(self, scope: Scope, version: int) -> Key:
        host = Headers(scope=scope).get("host", "")
        return (scope["scheme"], host, scope["path"], scope["query_string"], version)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
        if (
            self.cache.entries == 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PREFIX)
        ):
            await self.app(scope, receive, send)
            return
        try:
            version = await self.version()
        except (SQLAlchemyError, sqlite3.Error, psycopg.Error, OSError):
            # The route reports an unreachable database in its own words.
            await self.app(scope, receive, send)
            return
        key = self._key(scope, version)
        hit = self.cache.get(key)
        if hit is None:
            recorder = _Recorder(send, lambda value: self.cache.put(key, value))
            await self.app(scope, receive, recorder)
            return
        await send({"type": "http.response.start", "status": 200, "headers": hit.headers})
        await send({"type": "http.response.body", "body": hit.body})
