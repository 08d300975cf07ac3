"""Alembic environment: runs migrations against the configured Chancery database."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from app.config import get_settings
from app.db import build_engine
from app.storage.search_index import VECTOR, is_index_table
from app.storage.tables import ONLY_ON

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = build_engine(_url())
    try:
        with engine.connect() as conn:
            _run(conn)
    finally:
        engine.dispose()


def _include_object(
    obj: object, name: str | None, type_: str, reflected: bool, _compare_to: object
) -> bool:
    # The word index (app/storage/search_index.py) is made by its migration on purpose and
    # is not in the models: FTS5's tables on SQLite, a generated column on PostgreSQL.
    if reflected and name is not None:
        if type_ == "table" and is_index_table(name):
            return False
        if name == VECTOR or (type_ == "index" and name.endswith(f"_{VECTOR}")):
            return False
    # An index created on one dialect only (see `only_on` in app/storage/tables.py) is not
    # missing from the others.
    only_on = getattr(obj, "info", {}).get(ONLY_ON)
    return only_on is None or only_on == context.get_context().dialect.name


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
