"""An actor's related actors, read from the counts per pair of actors and day, equal what
the claims, statements and events linking both give, under dates and statuses, on both
databases; over every date, read from the counts per pair of actors, the same page."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.api.repositories import pair_counts, related
from app.api.repositories.conditions import DateRange
from app.api.repositories.related import RelatedFilters
from app.db import get_engine
from app.ingest.service import delete_brief, store_with_retry
from app.parsing import parse_brief
from app.vocabulary import ClaimStatus
from tests.briefs_revised import BEFORE
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
) -> set[pair_counts.Shared]:
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
        pair_counts.Shared(other, e["claims"], e["statements"], e["events"], e.get("last"))  # type: ignore[arg-type]
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
            shared = pair_counts.shared(session, actor, dates, statuses)
            assert set(shared) == _from_rows(session, actor, dates, statuses), (actor, dates)
            assert len(shared) == len(set(shared))
            compared += bool(shared)
    assert compared > 10


def _by_days(session: Session, filters: RelatedFilters) -> list[pair_counts.Shared]:
    """The page as the counts per pair and day give it over every date (the path `related`
    took before it read `actor_pair_counts`)."""
    found = pair_counts.shared(session, filters.actor_id, DateRange(), filters.statuses)
    return related._ranked(found, filters.limit)


def _page(session: Session, filters: RelatedFilters) -> list[pair_counts.Shared]:
    return related._ranked(related._shared(session, filters), filters.limit)


def test_every_date_reads_the_pair_counts_as_the_day_counts_give_them(database_url: str) -> None:
    """Over every date, the page from one row per other actor and the last days of its
    candidates equals the page from the actor's whole history of days, at every limit."""
    ingest_some(database_url, 30)
    with Session(get_engine(database_url)) as session:
        by_links = "SELECT actor_id FROM claim_actors GROUP BY actor_id ORDER BY count(*) DESC"
        linked = session.execute(text(by_links)).scalars().all()
        for actor, statuses in itertools.product(linked[:: max(1, len(linked) // 6)], STATUSES):
            others = len(pair_counts.shared(session, actor, DateRange(), statuses))
            for limit in range(1, others + 2):
                filters = RelatedFilters(actor, statuses=statuses, limit=limit)
                assert _page(session, filters) == _by_days(session, filters), (actor, limit)


# Made-up counts of actor 1 with 2 to 7 (days, then counts: claims verified and disputed,
# quotes, events), each pair's total over every date their sum, as the writer keeps them.
PAIR_DAYS: dict[int, list[tuple[str, int, int, int, int]]] = {
    2: [("2020-01-01", 0, 1, 0, 0), ("2021-05-05", 1, 0, 0, 0)],  # 2, seen 2021
    3: [("2022-03-03", 0, 0, 2, 0)],  # 2, seen 2022
    # 2, seen 2019: its 2023 co-mention was taken out again (a zero row stays), one undated.
    4: [("2019-01-01", 0, 0, 0, 1), ("2023-01-01", 0, 0, 0, 0), ("", 0, 0, 0, 1)],
    5: [("", 0, 1, 0, 0)],  # 1, never dated
    6: [("2018-06-06", 0, 0, 0, 0)],  # nothing left
    1: [("2024-01-01", 5, 0, 0, 0)],  # the actor with itself: never related
}
DAY_COLUMNS = "claims_verified, claims_disputed, statements_quote, events"


def _counted(session: Session) -> None:
    for n in range(1, 9):
        session.execute(
            text(
                "INSERT INTO actors (id, slug, name, normalized_name, kind, created_at) VALUES "
                "(:n, :slug, :name, :folded, 'person', CURRENT_TIMESTAMP)"
            ),
            {"n": n, "slug": f"actor-{n}", "name": f"Actor {n}", "folded": f"actor {n}"},
        )
    zeros = ", ".join(["0"] * 3)
    for other, days in PAIR_DAYS.items():
        for day, *values in days:
            session.execute(
                text(
                    f"INSERT INTO actor_pair_daily_counts (actor_id, day, other_id, "
                    f"{DAY_COLUMNS}, claims_unconfirmed, claims_reported, statements_reported) "
                    f"VALUES (1, :day, :other, :a, :b, :c, :d, {zeros})"
                ),
                {"day": day, "other": other, **dict(zip("abcd", values, strict=True))},
            )
        totals = [sum(column) for column in zip(*(values for _, *values in days), strict=True)]
        session.execute(
            text(
                f"INSERT INTO actor_pair_counts (actor_id, other_id, {DAY_COLUMNS}, "
                f"claims_unconfirmed, claims_reported, statements_reported) "
                f"VALUES (1, :other, :a, :b, :c, :d, {zeros})"
            ),
            {"other": other, **dict(zip("abcd", totals, strict=True))},
        )
    session.commit()


def _seen(page: list[pair_counts.Shared]) -> list[tuple[int, int, str | None]]:
    return [(row.other_id, related._count(row), row.last and row.last.isoformat()) for row in page]


def test_ties_at_the_limit_go_to_the_most_recent(database_url: str) -> None:
    """Three actors share 2 with actor 1: the page keeps the most recently seen, whichever
    the limit; a zero row, an undated one and the actor itself count for nothing."""
    with Session(get_engine(database_url)) as session:
        _counted(session)
        pages = {
            limit: _seen(_page(session, RelatedFilters(1, limit=limit))) for limit in (1, 2, 3, 9)
        }
        for limit in pages:
            assert _page(session, RelatedFilters(1, limit=limit)) == _by_days(
                session, RelatedFilters(1, limit=limit)
            )
    assert pages[9] == [(3, 2, "2022-03-03"), (2, 2, "2021-05-05"), (4, 2, "2019-01-01"),
                        (5, 1, None)]  # fmt: skip
    assert {limit: page for limit, page in pages.items() if limit < 9} == {
        limit: pages[9][:limit] for limit in (1, 2, 3)
    }


def test_statuses_decide_the_count_and_the_last_day(database_url: str) -> None:
    """With `status`, a claim of another status neither counts nor dates the pair."""
    with Session(get_engine(database_url)) as session:
        _counted(session)
        for statuses in STATUSES:
            for limit in (1, 2, 25):
                filters = RelatedFilters(1, statuses=statuses, limit=limit)
                assert _page(session, filters) == _by_days(session, filters)
        disputed = _seen(_page(session, RelatedFilters(1, statuses=(ClaimStatus.disputed,))))
        verified = _seen(_page(session, RelatedFilters(1, statuses=(ClaimStatus.verified,))))
    assert disputed == [(3, 2, "2022-03-03"), (4, 2, "2019-01-01"), (2, 1, "2020-01-01"),
                        (5, 1, None)]  # fmt: skip
    assert verified == [(3, 2, "2022-03-03"), (4, 2, "2019-01-01"), (2, 1, "2021-05-05")]


def test_an_actor_with_no_pairs_has_no_related_actors(database_url: str) -> None:
    with Session(get_engine(database_url)) as session:
        _counted(session)
        assert related._shared(session, RelatedFilters(8)) == []
        assert related._shared(session, RelatedFilters(8, dates=DATES[1])) == []


def test_last_days_read_span_after_span(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read a day at a time, then four, sixteen and so on back to the year 1, the last
    days come out as read in one span."""
    with Session(get_engine(database_url)) as session:
        _counted(session)
        at_once = pair_counts.last_days(session, 1, range(2, 8), ())
        monkeypatch.setattr(pair_counts, "FIRST_SPAN", timedelta(days=1))
        assert pair_counts.last_days(session, 1, range(2, 8), ()) == at_once
        assert pair_counts.last_days(session, 8, range(1, 8), ()) == {}
    assert at_once == {
        2: date(2021, 5, 5), 3: date(2022, 3, 3), 4: date(2019, 1, 1)
    }  # fmt: skip


def test_a_deleted_brief_takes_its_day_out_of_last_seen_on(database_url: str) -> None:
    """Two briefs name Cassis and Guterres; once the later is deleted, they were last seen
    on the earlier one's day, as the day counts say."""
    engine = get_engine(database_url)
    store_with_retry(engine, "may.md", parse_brief(BEFORE))
    later = BEFORE.replace("May 12, 2025", "June 2, 2025")
    june = store_with_retry(engine, "june.md", parse_brief(later)).brief_id
    with Session(engine) as session:
        cassis = session.execute(text("SELECT id FROM actors WHERE slug = 'ignazio-cassis'"))
        filters = RelatedFilters(cassis.scalar_one())
        before = _page(session, filters)
    delete_brief(june, database_url)
    with Session(engine) as session:
        after = _page(session, filters)
        assert after == _by_days(session, filters)
    assert {row.last for row in before} == {date(2025, 6, 2)}
    assert {row.last for row in after} == {date(2025, 5, 12)}
    assert [related._count(row) * 2 for row in after] == [related._count(row) for row in before]
