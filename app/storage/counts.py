"""The counts behind the dashboard's aggregates, kept in each brief's own transaction.

A brief contributes to twelve tables (`app.storage.tables`): per day (`daily_counts`), per
actor and day (`actor_daily_counts`), per actor (`actor_counts`), per pair of actors
(`actor_pair_counts`), per place of its events (`place_counts`), per actor and place of
the events it takes part in (`actor_place_counts`), per pair of actors and day
(`actor_pair_daily_counts`; it and the other pair tables also count the events both take
part in), and by month: per actor (`actor_monthly_counts`), per place of its events
(`place_monthly_counts`), per pair of actors (`actor_pair_monthly_counts`) and per actor
and place (`actor_place_monthly_counts`), and by year per actor (`actor_yearly_counts`): a
range of dates reads its whole years and months from these and only the days at its ends
from the rows by day. Its
contribution is one SELECT over its rows, so the writer takes a brief's old contribution
out before its rows are replaced or deleted and puts the new one in once they are written
(`change_statements`), and the same SELECT over every brief gives what the tables should
hold (`expected_rows`, `refill`: `chancery db verify`, the migrations).

An actor's rows count each brief, claim and statement once (a brief naming it in several
places is one brief); a statement links its speaker as well as the actors it mentions.
Changes are applied as upserts in key order, table after table, so two writers on
PostgreSQL take their row locks in the same order and never deadlock on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from sqlalchemy import Connection, text

from app.vocabulary import ClaimStatus, StatementKind

CLAIM_COLUMNS = tuple(f"claims_{status.value}" for status in ClaimStatus)
STATEMENT_COLUMNS = tuple(f"statements_{kind.value}" for kind in StatementKind)
LINK_COLUMNS = (*CLAIM_COLUMNS, *STATEMENT_COLUMNS)
COUNT_COLUMNS = ("briefs", *LINK_COLUMNS)
# Where SQL below says `{brief}`: one brief's rows (`= ?`) or every brief's.
ONE_BRIEF = "= ?"


@dataclass(frozen=True)
class CountTable:
    name: str
    keys: tuple[str, ...]
    counts: tuple[str, ...]


DAILY = CountTable("daily_counts", ("day",), COUNT_COLUMNS)
ACTOR_DAILY = CountTable("actor_daily_counts", ("actor_id", "day"), COUNT_COLUMNS)
ACTOR = CountTable("actor_counts", ("actor_id",), COUNT_COLUMNS)
PAIR = CountTable("actor_pair_counts", ("actor_id", "other_id"), (*LINK_COLUMNS, "events"))
# Events per place over every date: per day, there are about as many rows as events.
PLACE = CountTable("place_counts", ("location", "country"), ("events",))
ACTOR_PLACE = CountTable("actor_place_counts", ("actor_id", "location", "country"), ("events",))
PAIR_DAILY = CountTable(
    "actor_pair_daily_counts", ("actor_id", "day", "other_id"), (*LINK_COLUMNS, "events")
)
# A month is `YYYY-MM`, '' for rows without a date (as a day is `YYYY-MM-DD` or '').
ACTOR_MONTHLY = CountTable("actor_monthly_counts", ("month", "actor_id"), COUNT_COLUMNS)
PLACE_MONTHLY = CountTable("place_monthly_counts", ("month", "location", "country"), ("events",))
PAIR_MONTHLY = CountTable(
    "actor_pair_monthly_counts", ("actor_id", "month", "other_id"), (*LINK_COLUMNS, "events")
)
ACTOR_PLACE_MONTHLY = CountTable(
    "actor_place_monthly_counts", ("actor_id", "month", "location", "country"), ("events",)
)
# A year is `YYYY`, '' for rows without a date. Added in revision c8f2b6d4a9e1.
ACTOR_YEARLY = CountTable("actor_yearly_counts", ("year", "actor_id"), COUNT_COLUMNS)
# The tables of the first counts migration (c4a7e2d91b6f), which fills just these, as they
# stood then: `actor_pair_counts` counts events since b8e4f1a6c3d7.
ACTOR_TABLES = (DAILY, ACTOR_DAILY, ACTOR, replace(PAIR, counts=LINK_COLUMNS))
MONTHLY_TABLES = (ACTOR_MONTHLY, PLACE_MONTHLY)
# Added in revision d3b9f7a2e6c1, after the first two tables by month.
PAIR_MONTHLY_TABLES = (PAIR_MONTHLY, ACTOR_PLACE_MONTHLY)
TABLES = (
    DAILY,
    ACTOR_DAILY,
    ACTOR,
    PAIR,
    PLACE,
    ACTOR_PLACE,
    PAIR_DAILY,
    *MONTHLY_TABLES,
    *PAIR_MONTHLY_TABLES,
    ACTOR_YEARLY,
)
TEXT_KEYS = frozenset({"day", "month", "year", "location", "country"})


def _day(column: str, dialect: str) -> str:
    """A date column as the `day` key: `YYYY-MM-DD`, '' when NULL."""
    if dialect == "postgresql":
        return f"COALESCE(to_char({column}, 'YYYY-MM-DD'), '')"
    return f"COALESCE({column}, '')"  # SQLite stores dates as ISO text


def _month(column: str, dialect: str) -> str:
    """A date column as the `month` key: `YYYY-MM`, '' when NULL."""
    if dialect == "postgresql":
        return f"COALESCE(to_char({column}, 'YYYY-MM'), '')"
    return f"COALESCE(substr({column}, 1, 7), '')"


def _year(column: str, dialect: str) -> str:
    """A date column as the `year` key: `YYYY`, '' when NULL."""
    if dialect == "postgresql":
        return f"COALESCE(to_char({column}, 'YYYY'), '')"
    return f"COALESCE(substr({column}, 1, 4), '')"


def _flags(column: str, values: Sequence[str]) -> list[str]:
    return [f"CASE WHEN {column} = '{value}' THEN 1 ELSE 0 END" for value in values]


def _brief() -> list[str]:
    return ["1", *["0"] * len(LINK_COLUMNS)]


def _claim(alias: str, *, with_briefs: bool = True) -> list[str]:
    counts = [*_flags(f"{alias}.status", list(ClaimStatus)), *["0"] * len(STATEMENT_COLUMNS)]
    return ["0", *counts] if with_briefs else counts


def _statement(alias: str, *, with_briefs: bool = True) -> list[str]:
    counts = [*["0"] * len(CLAIM_COLUMNS), *_flags(f"{alias}.kind", list(StatementKind))]
    return ["0", *counts] if with_briefs else counts


def _select(names: Sequence[str], values: Sequence[str]) -> str:
    return "SELECT " + ", ".join(f"{v} AS {n}" for n, v in zip(names, values, strict=True))


# The actors each statement of the brief(s) links: those it mentions, and its speaker.
STATEMENT_LINKS = (
    "WITH statement_links AS ("
    "SELECT sa.statement_id, sa.actor_id FROM statement_actors sa "
    "JOIN statements s ON s.id = sa.statement_id WHERE s.brief_id {brief} "
    "UNION SELECT s.id, s.speaker_id FROM statements s "
    "WHERE s.brief_id {brief} AND s.speaker_id IS NOT NULL) "
)


def _daily_parts(dialect: str) -> str:
    names = ("day", *COUNT_COLUMNS)
    return " UNION ALL ".join(
        (
            f"{_select(names, [_day('b.occurred_on', dialect), *_brief()])} "
            "FROM briefs b WHERE b.id {brief}",
            f"{_select(names, [_day('c.occurred_on', dialect), *_claim('c')])} "
            "FROM claims c WHERE c.brief_id {brief}",
            f"{_select(names, [_day('s.occurred_on', dialect), *_statement('s')])} "
            "FROM statements s WHERE s.brief_id {brief}",
        )
    )


def _actor_key(table: CountTable, actor: str, row: str, dialect: str) -> list[str]:
    """The key of `actor` on the row `row`, in `table`'s key order: the actor, and the row's
    day, month or year where the table is keyed by one (`ACTOR_DAILY`, `ACTOR_MONTHLY`,
    `ACTOR_YEARLY`; `ACTOR` by the actor alone). The keys say which, as in `_place_parts`."""
    date = f"{row}.occurred_on"
    periods = {"day": _day, "month": _month, "year": _year}
    return [actor if key == "actor_id" else periods[key](date, dialect) for key in table.keys]


def _actor_parts(table: CountTable, dialect: str) -> str:
    """Briefs naming an actor, claims and statements linking it: by day (`ACTOR_DAILY`),
    month (`ACTOR_MONTHLY`), year (`ACTOR_YEARLY`) or over every date (`ACTOR`)."""
    names = table.keys + table.counts

    def part(actor: str, row: str, counts: list[str]) -> str:
        return _select(names, [*_actor_key(table, actor, row, dialect), *counts])

    return " UNION ALL ".join(
        (
            f"{part('m.actor_id', 'b', _brief())} "
            "FROM (SELECT DISTINCT brief_id, actor_id FROM mentions WHERE brief_id {brief}) m "
            "JOIN briefs b ON b.id = m.brief_id",
            f"{part('ca.actor_id', 'c', _claim('c'))} "
            "FROM claims c JOIN claim_actors ca ON ca.claim_id = c.id WHERE c.brief_id {brief}",
            f"{part('sl.actor_id', 's', _statement('s'))} "
            "FROM statement_links sl JOIN statements s ON s.id = sl.statement_id",
        )
    )


def _pair_keys(table: CountTable, row: str, dialect: str) -> list[str]:
    """The key of a pair of links `a` and `b` of the claim, statement or event `row`."""
    if "day" in table.keys:
        return ["a.actor_id", _day(f"{row}.occurred_on", dialect), "b.actor_id"]
    if "month" in table.keys:
        return ["a.actor_id", _month(f"{row}.occurred_on", dialect), "b.actor_id"]
    return ["a.actor_id", "b.actor_id"]


def _pair_parts(table: CountTable, dialect: str) -> str:
    """Pairs of actors linked by one claim or statement, by day for `PAIR_DAILY`, and the
    events both take part in (when `table` counts them: not at every revision)."""
    counts_events = "events" in table.counts
    names = (*table.keys, *table.counts)
    no_events = ["0"] if counts_events else []
    claims = [*_pair_keys(table, "c", dialect), *_claim("c", with_briefs=False), *no_events]
    statements = [
        *_pair_keys(table, "s", dialect),
        *_statement("s", with_briefs=False),
        *no_events,
    ]
    parts = [
        f"{_select(names, claims)} "
        "FROM claims c JOIN claim_actors a ON a.claim_id = c.id "
        "JOIN claim_actors b ON b.claim_id = c.id WHERE c.brief_id {brief}",
        f"{_select(names, statements)} "
        "FROM statement_links a JOIN statement_links b ON b.statement_id = a.statement_id "
        "JOIN statements s ON s.id = a.statement_id",
    ]
    if counts_events:
        events = [*_pair_keys(table, "e", dialect), *["0"] * len(LINK_COLUMNS), "1"]
        parts.append(
            f"{_select(names, events)} "
            "FROM events e JOIN event_participants a ON a.event_id = e.id "
            "JOIN event_participants b ON b.event_id = e.id WHERE e.brief_id {brief}"
        )
    return " UNION ALL ".join(parts)


def _place_parts(table: CountTable, dialect: str) -> str:
    """Events with a place, by place (`PLACE`), by month and place (`PLACE_MONTHLY`), by
    participant and place (`ACTOR_PLACE`) or by participant, month and place
    (`ACTOR_PLACE_MONTHLY`): the keys say which, so a migration's copy of a table works."""
    values, join = [], ""
    if "actor_id" in table.keys:
        values.append("p.actor_id")
        join = "JOIN event_participants p ON p.event_id = e.id "
    if "month" in table.keys:
        values.append(_month("e.occurred_on", dialect))
    values += ["e.location", "COALESCE(e.country, '')", "1"]
    where = "WHERE e.brief_id {brief} AND e.location IS NOT NULL"
    return f"{_select(table.keys + table.counts, values)} FROM events e {join}{where}"


