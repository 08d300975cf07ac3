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
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Dialect, Integer
from sqlmodel import SQLModel

from app.ingest.rows import Row

# The brief's own columns, in the order of `PreparedBrief.fields` then the writer's own.
BRIEF_FIELDS = ("title", "lead", "bottom_line", "context", "occurred_on", "location",
                "search_text", "sha256", "source_text", "parser_version", "updated_at")  # fmt: skip
# Per table, the columns of the rows `app.ingest.rows` builds, after what the writer adds.
SPANS = ("span_start", "span_end")
EVENTS = ("id", "brief_id", "position", "title", "occurred_on", "location", "search_text",
          *SPANS)  # fmt: skip
CLAIMS = ("id", "brief_id", "position", "status", "section", "text", "occurred_on",
          "search_text", *SPANS)  # fmt: skip
STATEMENTS = ("id", "brief_id", "position", "kind", "text", "speaker_role", "occurred_on",
              "search_text", *SPANS, "speaker_id")  # fmt: skip
IMPACTS = ("id", "brief_id", "position", "label", "text", *SPANS)
SECTIONS = ("id", "brief_id", "position", "name", "kind", *SPANS)
ACTORS = ("slug", "name", "normalized_name", "kind", "title", "country", "created_at")
# Tables whose new ids the writer reserves up front: mentions (claim_actors, ...) need their
# parents' ids, and ids it assigns itself follow the rows' order by construction.
RESERVED = ("events", "claims", "statements", "impacts", "sections")
# Tables of a brief's extracted rows, replaced whole when its content changes; mention
# tables (claim_actors, ...) go with their parents by ON DELETE CASCADE.
CHILD_TABLES = ("events", "statements", "claims", "impacts", "sections")
DELETE_CHILDREN = tuple(f"DELETE FROM {table} WHERE brief_id = ?" for table in CHILD_TABLES)

ACTOR_BY_COUNTRY = "SELECT id FROM actors WHERE kind = ? AND country = ? ORDER BY id LIMIT 1"
ACTOR_BY_NAME = "SELECT id FROM actors WHERE kind = ? AND normalized_name = ? ORDER BY id LIMIT 1"
ACTOR_BY_ALIAS = (
    "SELECT actors.id FROM actors JOIN actor_aliases ON actor_aliases.actor_id = actors.id "
    "WHERE actors.kind = ? AND actor_aliases.normalized = ? ORDER BY actors.id LIMIT 1"
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
class Statements:
    """The writer's statements for one dialect."""

    brief: Insert
    brief_update: Insert
    revision: Insert
    actor: Insert
    alias: Insert
    events: Insert
    claims: Insert
    statements: Insert
    impacts: Insert
    sections: Insert
    mentions: dict[str, Insert]
    reserve_ids: str
    brief_reserving_ids: str | None


def _converters(dialect: Dialect, table: str, columns: Sequence[str]) -> tuple[Any, ...]:
    found = []
    for index, name in enumerate(columns):
        column_type = SQLModel.metadata.tables[table].c[name].type
        if processor := column_type.dialect_impl(dialect).bind_processor(dialect):
            found.append((index, processor))
    return tuple(found)


def _array_type(table: str, column: str) -> str:
    # Lengthless types: an explicit cast to varchar(n) would truncate; the assignment to
    # the column still checks the length, as a plain INSERT does.
    column_type = SQLModel.metadata.tables[table].c[column].type
    kinds = ((Integer, "integer"), (DateTime, "timestamptz"), (Date, "date"), (JSON, "json"))
    return next((name for kind, name in kinds if isinstance(column_type, kind)), "text") + "[]"


def _insert(dialect: Dialect, table: str, columns: Sequence[str]) -> Insert:
    """An INSERT of any number of rows, columnar on PostgreSQL."""
    converters = _converters(dialect, table, columns)
    if dialect.name == "postgresql":
        arrays = ", ".join(f"%s::{_array_type(table, column)}" for column in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM unnest({arrays})"
        return Insert(sql, converters, columnar=True)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    return Insert(styled(sql, dialect.paramstyle), converters)


def _insert_returning_id(dialect: Dialect, table: str, columns: Sequence[str]) -> Insert:
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) RETURNING id"
    return Insert(styled(sql, dialect.paramstyle), _converters(dialect, table, columns))


def _update_brief(dialect: Dialect) -> Insert:
    # The same conversions as an insert of BRIEF_FIELDS, then the id in the WHERE clause.
    assignments = ", ".join(f"{name} = ?" for name in BRIEF_FIELDS)
    sql = f"UPDATE briefs SET {assignments} WHERE id = ?"
    return Insert(styled(sql, dialect.paramstyle), _converters(dialect, "briefs", BRIEF_FIELDS))


def _id_draws() -> str:
    """PostgreSQL: per RESERVED table, an array of new ids from its sequence (a count each)."""
    return ", ".join(
        f"ARRAY(SELECT nextval(pg_get_serial_sequence('{t}', 'id')) FROM generate_series(1, %s))"
        for t in RESERVED
    )


def _reserve_ids(dialect: Dialect) -> str:
    """One statement giving, per RESERVED table, what its new ids are counted from.

    SQLite: its largest id (new rows get the next ones). PostgreSQL: the ids themselves.
    """
    if dialect.name == "sqlite":
        return "SELECT " + ", ".join(f"(SELECT max(id) FROM {t})" for t in RESERVED)
    return f"SELECT {_id_draws()}"


def _insert_brief_reserving_ids(dialect: Dialect, brief: Insert) -> str | None:
    """PostgreSQL: the brief's insert and the ids of its rows, one statement."""
    if dialect.name != "postgresql":
        return None
    return f"WITH brief AS ({brief.sql}) SELECT (SELECT id FROM brief), {_id_draws()}"


@cache
def statements_for(dialect: Dialect) -> Statements:
    mentions = {
        "event_participants": ("event_id", "actor_id"),
        "claim_actors": ("claim_id", "actor_id"),
        "statement_actors": ("statement_id", "actor_id"),
    }
    brief_columns = (*BRIEF_FIELDS, "source_name", "ingested_at")
    revision_columns = ("brief_id", "sha256", "parser_version", "ingested_at")
    brief = _insert_returning_id(dialect, "briefs", brief_columns)
    return Statements(
        brief=brief,
        brief_update=_update_brief(dialect),
        revision=_insert(dialect, "brief_revisions", revision_columns),
        actor=_insert_returning_id(dialect, "actors", ACTORS),
        alias=_insert(dialect, "actor_aliases", ("actor_id", "alias", "normalized")),
        events=_insert(dialect, "events", EVENTS),
        claims=_insert(dialect, "claims", CLAIMS),
        statements=_insert(dialect, "statements", STATEMENTS),
        impacts=_insert(dialect, "impacts", IMPACTS),
        sections=_insert(dialect, "sections", SECTIONS),
        mentions={t: _insert(dialect, t, columns) for t, columns in mentions.items()},
        reserve_ids=_reserve_ids(dialect),
        brief_reserving_ids=_insert_brief_reserving_ids(dialect, brief),
    )
