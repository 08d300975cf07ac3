"""One brief stored, or deleted, in its own transaction: the write operations that the
ingestion job (`chancery ingest`), `chancery delete` and the API's write endpoints share."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from app import metrics
from app.db import get_engine, session_scope
from app.errors import BriefError, NotFoundError
from app.ingest import writer
from app.ingest.actors import ActorResolver
from app.ingest.driver import DriverCursor
from app.ingest.parser_choice import configured_version, learned
from app.ingest.rows import PreparedBrief, prepare_brief
from app.ingest.writer import Outcome, StoredBrief, content_hash, find_existing, write_brief
from app.parsing import parse_brief
from app.parsing.models import ParsedBrief
from app.storage import briefs as stored

# A concurrent writer can make a transaction fail (a unique key taken meanwhile, a deadlock,
# SQLite still locked after its busy timeout); the brief is retried from a fresh transaction.
MAX_ATTEMPTS = 5
RETRY_DELAY_S = 0.05


@dataclass(frozen=True)
class StoreResult:
    """What storing one brief did, and the name the brief is stored under (an unchanged
    brief may be stored under another name than the one asked for)."""

    outcome: Outcome
    brief_id: int
    source_name: str


def _store(engine: Engine, name: str, brief: PreparedBrief, resolver: ActorResolver) -> StoredBrief:
    with session_scope(engine, write=True) as session:
        db = DriverCursor(session)
        with db.batch():  # PostgreSQL: the transaction's BEGIN goes with this first query
            stored, same = find_existing(db, name, brief.sha256)
        version = configured_version()
        if stored is not None and stored[1:] == (brief.sha256, version):
            return StoredBrief(Outcome.unchanged, stored[0])
        if stored is None and same is not None:
            return StoredBrief(Outcome.unchanged, same)
        result = write_brief(db, name, brief, version, resolver, stored)
    resolver.commit()
    return result


def store_with_retry(
    engine: Engine,
    name: str,
    brief: ParsedBrief | PreparedBrief,
    resolver: ActorResolver | None = None,
) -> StoredBrief:
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


def timed_store(
    engine: Engine,
    name: str,
    brief: ParsedBrief | PreparedBrief,
    resolver: ActorResolver | None = None,
) -> StoredBrief:
    """`store_with_retry`, counted and timed in the ingest metrics."""
    started = time.perf_counter()
    result = store_with_retry(engine, name, brief, resolver)
    metrics.STORE_SECONDS.observe(time.perf_counter() - started)
    metrics.INGEST_BRIEFS.labels(result.outcome.value).inc()
    return result


def store_brief(
    data: bytes, *, source_name: str | None, unnamed_prefix: str, max_bytes: int
) -> StoreResult:
    """Parse one brief and store it in its own transaction (blocking). A brief given no
    name is stored under `unnamed_prefix` and the start of its content hash, so the same
    text sent twice is the same brief."""
    started = time.perf_counter()
    try:
        parsed = parse_brief(
            data, file=source_name or "<request>", max_bytes=max_bytes, learned=learned()
        )
    except BriefError:
        metrics.INGEST_BRIEFS.labels(Outcome.rejected.value).inc()
        raise
    metrics.PARSE_SECONDS.observe(time.perf_counter() - started)
    name = source_name or unnamed_prefix + content_hash(parsed.source)[:16]
    engine = get_engine()
    result = timed_store(engine, name, parsed)
    outcome, brief_id = result.outcome, result.brief_id
    with engine.connect() as connection:
        stored_name = stored.source_name(connection, brief_id)
    if stored_name is None:  # deleted between the two transactions
        raise NotFoundError(f"No brief with id {brief_id}.")
    return StoreResult(outcome, brief_id, stored_name)


def parse_stored(source: str) -> ParsedBrief:
    """A stored source read again by the parser (it parsed when stored; parsing is pure),
    for what a revision kept no rows of (the API's as-of reads)."""
    return parse_brief(source)


def delete_brief(brief_id: int, database_url: str | None = None) -> None:
    """Delete one brief and, by cascade, everything extracted from it, in its own write
    transaction; `NotFoundError` when there is no such brief."""
    with session_scope(get_engine(database_url), write=True) as session:
        if not writer.delete_brief(DriverCursor(session), brief_id):
            raise NotFoundError(f"No brief with id {brief_id}.")