def _contribution(table: CountTable, dialect: str, brief: str) -> tuple[str, str]:
    """(WITH clause or '', SELECT): the rows `table` gains from the briefs whose id is
    `brief` (an SQL condition), by key."""
    if "location" in table.keys:
        prefix, parts = "", _place_parts(table, dialect)
    elif table is DAILY:
        prefix, parts = "", _daily_parts(dialect)
    elif table.name in (PAIR.name, PAIR_DAILY.name, PAIR_MONTHLY.name):  # see `ACTOR_TABLES`
        prefix, parts = STATEMENT_LINKS, _pair_parts(table, dialect)
    else:
        prefix, parts = STATEMENT_LINKS, _actor_parts(table, dialect)
    keys = ", ".join(table.keys)
    sums = ", ".join(f"sum({column})" for column in table.counts)
    select = f"SELECT {keys}, {sums} FROM ({parts}) AS parts GROUP BY {keys}"
    return prefix.format(brief=brief), select.format(brief=brief)


@cache
def contribution_queries(dialect: str) -> tuple[str, ...]:
    """Per table, the SELECT of one brief's contribution; each has only `?` placeholders,
    every one the brief's id."""
    return tuple("".join(_contribution(table, dialect, ONE_BRIEF)) for table in TABLES)


@dataclass(frozen=True)
class Upsert:
    """An upsert adding rows of differences (keys, then counts) to a table's counts, with
    `?` placeholders: one per value and run once per row, or (`columnar`, PostgreSQL) one
    array per column and run once for every row, as the writer's inserts are."""

    sql: str
    columnar: bool

    def parameters(self, rows: Sequence[tuple[object, ...]]) -> list[Any]:
        """What the statement takes for `rows`: the rows, or (`columnar`) their columns."""
        return [list(column) for column in zip(*rows, strict=True)] if self.columnar else list(rows)


