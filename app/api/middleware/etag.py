"""ETag and conditional GET: a 200 GET answer carries a tag; a client that sends that tag
back in `If-None-Match` gets `304 Not Modified` with no body.

A `/v1` answer is determined by its URL and the data version, so its tag is made from them
before the route runs, and a request naming it is answered 304 without running any query
(the version read aside, which is shared by every request for `stale_ms`): `ETagMiddleware`,
outside the response cache. Other GETs (the probes, the OpenAPI document, the dashboard's
files, the change feed) are tagged with a hash of their body: `BodyETagMiddleware`.
Tags are weak (RFC 9110 8.8.1): the gzip and identity bodies share one. Exports (NDJSON and
CSV) are passed through untouched: they are never buffered nor tagged.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.api.middleware.data_version import READ_FOR_REQUEST, DataVersion, answers_from_data

CACHE_CONTROL = "no-cache"
UNBUFFERED_TYPES = ("application/x-ndjson", "text/csv")
TAGGED_METHODS = ("GET", "HEAD")


def etag_of(body: bytes) -> str:
    """Weak entity tag of a response body."""
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def version_tag(scope: Scope, version: int) -> str:
    """Weak entity tag of a `/v1` answer: its URL (the host too: `Link` holds it) and the
    data version, and the code's version, so that no tag outlives a release."""
    host = Headers(scope=scope).get("host", "")
    identity = f"{__version__}\n{version}\n{scope['scheme']}\n{host}\n{scope['path']}\n"
    digest = hashlib.blake2b(identity.encode() + scope["query_string"], digest_size=16)
    return f'W/"{digest.hexdigest()}"'


def _named(if_none_match: str | None) -> list[str]:
    if not if_none_match:
        return []
    return [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]


def names(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` itself (weak comparison)."""
    return etag.removeprefix("W/") in _named(if_none_match)


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag`, or `*` (any current answer)."""
    return names(if_none_match, etag) or "*" in _named(if_none_match)


def _tagged(start: Message, etag: str, not_modified: bool) -> Message:
    headers = MutableHeaders(raw=list(start["headers"]))
    headers["ETag"] = etag
    headers["Cache-Control"] = CACHE_CONTROL
    if not not_modified:
        return {**start, "headers": headers.raw}
    for name in ("content-length", "content-type"):
        del headers[name]
    return {**start, "status": 304, "headers": headers.raw}


def _is_tagged(start: Message) -> bool:
    content_type = Headers(raw=start["headers"]).get("content-type", "")
    return start["status"] == 200 and not content_type.startswith(UNBUFFERED_TYPES)


class _VersionTagged:
    """Adds a tag known before the route ran; 304 when `If-None-Match` names it (as `*` does)."""

    def __init__(self, send: Send, etag: str, if_none_match: str | None) -> None:
        self.send = send
        self.etag = etag
        self.if_none_match = if_none_match
        self.not_modified = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            if _is_tagged(message):
                self.not_modified = matches(self.if_none_match, self.etag)
                message = _tagged(message, self.etag, self.not_modified)
        elif message["type"] == "http.response.body" and self.not_modified:
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b""}
        await self.send(message)


class _BodyTagged:
    """Buffers one response, tags it with a hash of its body, 304 when the client has it."""

    def __init__(self, send: Send, if_none_match: str | None) -> None:
        self.send = send
        self.if_none_match = if_none_match
        self.start: Message | None = None
        self.body = bytearray()

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            if _is_tagged(message):
                self.start = message
            else:
                await self.send(message)
            return
        if self.start is None or message["type"] != "http.response.body":
            await self.send(message)
            return
        self.body += message.get("body", b"")
        if not message.get("more_body", False):
            # A response that tags itself (the dashboard's static files) keeps its tag.
            etag = Headers(raw=self.start["headers"]).get("etag") or etag_of(bytes(self.body))
            not_modified = matches(self.if_none_match, etag)
            await self.send(_tagged(self.start, etag, not_modified))
            body = b"" if not_modified else bytes(self.body)
            await self.send({"type": "http.response.body", "body": body})


class ETagMiddleware:
    """Tags `/v1` answers with the data version and answers 304 before the route when the
    client names the tag; after any other request, the next one reads the version again."""

    def __init__(self, app: ASGIApp, versions: DataVersion) -> None:
        self.app = app
        self.versions = versions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not answers_from_data(scope):
            # It may have written (a POST, a DELETE) or found the database gone (`/readyz`):
            # the next answer from the data version reads the version again.
            try:
                await self.app(scope, receive, send)
            finally:
                self.versions.forget()
            return
        version = await self.versions.for_request(scope)
        if version is None:
            await self.app(scope, receive, send)  # `BodyETagMiddleware` tags it
            return
        etag = version_tag(scope, version)
        if_none_match = Headers(scope=scope).get("if-none-match")
        if names(if_none_match, etag):
            # The client has this answer: no route, no query. (`*` alone runs the route:
            # only a 200 is answered 304.)
            start = {"type": "http.response.start", "status": 200, "headers": []}
            await send(_tagged(start, etag, not_modified=True))
            await send({"type": "http.response.body", "body": b""})
            return
        await self.app(scope, receive, _VersionTagged(send, etag, if_none_match))


class BodyETagMiddleware:
    """Tags the GET answers `ETagMiddleware` did not with a hash of their body; inside the
    gzip middleware, so the hash is of the identity body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        tagged_by_version = scope.get(READ_FOR_REQUEST) is not None
        if scope["type"] != "http" or scope["method"] not in TAGGED_METHODS or tagged_by_version:
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        await self.app(scope, receive, _BodyTagged(send, if_none_match))
