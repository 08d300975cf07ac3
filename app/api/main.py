"""The FastAPI application."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import iter_route_contexts
from starlette.middleware import Middleware
from starlette.types import ASGIApp

from app import __version__
from app.api.dependencies.rate_limits import WriteLimits
from app.api.lifespan import lifespan
from app.api.middleware.data_version import DataVersion
from app.api.middleware.etag import BodyETagMiddleware, ETagMiddleware
from app.api.middleware.observe import RequestObserver
from app.api.middleware.response_cache import ResponseCacheMiddleware
from app.api.middleware.security import SecurityHeadersMiddleware
from app.api.openapi.document import build_openapi
from app.api.problems.handlers import install_problem_handlers
from app.api.routes import health, v1
from app.api.routes.metrics import install_metrics
from app.config import get_settings
from app.dashboard import router as dashboard_router
from app.logs import configure_logging

DESCRIPTION = (
    "Diplomatic briefings as structured data: events, actors, verbatim statements "
    "attributed to resolved actors, and claims with their verification status, each "
    "pointing back to its exact place in the source text."
)


class ChanceryAPI(FastAPI):
    """FastAPI with the request observer and the security headers outside its whole stack.

    Starlette always puts its error middleware outermost of the stack it builds; the 500 it
    renders for an unhandled error must carry the request's id and the security headers,
    be counted and be logged like any answer, so these two wrap that stack.
    """

    def __init__(self, *, record_metrics: bool, **options: Any) -> None:
        super().__init__(**options)
        self.record_metrics = record_metrics

    def build_middleware_stack(self) -> ASGIApp:
        docs = (self.docs_url, self.redoc_url, self.swagger_ui_oauth2_redirect_url)
        secured = SecurityHeadersMiddleware(
            super().build_middleware_stack(), frozenset(path for path in docs if path)
        )
        # For the answers the router never sees (cache hits, 304s) and the routes that do
        # not name themselves in the scope: every route's full template, in routing order.
        templates = [
            (context.path, context.path_regex)
            for context in iter_route_contexts(self.router.routes)
            if context.path is not None and hasattr(context, "path_regex")
        ]
        return RequestObserver(secured, self.record_metrics, templates)


def create_app() -> FastAPI:
    """Build the application from the current settings."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    versions = DataVersion(settings.response_cache_stale_ms)
    # Outermost first. CORS answers preflights and adds its headers to every answer; a
    # request naming the current ETag of a `/v1` answer is answered 304 before the cache or
    # any query; the cache keeps answers as gzip made them, so a hit is not compressed
    # again; other answers are tagged by a hash of their body before gzip.
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "Link", "Location", "X-Request-ID"],
        ),
        Middleware(ETagMiddleware, versions=versions),
        Middleware(
            ResponseCacheMiddleware, entries=settings.response_cache_entries, versions=versions
        ),
        Middleware(GZipMiddleware, minimum_size=1024),
        Middleware(BodyETagMiddleware),
    ]
    app = ChanceryAPI(
        record_metrics=settings.metrics_enabled,
        title="Chancery",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=[*v1.TAGS, {"name": "health", "description": "Liveness and readiness."}],
        separate_input_output_schemas=False,
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.data_version = versions
    app.state.write_limits = WriteLimits.from_settings(settings)
    install_problem_handlers(app)
    app.include_router(health.router)
    app.include_router(v1.router)
    app.include_router(dashboard_router)
    install_metrics(app, settings)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app
