"""The keyset: a page after a cursor is an index range."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from app.api.cursors import Cursor
from app.api.repositories.claims import CLAIMS
from app.api.repositories.keyset import after, order_by


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
