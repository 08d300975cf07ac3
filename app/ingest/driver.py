"""The driver's own cursor on a session's connection, raising SQLAlchemy's exceptions.

The job retries a brief on SQLAlchemy's IntegrityError and OperationalError and reports any
other SQLAlchemyError, so errors from the driver are turned into those, as SQLAlchemy does
for the statements it runs itself (a lost connection is invalidated, not reused).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any, NoReturn

from sqlalchemy import Connection, Dialect
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from app.ingest.sql import Insert, Row, Statements, statements_for, styled

# New ids for one table's rows, ascending.
Ids = range | list[int]


class DriverCursor:
    """Runs the writer's statements within the session's current transaction."""

    def __init__(self, session: Session) -> None:
        self._connection: Connection = session.connection()
        dialect = self._connection.dialect
        self.dialect: Dialect = dialect
        self.statements: Statements = statements_for(dialect)
        self.dialect_name: str = dialect.name
        self.is_sqlite = dialect.name == "sqlite"
        self._paramstyle = dialect.paramstyle
        self._cursor: Any = self._connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def _fail(self, error: Exception, sql: str) -> NoReturn:
        dialect = self._connection.dialect
        raw = self._connection.connection.dbapi_connection
        invalidated = dialect.is_disconnect(error, raw, self._cursor)  # type: ignore[arg-type]
        if invalidated:
            self._connection.invalidate(error)
        raise DBAPIError.instance(
            sql,
            None,
            error,
            dialect.loaded_dbapi.Error,
            connection_invalidated=invalidated,
            dialect=dialect,
        ) from error

    @contextmanager
    def _errors(self, sql: str) -> Iterator[None]:
        try:
            yield
        except self._connection.dialect.loaded_dbapi.Error as error:
            self._fail(error, sql)

    def rows(self, sql: str, params: Sequence[Any]) -> list[Row]:
        """The rows of a query written with `?` placeholders."""
        sql = styled(sql, self._paramstyle)
        with self._errors(sql):
            self._cursor.execute(sql, params)
            return list(self._cursor.fetchall())

    def run(self, sql: str, params: Sequence[Any]) -> None:
        sql = styled(sql, self._paramstyle)
        with self._errors(sql):
            self._cursor.execute(sql, params)

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement written with `?` placeholders, once per row, in order."""
        if rows:
            sql = styled(sql, self._paramstyle)
            with self._errors(sql):
                self._cursor.executemany(sql, rows)

    def insert(self, insert: Insert, rows: Sequence[Row]) -> None:
        """Insert `rows` with one executemany."""
        if rows:
            run = self._cursor.execute if insert.columnar else self._cursor.executemany
            with self._errors(insert.sql):
                run(insert.sql, insert.parameters(rows))

    def insert_one(self, insert: Insert, row: Row) -> int:
        """Insert one row; its id (the statement ends in RETURNING id)."""
        with self._errors(insert.sql):
            self._cursor.execute(insert.sql, insert.convert([row])[0])
            return int(self._cursor.fetchone()[0])

    def reserve_ids(self, counts: Sequence[int]) -> list[Ids]:
        """For each RESERVED table, ids for its next `count` rows, in ascending order.

        Call only once this transaction has written: on SQLite it then holds the database's
        write lock until it ends, so no other connection can insert meanwhile, and new rows
        get the ids SQLite itself would give them (one past the largest). PostgreSQL draws
        them from each table's sequence, which never hands out an id twice.
        """
        if self.is_sqlite:
            largest = self.rows(self.statements.reserve_ids, ())[0]
            firsts = [(m or 0) + 1 for m in largest]
            return [range(first, first + n) for first, n in zip(firsts, counts, strict=True)]
        return [sorted(ids) for ids in self.rows(self.statements.reserve_ids, counts)[0]]

    def insert_brief(self, row: Row, counts: Sequence[int]) -> tuple[int, list[Ids]]:
        """Insert a brief row; its id, and ids reserved for its rows (see `reserve_ids`).

        One statement, one round trip, on PostgreSQL.
        """
        combined = self.statements.brief_reserving_ids
        if combined is None:
            return self.insert_one(self.statements.brief, row), self.reserve_ids(counts)
        brief = self.statements.brief.convert([row])[0]
        found = self.rows(combined, (*brief, *counts))[0]
        return int(found[0]), [sorted(ids) for ids in found[1:]]

    def batch(self) -> Any:
        """Statements sent together, in one round trip where the database is remote.

        On PostgreSQL, psycopg's pipeline mode: a fetch sends what was queued before it, and
        errors may surface only when the block ends.
        """
        if self.is_sqlite:
            return nullcontext()
        return self._pipeline()

    @contextmanager
    def _pipeline(self) -> Iterator[None]:
        driver = self._connection.connection.driver_connection
        with self._errors("(pipeline)"), driver.pipeline():  # type: ignore[union-attr]
            yield
