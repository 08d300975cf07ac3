"""The keyset: a page after a cursor is an index range; a range between two cursors holds
exactly the rows between them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, bindparam, literal, select
from sqlmodel import col

from app.api.cursors import Cursor
from app.api.repositories.claims import CLAIMS
from app.api.repositories.keyset import (
    PageRequest,
    after,
    fetch_page,
    fetch_range,
    order_by,
    read_prepared,
    read_tuples,
)
from app.db import session_scope
from app.storage.bound import bound_values, in_bound
from app.storage.tables import Claim
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


def test_a_prepared_read_returns_what_sqlalchemy_returns(engine: Engine) -> None:
    """`read_prepared` runs a statement built once on the driver's cursor: the same rows as
    SQLAlchemy's path, with the statement's own bound values and the values given, on
    either driver's style of parameters; a parameter that needs processing (a date on
    SQLite) goes SQLAlchemy's way."""
    seed(engine)
    dialect = engine.dialect.name
    claim_id, status = col(Claim.id), col(Claim.status)
    by_ids = (
        select(claim_id, status, literal("x"))
        .where(in_bound(claim_id, "ids", dialect), status != "no such status")
        .order_by(claim_id)
    )
    since = select(claim_id).where(col(Claim.occurred_on) >= bindparam("since"))
    with session_scope(engine) as session:
        values = {"ids": bound_values(dialect, [1, 3, 5, 99])}
        rows = read_prepared(session, by_ids, values)
        assert rows == read_tuples(session, by_ids, values)
        assert [row[0] for row in rows] == [1, 3, 5]
        assert {row[2] for row in rows} == {"x"}
        assert read_prepared(session, by_ids, {"ids": bound_values(dialect, [])}) == []
        dated = read_prepared(session, since, {"since": date(2025, 1, 1)})
        assert sorted(dated) == sorted(read_tuples(session, since, {"since": date(2025, 1, 1)}))
        assert dated
