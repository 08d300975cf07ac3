"""`chancery db verify`: the word index `q` reads is in step with its tables.

On SQLite the FTS5 index is kept by triggers and by the writer (a brief's claims,
statements and events, `app.storage.search_index`), so it can drift if a trigger was dropped
or a row was written another way: each table's ids are compared with those the index holds
a document for (its `_docsize` shadow table, one row per indexed row), a read of two
integer indexes. On PostgreSQL the tsvector is a generated column the server computes on
every write; what can go wrong is its GIN index (missing, or left invalid by a failed
concurrent build).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, text

from app.storage.search_index import SEARCHED, VECTOR, fts_table

_VALID_INDEX = (
    "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE c.relname = :name AND i.indisvalid"
)


def _sqlite_problems(connection: Connection, table: str) -> Iterator[str]:
    docs = f"{fts_table(table)}_docsize"
    missing = connection.execute(
        text(f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT id FROM {docs})")
    ).scalar_one()
    extra = connection.execute(
        text(f"SELECT count(*) FROM {docs} WHERE id NOT IN (SELECT id FROM {table})")
    ).scalar_one()
    if missing or extra:
        yield (
            f"the word index of {table} is out of step: {missing} row(s) not indexed, {extra} "
            f"indexed row(s) gone (rebuild: INSERT INTO {fts_table(table)}"
            f"({fts_table(table)}) VALUES ('rebuild'))"
        )


def index_problems(connection: Connection) -> Iterator[str]:
    """Every way the word index differs from its tables."""
    for table in SEARCHED:
        if connection.dialect.name == "sqlite":
            yield from _sqlite_problems(connection, table)
            continue
        name = f"ix_{table}_{VECTOR}"
        if not connection.execute(text(_VALID_INDEX), {"name": name}).scalar_one():
            yield f"the word index of {table} ({name}) is missing or invalid (REINDEX it)"
