"""Every row of a list, read in keyset ranges, each in its own short read transaction.

The rows are cut into ranges of `EXPORT_BATCH` rows: the end of each is found from the
keys alone, the database stepping over them (`claim`, one range after another), and the
rows of a range are then read between its two cursors (`read_*`). Ranges are bounded at
both ends, so they can be read in any order or at once (`InParallel`): the next range is
read while one is written, and `CHANCERY_EXPORT_READERS` ranges at once (on PostgreSQL
each in its own backend, on its own core).

A range's read opens a session, reads its rows and their related rows, and closes it before
the range is written. So between reads an export holds no connection and no transaction:
on SQLite no read snapshot pins the WAL (a checkpoint can run), on PostgreSQL no snapshot
holds back vacuum, and a client that stops reading, or goes, holds nothing while its
batch waits to be sent. Rows written during an export may or may not appear, as when
walking the pages; none appears twice and none is skipped that existed throughout.

NDJSON of a list with `JsonRows` (claims) is read as the JSON text the database writes,
closed with each row's actors: no dict per row, and no orjson but for the actors. CSV of a
list with a `csv_query` (claims) is each row's whole line as the database writes it, its
actors' slugs included: no csv module.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from app.api.cursors import Cursor
from app.api.export.formats import Cells, CsvWriter, ndjson_chunk
from app.api.export.give_way import give_way, sliced
from app.api.repositories.base import Data, Listing, Rows, ndjson_lines, text_lines, unranked
from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import (
    AnySelect,
    PageRequest,
    after,
    core_column,
    count_rows,
    fetch_page,
    fetch_range,
    order_by,
    read_tuples,
)
from app.config import get_settings
from app.db import session_scope

# Rows per range: ~2 MB of claims as NDJSON, large enough that the per-range costs (two
# transactions, three queries, a thread hop, one write) are a few percent of the range.
EXPORT_BATCH = 5_000
R = TypeVar("R")


@dataclass(frozen=True)
class Range:
    """The rows after `start` up to and including `end`'s row (None: from the first; to
    the last), the `index`-th range of an export."""

    index: int
    start: Cursor | None
    end: Cursor | None


@dataclass
class BatchReader:
    """Reads `listing`'s rows meeting `conditions`, range after range, from `start` on
    (its cursor, if any, and its sort direction; its limit is ignored)."""

    engine: Engine
    listing: Listing[Any]
    conditions: Conditions
    start: PageRequest
    done: bool = False

    def __post_init__(self) -> None:
        self._page = replace(self.start, limit=EXPORT_BATCH, include_total=False)
        self._cursor, self._index, self._lock = self.start.cursor, 0, threading.Lock()
        dialect = self.engine.dialect.name
        self._query, self._keyset = self.listing.ordered(self.conditions, self.start, dialect)
        keys = (core_column(self._keyset.key), core_column(self._keyset.id))
        self._keys = self._query.with_only_columns(*keys)
        self._json: tuple[AnySelect, Callable[[], AnySelect]] | None = None
        # The database's JSON lines hold no relevance score to page by: an export sorted by
        # relevance builds its lines from item data.
        self._csv: AnySelect | None = None
        json_rows, csv_query = self.listing.json_rows, self.listing.csv_query
        if json_rows is not None and not self.start.by_relevance:
            self._json = (json_rows.query(dialect).where(*self.conditions), json_rows.pairs)
        if csv_query is not None and not self.start.by_relevance:
            self._csv = csv_query(dialect).where(*self.conditions)

    @property
    def claimed(self) -> int:
        """How many ranges have been claimed so far."""
        return self._index

    def claim(self) -> Range | None:
        """The next range, or None once every row is in one (ranges come in order, one
        at a time, whichever thread asks)."""
        with self._lock:
            if self.done:
                return None
            start = self._cursor
            with session_scope(self.engine) as session:
                end = self._end_after(session, start)
            claimed = Range(self._index, start, end)
            self._cursor, self._index, self.done = end, self._index + 1, end is None
            return claimed

    def _end_after(self, session: Session, start: Cursor | None) -> Cursor | None:
        """The cursor of the `EXPORT_BATCH`-th row after `start`, if more rows follow it:
        the end of the range starting at `start` (None: the range runs to the last row)."""
        keyset, descending = self._keyset, self.start.descending
        # The database steps over the range's keys (OFFSET) and returns the row at its end
        # and the one after, rather than every key of the range (a fifth of a SQLite
        # export's time); undated rows, and the last range, are walked as a page is.
        probe = self._keys.where(keyset.key.is_not(None))
        if start is not None:
            probe = probe.where(after(keyset, start))
        probe = probe.order_by(*order_by(keyset, descending)).offset(EXPORT_BATCH - 1).limit(2)
        found = read_tuples(session, probe)
        if len(found) == 2:
            return Cursor(keyset.scope, found[0][0], found[0][1], descending)
        page = replace(self._page, cursor=start)
        return fetch_page(session, self._keys, keyset, page, raw=True).next_cursor

    def _read(self, span: Range, query: AnySelect, finish: Callable[[Session, Rows], R]) -> R:
        """`span`'s rows of `query`, made into `finish`'s answer in one read transaction."""
        give_way()
        with session_scope(self.engine) as session:
            descending = self.start.descending
            rows = fetch_range(
                session, query, self._keyset, descending, span.start, span.end, EXPORT_BATCH + 1
            )
            give_way()  # other requests may run between the two halves
            return finish(session, unranked(rows, self._page))

    def read_batch(self, span: Range) -> list[Data]:
        """`span`'s rows as item data."""
        return self._read(span, self._query, self.listing.to_data)

    def read_ndjson(self, span: Range) -> bytes:
        """`span`'s rows as NDJSON lines."""
        if self._json is None:
            return sliced(ndjson_chunk, self.read_batch(span))
        query, pairs = self._json
        return self._read(span, query, lambda session, rows: ndjson_lines(session, pairs, rows))

    def read_cells(self, span: Range, writer: CsvWriter) -> Cells:
        """`span`'s rows as CSV cells (`writer`'s columns)."""
        if self.listing.csv_cells is not None:
            return self._read(span, self._query, self.listing.csv_cells)
        return writer.cells(self.read_batch(span))

    def read_csv(self, span: Range, writer: CsvWriter) -> tuple[bytes, int]:
        """`span`'s rows as CSV lines (`writer`'s columns), and how many rows they are (a
        quoted cell may hold line breaks)."""
        if self._csv is None:
            cells = self.read_cells(span, writer)
            return sliced(writer.rows, cells), len(cells)
        return self._read(span, self._csv, lambda _session, rows: (text_lines(rows), len(rows)))

    def next_batch(self) -> list[Data] | None:
        """The next range's rows as item data, or None once every row has been read."""
        span = self.claim()
        return None if span is None else self.read_batch(span)

    def next_ndjson(self) -> bytes | None:
        """The next range's rows as NDJSON lines, or None once every row has been read."""
        span = self.claim()
        return None if span is None else self.read_ndjson(span)

    def next_cells(self, writer: CsvWriter) -> Cells | None:
        """The next range's rows as CSV cells, or None once every row has been read."""
        span = self.claim()
        return None if span is None else self.read_cells(span, writer)

    def count(self) -> int:
        """How many rows the export holds (one count query, for a progress bar)."""
        with session_scope(self.engine) as session:
            return count_rows(session, self._query)


