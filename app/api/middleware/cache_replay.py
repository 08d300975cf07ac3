"""Cache hits replayed from outside every middleware, as clients of their kind received them.

The response cache sits inside the ETag, gzip and CORS middlewares, so it keeps one identity
body per URL. `FinalAnswers`, outside every middleware, keeps next to each entry the answer
clients of one kind finally received, and replays it: a hit no longer goes through those
layers, which made most of its CPU (gzip compressed the same body again on every hit).
"""

from __future__ import annotations

from collections.abc import Collection

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import metrics
from app.api.middleware.etag import matches
from app.api.middleware.response_cache import (
    VERSION_READ,
    Answer,
    Key,
    Recorder,
    ResponseCacheMiddleware,
    Variant,
    key_of,
)
from app.config import Settings

# The request headers the key and the variant depend on; the first of each counts, as
# `Headers.get` reads them.
VARYING = (b"host", b"accept-encoding", b"origin", b"if-none-match")


class FinalAnswers:
    """Outside every middleware: replays a hit as clients of its kind first received it.

    What the middlewares between here and the cache add (security headers, CORS, gzip, ETag
    and 304) depends only on the stored response and on the request's `Variant`, so the
    answer recorded for one request is the answer to every request of the same variant.
    """

    def __init__(
        self, app: ASGIApp, cache: ResponseCacheMiddleware, cors_origins: Collection[str]
    ) -> None:
        self.app = app
        self.cache = cache
        self.cors_origins = frozenset(cors_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.cache.caches(scope):
            await self.app(scope, receive, send)
            return
        # Read once for both layers, so the cache answers for the version keyed here.
        version = scope[VERSION_READ] = await self.cache.version_for(scope)
        if version is None:
            await self.app(scope, receive, send)
            return
        request: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            if name in VARYING and name not in request:
                request[name] = value
        key = key_of(scope, request.get(b"host", b"").decode("latin-1"), version)
        found = self.cache.cache.get(key)
        answer = None if found is None else found.answers.get(self._variant(request, found.etag))
        if answer is not None:
            metrics.CACHE_HITS.inc()
            headers = list(answer.headers)
            await send({"type": "http.response.start", "status": answer.status, "headers": headers})
            await send({"type": "http.response.body", "body": answer.body})
            return
        await self._record(key, request, scope, receive, send)

    async def _record(
        self, key: Key, request: dict[bytes, bytes], scope: Scope, receive: Receive, send: Send
    ) -> None:
        answers: list[Answer] = []

        def store(start: Message, body: bytes) -> None:
            answers.append(Answer(start["status"], list(start["headers"]), body))

        await self.app(scope, receive, Recorder(send, store, statuses=(200, 304)))
        found = self.cache.cache.get(key)  # stored meanwhile, if this was a miss
        # Made from another body if the entry was evicted and computed again meanwhile.
        if found is None or not answers or (b"etag", found.etag.encode()) not in answers[0].headers:
            return
        answer = answers[0]
        # The identity body is the stored one: kept once.
        body = found.body if answer.body == found.body else answer.body
        found.answers[self._variant(request, found.etag)] = Answer(
            answer.status, answer.headers, body
        )

    def _variant(self, request: dict[bytes, bytes], etag: str) -> Variant:
        origin = request.get(b"origin")
        origin_class = None if origin is None else origin.decode("latin-1")
        if origin_class is not None and origin_class not in self.cors_origins:
            origin_class = ""
        if_none_match = request.get(b"if-none-match")
        not_modified = if_none_match is not None and matches(if_none_match.decode("latin-1"), etag)
        return (b"gzip" in request.get(b"accept-encoding", b""), origin_class, not_modified)


def install_response_cache(app: FastAPI, settings: Settings) -> None:
    """Cache answers inside the middlewares added after this, and replay them outside all.

    Call after `install_security` (replayed answers then carry its headers) and before
    adding the ETag, gzip and CORS middlewares (the cache then keeps the identity body).
    """
    layers: list[ResponseCacheMiddleware] = []

    def cache_layer(inner: ASGIApp) -> ResponseCacheMiddleware:
        entries, stale_ms = settings.response_cache_entries, settings.response_cache_stale_ms
        layers.append(ResponseCacheMiddleware(inner, entries, stale_ms=stale_ms))
        return layers[-1]

    app.add_middleware(cache_layer)
    build_stack = app.build_middleware_stack

    def build_with_replay() -> ASGIApp:
        stack = build_stack()
        return FinalAnswers(stack, layers[-1], settings.cors_origins)

    app.build_middleware_stack = build_with_replay  # type: ignore[method-assign]
