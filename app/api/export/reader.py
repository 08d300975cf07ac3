"""Every row of a list, read in keyset batches, each in its own short read transaction.

A batch opens a session, reads its rows and their related rows (actors, counts), and closes
it before the batch is written. So between batches an export holds no connection and no
transaction: on SQLite no read snapshot pins the WAL (a checkpoint can run), on PostgreSQL
no snapshot holds back vacuum, and a client that stops reading, or goes, holds nothing
while its batch waits to be sent. Rows written during an export may or may not appear, as
when walking the pages; none appears twice and none is skipped that existed throughout.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine

from app.api.repositories.base import Data, Listing, unranked
from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import PageRequest, count_rows, fetch_page
from app.db import session_scope

# Rows per batch: ~2 MB of claims as NDJSON, large enough that the per-batch costs (a
# transaction, two queries, a thread hop, one write) are a few percent of the batch.
EXPORT_BATCH = 5_000


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

    def next_batch(self) -> list[Data] | None:
        """The next batch as item data, or None once every row has been read."""
        if self.done:
            return None
        with session_scope(self.engine) as session:
            page = fetch_page(session, self._query, self._keyset, self._next, raw=True)
            time.sleep(0)  # other threads may run between the two halves (see export_stream)
            data = self.listing.to_data(session, unranked(page.items, self._next))
        if page.next_cursor is None:
            self.done = True
        else:
            self._next = replace(self._next, cursor=page.next_cursor)
        return data

    def count(self) -> int:
        """How many rows the export holds (one count query, for a progress bar)."""
        with session_scope(self.engine) as session:
            return count_rows(session, self._query)
