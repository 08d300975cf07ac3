"""The ingestion job: read, parse and store many briefs, one transaction each."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from app.config import get_settings
from app.db import get_engine, session_scope
from app.ingest.actors import ActorResolver
from app.ingest.driver import DriverCursor
from app.ingest.pipeline import StoredIndex, default_workers, prepared_stream
from app.ingest.report import FileResult, IngestReport
from app.ingest.rows import PreparedBrief, prepare_brief
from app.ingest.sources import BriefSource
from app.ingest.writer import Outcome, content_hash, find_existing, write_brief
from app.parsing import PARSER_VERSION
from app.parsing.models import ParsedBrief

# A concurrent writer can make a transaction fail (a unique key taken meanwhile, a deadlock,
# SQLite still locked after its busy timeout); the brief is retried from a fresh transaction.
MAX_ATTEMPTS = 5
RETRY_DELAY_S = 0.05


def _store(
    engine: Engine, name: str, brief: PreparedBrief, resolver: ActorResolver
) -> tuple[Outcome, int]:
    with session_scope(engine, write=True) as session:
        db = DriverCursor(session)
        with db.batch():  # PostgreSQL: the transaction's BEGIN goes with this first query
            stored, same = find_existing(db, name, brief.sha256)
        if stored is not None and stored[1:] == (brief.sha256, PARSER_VERSION):
            return Outcome.unchanged, stored[0]
        if stored is None and same is not None:
            return Outcome.unchanged, same
        result = write_brief(db, name, brief, PARSER_VERSION, resolver, stored)
    resolver.commit()
    return result.outcome, result.brief_id


def store_with_retry(
    engine: Engine,
    name: str,
    brief: ParsedBrief | PreparedBrief,
    resolver: ActorResolver | None = None,
) -> tuple[Outcome, int]:
    """Store one parsed brief (or its rows) in its own transaction, retrying after a lost race."""
    if isinstance(brief, ParsedBrief):
        brief = prepare_brief(brief, content_hash(brief.source))
    resolver = resolver or ActorResolver()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return _store(engine, name, brief, resolver)
        except (IntegrityError, OperationalError):
            # What the failed transaction learned, and what was remembered before it (another
            # process may have changed actors meanwhile), is no longer trusted.
            resolver.forget()
            if attempt == MAX_ATTEMPTS:
                raise
            time.sleep(RETRY_DELAY_S * attempt)
    raise AssertionError("unreachable")


def store_parsed(
    engine: Engine, source: BriefSource, brief: PreparedBrief, resolver: ActorResolver
) -> FileResult:
    """Store one parsed brief; a failure to store it becomes `rejected`."""
    try:
        outcome, brief_id = store_with_retry(engine, source.name, brief, resolver)
    except SQLAlchemyError as error:
        # The brief was fine but could not be stored (database gone, still contended):
        # report it like any other skipped file and go on, so the rest is not lost.
        message = f"{source.display}:1: could not be stored: {type(error).__name__}"
        return FileResult(source.display, source.name, Outcome.rejected, error=message)
    return FileResult(source.display, source.name, outcome, brief_id)


def ingest_sources(
    sources: Iterable[BriefSource],
    *,
    database_url: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest every source, one transaction each, and report what happened to each."""
    engine = get_engine(database_url)
    max_bytes = get_settings().max_brief_bytes
    listed = list(sources)
    report = IngestReport()
    resolver = ActorResolver()
    started = time.perf_counter()
    index = StoredIndex.load(engine)
    parse_workers = default_workers() if workers is None else workers
    stream = prepared_stream(listed, max_bytes, index, parse_workers)
    for source, prepared in zip(listed, stream, strict=True):
        if isinstance(prepared, FileResult):
            result = prepared
        else:
            result = store_parsed(engine, source, prepared, resolver)
        report.results.append(result)
        if on_result is not None:
            on_result(result)
    report.elapsed_s = time.perf_counter() - started
    return report
