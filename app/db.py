"""Engine and session factory for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Annotated, Any, TypeVar

from fastapi import Depends
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.admission import admitted
from app.config import get_settings
from app.vocabulary import STARTS_WORDS_SQL, starts_words

R = TypeVar("R")

# More connections (20 + 20) than worker threads (`CHANCERY_WORKER_THREADS`, 16 by default),
# so a burst of requests waits in the thread pool's queue, holding nothing, rather than
# failing to get a connection; a pool of more than 40 threads would need more here.
POOL_SIZE = 20
POOL_OVERFLOW = 20
SQLITE_BUSY_TIMEOUT_MS = 5_000
SQLITE_BEGIN_OPTION = "sqlite_begin"
SQLITE_POOL_OVERFLOW = 100
# Reads through the OS page cache instead of copying pages into each connection's own cache.
SQLITE_MMAP_BYTES = 1 << 30


def is_sqlite(url: str) -> bool:
    """Whether `url` names an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # pysqlite's own transaction handling is bypassed (isolation_level=None) so that BEGIN is
    # ours: writers ask for IMMEDIATE, taking the write lock up front, because a deferred
    # transaction that reads then writes fails at once with SQLITE_BUSY instead of waiting.
    mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_connect(dbapi_connection: Any, record: Any) -> None:
    dbapi_connection.isolation_level = None
    _sqlite_pragmas(dbapi_connection, record)
    dbapi_connection.create_function(STARTS_WORDS_SQL, 2, starts_words, deterministic=True)


def build_engine(url: str) -> Engine:
    """Create an engine configured for the database behind `url`."""
    if is_sqlite(url):
        # A file database gets a pool larger than the thread pool: a request keeps its
        # connection until its session closes, and closing needs a worker thread, so with
        # fewer connections than threads plus waiting requests, a burst (64 clients) left
        # every thread waiting for a connection held by a request waiting for a thread,
        # until the pool timeout (503s). SQLite connections cost a file handle and a page
        # cache. An in-memory database keeps its single-connection pool.
        in_memory = make_url(url).database in (None, "", ":memory:")
        pool: dict[str, Any] = (
            {} if in_memory else {"pool_size": POOL_SIZE, "max_overflow": SQLITE_POOL_OVERFLOW}
        )
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            **pool,
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # JIT compilation off: PostgreSQL compiles a query whose estimated cost passes
    # `jit_above_cost`, which an export's range (a correlated subquery per row) and the
    # larger aggregates do, and compiling took 0.5-1 s of a range read of 30 ms
    # (docs/benchmarks.md, "Exports"); the API's queries are short and never gain it back.
    return create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_pre_ping=True,
        pool_timeout=10,
        connect_args={"connect_timeout": 5, "options": "-c jit=off"},
    )


def get_engine(url: str | None = None) -> Engine:
    """Return the process-wide engine for `url` (default: the configured database)."""
    return _engine_for(url or get_settings().database_url)


@cache
def _engine_for(url: str) -> Engine:
    return build_engine(url)


@contextmanager
def session_scope(engine: Engine | None = None, *, write: bool = False) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    `write=True` takes SQLite's write lock when the transaction begins (see `_sqlite_begin`).
    """
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        if write:
            session.connection(execution_options={SQLITE_BEGIN_OPTION: "IMMEDIATE"})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one session per request, owning its transaction."""
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


async def in_session(work: Callable[[Session], R]) -> R:
    """`work` given one session (one transaction, as `get_session`), in one worker thread.

    The list routes await this instead of taking `SessionDep`: a sync route with a session
    and a sync dependency costs four hops to the thread pool and back (the session opened,
    the dependency, the route, the session closed), about 0.45 ms of CPU more than one hop
    (docs/benchmarks.md, "A lean list path"). The event loop stays free while it runs;
    it waits for its turn first when more requests are at work (`app.admission`).
    """

    def run() -> R:
        with session_scope() as session:
            return work(session)

    return await admitted(run)
