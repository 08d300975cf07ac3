"""Reads of the counts kept per day, actor and pair of actors (`app.storage.counts`): what
`/v1/stats` and an actor's counts are answered from, a few hundred rows at most."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, union_all
from sqlmodel import Session, col

from app.api.repositories.base import Data, actor_ref, actor_ref_columns
from app.api.repositories.conditions import PAGE_ROWS, CommonFilters, Conditions, DateRange
from app.api.repositories.keyset import read
from app.storage.counts import COUNT_COLUMNS
from app.storage.tables import (
    Actor,
    ActorCount,
    ActorDailyCount,
    ActorMonthlyCount,
    ActorPairCount,
    ActorPairDailyCount,
    ActorPairMonthlyCount,
    ActorPlaceCount,
    ActorPlaceMonthlyCount,
    DailyCount,
    EventPlaceCount,
    PlaceMonthlyCount,
)
from app.vocabulary import ClaimStatus, StatementKind

DayTable = type[DailyCount] | type[ActorDailyCount] | type[ActorPairDailyCount]
# `briefs > 0` as the partial index `ix_actor_daily_counts_seen` says it: with the 0 sent as
# a parameter, SQLite cannot tell that the index holds every row the query wants.
NAMED = col(ActorDailyCount.briefs) > literal_column("0")
MonthTable = type[ActorMonthlyCount] | type[ActorPairMonthlyCount]
CountTable = DayTable | MonthTable | type[ActorCount] | type[ActorPairCount]


def _column(table: CountTable, name: str) -> Any:
    return table.__table__.c[name]  # type: ignore[union-attr]


def _total(table: CountTable, names: Sequence[str]) -> ColumnElement[int]:
    """The sum of `table`'s columns `names`, in one row."""
    total: ColumnElement[int] = _column(table, names[0])
    for name in names[1:]:
        total = total + _column(table, name)
    return total


def in_days(table: DayTable, dates: DateRange) -> Conditions:
    """The `day` rows within `dates` (a bounded range holds no undated row, whose day is
    '')."""
    day = col(table.day)
    where: Conditions = []
    if dates.start is not None:
        where.append(day >= dates.start.isoformat())
    if dates.end is not None:
        where.extend([day <= dates.end.isoformat(), day != ""])
    return where


@dataclass(frozen=True)
class MonthSplit:
    """A range of dates with a bound as the whole months in it (`first` to `last`, `YYYY-MM`,
    either open where the range is; None when it holds no whole month) and the ranges of
    days left at its ends (`days`)."""

    months: tuple[str | None, str | None] | None
    days: tuple[DateRange, ...]


