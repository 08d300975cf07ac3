"""The kept counts (`app.storage.counts`) against a recount of the rows, for the tests of
every path that writes briefs."""

from __future__ import annotations

from collections.abc import Sequence

from app.db import get_engine
from app.storage import counts


def kept_and_recounted(
    database_url: str, tables: Sequence[counts.CountTable] = counts.TABLES
) -> dict[str, tuple[counts.CountRows, counts.CountRows]]:
    """Per count table (of `tables`), what it holds and what a recount of the rows gives."""
    with get_engine(database_url).connect() as connection:
        return {
            table.name: (
                counts.stored_rows(connection, table),
                counts.expected_rows(connection, table),
            )
            for table in tables
        }


def assert_counts_exact(
    database_url: str,
    *,
    empty: bool = False,
    tables: Sequence[counts.CountTable] = counts.TABLES,
) -> None:
    for name, (kept, recounted) in kept_and_recounted(database_url, tables).items():
        assert kept == recounted, name
        assert (kept == {}) is empty, name
