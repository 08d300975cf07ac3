"""Outermost: each request's id, its metrics (count, latency, in flight) and its access log line.

Kept cheap, as a pure ASGI middleware doing a handful of dictionary lookups a request: an
uncached list costs ~10 ms of CPU, a cache hit ~50 µs. The metric children for each
(method, route, status) are looked up once and kept.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
from collections.abc import Sequence
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import metrics
from app.api.export import give_way
from app.logs import REQUEST_ID

HEADER = b"x-request-id"
# An incoming id is kept when it is 1-128 of these characters (a UUID, a trace id like
# `Root=1-5759e988-bd862e3fe1be46a994272793`); anything else is replaced by a fresh one, so
# no header can smuggle line breaks or markup into the logs or the problem bodies.
VALID_ID = re.compile(rb"[A-Za-z0-9._:=+/-]{1,128}")
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
UNMATCHED = "unmatched"
# Paths whose route template is known, for answers the router never saw (cache hits, 304s
# answered from the data version); cleared when full, so any number of ids in paths stays
# bounded.
TEMPLATES_KEPT = 4096

access_log = logging.getLogger("chancery.access")


# A made id: 16 random hex digits drawn once per process, then a counter in 16 more, so ids
# are unique across workers and restarts without drawing randomness (uuid4 took 1.8 µs, a
# sixth of a cache hit).
_PROCESS_PREFIX = os.urandom(8).hex()
_made = itertools.count(1)


def request_id_of(scope: Scope) -> str:
    """The request's own `X-Request-ID` when it is well-formed, else a new one."""
    for name, value in scope["headers"]:
        if name == HEADER:
            if VALID_ID.fullmatch(value):
                return str(value.decode("ascii"))
            break
    return f"{_PROCESS_PREFIX}{next(_made):016x}"


class RequestObserver:
    """Gives each HTTP request an id, counts and times it, and logs one line for it."""

    def __init__(
        self,
        app: ASGIApp,
        record_metrics: bool,
        templates: Sequence[tuple[str, re.Pattern[str]]] = (),
    ) -> None:
        self.app = app
        self.record_metrics = record_metrics
        self._templates: dict[int, str] = {}  # id(route) -> its full template
        # Every route's template and pattern, in the router's order, known from the start:
        # Starlette's own routes (the OpenAPI document, /docs) do not name themselves in the
        # scope, and a 304 for a tag another process made is answered before any routing.
        self._patterns: dict[str, re.Pattern[str]] = dict(templates)  # template -> pattern
        self._paths: dict[str, str] = {}  # path -> template
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        root_path = scope.get("root_path", "")
        request_id = request_id_of(scope)
        header = (HEADER, request_id.encode("ascii"))
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500  # unless a response starts

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # A new list: the one given may be kept by the response cache.
                message = {**message, "headers": [*message.get("headers", ()), header]}
            await send(message)

        if self.record_metrics:
            metrics.IN_FLIGHT.inc()
        give_way.answering(+1)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            give_way.answering(-1)
            seconds = time.perf_counter() - started
            route = self.template(scope, root_path)
            if self.record_metrics:
                metrics.IN_FLIGHT.dec()
                self._observe(scope["method"], route, status, seconds)
            if access_log.isEnabledFor(logging.INFO):
                self._log(scope, route, status, seconds)
            REQUEST_ID.reset(token)

    def template(self, scope: Scope, root_path: str = "") -> str:
        """The route template that answered (`/v1/briefs/{brief_id}`), not the path itself;
        `root_path` is the scope's before the request was routed."""
        path: str = scope["path"]
        route = scope.get("route")
        mounted_at = scope.get("root_path", "")
        if route is None and len(mounted_at) > len(root_path):
            return f"{mounted_at}/{{path}}"  # a mounted app (the dashboard's static files)
        if route is None:
            # Not routed: a cache hit or a 304 (its path was routed before), or no route.
            template = self._paths.get(path)
            if template is None:
                template = self._known_template(path)
                self._remember(path, template)
            return template
        template = self._templates.get(id(route))  # routes live as long as the app
        if template is None:
            template = self._full_template(route, path)
            self._templates[id(route)] = template
            self._patterns[template] = compile_path(template)[0]
        self._remember(path, template)
        return template

    @staticmethod
    def _full_template(route: Any, path: str) -> str:
        # FastAPI names the route as its router declared it (`/briefs/{brief_id}`), without
        # the prefixes of the routers that include it: those are the part of the path
        # before what the route's own pattern matches (no prefix here has parameters; each
        # route is included once).
        regex = getattr(route, "path_regex", None)
        own = str(getattr(route, "path", UNMATCHED))
        if regex is None:
            return own
        for start, character in enumerate(path):
            if character == "/" and regex.match(path[start:]):
                return path[:start] + own
        return own

    def _known_template(self, path: str) -> str:
        for template, pattern in self._patterns.items():
            if pattern.match(path):
                return template
        return UNMATCHED

    def _remember(self, path: str, template: str) -> None:
        if path not in self._paths:
            if len(self._paths) >= TEMPLATES_KEPT:
                self._paths.clear()
            self._paths[path] = template

    def _observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method if method in METHODS else "other", route, status)
        children = self._children.get(key)
        if children is None:
            labels = (key[0], route, str(status))
            children = (metrics.REQUESTS.labels(*labels), metrics.REQUEST_SECONDS.labels(*labels))
            self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)

    @staticmethod
    def _log(scope: Scope, route: str, status: int, seconds: float) -> None:
        method, path = scope["method"], scope["path"]
        duration_ms = round(seconds * 1000, 3)
        fields = {"method": method, "path": path, "route": route, "status": status}
        access_log.info(
            "%s %s %d %.1f ms", method, path, status, duration_ms,
            extra={**fields, "duration_ms": duration_ms},
        )  # fmt: skip
