"""The FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware

from app import __version__
from app.api.lifespan import lifespan
from app.api.middleware.cache_replay import install_response_cache
from app.api.middleware.etag import ETagMiddleware
from app.api.middleware.observe import install_observer
from app.api.middleware.security import install_security
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


def create_app() -> FastAPI:
    """Build the application from the current settings."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    app = FastAPI(
        title="Chancery",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=[*v1.TAGS, {"name": "health", "description": "Liveness and readiness."}],
        separate_input_output_schemas=False,
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    install_security(app, settings)
    # Innermost first: the ETag is computed on the body before gzip compresses it; the
    # cache keeps that body, and replays its final answers outside the security headers.
    install_response_cache(app, settings)
    # Outside even the cache's replay: every answer gets its request id, counts and is logged.
    install_observer(app, settings.metrics_enabled)
    app.add_middleware(ETagMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "Location", "X-Request-ID"],
    )
    app.include_router(health.router)
    app.include_router(v1.router)
    app.include_router(dashboard_router)
    install_metrics(app, settings)
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
    return app