def _values(table: CountTable, dialect: str) -> str:
    columns = (*table.keys, *table.counts)
    if dialect != "postgresql":
        return f"VALUES ({', '.join('?' * len(columns))})"
    arrays = ", ".join("?::text[]" if name in TEXT_KEYS else "?::int[]" for name in columns)
    keys = ", ".join(str(position) for position in range(1, len(table.keys) + 1))
    return f"SELECT * FROM unnest({arrays}) ORDER BY {keys}"  # key order, as sent


@cache
def upserts(dialect: str) -> tuple[Upsert, ...]:
    """Per table, the upsert adding rows of differences to its counts."""
    statements = []
    for table in TABLES:
        columns = ", ".join((*table.keys, *table.counts))
        updates = ", ".join(f"{c} = {table.name}.{c} + excluded.{c}" for c in table.counts)
        sql = (
            f"INSERT INTO {table.name} ({columns}) {_values(table, dialect)} "
            f"ON CONFLICT ({', '.join(table.keys)}) DO UPDATE SET {updates}"
        )
        statements.append(Upsert(sql, columnar=dialect == "postgresql"))
    return tuple(statements)


# Every brief: `IS NOT NULL` holds for every id, and keeps the SQL one shape.
EVERY_BRIEF = "IS NOT NULL"
CountRows = dict[tuple[object, ...], tuple[int, ...]]
# A brief's contribution: its CountRows per table, in TABLES' order.
Contribution = tuple[CountRows, ...]
NOTHING: Contribution = tuple({} for _ in TABLES)


