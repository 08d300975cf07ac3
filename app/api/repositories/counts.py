"""Reads of the counts kept per day, actor and pair of actors (`app.storage.counts`): what
`/v1/stats` and an actor's counts are answered from, a few hundred rows at most."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, literal, literal_column, select, union_all
from sqlmodel import Session, col

from app.api.repositories.base import Data, actor_ref, actor_ref_columns
from app.api.repositories.conditions import PAGE_ROWS, CommonFilters, Conditions, DateRange
from app.api.repositories.keyset import read, read_prepared
from app.storage.bound import bound_values, in_bound
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
    ActorYearlyCount,
    DailyCount,
    Event,
    EventParticipant,
    EventPlaceCount,
    PlaceMonthlyCount,
)
from app.vocabulary import ClaimStatus, StatementKind

DayTable = type[DailyCount] | type[ActorDailyCount] | type[ActorPairDailyCount]
# `briefs > 0` as the partial index `ix_actor_daily_counts_seen` says it: with the 0 sent as
# a parameter, SQLite cannot tell that the index holds every row the query wants.
NAMED = col(ActorDailyCount.briefs) > literal_column("0")
MonthTable = type[ActorMonthlyCount] | type[ActorPairMonthlyCount]
CountTable = (
    DayTable | MonthTable | type[ActorYearlyCount] | type[ActorCount] | type[ActorPairCount]
)


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


@dataclass(frozen=True)
class YearSplit:
    """A range of dates with a bound as the whole years in it (`first` to `last`, `YYYY`,
    either open where the range is; None when it holds no whole year) and the ranges left at
    its ends, each as its whole months and days (`rest`)."""

    years: tuple[str | None, str | None] | None
    rest: tuple[MonthSplit, ...]


def split_years(dates: DateRange) -> YearSplit:
    """`dates` (with at least one bound) as whole years and, at its ends, whole months and
    days (`split_months`)."""
    start, end = dates.start, dates.end
    first = None if start is None else start.year + (start != date(start.year, 1, 1))
    last = None if end is None else end.year - (end != date(end.year, 12, 31))
    if first is not None and last is not None and first > last:
        return YearSplit(None, (split_months(dates),))
    rest = []
    if start is not None and first is not None and start.year < first:
        rest.append(split_months(DateRange(start, date(first - 1, 12, 31))))
    if end is not None and last is not None and end.year > last:
        rest.append(split_months(DateRange(date(last + 1, 1, 1), end)))
    years = (None if first is None else f"{first:04d}", None if last is None else f"{last:04d}")
    return YearSplit(years, tuple(rest))


# Statements built once per shape: which bounds a range of dates has, whether one actor is
# read, which whole months and how many ranges of days a range splits into. Values are bound
# by name (`_window`, `_split_values`), so a statement is built, keyed and compiled once per
# shape, not per request: building and keying them was about a third of `/v1/stats`' Python work.
Bounds = tuple[bool, bool]


@dataclass(frozen=True)
class SplitShape:
    """A `MonthSplit`'s shape: its whole months' bounds (None: no whole month) and its
    ranges of days' bounds."""

    months: Bounds | None
    days: tuple[Bounds, ...]


def _bounds(dates: DateRange) -> Bounds:
    return (dates.start is not None, dates.end is not None)


@dataclass(frozen=True)
class YearShape:
    """A `YearSplit`'s shape: its whole years' bounds (None: no whole year) and the shapes
    of the ranges left at its ends."""

    years: Bounds | None
    rest: tuple[SplitShape, ...]


def _given(periods: tuple[str | None, str | None] | None) -> Bounds | None:
    """Which ends of a range of whole periods (months, years) are bound; None: no period."""
    return None if periods is None else (periods[0] is not None, periods[1] is not None)


def _split_shape(split: MonthSplit) -> SplitShape:
    return SplitShape(_given(split.months), tuple(_bounds(days) for days in split.days))


def _year_shape(split: YearSplit) -> YearShape:
    return YearShape(_given(split.years), tuple(_split_shape(rest) for rest in split.rest))


def _bound_range(column: Any, bounds: Bounds, name: str) -> Conditions:
    """`column` within a range whose ends are bound as `{name}_from` and `{name}_to`."""
    where: Conditions = []
    if bounds[0]:
        where.append(column >= bindparam(f"{name}_from"))
    if bounds[1]:
        where.append(column <= bindparam(f"{name}_to"))
    return where


def _bound_days(table: DayTable, bounds: Bounds, name: str) -> Conditions:
    """`in_days` with the range's ends bound (`_bound_range`)."""
    day = col(table.day)
    return [*_bound_range(day, bounds, name), *([day != ""] if bounds[1] else [])]


