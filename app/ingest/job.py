"""The ingestion job: read, parse and store many briefs, one transaction each."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from app.config import get_settings
from app.db import get_engine, session_scope
from app.errors import BriefError
from app.ingest.actors import ActorResolver
from app.ingest.sources import BriefSource, read_bytes
from app.ingest.writer import Outcome, content_hash, find_same_content, find_stored, store_brief
from app.parsing import PARSER_VERSION, parse_brief
from app.parsing.models import ParsedBrief

# A concurrent writer can make a transaction fail (a unique key taken meanwhile, a deadlock,
# SQLite still locked after its busy timeout); the brief is retried from a fresh transaction.
MAX_ATTEMPTS = 5
RETRY_DELAY_S = 0.05
# Below this many files, starting parser processes costs more than it saves.
POOL_THRESHOLD = 64
PARSE_WINDOW = 64


@dataclass(frozen=True)
class FileResult:
    source: str
    name: str
    outcome: Outcome
    brief_id: int | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(result.outcome.value for result in self.results)
        return {outcome.value: counted.get(outcome.value, 0) for outcome in Outcome}

    @property
    def briefs_per_second(self) -> float:
        return len(self.results) / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == Outcome.rejected]

    def summary_line(self) -> str:
        parts = ", ".join(f"{n} {outcome}" for outcome, n in self.counts.items())
        return f"{parts} in {self.elapsed_s:.2f}s ({self.briefs_per_second:.0f} briefs/s)"

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "elapsed_s": round(self.elapsed_s, 3),
            "briefs_per_second": round(self.briefs_per_second, 1),
            "results": [result.as_dict() for result in self.results],
        }


def _store(
    engine: Engine, name: str, parsed: ParsedBrief, resolver: ActorResolver
) -> tuple[Outcome, int]:
    sha256 = content_hash(parsed.source)
    with session_scope(engine, write=True) as session:
        stored = find_stored(session, name, sha256)
        if stored is not None and stored[1:] == (sha256, PARSER_VERSION):
            return Outcome.unchanged, stored[0]
        if stored is None and (same := find_same_content(session, sha256)) is not None:
            return Outcome.unchanged, same
        result = store_brief(session, name, parsed, PARSER_VERSION, resolver)
    resolver.commit()
    return result.outcome, result.brief_id


def store_with_retry(
    engine: Engine, name: str, parsed: ParsedBrief, resolver: ActorResolver | None = None
) -> tuple[Outcome, int]:
    """Store one parsed brief in its own transaction, retrying after a lost race."""
    resolver = resolver or ActorResolver()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return _store(engine, name, parsed, resolver)
        except (IntegrityError, OperationalError):
            # What the failed transaction learned, and what was remembered before it (another
            # process may have changed actors meanwhile), is no longer trusted.
            resolver.forget()
            if attempt == MAX_ATTEMPTS:
                raise
            time.sleep(RETRY_DELAY_S * attempt)
    raise AssertionError("unreachable")


def read_and_parse(source: BriefSource, max_bytes: int) -> ParsedBrief | str:
    """Read and parse one brief; a bad brief gives its `FILE:LINE: message` instead."""
    try:
        return parse_brief(read_bytes(source, max_bytes), file=source.display, max_bytes=max_bytes)
    except BriefError as error:
        return str(error.with_file(source.display))


def _parse_in_pool(
    sources: list[BriefSource], max_bytes: int, workers: int
) -> Iterator[ParsedBrief | str]:
    # Parsing is CPU-bound and pure, writing is serial on SQLite: parse ahead in other
    # processes while this one writes. A bounded window keeps memory flat on big runs.
    # "spawn", because forked children would inherit this process's database connections.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        window: deque[Future[ParsedBrief | str]] = deque()
        for source in sources:
            window.append(pool.submit(read_and_parse, source, max_bytes))
            if len(window) >= PARSE_WINDOW:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def parsed_stream(
    sources: list[BriefSource], max_bytes: int, workers: int
) -> Iterator[ParsedBrief | str]:
    """Each source parsed (or its rejection message), in order."""
    if workers < 1 or len(sources) < POOL_THRESHOLD or any(s.path is None for s in sources):
        return (read_and_parse(source, max_bytes) for source in sources)
    return _parse_in_pool(sources, max_bytes, workers)


def store_parsed(
    engine: Engine, source: BriefSource, parsed: ParsedBrief | str, resolver: ActorResolver
) -> FileResult:
    """Store one parsed brief; a rejection or a failure to store becomes `rejected`."""
    if isinstance(parsed, str):
        return FileResult(source.display, source.name, Outcome.rejected, error=parsed)
    try:
        outcome, brief_id = store_with_retry(engine, source.name, parsed, resolver)
    except SQLAlchemyError as error:
        # The brief was fine but could not be stored (database gone, still contended):
        # report it like any other skipped file and go on, so the rest is not lost.
        message = f"{source.display}:1: could not be stored: {type(error).__name__}"
        return FileResult(source.display, source.name, Outcome.rejected, error=message)
    return FileResult(source.display, source.name, outcome, brief_id)


def default_workers() -> int:
    """Parser processes to run beside the writer: every core but the writer's."""
    return max((os.cpu_count() or 1) - 1, 0)


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
    parse_workers = default_workers() if workers is None else workers
    for source, parsed in zip(listed, parsed_stream(listed, max_bytes, parse_workers), strict=True):
        result = store_parsed(engine, source, parsed, resolver)
        report.results.append(result)
        if on_result is not None:
            on_result(result)
    report.elapsed_s = time.perf_counter() - started
    return report
