"""Reads of stored briefs that more than one stage makes: the API, `chancery db verify` and
ingestion read a brief's source, its name and its rows' counts here, the same way.

Each function takes what runs a statement: an ORM session (the API's request) or a Core
connection (ingest, verify). The ingest writer's own hot-path reads stay in
`app.ingest.sql`, written for the driver's cursor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, func, literal, select, union_all
from sqlalchemy.orm import Session
from sqlmodel import col

from app.storage.bound import bound_values, in_bound
from app.storage.tables import Brief, BriefRevision, Claim, Event, Mention, Section, Statement

Reader = Connection | Session


class StoredKey(NamedTuple):
    """What tells whether a brief is already stored: its name, content and parser."""

    id: int
    source_name: str
    sha256: str
    parser_version: str


class StoredSource(NamedTuple):
    id: int
    source_name: str
    source_text: str
    parser_version: str


def _table(model: type[object]) -> Table:
    return model.__table__  # type: ignore[attr-defined,no-any-return]


# The tables of rows extracted from a brief that a brief's counts report, by table name.
COUNTED = {
    t.name: t for t in map(_table, (Claim, Statement, Event, Section, Mention, BriefRevision))
}


def source_text(db: Reader, brief_id: int) -> str | None:
    """The normalised source text of a brief; None when there is no such brief."""
    query = select(col(Brief.source_text)).where(col(Brief.id) == brief_id)
    return db.execute(query).scalar_one_or_none()


def source_name(db: Reader, brief_id: int) -> str | None:
    """The name a brief is stored under; None when there is no such brief."""
    query = select(col(Brief.source_name)).where(col(Brief.id) == brief_id)
    return db.execute(query).scalar_one_or_none()


def stored_keys(db: Reader) -> Iterator[StoredKey]:
    """Every stored brief's name, content hash and parser version."""
    query = select(
        col(Brief.id), col(Brief.source_name), col(Brief.sha256), col(Brief.parser_version)
    )
    for row in db.execute(query):
        yield StoredKey._make(row)


def stored_sources(db: Reader) -> Iterator[StoredSource]:
    """Every stored brief's id, name, source text and parser version, in id order."""
    query = select(
        col(Brief.id), col(Brief.source_name), col(Brief.source_text), col(Brief.parser_version)
    )
    for row in db.execute(query.order_by(col(Brief.id))):
        yield StoredSource._make(row)


@cache
def _counts_query(tables: tuple[str, ...], dialect: str) -> Any:
    # Built once per set of tables: one statement for every table counted, the ids bound as
    # one value (`in_bound`), where an IN list per table and page was built each time.
    parts = []
    for name in tables:
        brief_id = COUNTED[name].c.brief_id
        counted = select(literal(name).label("name"), brief_id, func.count())
        parts.append(counted.where(in_bound(brief_id, "brief_ids", dialect)).group_by(brief_id))
    return union_all(*parts)


def row_counts(
    db: Reader, brief_ids: Sequence[int], tables: Iterable[str] = tuple(COUNTED)
) -> dict[int, dict[str, int]]:
    """Per brief, how many rows of each table (by name, from `COUNTED`) it has; a brief
    with none of a table's rows counts 0, so every id and every table is present."""
    names = tuple(tables)
    dialect = (db.dialect if isinstance(db, Connection) else db.get_bind().dialect).name
    ids = {"brief_ids": bound_values(dialect, brief_ids)}
    found = {
        (name, brief): count
        for name, brief, count in db.execute(_counts_query(names, dialect), ids)
    }
    return {i: {name: found.get((name, i), 0) for name in names} for i in brief_ids}
