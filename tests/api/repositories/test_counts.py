"""An actor's counts and dates, and "seen in a date range", read from the kept counts, equal
what the rows give, on both databases."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

import pytest
from sqlalchemy import func, select, text
from sqlmodel import Session, col

from app.api.repositories import briefs, claims, counts, statements
from app.api.repositories.conditions import ActorMatch, CommonFilters, DateRange
from app.api.repositories.keyset import count_rows
from app.db import get_engine
from app.storage.tables import Actor, Claim, ClaimActor
from app.vocabulary import ClaimStatus, StatementKind
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
    for actor_id, named, said, claimed, first, last in rows:
        expected = counts.Seen(named, said, claimed, _day(first), _day(last))
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


def _list_filters(actor: int | None, dates: DateRange) -> CommonFilters:
    return CommonFilters(actors=ActorMatch((actor,) if actor else ()), dates=dates)


RANGES = (DateRange(), DateRange(date(2018, 1, 1), None), DateRange(None, date(2020, 6, 30)),
          DateRange(date(2016, 3, 1), date(2022, 12, 31)))  # fmt: skip


def test_list_totals_from_the_counts_equal_the_rows(database_url: str) -> None:
    """`include_total` answered from the kept counts: claims by status, statements by kind
    and briefs, of every actor (and of all rows) in several date ranges, equal a count of
    the rows the list's own conditions select."""
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        actors = [None, *session.execute(select(col(Actor.id))).scalars()]
        checked = 0
        for actor, dates in product(actors, RANGES):
            common = _list_filters(actor, dates)
            for status in ((), (ClaimStatus.verified,), (ClaimStatus.disputed,)):
                filters = claims.ClaimFilters(common, status)
                counted = claims.kept_total(session, filters)
                query = claims.CLAIMS.query().where(*claims.conditions(filters))
                assert counted == count_rows(session, query), (actor, dates, status)
            for kind in ((), (StatementKind.quote,)):
                said = statements.StatementFilters(common, kind)
                counted = statements.kept_total(session, said)
                query = statements.STATEMENTS.query().where(*statements.conditions(said))
                assert counted == count_rows(session, query), (actor, dates, kind)
            named = briefs.BriefFilters(common)
            query = briefs.BRIEFS.query().where(*briefs.conditions(session, named))
            assert briefs.kept_total(session, named) == count_rows(session, query)
            checked += 1
    assert checked > 40


def test_list_totals_the_counts_cannot_give_are_left_to_the_rows(database_url: str) -> None:
    ingest_some(database_url, 2)
    with Session(get_engine(database_url)) as session:
        two = CommonFilters(actors=ActorMatch((1, 2)))
        searched = CommonFilters(terms=("talks",))
        assert claims.kept_total(session, claims.ClaimFilters(two)) is None
        assert claims.kept_total(session, claims.ClaimFilters(searched)) is None
        assert claims.kept_total(session, claims.ClaimFilters(brief_id=1)) is None
        assert statements.kept_total(session, statements.StatementFilters(places=())) is None
        assert briefs.kept_total(session, briefs.BriefFilters(location="Paris")) is None
        unknown = CommonFilters(actors=ActorMatch(unknown=True))
        assert briefs.kept_total(session, briefs.BriefFilters(unknown)) is None


def _days(first: date, last: date) -> set[date]:
    return {date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)}


def _month_days(month: str) -> set[date]:
    start = date.fromisoformat(f"{month}-01")
    return {day for day in _days(start, start + timedelta(days=31)) if day.month == start.month}


EDGES = [
    date(2019, 12, 31), date(2020, 1, 1), date(2020, 1, 15), date(2020, 1, 31),
    date(2020, 2, 1), date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1),
    date(2020, 3, 2), date(2020, 12, 31), date(2021, 2, 28), date(2021, 3, 1),
]  # fmt: skip
LOW, HIGH = date(2019, 11, 1), date(2021, 4, 30)


def test_a_range_of_dates_is_its_whole_months_and_the_days_at_its_ends() -> None:
    """Every day of the range counted once, by month where its month is whole in the range,
    by day otherwise; an open end takes every month on that side."""
    for start, end in product([None, *EDGES], [None, *EDGES]):
        if (start is None and end is None) or (start and end and start > end):
            continue
        split = counts.split_months(DateRange(start, end))
        wanted = _days(start or LOW, end or HIGH)
        by_day, by_month = _month_split_days(split, LOW, HIGH)
        parts = by_day + by_month
        assert set().union(*parts) == wanted, (start, end, split)
        assert sum(len(part) for part in parts) == len(wanted), (start, end, split)
        assert all(days <= wanted for days in by_month), (start, end, split)
        assert len(split.days) <= 2


def _month_split_days(
    split: counts.MonthSplit, low: date, high: date
) -> tuple[list[set[date]], list[set[date]]]:
    """The days each part of `split` reads, within `low`-`high` where an end is open: the
    ranges of days, then the whole months."""
    by_day = [_days(days.start or low, days.end or high) for days in split.days]
    months: list[str] = []
    if split.months is not None:
        first, last = split.months
        every = {f"{day:%Y-%m}" for day in _days(low, high)}
        months = sorted(m for m in every if (first or "") <= m <= (last or "9999"))
    return by_day, [_month_days(month) for month in months]


