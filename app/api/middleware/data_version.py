"""The data version as the middlewares see it: read from the database at most once per
`stale_ms`, and again at once after a write through this process.

The version is moved by database triggers on every write to `briefs`, from any process, so
several API processes serving one database agree on it. The ETag of a `/v1` answer and the
response cache's key are made from it: a request it answers costs no database work between
two reads, and while `chancery ingest` stores a hundred briefs a second each answer changes
once per `stale_ms`, not once per brief.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time

import psycopg
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import Scope

from app.api.repositories.versions import (
    PostgresVersion,
    SqliteVersion,
    VersionReader,
    version_reader,
)
from app.db import get_engine

DATABASE_ERRORS = (SQLAlchemyError, sqlite3.Error, psycopg.Error, OSError)
# Scope key: the version read for this request (None: unreadable), so that the layers
# that need it read it once and agree on it.
READ_FOR_REQUEST = "chancery.data_version"
DATA_PREFIX = "/v1/"
# The change feed is read to learn of writes as soon as they commit, and a long poll
# (`wait=`) answered at once from the version would come back at once: a client would spin.
UNVERSIONED_PATHS = ("/v1/changes",)


def answers_from_data(scope: Scope) -> bool:
    """Whether this request's answer is determined by the data version: a `/v1` GET, but
    the change feed."""
    return (
        scope["type"] == "http"
        and scope["method"] == "GET"
        and scope["path"].startswith(DATA_PREFIX)
        and scope["path"] not in UNVERSIONED_PATHS
    )


class DataVersion:
    """The data version, read again once `stale_ms` have passed since the last read."""

    def __init__(self, stale_ms: int, reader: VersionReader | None = None) -> None:
        self._read = reader
        self._owned: SqliteVersion | PostgresVersion | None = None
        self._stale_s = stale_ms / 1000
        self._known: tuple[int, float] | None = None
        self._reading: asyncio.Future[int] | None = None
        self._generation = 0

    async def for_request(self, scope: Scope) -> int | None:
        """The version this request is answered for, read once per request; None when it
        cannot be read (the route then reports the database in its own words)."""
        if READ_FOR_REQUEST not in scope:
            try:
                scope[READ_FOR_REQUEST] = await self.current()
            except DATABASE_ERRORS:
                scope[READ_FOR_REQUEST] = None
        version: int | None = scope[READ_FOR_REQUEST]
        return version

    async def current(self) -> int:
        """The version, read again if `stale_ms` have passed.

        One read at a time: requests that find the version due while it is being read go
        on with the one they knew (it is at most one round trip older), rather than queue
        behind each other's reads on the event loop, which stalled every request for up to
        300 ms at 10,000 requests/s on PostgreSQL.
        """
        known = self._known
        if known is not None and time.monotonic() - known[1] < self._stale_s:
            return known[0]
        if self._stale_s == 0:
            return await self._read_now()
        if self._reading is None:
            self._reading = asyncio.ensure_future(self._refresh(self._generation))
            # A failed read is seen by the requests that wait for it, or by the next one.
            self._reading.add_done_callback(lambda done: done.cancelled() or done.exception())
        reading = self._reading
        if known is not None:
            return known[0]
        return await asyncio.shield(reading)

    def forget(self) -> None:
        """The next request reads the version again (this process may have written)."""
        self._known = None
        self._reading = None
        self._generation += 1

    async def close(self) -> None:
        """Close the connection the reads were made on, if this object opened it."""
        if self._owned is not None:
            await self._owned.close()
            self._owned = self._read = None

    async def _read_now(self) -> int:
        if self._read is None:
            # Made on first use, when the engine is known.
            self._owned = version_reader(get_engine())
            self._read = self._owned
        return await self._read()

    async def _refresh(self, generation: int) -> int:
        started = time.monotonic()
        try:
            version = await self._read_now()
        finally:
            if generation == self._generation:
                self._reading = None
        if generation == self._generation:
            # Not kept when a write through this process came in meanwhile: the read may
            # have started before that write committed.
            self._known = (version, started)
        return version
