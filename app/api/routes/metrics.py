"""Prometheus metrics: at `/metrics` (off the OpenAPI document), or on a port of their own."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import start_http_server
from prometheus_client.exposition import choose_encoder
from prometheus_client.registry import CollectorRegistry
from sqlalchemy.exc import SQLAlchemyError

from app import metrics
from app.api.repositories.versions import data_version
from app.config import Settings
from app.db import session_scope
from app.errors import UnauthorizedError

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


def refresh_data_version() -> None:
    """Read the data version for this scrape; an unreadable database leaves the last one."""
    try:
        with session_scope() as session:
            metrics.DATA_VERSION.set(data_version(session))
    except SQLAlchemyError:
        log.warning("metrics: the data version could not be read")


def _registry(request: Request) -> CollectorRegistry:
    registry: CollectorRegistry = request.app.state.metrics_registry
    return registry


@router.get("/metrics")
def serve_metrics(request: Request) -> Response:
    """Every metric; with `CHANCERY_METRICS_KEY` set, only for a scraper bearing that key."""
    key: str | None = request.app.state.metrics_key
    if key is not None:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {key}".encode()):
            raise UnauthorizedError("Scraping needs `Authorization: Bearer <metrics key>`.")
    # Prometheus's text format (0.0.4), or OpenMetrics when the scraper asks for it.
    encode, media_type = choose_encoder(request.headers.get("accept", ""))
    return Response(encode(_registry(request)), media_type=media_type)


def install_metrics(app: FastAPI, settings: Settings) -> None:
    """Serve the metrics at `/metrics`, unless they are off or have a port of their own."""
    if not settings.metrics_enabled:
        return
    app.state.metrics_registry = metrics.scrape_registry(refresh_data_version)
    app.state.metrics_key = settings.metrics_key
    if settings.metrics_port is None:
        app.include_router(router)


def start_metrics_port(app: FastAPI, settings: Settings) -> None:
    """Serve the metrics on `CHANCERY_METRICS_PORT`. With several workers the first to bind
    the port serves it (every worker's values, through the multiprocess files)."""
    if not settings.metrics_enabled or settings.metrics_port is None:
        return
    try:
        start_http_server(
            settings.metrics_port, settings.metrics_host, registry=app.state.metrics_registry
        )
    except OSError:
        log.debug("metrics port %s served by another worker", settings.metrics_port)