YEAR_EDGES = [
    *EDGES, date(2017, 12, 31), date(2018, 1, 1), date(2018, 7, 1), date(2021, 12, 31),
    date(2022, 1, 1), date(2022, 12, 31), date(2023, 6, 30),
]  # fmt: skip
YEARS_LOW, YEARS_HIGH = date(2016, 1, 1), date(2024, 12, 31)


def test_a_range_of_dates_is_its_whole_years_then_months_then_days() -> None:
    """Every day of the range counted once: by year where its year is whole in the range, by
    month where its month is, by day otherwise; an open end takes every year on that side."""
    for start, end in product([None, *YEAR_EDGES], [None, *YEAR_EDGES]):
        if (start is None and end is None) or (start and end and start > end):
            continue
        split = counts.split_years(DateRange(start, end))
        wanted = _days(start or YEARS_LOW, end or YEARS_HIGH)
        parts: list[set[date]] = []
        if split.years is not None:
            first, last = split.years
            every = range(YEARS_LOW.year, YEARS_HIGH.year + 1)
            years = [y for y in every if int(first or 0) <= y <= int(last or 9999)]
            parts += [_days(date(y, 1, 1), date(y, 12, 31)) for y in years]
            assert all(part <= wanted for part in parts), (start, end, split)
        for rest in split.rest:
            by_day, by_month = _month_split_days(rest, YEARS_LOW, YEARS_HIGH)
            parts += by_day + by_month
        assert set().union(*parts) == wanted, (start, end, split)
        assert sum(len(part) for part in parts) == len(wanted), (start, end, split)
        assert len(split.rest) <= 2
        assert split.years is not None or len(split.rest) == 1


@pytest.mark.parametrize("statuses", [(), (ClaimStatus.disputed,), tuple(ClaimStatus)[:2]])
def test_few_claims_are_those_a_listing_reads_fewer_rows_for(
    database_url: str, monkeypatch: pytest.MonkeyPatch, statuses: tuple[ClaimStatus, ...]
) -> None:
    """An actor is read from its links when its claims of the statuses asked (n) are fewer
    than a probe per row would read to fill a page: n x n < PAGE_ROWS x N (N: all claims of
    those statuses), counted here from the links."""
    ingest_some(database_url, 20)
    wanted = [status.value for status in statuses or tuple(ClaimStatus)]
    with Session(get_engine(database_url)) as session:
        of_status = select(col(ClaimActor.actor_id), func.count()).where(
            col(ClaimActor.status).in_(wanted)
        )
        claimed = dict(session.execute(of_status.group_by(col(ClaimActor.actor_id))).all())
        every = session.execute(
            select(func.count()).select_from(Claim).where(col(Claim.status).in_(wanted))
        ).scalar_one()
        ids = [*session.execute(select(col(Actor.id))).scalars()]
        # A page size that splits this small corpus's actors, as 50 does at 100,000 briefs.
        middle = sorted(claimed.values())[len(claimed) // 2]
        monkeypatch.setattr(counts, "PAGE_ROWS", (middle * middle - 0.5) / every)
        expected = {actor for actor in ids if claimed.get(actor, 0) ** 2 < middle * middle}
        assert counts.few_claims(session, ids, statuses) == expected
        assert 0 < len(expected) < len(ids)


def test_an_actors_claims_read_from_its_links_are_those_probed(database_url: str) -> None:
    """A claims list filtered by an actor whose claims are read from its links (`few`)
    holds the same rows as with an EXISTS probe per row."""
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        actors = [*session.execute(select(col(Actor.id))).scalars()]
        checked = 0
        for actor, status in product(actors[:30], ((), (ClaimStatus.disputed,))):
            rows = []
            for few in (frozenset(), frozenset({actor})):
                match = ActorMatch((actor,), few_claims=few)
                filters = claims.ClaimFilters(CommonFilters(actors=match), status)
                query = claims.CLAIMS.query().where(*claims.conditions(filters))
                rows.append(session.execute(query.order_by(col(Claim.id))).all())
            assert rows[0] == rows[1], (actor, status)
            checked += bool(rows[0])
    assert checked > 10


def test_the_claims_lists_mark_the_actors_linked_to_few_claims(database_url: str) -> None:
    ingest_some(database_url, 20)
    with Session(get_engine(database_url)) as session:
        ids = tuple(session.execute(select(col(Actor.id)).order_by(col(Actor.id))).scalars())
        common = CommonFilters(actors=ActorMatch(ids))
        marked = claims.with_few_claims(session, claims.ClaimFilters(common))
        assert marked.common.actors.few_claims == counts.few_claims(session, ids)
        disputed = (ClaimStatus.disputed,)
        marked = claims.with_few_claims(session, claims.ClaimFilters(common, disputed))
        assert marked.common.actors.few_claims == counts.few_claims(session, ids, disputed)
        assert marked.common.actors.ids == ids
        assert marked.statuses == disputed
        unfiltered = claims.ClaimFilters(CommonFilters())
        assert claims.with_few_claims(session, unfiltered) == unfiltered
