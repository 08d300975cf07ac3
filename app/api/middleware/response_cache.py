"""Whole-response cache for `/v1` GETs, keyed on the request and the data version.

Dashboards repeat the same queries; while the data version stays, their answers cannot
change (`app.api.middleware.data_version`). An answer is kept as the layers inside the
cache made it, gzip included, keyed on the URL, the version and the one request header
those layers read (`Accept-Encoding`); the layers outside it (ETag, CORS, security headers,
the request id) run on every answer, a hit too, so nothing they decide is kept or replayed.

Identical requests that miss together are computed once: the others wait for that answer
rather than run the same queries side by side (when the version moves, every client of a
dashboard misses at the same moment). Only complete 200 answers are kept; exports (NDJSON,
CSV) and large bodies pass through. The cache is per process and bounded (least recently
used goes first).
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import metrics
from app.api.middleware.data_version import DataVersion, answers_from_data

MAX_BODY_BYTES = 1_048_576
UNCACHED_TYPES = ("application/x-ndjson", "text/csv")
# scheme, host (the Link header holds the absolute URL), path, query, data version, and
# Accept-Encoding (the gzip middleware inside reads it).
Key = tuple[str, bytes, str, bytes, int, bytes]


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
class Recorder:
    """Forwards a response unchanged while keeping a copy of a whole, small 200."""

    send: Send
    store: Callable[[Message, bytes], None]
    start: Message | None = None
    body: bytearray = field(default_factory=bytearray)
    keep: bool = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            content_type = Headers(raw=message["headers"]).get("content-type", "")
            self.keep = message["status"] == 200 and not content_type.startswith(UNCACHED_TYPES)
            # Kept before the layers outside add their headers to the list.
            self.start = {**message, "headers": list(message["headers"])}
        elif message["type"] == "http.response.body" and self.keep:
            self.body += message.get("body", b"")
            self.keep = len(self.body) <= MAX_BODY_BYTES
            if self.keep and not message.get("more_body", False) and self.start is not None:
                self.store(self.start, bytes(self.body))
        await self.send(message)


def key_of(scope: Scope, version: int) -> Key:
    host = accept_encoding = b""
    for name, value in scope["headers"]:
        # The first of each counts, as `Headers.get` reads them.
        if name == b"host" and not host:
            host = value
        elif name == b"accept-encoding" and not accept_encoding:
            accept_encoding = value
    return (scope["scheme"], host, scope["path"], scope["query_string"], version, accept_encoding)


class ResponseCacheMiddleware:
    """Answers a repeated `/v1` GET from memory while the data version is unchanged."""

    def __init__(self, app: ASGIApp, entries: int, versions: DataVersion) -> None:
        self.app = app
        self.cache = LruCache(entries)
        self.versions = versions
        self._computing: dict[Key, asyncio.Future[Cached | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.cache.entries == 0 or not answers_from_data(scope):
            await self.app(scope, receive, send)
            return
        version = await self.versions.for_request(scope)
        if version is None:
            # The route reports an unreachable database in its own words.
            await self.app(scope, receive, send)
            return
        key = key_of(scope, version)
        hit = self.cache.get(key)
        if hit is None and key in self._computing:
            hit = await asyncio.shield(self._computing[key])
        if hit is not None:
            metrics.CACHE_HITS.inc()
            # A new list: the layers outside add their headers to it.
            headers = list(hit.headers)
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": hit.body})
            return
        await self._compute(key, scope, receive, send)

    async def _compute(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        stored: list[Cached] = []

        def store(start: Message, body: bytes) -> None:
            stored.append(Cached(start["headers"], body))
            self.cache.put(key, stored[0])

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
