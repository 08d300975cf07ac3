"""The writer's statements, written once per dialect.

Every statement the writer runs is fixed, so it is written here once as SQL text for the
driver's own cursor (see `app.ingest.driver`) instead of being built and compiled by
SQLAlchemy per call, which cost more than the database's own work. The values that need a
conversion (dates, timestamps and JSON on SQLite; JSON on PostgreSQL) go through the
conversion SQLAlchemy itself would apply, so what is stored is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Dialect, String, Table, TypeDecorator
from sqlmodel import SQLModel

from app.ingest.row_types import ROW_TYPES
from app.storage.tables import Brief

BRIEFS: Table = Brief.__table__  # type: ignore[attr-defined]

# One row's values, in the order of its statement's placeholders.
Row = tuple[Any, ...]

# Tables of a brief's extracted rows: they point at `briefs` and hold a span of its source
# (`brief_revisions` points at briefs too, but is its history, kept when the content changes).
EXTRACTED = tuple(
    table.name
    for table in SQLModel.metadata.sorted_tables
    if "span_start" in table.c and any(fk.references(BRIEFS) for fk in table.foreign_keys)
)
# Tables whose new ids the writer reserves up front: links (claim_actors, ...) need their
# parents' ids, and ids it assigns itself follow the rows' order by construction.
RESERVED = EXTRACTED
# A brief's extracted rows are replaced whole when its content changes, dependents first;
# link tables (claim_actors, ...) go with their parents by ON DELETE CASCADE.
DELETE_CHILDREN = tuple(f"DELETE FROM {table} WHERE brief_id = ?" for table in EXTRACTED[::-1])
# What an update of a brief keeps: the name it is stored under and when it first was.
BRIEF_KEPT = ("source_name", "ingested_at")

ACTOR_BY_COUNTRY = "SELECT id FROM actors WHERE kind = ? AND country = ? ORDER BY id LIMIT 1"
ACTOR_BY_NAME = "SELECT id FROM actors WHERE kind = ? AND normalized_name = ? ORDER BY id LIMIT 1"
ACTOR_BY_ALIAS = (
    "SELECT actors.id FROM actors JOIN actor_aliases ON actor_aliases.actor_id = actors.id "
    "WHERE actors.kind = ? AND actor_aliases.normalized = ? ORDER BY actors.id LIMIT 1"
)
# The stored people another spelling of a name may be (`variants.same_person` decides).
ACTOR_BY_VARIANT = (
    "SELECT id, name, title, country FROM actors WHERE kind = ? AND variant_key = ? ORDER BY id"
)
ALIASES_OF = "SELECT normalized FROM actor_aliases WHERE actor_id = ?"
SLUGS_LIKE = "SELECT slug FROM actors WHERE slug LIKE ?"
# The brief stored under a name, and those holding the same content under any name.
EXISTING = (
    "SELECT id, source_name, sha256, parser_version FROM briefs "
    "WHERE source_name = ? OR sha256 = ? ORDER BY id"
)


@cache
def styled(sql: str, paramstyle: str) -> str:
    """`sql`, written with `?` placeholders, in the driver's placeholder style."""
    return sql if paramstyle == "qmark" else sql.replace("?", "%s")


@dataclass(frozen=True)
class Insert:
    """An INSERT for the driver's cursor, and the conversions its values need.

    `columnar`: the statement takes one array per column (PostgreSQL's unnest) instead of
    one execution per row: one statement for any number of rows, for psycopg and the server.
    """

    sql: str
    converters: tuple[tuple[int, Callable[[Any], Any]], ...]
    columnar: bool = False

    def convert(self, rows: Sequence[Row]) -> Sequence[Row]:
        if not self.converters:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for index, converter in self.converters:
                values[index] = converter(values[index])
            converted.append(tuple(values))
        return converted

    def parameters(self, rows: Sequence[Row]) -> Sequence[Any]:
        """What the driver's executemany (or, `columnar`, execute) takes for `rows`."""
        converted = self.convert(rows)
        return (
            [list(column) for column in zip(*converted, strict=True)]
            if self.columnar
            else converted
        )


@dataclass(frozen=True)
class Update:
    """An UPDATE of one row by its id, setting the columns of a row type but some kept."""

    statement: Insert
    # The positions, in the row type, of the values it sets.
    picks: tuple[int, ...]

    def parameters(self, row: Row, row_id: int) -> Row:
        return (*[row[index] for index in self.picks], row_id)


@dataclass(frozen=True)
class Statements:
    """The writer's statements for one dialect."""

    brief: Insert
    brief_update: Update
    revision: Insert
    changes: Insert
    actor: Insert
    alias: Insert
    events: Insert
    claims: Insert
    statements: Insert
    impacts: Insert
    sections: Insert
    mentions: Insert
    links: dict[str, Insert]
    reserve_ids: str
    brief_reserving_ids: str | None


def _columns(table: Table, row_type: type[NamedTuple]) -> tuple[str, ...]:
    """The row type's fields, each a column of `table`."""
    if unknown := [name for name in row_type._fields if name not in table.c]:
        raise LookupError(f"{row_type.__name__}: no column {unknown} in {table.name}")
    return row_type._fields


def _converters(dialect: Dialect, table: Table, columns: Sequence[str]) -> tuple[Any, ...]:
    found = []
    for index, name in enumerate(columns):
        if processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect):
            found.append((index, processor))
    return tuple(found)


