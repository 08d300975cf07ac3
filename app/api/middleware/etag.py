"""ETag and conditional GET: a 200 GET answer carries a hash of its body; a client that
sends that hash back in `If-None-Match` gets `304 Not Modified` with no body.

Done as ASGI middleware so every GET is covered the same way; it sits inside the gzip
middleware, so the hash is of the identity body and the tag is weak (RFC 9110 8.8.1).
Exports (NDJSON and CSV) are passed through untouched: they are never buffered.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHE_CONTROL = "no-cache"
UNBUFFERED_TYPES = ("application/x-ndjson", "text/csv")


def etag_of(body: bytes) -> str:
    """Weak entity tag of a response body."""
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (weak comparison)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or wanted in tags


class _Conditional:
    """Buffers one response, tags it, and answers 304 when the client already has it."""

    def __init__(self, send: Send, if_none_match: str | None) -> None:
        self.send = send
        self.if_none_match = if_none_match
        self.start: Message | None = None
        self.passthrough = False
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            content_type = Headers(raw=message["headers"]).get("content-type", "")
            self.passthrough = message["status"] != 200 or content_type.startswith(UNBUFFERED_TYPES)
            if self.passthrough:
                await self.send(message)
            else:
                self.start = message
            return
        if self.passthrough or message["type"] != "http.response.body":
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if not message.get("more_body", False):
            await self._finish()

    async def _finish(self) -> None:
        assert self.start is not None
        headers = MutableHeaders(raw=list(self.start["headers"]))
        # An answer from the response cache carries the tag computed when it was stored.
        etag = headers.get("etag") or etag_of(bytes(self.body))
        headers["ETag"] = etag
        headers["Cache-Control"] = CACHE_CONTROL
        body = bytes(self.body)
        status = self.start["status"]
        if matches(self.if_none_match, etag):
            status, body = 304, b""
            for name in ("content-length", "content-type"):
                del headers[name]
        await self.send({**self.start, "status": status, "headers": headers.raw})
        await self.send({"type": "http.response.body", "body": body})


class ETagMiddleware:
    """Adds `ETag` and `Cache-Control` to successful GETs and honours `If-None-Match`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        await self.app(scope, receive, _Conditional(send, if_none_match))