def _bound_periods(period: Any, bounds: Bounds, name: str) -> Conditions:
    """The `period` rows (months, years) within the periods bound as `{name}_from` and
    `{name}_to` (either open), never the undated."""
    return [period != "", *_bound_range(period, bounds, name)]


def _bound_months(month: Any, bounds: Bounds, prefix: str = "") -> Conditions:
    """The `month` rows within the months bound as `months_from` and `months_to` (either
    open; names after `prefix`), never the undated."""
    return _bound_periods(month, bounds, f"{prefix}months")


def _days_values(dates: DateRange, name: str, *, as_text: bool = True) -> dict[str, Any]:
    """The ends of `dates` for `_bound_range`: ISO text, as the counts' days are, or dates."""
    values: dict[str, Any] = {}
    for end, day in (("from", dates.start), ("to", dates.end)):
        if day is not None:
            values[f"{name}_{end}"] = day.isoformat() if as_text else day
    return values


def _split_values(split: MonthSplit, *, as_text: bool = True, prefix: str = "") -> dict[str, Any]:
    values: dict[str, Any] = {}
    if split.months is not None:
        first, last = split.months
        values.update({f"{prefix}months_from": first, f"{prefix}months_to": last})
    for index, days in enumerate(split.days):
        values.update(_days_values(days, f"{prefix}days{index}", as_text=as_text))
    return values


def _year_values(split: YearSplit) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if split.years is not None:
        values.update({"years_from": split.years[0], "years_to": split.years[1]})
    for index, rest in enumerate(split.rest):
        values.update(_split_values(rest, prefix=f"rest{index}_"))
    return values


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


def _monthly_rows(by_actor: bool, shape: Bounds | SplitShape | None) -> Any:
    """(month, *COUNT_COLUMNS) rows to sum by month: every row's by day within bounds
    `shape`; one actor's (`actor`) by month for the whole months of a split `shape` (all
    when None, the undated included) and by day for the days at its ends."""
    if not by_actor:
        assert isinstance(shape, tuple)
        return _daily_by_month(DailyCount).where(*_bound_days(DailyCount, shape, "dates"))
    actor: Any = bindparam("actor")
    by_month = select(
        col(ActorMonthlyCount.month), *(_column(ActorMonthlyCount, n) for n in COUNT_COLUMNS)
    ).where(col(ActorMonthlyCount.actor_id) == actor)
    if shape is None:
        return by_month
    assert isinstance(shape, SplitShape)
    parts = []
    if shape.months is not None:
        parts.append(by_month.where(*_bound_months(col(ActorMonthlyCount.month), shape.months)))
    daily = _daily_by_month(ActorDailyCount).where(col(ActorDailyCount.actor_id) == actor)
    parts += [
        daily.where(*_bound_days(ActorDailyCount, bounds, f"days{index}"))
        for index, bounds in enumerate(shape.days)
    ]
    return union_all(*parts)


@cache
def _monthly_query(by_actor: bool, shape: Bounds | SplitShape | None) -> Any:
    rows = _monthly_rows(by_actor, shape).subquery()
    sums = [func.sum(rows.c[name]) for name in COUNT_COLUMNS]
    return select(rows.c[0], *sums).group_by(rows.c[0])


def _window(
    actor: int | None, dates: DateRange
) -> tuple[Bounds | SplitShape | None, dict[str, Any]]:
    """The shape and values of the counts read for `actor` (or every row) within `dates`:
    every row's by day, or one actor's all (None) or split into whole months and days."""
    if actor is None:
        return _bounds(dates), _days_values(dates, "dates")
    if dates == DateRange():
        return None, {"actor": actor}
    split = split_months(dates)
    return _split_shape(split), {"actor": actor, **_split_values(split)}


def monthly(session: Session, actor: int | None, dates: DateRange, measures: Measures) -> Monthly:
    """Claims by status, claims per month and per month and status, and statements and
    briefs per month, of every row or of the rows linking `actor`."""
    shape, values = _window(actor, dates)
    query = _monthly_query(actor is not None, shape)
    claims, statements, briefs = {}, {}, {}
    statuses = [status.value for status in measures.statuses or tuple(ClaimStatus)]
    by_status = dict.fromkeys((status.value for status in ClaimStatus), 0)
    by_month_and_status: dict[tuple[str | None, str], int] = {}
    wanted_claims, wanted_statements = measures.claim_columns(), measures.statement_columns()
    for row in read(session, query, values):
        values_of: dict[str, Any] = dict(zip(COUNT_COLUMNS, row[1:], strict=True))
        key = row[0] or None
        claims[key] = sum(values_of[name] for name in wanted_claims)
        statements[key] = sum(values_of[name] for name in wanted_statements)
        briefs[key] = values_of["briefs"]
        for status in statuses:
            counted = values_of[f"claims_{status}"]
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