def _month_after(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def split_months(dates: DateRange) -> MonthSplit:
    """`dates` (with at least one bound) as whole months and the days at its ends."""
    start, end = dates.start, dates.end
    # The whole months run from the day `first` up to, not including, the day `after`.
    first = None if start is None else start if start.day == 1 else _month_after(start)
    after = None
    if end is not None:
        following = end + timedelta(days=1)
        after = following if following.day == 1 else end.replace(day=1)
    if first is not None and after is not None and first >= after:
        return MonthSplit(None, (dates,))
    days = []
    if start is not None and first is not None and first != start:
        days.append(DateRange(start, first - timedelta(days=1)))
    if end is not None and after is not None and after <= end:
        days.append(DateRange(after, end))
    last = None if after is None else (after - timedelta(days=1)).strftime("%Y-%m")
    return MonthSplit((first.strftime("%Y-%m") if first else None, last), tuple(days))


def in_months(month: Any, months: tuple[str | None, str | None]) -> Conditions:
    """The `month` rows from `months[0]` to `months[1]` (either open), never the undated."""
    first, last = months
    where: Conditions = [month != ""]
    if first is not None:
        where.append(month >= first)
    if last is not None:
        where.append(month <= last)
    return where


def few_claims(
    session: Session, ids: Sequence[int], statuses: Sequence[ClaimStatus] = ()
) -> frozenset[int]:
    """Those of the actors `ids` whose claims of `statuses` (all when none) are fewer than
    a probe per row would read to fill a page: n x n < PAGE_ROWS x N, n the actor's and N
    every actor's (an actor with no count row has none)."""
    counted = actor_claims(session, ids, statuses)
    every = select(
        func.coalesce(func.sum(Measures(statuses=tuple(statuses)).claims(DailyCount)), 0)
    )
    total = int(session.execute(every).scalar_one())
    return frozenset(actor for actor in ids if counted.get(actor, 0) ** 2 < PAGE_ROWS * total)


def actor_claims(
    session: Session, ids: Sequence[int], statuses: Sequence[ClaimStatus] = ()
) -> dict[int, int]:
    """How many claims of `statuses` (all when none) each of the actors `ids` is linked to
    (an actor with none is left out)."""
    claims = Measures(statuses=tuple(statuses)).claims(ActorCount)
    query: Any = select(col(ActorCount.actor_id), claims)
    rows: list[Any] = list(read(session, query.where(col(ActorCount.actor_id).in_(ids))))
    return dict(rows)


def counted_actor(common: CommonFilters) -> tuple[int | None] | None:
    """(the one actor, or None for every row) when the kept counts can answer `common`;
    None when they cannot (text search, several actors, an actor that does not exist)."""
    if common.terms or common.actors.unknown or len(common.actors.ids) > 1:
        return None
    return (common.actors.ids[0] if common.actors.ids else None,)


def list_total(
    session: Session, common: CommonFilters, names: Sequence[str], *, narrowed: bool
) -> int | None:
    """How many rows a list filtered by `common` holds, from the columns `names` of the
    kept counts, without reading the list's rows; None when the counts cannot say
    (`counted_actor`, or the list is `narrowed` to one brief or a place)."""
    scope = counted_actor(common)
    if scope is None or narrowed:
        return None
    table: DayTable = DailyCount if scope[0] is None else ActorDailyCount
    where = in_days(table, common.dates)
    if scope[0] is not None:
        where.append(col(ActorDailyCount.actor_id) == scope[0])
    query = select(func.coalesce(func.sum(_total(table, names)), 0)).where(*where)
    return int(session.execute(query).scalar_one())


@dataclass(frozen=True)
class Measures:
    """Which claim statuses and statement kinds are counted (all when none is given)."""

    statuses: tuple[ClaimStatus, ...] = ()
    kinds: tuple[StatementKind, ...] = ()

    def claim_columns(self) -> list[str]:
        return [f"claims_{s.value}" for s in self.statuses or tuple(ClaimStatus)]

    def statement_columns(self) -> list[str]:
        return [f"statements_{k.value}" for k in self.kinds or tuple(StatementKind)]

    def mentions(self, table: CountTable) -> ColumnElement[int]:
        """Claims and statements linking an actor, as counted by `table`'s columns."""
        return _total(table, [*self.claim_columns(), *self.statement_columns()])

    def claims(self, table: CountTable) -> ColumnElement[int]:
        return _total(table, self.claim_columns())

    def statements(self, table: CountTable) -> ColumnElement[int]:
        return _total(table, self.statement_columns())


@dataclass
class Monthly:
    """`Stats`' monthly parts, as data (`app.api.schemas.stats` describes them)."""

    claims_by_status: Data
    claims_by_month: list[Data]
    claims_by_month_and_status: list[Data]
    statements_by_month: list[Data]
    briefs_by_month: list[Data]


def _month_order(month: str | None) -> tuple[bool, str]:
    """Months ascending, undated (None) last."""
    return (month is None, month or "")


def month_list(months: dict[str | None, int]) -> list[Data]:
    """`MonthCount`s of the months counted something, in `_month_order`."""
    return [
        {"month": month, "count": months[month]}
        for month in sorted(months, key=_month_order)
        if months[month]
    ]


def month_status_list(counted: dict[tuple[str | None, str], int]) -> list[Data]:
    """`MonthStatusCount`s: by month (`_month_order`), then in `ClaimStatus`' order."""
    order = {status.value: position for position, status in enumerate(ClaimStatus)}
    keys = sorted(counted, key=lambda key: (*_month_order(key[0]), order[key[1]]))
    return [{"month": m, "status": s, "count": counted[(m, s)]} for m, s in keys]


def _daily_by_month(table: type[DailyCount] | type[ActorDailyCount]) -> Any:
    """(month, *COUNT_COLUMNS) of `table`'s rows by day."""
    month = func.substr(col(table.day), 1, 7).label("month")
    return select(month, *(_column(table, name) for name in COUNT_COLUMNS))


def _monthly_rows(actor: int | None, dates: DateRange) -> Any:
    """(month, *COUNT_COLUMNS) rows to sum by month: every row's by day; one actor's by
    month for the whole months within `dates` (all when it has no bound, the undated
    included) and by day for the days at its ends."""
    if actor is None:
        return _daily_by_month(DailyCount).where(*in_days(DailyCount, dates))
    by_month = select(
        col(ActorMonthlyCount.month), *(_column(ActorMonthlyCount, n) for n in COUNT_COLUMNS)
    ).where(col(ActorMonthlyCount.actor_id) == actor)
    if dates == DateRange():
        return by_month
    split = split_months(dates)
    parts = []
    if split.months is not None:
        parts.append(by_month.where(*in_months(col(ActorMonthlyCount.month), split.months)))
    daily = _daily_by_month(ActorDailyCount).where(col(ActorDailyCount.actor_id) == actor)
    parts += [daily.where(*in_days(ActorDailyCount, days)) for days in split.days]
    return union_all(*parts)


def monthly(session: Session, actor: int | None, dates: DateRange, measures: Measures) -> Monthly:
    """Claims by status, claims per month and per month and status, and statements and
    briefs per month, of every row or of the rows linking `actor`."""
    rows = _monthly_rows(actor, dates).subquery()
    sums = [func.sum(rows.c[name]) for name in COUNT_COLUMNS]
    query = select(rows.c[0], *sums).group_by(rows.c[0])
    claims, statements, briefs = {}, {}, {}
    statuses = [status.value for status in measures.statuses or tuple(ClaimStatus)]
    by_status = dict.fromkeys((status.value for status in ClaimStatus), 0)
    by_month_and_status: dict[tuple[str | None, str], int] = {}
    wanted_claims, wanted_statements = measures.claim_columns(), measures.statement_columns()
    for row in session.execute(query):
        values = dict(zip(COUNT_COLUMNS, row[1:], strict=True))
        key = row[0] or None
        claims[key] = sum(values[name] for name in wanted_claims)
        statements[key] = sum(values[name] for name in wanted_statements)
        briefs[key] = values["briefs"]
        for status in statuses:
            counted = values[f"claims_{status}"]
            by_status[status] += counted
            if counted:
                by_month_and_status[(key, status)] = counted
    return Monthly(
        by_status,
        month_list(claims),
        month_status_list(by_month_and_status),
        month_list(statements),
        month_list(briefs),
    )


def actor_mentions(rows: Iterable[Any]) -> list[Data]:
    """`ActorMentions` of rows of `actor_ref_columns()` and `mentions`."""
    return [
        {"actor": actor_ref(row.id, row.slug, row.name, row.kind), "mentions": row.mentions}
        for row in rows
    ]


def _ranked(
    session: Session, query: Any, mentions: Any, top: int, *, grouped: bool = False
) -> list[Data]:
    ranked = query.having(mentions > 0) if grouped else query.where(mentions > 0)
    ranked = ranked.order_by(mentions.desc(), col(Actor.id)).limit(top)
    return actor_mentions(session.execute(ranked))


def top_actors(
    session: Session, actor: int | None, dates: DateRange, measures: Measures, top: int
) -> list[Data]:
    """The actors most linked by claims and statements (of those linking `actor`, if
    given), in `dates`."""
    if actor is not None and dates != DateRange():
        return _ranked_in_months(session, split_months(dates), measures, top, actor)
    if actor is not None:
        mentions = measures.mentions(ActorPairCount)
        query = (
            select(*actor_ref_columns(), mentions.label("mentions"))
            .join(ActorPairCount, col(ActorPairCount.other_id) == col(Actor.id))
            .where(col(ActorPairCount.actor_id) == actor)
        )
        return _ranked(session, query, mentions, top)
    if dates == DateRange():
        mentions = measures.mentions(ActorCount)
        query = select(*actor_ref_columns(), mentions.label("mentions")).join(
            ActorCount, col(ActorCount.actor_id) == col(Actor.id)
        )
        return _ranked(session, query, mentions, top)
    return _ranked_in_months(session, split_months(dates), measures, top)


def _linked_in_months(split: MonthSplit, measures: Measures, actor: int | None) -> Any:
    """(actor_id, mentions) rows to sum by actor: every actor's linked within `split`, or
    those named with `actor`; its whole months' rows by month, its ends' rows by day."""
    monthly: MonthTable = ActorMonthlyCount if actor is None else ActorPairMonthlyCount
    daily: DayTable = ActorDailyCount if actor is None else ActorPairDailyCount
    parts = []
    if split.months is not None:
        month = col(monthly.month)
        by_month = select(_key(monthly, actor), measures.mentions(monthly).label("mentions"))
        parts.append(by_month.where(*in_months(month, split.months), *_of(monthly, actor)))
    for days in split.days:
        by_day = select(_key(daily, actor), measures.mentions(daily).label("mentions"))
        parts.append(by_day.where(*in_days(daily, days), *_of(daily, actor)))
    return union_all(*parts).subquery()


def _key(table: CountTable, actor: int | None) -> Any:
    """The column naming the actor counted: `other_id` in a pair table (of `actor`)."""
    return _column(table, "actor_id" if actor is None else "other_id").label("actor_id")


def _of(table: CountTable, actor: int | None) -> Conditions:
    return [] if actor is None else [_column(table, "actor_id") == actor]


def _ranked_in_months(
    session: Session, split: MonthSplit, measures: Measures, top: int, actor: int | None = None
) -> list[Data]:
    """The actors most linked (with `actor`, if given) within `split`: its whole months'
    rows by month, its ends' rows by day (a few thousand rows a year, where by day it was
    one per actor, or partner, and day)."""
    linked = _linked_in_months(split, measures, actor)
    return ranked_actors(session, linked.c.actor_id, func.sum(linked.c.mentions), top)


def ranked_actors(session: Session, actor_id: Any, mentions: Any, top: int) -> list[Data]:
    """The `top` actors by `mentions`, an aggregate of the rows grouped by `actor_id` (those
    with none left out), most first, then by id: ranked by id alone, then joined to the few
    actors ranked (joined first, every row was looked up and grouped by four columns)."""
    ranked = (
        select(actor_id.label("actor_id"), mentions.label("mentions"))
        .group_by(actor_id)
        .having(mentions > 0)
        .order_by(mentions.desc(), actor_id)
        .limit(top)
        .subquery()
    )
    query = (
        select(*actor_ref_columns(), ranked.c.mentions)
        .join(ranked, ranked.c.actor_id == col(Actor.id))
        .order_by(ranked.c.mentions.desc(), col(Actor.id))
    )
    return actor_mentions(session.execute(query))


@dataclass(frozen=True)
class Seen:
    """An actor's counts and the first and last days of the briefs naming it."""

    briefs: int = 0
    statements: int = 0
    claims: int = 0
    first: date | None = None
    last: date | None = None


def _seen_day(actor_id: Any, *, last: bool) -> Any:
    day = col(ActorDailyCount.day)
    probe = (
        select(day)
        .where(col(ActorDailyCount.actor_id) == actor_id, NAMED)
        .where(day != "")
        .order_by(day.desc() if last else day)
        .limit(1)
    )
    return probe.scalar_subquery()


def seen(session: Session, ids: Sequence[int]) -> dict[int, Seen]:
    """Counts and first and last days seen of the actors `ids`."""
    every = Measures()
    actor_id = col(ActorCount.actor_id)
    query = select(
        actor_id,
        col(ActorCount.briefs),
        _total(ActorCount, every.statement_columns()),
        _total(ActorCount, every.claim_columns()),
        _seen_day(actor_id, last=False),
        _seen_day(actor_id, last=True),
    ).where(actor_id.in_(ids))
    found: dict[int, Seen] = {}
    rows: list[tuple[Any, ...]] = [tuple(row) for row in read(session, query)]
    for actor, briefs, statements, claims, *days in rows:
        first, last = (date.fromisoformat(day) if day else None for day in days)
        found[actor] = Seen(briefs, statements, claims, first, last)
    return found


def seen_in(dates: DateRange) -> ColumnElement[bool]:
    """The actor appears in a brief dated within `dates`."""
    seen_there = select(col(ActorDailyCount.actor_id)).where(
        col(ActorDailyCount.actor_id) == col(Actor.id),
        NAMED,
        *in_days(ActorDailyCount, dates),
    )
    return seen_there.exists()


def places(session: Session, actor: int | None) -> list[Data]:
    """Events per place (and country) over every date, of all or those `actor` takes part
    in; most first, then by place."""
    table: type[EventPlaceCount] | type[ActorPlaceCount] = (
        EventPlaceCount if actor is None else ActorPlaceCount
    )
    place, country, held = col(table.location), col(table.country), col(table.events)
    query = select(place, country, held).where(held > 0)
    if actor is not None:
        query = query.where(col(ActorPlaceCount.actor_id) == actor)
    query = query.order_by(held.desc(), place, country)
    return [
        {"location": row.location, "country": row.country or None, "count": row.events}
        for row in session.execute(query)
    ]


def places_in_months(months: tuple[str | None, str | None], actor: int | None = None) -> Any:
    """Events per place (location, country, events) held within whole `months`, of all or
    those `actor` takes part in."""
    table: type[PlaceMonthlyCount] | type[ActorPlaceMonthlyCount] = (
        PlaceMonthlyCount if actor is None else ActorPlaceMonthlyCount
    )
    month, held = col(table.month), col(table.events)
    place = (col(table.location), col(table.country))
    query: Any = select(*place, held.label("events")).where(*in_months(month, months), held > 0)
    if actor is not None:
        query = query.where(col(ActorPlaceMonthlyCount.actor_id) == actor)
    return query
