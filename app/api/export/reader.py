"""Every row of a list, read in keyset batches, each in its own short read transaction.

A batch opens a session, reads its rows and their related rows (actors, counts), and closes
it before the batch is written. So between batches an export holds no connection and no
transaction: on SQLite no read snapshot pins the WAL (a checkpoint can run), on PostgreSQL
no snapshot holds back vacuum, and a client that stops reading, or goes, holds nothing
while its batch waits to be sent. Rows written during an export may or may not appear, as
when walking the pages; none appears twice and none is skipped that existed throughout.

NDJSON of a list with `JsonRows` (claims) is read as the JSON text the database writes,
closed with each row's actors: no dict per row, and no orjson but for the actors.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from app.api.export.formats import Cells, CsvWriter, ndjson_chunk, sliced
from app.api.repositories.base import Data, Listing, Rows, ndjson_lines, unranked
from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import AnySelect, PageRequest, count_rows, fetch_page
from app.db import session_scope

# Rows per batch: ~2 MB of claims as NDJSON, large enough that the per-batch costs (a
# transaction, two queries, a thread hop, one write) are a few percent of the batch.
EXPORT_BATCH = 5_000
R = TypeVar("R")


@dataclass
class BatchReader:
    """Reads `listing`'s rows meeting `conditions`, batch after batch, from `start` on
    (its cursor, if any, and its sort direction; its limit is ignored)."""

    engine: Engine
    listing: Listing[Any]
    conditions: Conditions
    start: PageRequest
    done: bool = False

    def __post_init__(self) -> None:
        self._next = replace(self.start, limit=EXPORT_BATCH, include_total=False)
        dialect = self.engine.dialect.name
        self._query, self._keyset = self.listing.ordered(self.conditions, self.start, dialect)
        json_rows = self.listing.json_rows
        self._json: tuple[AnySelect, Callable[[], AnySelect]] | None = None
        # The database's JSON lines hold no relevance score to page by: an export sorted by
        # relevance builds its lines from item data.
        if json_rows is not None and not self.start.by_relevance:
            query = json_rows.query(dialect).where(*self.conditions)
            self._json = (query, json_rows.pairs)

    def _read(self, query: AnySelect, finish: Callable[[Session, Rows], R]) -> R | None:
        """The next batch of `query`'s rows, made into `finish`'s answer in the same read
        transaction; None once every row has been read."""
        if self.done:
            return None
        with session_scope(self.engine) as session:
            page = fetch_page(session, query, self._keyset, self._next, raw=True)
            time.sleep(0)  # other threads may run between the two halves (see export_stream)
            result = finish(session, unranked(page.items, self._next))
        if page.next_cursor is None:
            self.done = True
        else:
            self._next = replace(self._next, cursor=page.next_cursor)
        return result

    def next_batch(self) -> list[Data] | None:
        """The next batch as item data, or None once every row has been read."""
        return self._read(self._query, self.listing.to_data)

    def next_ndjson(self) -> bytes | None:
        """The next batch as NDJSON lines, or None once every row has been read."""
        if self._json is None:
            batch = self.next_batch()
            return None if batch is None else sliced(ndjson_chunk, batch)
        query, pairs = self._json
        return self._read(query, lambda session, rows: ndjson_lines(session, pairs, rows))

    def next_cells(self, writer: CsvWriter) -> Cells | None:
        """The next batch as CSV cells (`writer`'s columns), or None once every row has
        been read."""
        if self.listing.csv_cells is not None:
            return self._read(self._query, self.listing.csv_cells)
        batch = self.next_batch()
        return None if batch is None else writer.cells(batch)

    def count(self) -> int:
        """How many rows the export holds (one count query, for a progress bar)."""
        with session_scope(self.engine) as session:
            return count_rows(session, self._query)
