"""The ingestion job: read, parse and store many briefs, one transaction each."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app import metrics
from app.config import get_settings
from app.db import get_engine
from app.ingest.actors import ActorResolver
from app.ingest.pipeline import StoredIndex, default_workers, prepared_stream
from app.ingest.report import FileResult, IngestReport
from app.ingest.rows import PreparedBrief
from app.ingest.service import timed_store
from app.ingest.sources import BriefSource
from app.ingest.writer import Outcome
from app.interpreter import settle_collector

log = logging.getLogger("chancery.ingest")


def store_parsed(
    engine: Engine, source: BriefSource, brief: PreparedBrief, resolver: ActorResolver
) -> FileResult:
    """Store one parsed brief; a failure to store it becomes `rejected`."""
    try:
        stored = timed_store(engine, source.name, brief, resolver)
    except SQLAlchemyError as error:
        # The brief was fine but could not be stored (database gone, still contended):
        # report it like any other skipped file and go on, so the rest is not lost.
        message = f"{source.display}:1: could not be stored: {type(error).__name__}"
        return FileResult(source.display, source.name, Outcome.rejected, error=message)
    return FileResult(
        source.display, source.name, stored.outcome, stored.brief_id, changes=stored.changes
    )


def log_rejection(result: FileResult) -> None:
    """One log record per rejected file, with its file and line as fields of their own."""
    log.warning(
        "rejected %s", result.error, extra={"file": result.source, "line": result.error_line}
    )


def ingest_sources(
    sources: Iterable[BriefSource],
    *,
    database_url: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    workers: int | None = None,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Ingest every source, one transaction each, and report what happened to each.

    Once `stop` is set (SIGTERM) the brief being stored finishes in its transaction and no
    other is started; the report says how many were not.
    """
    engine = get_engine(database_url)
    max_bytes = get_settings().max_brief_bytes
    listed = list(sources)
    report = IngestReport()
    resolver = ActorResolver()
    started = time.perf_counter()
    index = StoredIndex.load(engine)
    settle_collector()  # the engine, the stored index: the job's long-lived objects
    parse_workers = default_workers() if workers is None else workers
    stream = prepared_stream(listed, max_bytes, index, parse_workers)
    for source, prepared in zip(listed, stream, strict=True):
        if isinstance(prepared, FileResult):
            result = prepared
        else:
            result = store_parsed(engine, source, prepared, resolver)
        if result.outcome == Outcome.rejected:
            metrics.INGEST_BRIEFS.labels(Outcome.rejected.value).inc()
            log_rejection(result)
        report.results.append(result)
        if on_result is not None:
            on_result(result)
        if stop is not None and stop.is_set():
            report.interrupted = True
            report.not_started = len(listed) - len(report.results)
            stream.close()  # parser processes stop; what they were parsing is dropped
            break
    report.elapsed_s = time.perf_counter() - started
    return report
