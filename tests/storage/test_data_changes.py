"""The data version: a `data_changes` row per write to `briefs`, the table kept small."""

from __future__ import annotations

from sqlalchemy import text

from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from tests.conftest import SEEDS

KEEP = 1000


def _changes(url: str) -> tuple[int, int]:
    with get_engine(url).connect() as connection:
        row = connection.execute(text("SELECT count(*), max(id) FROM data_changes")).one()
    return int(row[0]), int(row[1] or 0)


def test_every_write_moves_the_version_and_only_the_latest_rows_are_kept(
    database_url: str,
) -> None:
    seed = sorted(SEEDS.iterdir())[0]
    ingest_sources(discover([str(seed)]), database_url=database_url)
    _, first = _changes(database_url)
    with get_engine(database_url).begin() as connection:
        for _ in range(KEEP + 10):
            connection.execute(text("UPDATE briefs SET title = title"))
    count, latest = _changes(database_url)
    assert latest == first + KEEP + 10
    assert count == KEEP
