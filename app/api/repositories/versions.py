"""The data version: grows with every write to the briefs (see `DataChange`)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import psycopg
from sqlalchemy import Engine, func, select
from sqlmodel import Session, col

from app.db import is_sqlite
from app.storage.tables import DataChange

VersionReader = Callable[[], Awaitable[int]]
LATEST_CHANGE = select(func.max(col(DataChange.id)))


def data_version(session: Session) -> int:
    """The id of the latest data change (0 before the first); one primary-key lookup."""
    return int(session.execute(LATEST_CHANGE).scalar_one() or 0)


class SqliteVersion:
    """Reads the version on a connection of its own, outside any transaction.

    That read takes microseconds and touches no file, so it is made on the event loop:
    through the thread pool and a pooled session (BEGIN, SELECT, COMMIT) it cost more than
    the rest of a cached answer, with every worker thread contending for SQLite's locks.
    """

    def __init__(self, engine: Engine) -> None:
        self._connection = engine.raw_connection()
        self._sql = str(LATEST_CHANGE.compile(engine))
        self._lock = threading.Lock()

    async def close(self) -> None:
        self._connection.close()

    async def __call__(self) -> int:
        with self._lock:
            cursor = self._connection.cursor()
            try:
                cursor.execute(self._sql)
                row = cursor.fetchone()
                return int(row[0] or 0) if row else 0
            finally:
                cursor.close()


class PostgresVersion:
    """Reads the version on an asyncio connection of its own, in autocommit.

    One round trip, awaited on the event loop: through the thread pool and a pooled session
    (BEGIN, SELECT, COMMIT) a cached answer cost four times as much. The connection belongs
    to the event loop that opened it; another loop (a test client's) opens its own.
    """

    def __init__(self, engine: Engine) -> None:
        url = engine.url.set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._sql = str(LATEST_CHANGE.compile(engine))
        self._connection: psycopg.AsyncConnection[Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = asyncio.Lock()

    async def _connected(self) -> psycopg.AsyncConnection[Any]:
        loop = asyncio.get_running_loop()
        if self._connection is None or self._connection.closed or self._loop is not loop:
            self._connection = await psycopg.AsyncConnection.connect(
                self._conninfo, autocommit=True
            )
            self._loop = loop
        return self._connection

    async def __call__(self) -> int:
        if self._loop is not asyncio.get_running_loop():
            self._lock = asyncio.Lock()
        async with self._lock:
            connection = await self._connected()
            try:
                row = await (await connection.execute(self._sql)).fetchone()
            except psycopg.Error:
                await connection.close()
                raise
            return int(row[0] or 0) if row else 0

    async def close(self) -> None:
        if self._connection is not None and self._loop is asyncio.get_running_loop():
            await self._connection.close()
        self._connection = None


def version_reader(engine: Engine) -> SqliteVersion | PostgresVersion:
    """How to read the data version of `engine`'s database from the event loop."""
    if is_sqlite(engine.url.render_as_string()):
        return SqliteVersion(engine)
    return PostgresVersion(engine)
