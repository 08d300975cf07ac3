"""Keyset pagination shared by every list: the keyset order and the SQL that reads a page.

A page starts after the position its cursor (`app.api.cursors`) names, read as an index
range; lists run Core statements on the session's connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Executable,
    Select,
    and_,
    func,
    select,
    tuple_,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlmodel import Session

from app.api.cursors import Cursor, SortKey, invalid_cursor

T = TypeVar("T")
# A column as SQLModel exposes it (`col(Model.attr)`) or as SQLAlchemy builds it.
SqlColumn = SQLCoreOperations[Any]
AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class PageRequest:
    limit: int
    descending: bool
    cursor: Cursor | None = None
    include_total: bool = False
    # The words of `q` (`text_search.query_words`): each item gets a snippet of its match.
    search: tuple[str, ...] = ()
    # `sort=relevance`: best match first, by the index's score of `search`.
    by_relevance: bool = False


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: Cursor | None = None
    total: int | None = None


@dataclass(frozen=True)
class Keyset:
    """How one list is ordered: by `key` (NULLs last either way), ties broken by `id`."""

    scope: str
    key: SqlColumn
    id: SqlColumn
    key_is_date: bool = True


def _typed_key(keyset: Keyset, cursor: Cursor) -> SortKey:
    if cursor.key is None or not keyset.key_is_date or isinstance(cursor.key, date):
        return cursor.key
    if not isinstance(cursor.key, str):
        raise invalid_cursor("not a cursor issued by this API")
    try:
        return date.fromisoformat(cursor.key)
    except ValueError:
        raise invalid_cursor("not a cursor issued by this API") from None


def after(keyset: Keyset, cursor: Cursor) -> ColumnElement[bool]:
    """Rows with a key strictly after `cursor` in the keyset order, NULL keys excepted.

    A row-value comparison, which SQLite and PostgreSQL both read as an index range. The
    equivalent `key < k OR (key = k AND id < i) OR key IS NULL` made SQLite scan the index
    from the top: page 200 read 10,000 entries to skip them. Rows with a NULL key, which
    sort last, are read by `fetch_page` once these run out.
    """
    key = _typed_key(keyset, cursor)
    if key is None:
        beyond_id = keyset.id < cursor.id if cursor.descending else keyset.id > cursor.id
        return and_(keyset.key.is_(None), beyond_id)
    row, at = tuple_(keyset.key, keyset.id), (key, cursor.id)
    return row < at if cursor.descending else row > at


def order_by(keyset: Keyset, descending: bool) -> list[ColumnElement[Any]]:
    """ORDER BY terms for the keyset order."""
    if descending:
        return [keyset.key.desc().nulls_last(), keyset.id.desc()]
    return [keyset.key.asc().nulls_last(), keyset.id.asc()]


def _check(keyset: Keyset, page: PageRequest) -> None:
    cursor = page.cursor
    if cursor is not None and cursor.scope != keyset.scope:
        raise invalid_cursor(f"this cursor belongs to another list ({cursor.scope})")
    if cursor is not None and cursor.descending != page.descending:
        raise invalid_cursor("this cursor was issued for the other sort direction")


def read(
    session: Session, statement: Executable, params: dict[str, Any] | None = None
) -> CursorResult[Any]:
    """Run a Core statement on the session's connection (and in its transaction).

    `session.execute` would take the ORM's execution path, whose per-statement setup is a
    fifth of a list request's CPU; lists select columns, never entities, so it buys nothing.
    """
    return session.connection().execute(statement, params)


def read_tuples(
    session: Session, statement: Executable, params: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """The rows of a Core statement as the driver returns them, plain tuples.

    SQLAlchemy's own row objects and result processing cost more than the query on a bulk
    read (a third of an export's time); the driver's tuples skip both. SQLite's driver hands
    dates and timestamps back as their ISO text, which callers must accept.
    """
    result = read(session, statement, params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


@dataclass(frozen=True)
class _Prepared:
    """A statement compiled once for a dialect: its SQL, the order of its parameters when
    the driver takes them by position (SQLite), and the values it binds itself."""

    sql: str
    order: tuple[str, ...] | None
    own: dict[str, Any]


@lru_cache(maxsize=64)
def _prepared(statement: Any, dialect: Dialect) -> _Prepared | None:
    """`statement` compiled for `dialect`, or None when a parameter needs SQLAlchemy's
    processing (a type's bind processor, an expanding `IN`)."""
    compiled: Any = statement.compile(dialect=dialect)
    if compiled.literal_execute_params or compiled.post_compile_params:
        return None
    if any(compiled._bind_processors.get(name) for name in compiled.bind_names.values()):
        return None
    order = tuple(compiled.positiontup) if compiled.positional else None
    return _Prepared(compiled.string, order, compiled.construct_params(_check=False))


def read_prepared(
    session: Session, statement: Executable, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """`read_tuples` for a statement built once (it keys a cache) whose parameters are
    plain values: compiled once per dialect and run on the driver's cursor, which skips
    SQLAlchemy's keying, parameter processing and result set-up on each run (a list
    request runs three or four such reads: its actors, their links, an actor filter's ids).
    """
    connection = session.connection()
    prepared = _prepared(statement, connection.dialect)
    if prepared is None:
        return read_tuples(session, statement, params)
    values = {**prepared.own, **params}
    bound: Any = values if prepared.order is None else [values[n] for n in prepared.order]
    cursor = connection.connection.cursor()
    try:
        cursor.execute(prepared.sql, bound)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def count_rows(session: Session, query: AnySelect) -> int:
    """How many rows `query` returns, ignoring any order or limit."""
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    return int(read(session, counted).scalar_one())


def core_column(column: SqlColumn) -> Any:
    """The table column behind an ORM attribute (`col(Claim.id)`): selects list table
    columns, not the ORM attributes keysets are written with."""
    return column.expression if isinstance(column, QueryableAttribute) else column


def _index(query: AnySelect, column: SqlColumn) -> int:
    """Where `column` is in the rows `query` returns."""
    wanted = core_column(column)
    for index, selected in enumerate(query.selected_columns):
        if selected is wanted:
            return index
    raise ValueError(f"{wanted} is not selected")


def fetch_page(
    session: Session, query: AnySelect, keyset: Keyset, page: PageRequest, *, raw: bool = False
) -> Page[Any]:
    """One page of `query`'s rows in keyset order, with the cursor of the next page.

    `raw`: the rows are the driver's tuples (`read_tuples`), for bulk reads.
    """
    _check(keyset, page)
    fetch = read_tuples if raw else lambda s, q: list(read(s, q).all())
    total = count_rows(session, query) if page.include_total else None
    ordered = query.order_by(*order_by(keyset, page.descending))
    wanted = page.limit + 1
    cursor = page.cursor
    beyond = ordered if cursor is None else ordered.where(after(keyset, cursor))
    rows: list[Any] = fetch(session, beyond.limit(wanted))
    if len(rows) < wanted and cursor is not None and cursor.key is not None:
        nulls = ordered.where(keyset.key.is_(None)).limit(wanted - len(rows))
        rows += fetch(session, nulls)
    next_cursor = None
    if len(rows) > page.limit:
        rows = rows[: page.limit]
        last = rows[-1]
        key, row_id = last[_index(query, keyset.key)], last[_index(query, keyset.id)]
        next_cursor = Cursor(keyset.scope, key, row_id, page.descending)
    return Page(rows, next_cursor, total)


def _through(keyset: Keyset, end: Cursor, descending: bool) -> ColumnElement[bool]:
    """Rows with a non-NULL key up to and including `end`'s row in the keyset order."""
    row, at = tuple_(keyset.key, keyset.id), (_typed_key(keyset, end), end.id)
    return row >= at if descending else row <= at


def fetch_range(
    session: Session,
    query: AnySelect,
    keyset: Keyset,
    descending: bool,
    start: Cursor | None,
    end: Cursor | None,
    chunk: int = 5_000,
) -> list[tuple[Any, ...]]:
    """`query`'s rows after `start` and up to and including `end`'s row, in keyset order, as
    driver tuples (None: from the first row; to the last).

    Bounded at both ends, a range holds every row between its cursors however many are
    written meanwhile, so consecutive ranges read in any order, or at once, skip none
    (`app.api.export.reader`). As in `fetch_page`, rows with a NULL key (last in either
    direction) are a second query, run only when the range reaches them. Each query asks
    for at most `chunk` rows, and goes on after the last while it gets that many: with no
    LIMIT, PostgreSQL misjudged a range of 5,000 rows for 68,000 and read it by scanning
    and sorting the whole table.
    """
    ordered = query.order_by(*order_by(keyset, descending))
    beyond_id = keyset.id.__lt__ if descending else keyset.id.__gt__
    upto_id = keyset.id.__ge__ if descending else keyset.id.__le__
    key_at, id_at = _index(query, keyset.key), _index(query, keyset.id)
    start_key = None if start is None else _typed_key(keyset, start)
    end_key = None if end is None else _typed_key(keyset, end)
    rows: list[tuple[Any, ...]] = []
    if start is None or start_key is not None:  # the range starts among the keyed rows
        keyed = ordered.where(keyset.key.is_not(None))
        if end is not None and end_key is not None:
            keyed = keyed.where(_through(keyset, end, descending))
        resume = start
        while True:
            part = keyed if resume is None else keyed.where(after(keyset, resume))
            got = read_tuples(session, part.limit(chunk))
            rows += got
            if len(got) < chunk:
                break
            resume = Cursor(keyset.scope, got[-1][key_at], got[-1][id_at], descending)
    if end is None or end_key is None:  # the range reaches the rows with no key
        nulls = ordered.where(keyset.key.is_(None))
        if end is not None:
            nulls = nulls.where(upto_id(end.id))
        last_id = start.id if start is not None and start_key is None else None
        while True:
            part = nulls if last_id is None else nulls.where(beyond_id(last_id))
            got = read_tuples(session, part.limit(chunk))
            rows += got
            if len(got) < chunk:
                break
            last_id = got[-1][id_at]
    return rows
