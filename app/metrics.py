"""The Prometheus metrics every part records (docs/operations.md says what each means).

Defined once, at import, in prometheus-client's default registry. With several server
workers `chancery serve` sets `PROMETHEUS_MULTIPROC_DIR` before they start, so each worker
writes its values to files there and a scrape adds them up (`scrape_registry`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.metrics_core import Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

# Seconds: from a cache hit (tens of µs) to a slow export (tens of seconds).
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
INGEST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
MULTIPROCESS_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter(
    "chancery_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
REQUEST_SECONDS = Histogram(
    "chancery_http_request_duration_seconds",
    "Time from a request's arrival to its last body byte sent, by method, route and status.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
IN_FLIGHT = Gauge(
    "chancery_http_requests_in_flight",
    "HTTP requests being answered now.",
    multiprocess_mode="livesum",
)
CACHE_HITS = Counter("chancery_response_cache_hits", "`/v1` GETs answered from the cache.")
CACHE_MISSES = Counter(
    "chancery_response_cache_misses", "`/v1` GETs the cache had to compute (then kept)."
)
POOL_IN_USE = Gauge(
    "chancery_db_pool_connections_in_use",
    "Database connections checked out of the pool now.",
    multiprocess_mode="livesum",
)
POOL_LIMIT = Gauge(
    "chancery_db_pool_connections_limit",
    "Connections the pool may open at most (its size plus overflow).",
    multiprocess_mode="livesum",
)
WAITING_FOR_DATABASE = Gauge(
    "chancery_requests_waiting_for_database",
    "Requests waiting for a place to run their database work (`CHANCERY_CONCURRENT_QUERIES`).",
    multiprocess_mode="livesum",
)
DATA_VERSION = Gauge(
    "chancery_data_version",
    "The data version: the id of the latest write to the briefs, read when scraped.",
    multiprocess_mode="mostrecent",
)
INGEST_BRIEFS = Counter(
    "chancery_ingest_briefs",
    "Briefs this process ingested, by outcome (ingested, updated, unchanged, rejected).",
    ["outcome"],
)
PARSE_SECONDS = Histogram(
    "chancery_ingest_parse_duration_seconds",
    "Time to parse one brief.",
    buckets=INGEST_BUCKETS,
)
STORE_SECONDS = Histogram(
    "chancery_ingest_store_duration_seconds",
    "Time to store one parsed brief (its transaction, retries included).",
    buckets=INGEST_BUCKETS,
)


def multiprocess_dir() -> str | None:
    """The folder the workers write their values to, when several share one scrape."""
    # prometheus-client itself reads this variable; it is the library's setting, not ours.
    return os.environ.get(MULTIPROCESS_DIR_VARIABLE) or None


class _RefreshedFirst(Collector):
    """Runs `refresh` (gauges read at scrape time), then yields what `source` holds."""

    def __init__(self, source: CollectorRegistry, refresh: Callable[[], None]) -> None:
        self.source = source
        self.refresh = refresh

    def collect(self) -> Iterable[Metric]:
        self.refresh()
        return self.source.collect()


def scrape_registry(refresh: Callable[[], None]) -> CollectorRegistry:
    """What a scrape reads: every worker's values in multiprocess mode, else this process's;
    `refresh` runs first on every scrape."""
    source = REGISTRY
    if multiprocess_dir() is not None:
        source = CollectorRegistry()
        MultiProcessCollector(source)  # type: ignore[no-untyped-call]
    registry = CollectorRegistry()
    registry.register(_RefreshedFirst(source, refresh))
    return registry