def _ranked(query: Any, mentions: Any, top: int, *, grouped: bool = False) -> Any:
    ranked = query.having(mentions > 0) if grouped else query.where(mentions > 0)
    return ranked.order_by(mentions.desc(), col(Actor.id)).limit(top)


def top_actors(
    session: Session, actor: int | None, dates: DateRange, measures: Measures, top: int
) -> list[Data]:
    """The actors most linked by claims and statements (of those linking `actor`, if
    given), in `dates`."""
    shape: SplitShape | YearShape | None
    if dates == DateRange():
        shape, values = None, ({} if actor is None else {"actor": actor})
    elif actor is None:  # every actor's: whole years from the counts per year
        years = split_years(dates)
        shape, values = _year_shape(years), _year_values(years)
    else:
        split = split_months(dates)
        shape, values = _split_shape(split), _split_values(split)
        values["actor"] = actor
    query = _top_actors_query(actor is not None, shape, measures, top)
    return actor_mentions(read(session, query, values))


@cache
def _top_actors_query(
    by_actor: bool, shape: SplitShape | YearShape | None, measures: Measures, top: int
) -> Any:
    """`top_actors`' statement: over every date from the counts per actor (or pair), within
    a split's whole years, months and days from the counts per year, month and day."""
    if shape is not None:
        if isinstance(shape, YearShape):
            linked = _linked_in_years(shape, measures)
        else:
            linked = union_all(*_month_parts(shape, measures, by_actor)).subquery()
        return _ranked_actors_query(linked.c.actor_id, func.sum(linked.c.mentions), top)
    if by_actor:
        mentions = measures.mentions(ActorPairCount)
        query = (
            select(*actor_ref_columns(), mentions.label("mentions"))
            .join(ActorPairCount, col(ActorPairCount.other_id) == col(Actor.id))
            .where(col(ActorPairCount.actor_id) == bindparam("actor"))
        )
        return _ranked(query, mentions, top)
    mentions = measures.mentions(ActorCount)
    query = select(*actor_ref_columns(), mentions.label("mentions")).join(
        ActorCount, col(ActorCount.actor_id) == col(Actor.id)
    )
    return _ranked(query, mentions, top)


def _month_parts(
    shape: SplitShape, measures: Measures, by_actor: bool, prefix: str = ""
) -> list[Any]:
    """(actor_id, mentions) rows to sum by actor: every actor's linked within a split of
    `shape`, or those named with `actor`; its whole months' rows by month, its ends' rows
    by day (values named after `prefix`)."""
    monthly: MonthTable = ActorPairMonthlyCount if by_actor else ActorMonthlyCount
    daily: DayTable = ActorPairDailyCount if by_actor else ActorDailyCount
    parts = []
    if shape.months is not None:
        month = col(monthly.month)
        by_month = select(_key(monthly, by_actor), measures.mentions(monthly).label("mentions"))
        within = _bound_months(month, shape.months, prefix)
        parts.append(by_month.where(*within, *_of(monthly, by_actor)))
    for index, bounds in enumerate(shape.days):
        by_day = select(_key(daily, by_actor), measures.mentions(daily).label("mentions"))
        within = _bound_days(daily, bounds, f"{prefix}days{index}")
        parts.append(by_day.where(*within, *_of(daily, by_actor)))
    return parts


def _linked_in_years(shape: YearShape, measures: Measures) -> Any:
    """(actor_id, mentions) rows to sum by actor, every actor's linked within a split of
    `shape`: its whole years' rows by year (one an actor a year, where by month there are up
    to twelve), the rest as `_month_parts`."""
    parts = []
    if shape.years is not None:
        year = col(ActorYearlyCount.year)
        mentions = measures.mentions(ActorYearlyCount).label("mentions")
        by_year = select(_key(ActorYearlyCount, False), mentions)
        parts.append(by_year.where(*_bound_periods(year, shape.years, "years")))
    for index, rest in enumerate(shape.rest):
        parts += _month_parts(rest, measures, False, f"rest{index}_")
    return union_all(*parts).subquery()


def _key(table: CountTable, by_actor: bool) -> Any:
    """The column naming the actor counted: `other_id` in a pair table (of `actor`)."""
    return _column(table, "other_id" if by_actor else "actor_id").label("actor_id")


def _of(table: CountTable, by_actor: bool) -> Conditions:
    return [_column(table, "actor_id") == bindparam("actor")] if by_actor else []