# Ranges read at once by one export: `CHANCERY_EXPORT_READERS` (docs/benchmarks.md,
# "Exports, third pass"): on PostgreSQL two backends build two ranges on two cores, at 100k
# briefs 188,000 NDJSON rows/s against 109,000 with one, but other requests' p99 during an
# export went from 20 to 52 ms; on SQLite two threads in one process slowed each other.
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="export")


class InParallel(Generic[R]):
    """`read(range)` of each of `reader`'s ranges, in order, `export_readers` ranges read
    at once in a pool of threads (as many ahead of the one being written); `close()`
    cancels the ranges not yet started and waits for those being read (a range's read,
    then its session closes: milliseconds)."""

    def __init__(self, reader: BatchReader, read: Callable[[Range], R]) -> None:
        self._reader, self._read = reader, read
        self._readers = get_settings().export_readers
        self._pending: deque[Future[tuple[int, R] | None]] = deque()
        self._ready: dict[int, R] = {}
        self._next = reader.claimed

    def _task(self) -> tuple[int, R] | None:
        span = self._reader.claim()
        return None if span is None else (span.index, self._read(span))

    def __iter__(self) -> InParallel[R]:
        return self

    def _fill(self) -> None:
        while len(self._pending) < self._readers and not self._reader.done:
            self._pending.append(_POOL.submit(self._task))

    def __next__(self) -> R:
        while self._next not in self._ready:
            self._fill()
            if not self._pending:
                raise StopIteration
            done = self._pending.popleft().result()
            if done is not None:
                self._ready[done[0]] = done[1]
        self._fill()  # the next ranges are read while this one is written
        self._next += 1
        return self._ready.pop(self._next - 1)

    def close(self) -> None:
        for future in self._pending:
            future.cancel()
        wait(self._pending)
        self._pending.clear()
