"""An actor's counts and dates, and "seen in a date range", read from the kept counts, equal
what the rows give, on both databases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text
from sqlmodel import Session, col

from app.api.repositories import counts
from app.api.repositories.conditions import DateRange
from app.db import get_engine
from app.storage.tables import Actor
from tests.storage.test_counts import ingest_some

FROM_ROWS = """
SELECT a.id,
  (SELECT count(DISTINCT m.brief_id) FROM mentions m WHERE m.actor_id = a.id),
  (SELECT count(*) FROM (SELECT statement_id FROM statement_actors WHERE actor_id = a.id
     UNION SELECT id FROM statements WHERE speaker_id = a.id) s),
  (SELECT count(*) FROM claim_actors c WHERE c.actor_id = a.id),
  (SELECT min(b.occurred_on) FROM mentions m JOIN briefs b ON b.id = m.brief_id
     WHERE m.actor_id = a.id),
  (SELECT max(b.occurred_on) FROM mentions m JOIN briefs b ON b.id = m.brief_id
     WHERE m.actor_id = a.id)
FROM actors a
"""
SEEN_IN = (
    "SELECT DISTINCT m.actor_id FROM mentions m JOIN briefs b ON b.id = m.brief_id "
    "WHERE b.occurred_on >= :start AND b.occurred_on <= :end"
)


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def test_actor_counts_and_dates_equal_the_rows(database_url: str) -> None:
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        rows = session.execute(text(FROM_ROWS)).all()
        found = counts.seen(session, [row[0] for row in rows])
    assert len(rows) > 20
    for actor_id, briefs, statements, claims, first, last in rows:
        expected = counts.Seen(briefs, statements, claims, _day(first), _day(last))
        assert found.get(actor_id, counts.Seen()) == expected, actor_id


def test_seen_in_a_range_equals_the_rows(database_url: str) -> None:
    ingest_some(database_url, 20)
    start, end = date(2017, 1, 1), date(2021, 12, 31)
    with Session(get_engine(database_url)) as session:
        query = select(col(Actor.id)).where(counts.seen_in(DateRange(start, end)))
        seen = set(session.execute(query).scalars())
        expected = set(session.execute(text(SEEN_IN), {"start": start, "end": end}).scalars())
    assert seen == expected
    assert seen