def _ranked_actors_query(actor_id: Any, mentions: Any, top: int) -> Any:
    ranked = (
        select(actor_id.label("actor_id"), mentions.label("mentions"))
        .group_by(actor_id)
        .having(mentions > 0)
        .order_by(mentions.desc(), actor_id)
        .limit(top)
        .subquery()
    )
    return (
        select(*actor_ref_columns(), ranked.c.mentions)
        .join(ranked, ranked.c.actor_id == col(Actor.id))
        .order_by(ranked.c.mentions.desc(), col(Actor.id))
    )


def ranked_actors(session: Session, actor_id: Any, mentions: Any, top: int) -> list[Data]:
    """The `top` actors by `mentions`, an aggregate of the rows grouped by `actor_id` (those
    with none left out), most first, then by id: ranked by id alone, then joined to the few
    actors ranked (joined first, every row was looked up and grouped by four columns)."""
    return actor_mentions(session.execute(_ranked_actors_query(actor_id, mentions, top)))


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
    dialect = session.get_bind().dialect.name
    values = {"ids": bound_values(dialect, ids)}
    found: dict[int, Seen] = {}
    for actor, briefs, statements, claims, *days in read_prepared(
        session, _seen_query(dialect), values
    ):
        first, last = (date.fromisoformat(day) if day else None for day in days)
        found[actor] = Seen(briefs, statements, claims, first, last)
    return found


@cache
def _seen_query(dialect: str) -> Any:
    """`seen`'s statement, the ids bound as one value (`in_bound`)."""
    every = Measures()
    actor_id = col(ActorCount.actor_id)
    return select(
        actor_id,
        col(ActorCount.briefs),
        _total(ActorCount, every.statement_columns()),
        _total(ActorCount, every.claim_columns()),
        _seen_day(actor_id, last=False),
        _seen_day(actor_id, last=True),
    ).where(in_bound(actor_id, "ids", dialect))


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
    values = {} if actor is None else {"actor": actor}
    return [
        {"location": row.location, "country": row.country or None, "count": row.events}
        for row in read(session, _places_query(actor is not None), values)
    ]


@cache
def _places_query(by_actor: bool) -> Any:
    table: type[EventPlaceCount] | type[ActorPlaceCount] = (
        ActorPlaceCount if by_actor else EventPlaceCount
    )
    place, country, held = col(table.location), col(table.country), col(table.events)
    query = select(place, country, held).where(held > 0)
    if by_actor:
        query = query.where(col(ActorPlaceCount.actor_id) == bindparam("actor"))
    return query.order_by(held.desc(), place, country)


def places_within(session: Session, dates: DateRange, actor: int | None) -> list[Data]:
    """Events per place within `dates` (of those `actor` takes part in, if given): the
    whole months' from the counts per month and place, the days' at the range's ends from
    the events themselves."""
    split = split_months(dates)
    values = _split_values(split, as_text=False)  # the events' own dates are dates
    if actor is not None:
        values["actor"] = actor
    query = _places_within_query(actor is not None, _split_shape(split))
    rows: list[Any] = list(read(session, query, values))
    return [{"location": row[0], "country": row[1] or None, "count": row[2]} for row in rows]


@cache
def _places_within_query(by_actor: bool, shape: SplitShape) -> Any:
    parts = [] if shape.months is None else [_places_in_months(shape.months, by_actor)]
    place = (col(Event.location), func.coalesce(col(Event.country), ""))
    for index, bounds in enumerate(shape.days):
        held = select(*place, literal(1).label("events"))
        where: Conditions = [
            col(Event.location).is_not(None),
            *_bound_range(col(Event.occurred_on), bounds, f"days{index}"),
        ]
        if by_actor:
            held = held.join(EventParticipant, col(EventParticipant.event_id) == col(Event.id))
            where.append(col(EventParticipant.actor_id) == bindparam("actor"))
        parts.append(held.where(*where))
    found = union_all(*parts).subquery()
    location, country, count = found.c[0], found.c[1], func.sum(found.c.events)
    return (
        select(location, country, count)
        .group_by(location, country)
        .order_by(count.desc(), location, country)
    )


def _places_in_months(months: Bounds, by_actor: bool) -> Any:
    """Events per place (location, country, events) held within whole months (bound as
    `months_from` and `months_to`), of all or those `actor` takes part in."""
    table: type[PlaceMonthlyCount] | type[ActorPlaceMonthlyCount] = (
        ActorPlaceMonthlyCount if by_actor else PlaceMonthlyCount
    )
    month, held = col(table.month), col(table.events)
    place = (col(table.location), col(table.country))
    query: Any = select(*place, held.label("events")).where(*_bound_months(month, months), held > 0)
    if by_actor:
        query = query.where(col(ActorPlaceMonthlyCount.actor_id) == bindparam("actor"))
    return query