def by_key(table: CountTable, rows: Sequence[Sequence[object]]) -> CountRows:
    """Counts by key, rows of zeros left out (taking a brief out leaves them behind)."""
    width = len(table.keys)
    found: CountRows = {}
    for row in rows:
        counts = tuple(int(n) for n in row[width:])  # type: ignore[call-overload]
        if any(counts):
            found[tuple(row[:width])] = counts
    return found


def changes(old: Contribution, new: Contribution) -> list[list[tuple[object, ...]]]:
    """Per table, the rows of differences (keys, then counts) that turn `old` into `new`,
    in key order: every writer locks the rows it changes in one order, table after table,
    so two writers never wait for each other in a circle."""
    found = []
    for table, before, after in zip(TABLES, old, new, strict=True):
        if not before:  # a new brief: its contribution as it is
            found.append([(*key, *after[key]) for key in sorted(after)])
            continue
        zero = (0,) * len(table.counts)
        rows = []
        for key in sorted(before.keys() | after.keys()):
            was, now = before.get(key, zero), after.get(key, zero)
            delta = tuple(b - a for a, b in zip(was, now, strict=True))
            if any(delta):
                rows.append((*key, *delta))
        found.append(rows)
    return found


def _insert(table: CountTable, dialect: str, brief: str) -> str:
    prefix, select = _contribution(table, dialect, brief)
    columns = ", ".join((*table.keys, *table.counts))
    # In key order: an actor's rows then lie together, and reading them touches few pages.
    return f"{prefix}INSERT INTO {table.name} ({columns}) {select} ORDER BY {', '.join(table.keys)}"


def expected_rows(connection: Connection, table: CountTable) -> CountRows:
    """What `table` should hold, recounted from every brief's rows."""
    prefix, select = _contribution(table, connection.dialect.name, EVERY_BRIEF)
    return by_key(table, list(connection.execute(text(prefix + select))))


def stored_rows(connection: Connection, table: CountTable) -> CountRows:
    """What `table` holds."""
    columns = ", ".join((*table.keys, *table.counts))
    return by_key(table, list(connection.execute(text(f"SELECT {columns} FROM {table.name}"))))


def refill(connection: Connection, tables: Sequence[CountTable] = TABLES) -> None:
    """Empty the count tables (`tables`: all of them) and fill them again from every
    brief's rows."""
    for table in tables:
        connection.execute(text(f"DELETE FROM {table.name}"))
        connection.execute(text(_insert(table, connection.dialect.name, EVERY_BRIEF)))
