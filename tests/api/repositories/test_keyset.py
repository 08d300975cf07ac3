"""The keyset: a page after a cursor is an index range; a range between two cursors holds
exactly the rows between them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from app.api.cursors import Cursor
from app.api.repositories.claims import CLAIMS
from app.api.repositories.keyset import PageRequest, after, fetch_page, fetch_range, order_by
from app.db import session_scope
from tests.api.corpus import seed


def test_a_cursor_page_starts_at_its_position_in_the_index(engine: Engine) -> None:
    """The keyset is an index range, not a scan that skips every earlier row."""
    query = CLAIMS.query().where(after(CLAIMS.keyset, Cursor("claims", date(2025, 9, 4), 3, True)))
    query = query.order_by(*order_by(CLAIMS.keyset, descending=True)).limit(51)
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = " ".join(connection.exec_driver_sql(f"EXPLAIN {sql}").scalars())
            assert "Index Cond: (ROW(occurred_on, id) < ROW(" in plan, plan
        else:
            plan = " ".join(
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
            assert "SEARCH claims USING INDEX ix_claims_occurred_on_id (occurred_on<?)" in plan, (
                plan
            )


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("chunk", [1, 2, 100])
def test_ranges_between_any_cursors_cover_the_rows_once_in_order(
    engine: Engine, descending: bool, chunk: int
) -> None:
    """Ranges cut at every pair of rows (the undated claims included) hold exactly the rows
    between their cursors, whatever the size of the queries that read them."""
    seed(engine)
    keyset = CLAIMS.keyset
    with session_scope(engine) as session:
        every = fetch_page(session, CLAIMS.query(), keyset, PageRequest(100, descending)).items
        ids = [row.id for row in every]
        assert len(ids) == 11
        assert None in [row.occurred_on for row in every]
        cursors = [None] + [Cursor("claims", row.occurred_on, row.id, descending) for row in every]
        for first in range(len(cursors)):
            for last in range(first + 1, len(cursors) + 1):
                end = cursors[last] if last < len(cursors) else None
                got = fetch_range(
                    session, CLAIMS.query(), keyset, descending, cursors[first], end, chunk
                )
                assert [row[0] for row in got] == ids[first:last]
