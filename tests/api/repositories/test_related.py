"""An actor's related actors, read from the counts per pair of actors and day, equal what
the claims, statements and events linking both give, under dates and statuses, on both
databases."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from app.api.repositories import counts
from app.api.repositories.conditions import DateRange
from app.db import get_engine
from app.vocabulary import ClaimStatus
from tests.storage.test_counts import ingest_some

LINKS = {
    "claims": "SELECT claim_id AS row_id, actor_id FROM claim_actors",
    "statements": "SELECT statement_id AS row_id, actor_id FROM statement_actors UNION "
    "SELECT id, speaker_id FROM statements WHERE speaker_id IS NOT NULL",
    "events": "SELECT event_id AS row_id, actor_id FROM event_participants",
}
DATES = [
    DateRange(),
    DateRange(date(2019, 5, 1), None),
    DateRange(date(2016, 1, 1), date(2021, 8, 31)),
]
STATUSES = [(), (ClaimStatus.verified,), (ClaimStatus.disputed, ClaimStatus.reported)]


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[return-value]


def _from_rows(
    session: Session, actor: int, dates: DateRange, statuses: tuple[ClaimStatus, ...]
) -> set[counts.Shared]:
    found: dict[int, dict[str, object]] = {}
    for kind, links in LINKS.items():
        where = ["a.actor_id = :actor", "b.actor_id != :actor"]
        if dates.start:
            where.append("r.occurred_on >= :start")
        if dates.end:
            where.append("r.occurred_on <= :end")
        if kind == "claims" and statuses:
            where.append("r.status IN (" + ", ".join(f"'{s.value}'" for s in statuses) + ")")
        query = (
            f"WITH l AS ({links}) SELECT b.actor_id, count(*), max(r.occurred_on) "
            f"FROM l a JOIN l b ON b.row_id = a.row_id JOIN {kind} r ON r.id = a.row_id "
            f"WHERE {' AND '.join(where)} GROUP BY b.actor_id"
        )
        params = {"actor": actor, "start": dates.start, "end": dates.end}
        for other, n, last in session.execute(text(query), params):
            entry = found.setdefault(other, {"claims": 0, "statements": 0, "events": 0})
            entry[kind] = n
            day, seen = _day(last), entry.get("last")
            if day is not None and (seen is None or day > seen):  # type: ignore[operator]
                entry["last"] = day
    return {
        counts.Shared(other, e["claims"], e["statements"], e["events"], e.get("last"))  # type: ignore[arg-type]
        for other, e in found.items()
    }


def test_shared_from_the_counts_equals_the_rows(database_url: str) -> None:
    ingest_some(database_url, 30)
    with Session(get_engine(database_url)) as session:
        by_links = "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY count(*) DESC"
        linked = session.execute(text(by_links)).scalars().all()
        actors = [linked[0], linked[len(linked) // 2], linked[-1]]
        compared = 0
        for actor, dates, statuses in itertools.product(actors, DATES, STATUSES):
            shared = counts.shared(session, actor, dates, statuses)
            assert set(shared) == _from_rows(session, actor, dates, statuses), (actor, dates)
            assert len(shared) == len(set(shared))
            compared += bool(shared)
    assert compared > 10
