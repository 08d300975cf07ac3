"""What the server does when it starts (settle the interpreter, count the database pool's
connections, open the metrics port, start the exports' helper process) and when it stops
(stop the helper, close the data version's connection and the pool).

Settling the interpreter: start-up's objects frozen and the young collected less often
(`app.interpreter`), and a thread waiting for the interpreter let in sooner.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from typing import Any

from anyio import to_thread
from fastapi import FastAPI
from prometheus_client import multiprocess
from sqlalchemy import Engine, event
from sqlalchemy.pool import QueuePool

from app import metrics
from app.api.export.process import ExportProcess
from app.api.routes.metrics import start_metrics_port
from app.config import get_settings
from app.db import get_engine
from app.interpreter import settle_collector

# How long a thread may keep the interpreter while another waits for it. An export encodes
# in a worker thread for seconds on end; at Python's 5 ms, every hand-off a request needs
# (each query, each await on the event loop) could wait 5 ms for it, and a 10 ms request
# took 100 ms. At 1 ms a waiting thread is let in five times sooner.
SWITCH_INTERVAL_S = 0.001


@cache
def settle_interpreter() -> None:
    """Once per process: settle the collector (`app.interpreter`); let a thread waiting
    for the interpreter in sooner (`SWITCH_INTERVAL_S`)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    settle_collector()


def _checked_out(*_: Any) -> None:
    metrics.POOL_IN_USE.inc()


def _checked_in(*_: Any) -> None:
    metrics.POOL_IN_USE.dec()


def count_pool_connections(engine: Engine) -> None:
    """Keep the pool gauges: connections in use (moved by the pool's own events), the limit."""
    if event.contains(engine, "checkout", _checked_out):
        return
    event.listen(engine, "checkout", _checked_out)
    event.listen(engine, "checkin", _checked_in)
    pool = engine.pool
    if isinstance(pool, QueuePool):
        metrics.POOL_LIMIT.set(pool.size() + pool._max_overflow)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Runs when the server starts and, once it stops, after the last request and stream
    (uvicorn waits for them up to `CHANCERY_SHUTDOWN_TIMEOUT_S`)."""
    settle_interpreter()
    settings = get_settings()
    # Per event loop: set here, in the server's own.
    to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
    engine = get_engine()
    if settings.metrics_enabled:
        count_pool_connections(engine)
        start_metrics_port(app, settings)
    app.state.exports = exports = ExportProcess.for_settings(settings)
    if exports is not None:
        exports.start()
    yield
    if exports is not None:
        await exports.close()
    await app.state.data_version.close()
    engine.dispose()
    if metrics.multiprocess_dir() is not None:
        # This worker's live gauges (in flight, pool) stop counting in the sum.
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]