def _array_type(dialect: Dialect, table: Table, column: str) -> str:
    """The PostgreSQL array type `unnest` reads a column's values as, from its own type."""
    column_type = table.c[column].type
    if isinstance(column_type, TypeDecorator):  # SQLModel's AutoString: a String
        column_type = column_type.impl_instance
    # Lengthless: an explicit cast to varchar(n) would truncate; the assignment to the
    # column still checks the length, as a plain INSERT does.
    if isinstance(column_type, String):
        return "text[]"
    return f"{column_type.compile(dialect=dialect)}[]"


def insert_for(
    dialect: Dialect, table: Table, row_type: type[NamedTuple], *, returning_id: bool = False
) -> Insert:
    """An INSERT into `table` of rows of `row_type`, whose fields name the columns.

    Any number of rows, in one statement on PostgreSQL (columnar); or, `returning_id`, one
    row, the statement giving its new id.
    """
    columns = _columns(table, row_type)
    converters = _converters(dialect, table, columns)
    into = f"INSERT INTO {table.name} ({', '.join(columns)})"
    if dialect.name == "postgresql" and not returning_id:
        arrays = ", ".join(f"%s::{_array_type(dialect, table, column)}" for column in columns)
        return Insert(f"{into} SELECT * FROM unnest({arrays})", converters, columnar=True)
    sql = f"{into} VALUES ({', '.join('?' * len(columns))})"
    return Insert(styled(sql + (" RETURNING id" if returning_id else ""), dialect.paramstyle),
                  converters)  # fmt: skip


def update_for(
    dialect: Dialect, table: Table, row_type: type[NamedTuple], kept: Sequence[str]
) -> Update:
    """An UPDATE of one row of `table` by id, from a row of `row_type`, but the columns `kept`."""
    columns = [name for name in _columns(table, row_type) if name not in kept]
    assignments = ", ".join(f"{name} = ?" for name in columns)
    sql = styled(f"UPDATE {table.name} SET {assignments} WHERE id = ?", dialect.paramstyle)
    picks = tuple(row_type._fields.index(name) for name in columns)
    return Update(Insert(sql, _converters(dialect, table, columns)), picks)


def _id_draws() -> str:
    """PostgreSQL: per RESERVED table, an array of new ids from its sequence (a count each)."""
    return ", ".join(
        f"ARRAY(SELECT nextval(pg_get_serial_sequence('{t}', 'id')) FROM generate_series(1, %s))"
        for t in RESERVED
    )


def _largest_id(table: str) -> str:
    """SQLite: the largest id `table` ever had: present, or deleted (`IdFloor`, kept by
    triggers)."""
    return (
        f"max(coalesce((SELECT max(id) FROM {table}), 0), coalesce((SELECT last_id "
        f"FROM id_floors WHERE table_name = '{table}'), 0))"
    )


def _reserve_ids(dialect: Dialect) -> str:
    """One statement giving, per RESERVED table, what its new ids are counted from.

    SQLite: the largest id it ever had (new rows get the next ones). PostgreSQL: the ids
    themselves.
    """
    if dialect.name == "sqlite":
        return "SELECT " + ", ".join(_largest_id(t) for t in RESERVED)
    return f"SELECT {_id_draws()}"


def _insert_brief(dialect: Dialect) -> Insert:
    """The brief's INSERT, giving its id; on SQLite numbered past every id it ever had."""
    brief = _insert(dialect, "briefs", returning_id=True)
    if dialect.name != "sqlite":
        return brief
    columns = ROW_TYPES["briefs"]._fields
    sql = (
        f"INSERT INTO briefs (id, {', '.join(columns)}) VALUES (({_largest_id('briefs')}) + 1, "
        f"{', '.join('?' * len(columns))}) RETURNING id"
    )
    return Insert(sql, brief.converters)


def _insert_brief_reserving_ids(dialect: Dialect, brief: Insert) -> str | None:
    """PostgreSQL: the brief's insert and the ids of its rows, one statement."""
    if dialect.name != "postgresql":
        return None
    return f"WITH brief AS ({brief.sql}) SELECT (SELECT id FROM brief), {_id_draws()}"


def _insert(dialect: Dialect, table: str, *, returning_id: bool = False) -> Insert:
    """The INSERT of one table's rows, of its type in `ROW_TYPES`."""
    return insert_for(
        dialect, SQLModel.metadata.tables[table], ROW_TYPES[table], returning_id=returning_id
    )


@cache
def statements_for(dialect: Dialect) -> Statements:
    links = ("event_participants", "claim_actors", "statement_actors")
    brief = _insert_brief(dialect)
    return Statements(
        brief=brief,
        brief_update=update_for(dialect, BRIEFS, ROW_TYPES["briefs"], BRIEF_KEPT),
        revision=_insert(dialect, "brief_revisions"),
        changes=_insert(dialect, "changes"),
        actor=_insert(dialect, "actors", returning_id=True),
        alias=_insert(dialect, "actor_aliases"),
        events=_insert(dialect, "events"),
        claims=_insert(dialect, "claims"),
        statements=_insert(dialect, "statements"),
        impacts=_insert(dialect, "impacts"),
        sections=_insert(dialect, "sections"),
        mentions=_insert(dialect, "mentions"),
        links={table: _insert(dialect, table) for table in links},
        reserve_ids=_reserve_ids(dialect),
        brief_reserving_ids=_insert_brief_reserving_ids(dialect, brief),
    )
