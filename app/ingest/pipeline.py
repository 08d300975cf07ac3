"""Read, triage and parse briefs ahead of the writer, in order.

The writer is serial (one transaction per brief; SQLite has one writer), so everything that
needs no database runs ahead of it: reading and normalising each file, skipping content that
is already stored without parsing it again, and parsing the rest in other processes, which
also turn each parsed brief into the rows to store (`app.ingest.rows`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Engine

from app.errors import BriefError
from app.ingest.parser_choice import configured_version, learned
from app.ingest.report import FileResult
from app.ingest.rows import PreparedBrief, prepare_brief
from app.ingest.sources import BriefSource, read_bytes
from app.ingest.writer import Outcome, content_hash
from app.interpreter import settle_collector
from app.parsing import normalise_source, parse_brief
from app.storage.briefs import stored_keys

log = logging.getLogger(__name__)

# Below this many files, starting parser processes costs more than it saves.
POOL_THRESHOLD = 64
# Briefs parsed ahead of the writer at most: bounds memory on runs of any size.
PARSE_WINDOW = 64
# How often a parser process checks that the job that started it is still there.
PARENT_POLL_S = 0.5

# What the writer receives for each source: a brief's rows to store, or a final result.
Prepared = PreparedBrief | FileResult


@dataclass
class StoredIndex:
    """Names and content hashes already stored, read once at the start of a run."""

    by_name: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    by_sha: dict[str, int] = field(default_factory=dict)
    # The parser version a brief parsed now is stored with (`parser_choice`).
    version: str = field(default_factory=configured_version)

    @classmethod
    def load(cls, engine: Engine) -> StoredIndex:
        index = cls()
        with engine.connect() as connection:
            for brief_id, name, sha256, version in stored_keys(connection):
                index.by_name[name] = (brief_id, sha256, version)
                index.by_sha.setdefault(sha256, brief_id)
        return index

    def unchanged(self, name: str, sha256: str) -> int | None:
        """The id of the stored brief this content leaves unchanged, if any."""
        stored = self.by_name.get(name)
        if stored is not None:
            return stored[0] if stored[1:] == (sha256, self.version) else None
        return self.by_sha.get(sha256)


def parse_text(text: str, display: str, max_bytes: int) -> PreparedBrief | str:
    """The rows of one normalised brief; a bad one gives its `FILE:LINE: message` instead."""
    try:
        parsed = parse_brief(text, file=display, max_bytes=max_bytes, learned=learned())
    except BriefError as error:
        return str(error.with_file(display))
    finally:
        settle_after_first_brief()
    return prepare_brief(parsed, content_hash(parsed.source))


@cache
def settle_after_first_brief() -> None:
    """Once per process: once the first parse has loaded the lexicons, they are frozen with
    the rest of the process's start-up (`app.interpreter`)."""
    settle_collector()


def _rejected(source: BriefSource, message: str) -> FileResult:
    return FileResult(source.display, source.name, Outcome.rejected, error=message)


def _triage(source: BriefSource, max_bytes: int, index: StoredIndex) -> str | FileResult:
    """The brief's normalised text when it needs parsing, else its final result."""
    try:
        text = normalise_source(read_bytes(source, max_bytes))
    except BriefError as error:
        return _rejected(source, str(error.with_file(source.display)))
    brief_id = index.unchanged(source.name, content_hash(text))
    if brief_id is not None:
        return FileResult(source.display, source.name, Outcome.unchanged, brief_id)
    return text


def _done(value: PreparedBrief | str | FileResult) -> Future[PreparedBrief | str | FileResult]:
    future: Future[PreparedBrief | str | FileResult] = Future()
    future.set_result(value)
    return future


def _as_prepared(source: BriefSource, value: PreparedBrief | str | FileResult) -> Prepared:
    return _rejected(source, value) if isinstance(value, str) else value


# A source, its normalised text when it goes to a parser process, and what comes back.
Pending = tuple[BriefSource, str | None, Future[PreparedBrief | str | FileResult]]


def _submit(pool: Executor | None, text: str, source: BriefSource, max_bytes: int) -> Pending:
    if pool is not None:
        try:
            return source, text, pool.submit(parse_text, text, source.display, max_bytes)
        except BrokenExecutor:
            pass  # parsed below, in this process
    return source, None, _done(parse_text(text, source.display, max_bytes))


def _collect(pending: Pending, max_bytes: int) -> Prepared:
    source, text, future = pending
    try:
        value = future.result()
    except BrokenExecutor:
        # A parser process died (killed, out of memory): the pool is gone, and every brief
        # it held is parsed here instead; nothing is lost and the run goes on.
        assert text is not None
        log.warning("a parser process stopped; %s is parsed in the job's process", source.display)
        value = parse_text(text, source.display, max_bytes)
    return _as_prepared(source, value)


def _stream(
    sources: list[BriefSource], max_bytes: int, index: StoredIndex, pool: Executor | None
) -> Iterator[Prepared]:
    window: deque[Pending] = deque()
    for source in sources:
        triaged = _triage(source, max_bytes, index)
        if isinstance(triaged, FileResult):
            window.append((source, None, _done(triaged)))
        else:
            window.append(_submit(pool, triaged, source, max_bytes))
        if len(window) >= PARSE_WINDOW:
            yield _collect(window.popleft(), max_bytes)
    for pending in window:
        yield _collect(pending, max_bytes)


def prepared_stream(
    sources: list[BriefSource], max_bytes: int, index: StoredIndex, workers: int
) -> Generator[Prepared]:
    """For each source, in order: the parsed brief to store, or its final result."""
    if workers < 1 or len(sources) < POOL_THRESHOLD:
        yield from _stream(sources, max_bytes, index, None)
        return
    # "spawn": forked children would inherit this process's open database connections.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        yield from _stream(sources, max_bytes, index, pool)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def exit_with_parent(parent: int) -> None:
    """Pool initializer: end this parser process when the job that started it is gone.

    A job killed outright (SIGKILL) cannot stop its pool, and a pool process waiting for
    work never notices on its own: it holds both ends of its task queue's pipe.
    SIGTERM (sent to the whole process group, as systemd does) is the job's to handle: it
    finishes its brief and stops the pool, so a parser process ignores it.
    """
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def default_workers() -> int:
    """Parser processes to run beside the writer: every core but the writer's."""
    return max((os.cpu_count() or 1) - 1, 0)
