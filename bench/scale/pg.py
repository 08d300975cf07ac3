"""PostgreSQL copy of a benchmark SQLite database, bulk-loaded with COPY.

Ingesting 100k briefs into PostgreSQL takes about 35 minutes; copying the rows the SQLite
ingestion produced takes a few. The schema comes from the migrations, as always; only the
rows are copied, then each id sequence is moved past the largest id and the tables analysed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Connection, Table, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.types import JSON
from sqlmodel import SQLModel

from app import migrate
from app.storage.tables import DataChange

BATCH = 5_000


def database_url(admin_url: str, size: int) -> str:
    return make_url(admin_url).set(database=f"chancery_scale_{size}").render_as_string(False)


def _count_briefs(url: str) -> int | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("select count(*) from briefs")).scalar_one())
    except Exception:
        return None
    finally:
        engine.dispose()


def _recreate(admin_url: str, url: str) -> None:
    name = make_url(url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def _plain(table: Table, row: Any) -> list[Any]:
    return [
        json.dumps(value) if isinstance(column.type, JSON) else value
        for column, value in zip(table.columns, row, strict=True)
    ]


def _copy_table(source: Connection, target: Connection, table: Table) -> None:
    names = ", ".join(f'"{column.name}"' for column in table.columns)
    raw = target.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        result = source.execution_options(yield_per=BATCH).execute(select(table))
        for row in result:
            copy.write_row(_plain(table, row))


def _reset_sequence(target: Connection, table: Table) -> None:
    if "id" not in table.columns or not table.c.id.primary_key:
        return
    largest = target.execute(select(func.max(table.c.id))).scalar_one() or 1
    target.execute(text(f"select setval(pg_get_serial_sequence('{table.name}', 'id'), {largest})"))


def copy_sqlite(sqlite_path: Path, url: str) -> None:
    """Copy every row of the SQLite file into the migrated, empty database at `url`."""
    migrate.upgrade(url)
    source_engine = create_engine(f"sqlite:///{sqlite_path}")
    target_engine = create_engine(url)
    with source_engine.connect() as source, target_engine.begin() as target:
        for table in reversed(SQLModel.metadata.sorted_tables):
            target.execute(table.delete())  # rows the migrations wrote (`id_floors`)
        for table in SQLModel.metadata.sorted_tables:
            if table.name == DataChange.__tablename__:
                continue  # written by the briefs' trigger as the rows arrive
            _copy_table(source, target, table)
            _reset_sequence(target, table)
    # VACUUM as well as ANALYZE: a database in service has been through autovacuum (its
    # visibility map set, so index-only scans stay in the index); a fresh copy has not, and
    # autovacuum would otherwise pass over it during the first runs measured.
    with target_engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM (ANALYZE)"))
    source_engine.dispose()
    target_engine.dispose()


def postgres_database(admin_url: str, sqlite_path: Path, size: int) -> str:
    """A PostgreSQL database holding the same rows as `sqlite_path`, reused when complete."""
    url = database_url(admin_url, size)
    if _count_briefs(url) != size:
        _recreate(admin_url, url)
        copy_sqlite(sqlite_path, url)
    migrate.upgrade(url)
    return url
