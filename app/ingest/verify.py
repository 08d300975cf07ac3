"""Invariants every database must hold after any ingestion, interrupted or not.

`chancery db verify` runs these; the tests that kill and race ingestion call them too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, MetaData, text
from sqlmodel import SQLModel

from app.db import get_engine
from app.errors import BriefError
from app.ingest.rows import stored_mentions
from app.ingest.verify_history import history_problems
from app.ingest.verify_index import index_problems
from app.parsing import parse_brief, parsed_with_learned
from app.storage import briefs as stored  # also puts the tables in SQLModel.metadata
from app.storage import counts
from app.storage.tables import RevisionItem
from app.vocabulary import fold


class Link(NamedTuple):
    """A foreign key: `child.column` holds the `key` of a `parent` row, or NULL."""

    child: str
    column: str
    parent: str
    key: str


def links(metadata: MetaData = SQLModel.metadata) -> tuple[Link, ...]:
    """Every foreign key the tables declare, parents before children."""
    return tuple(
        Link(table.name, fk.parent.name, fk.column.table.name, fk.column.name)
        for table in metadata.sorted_tables
        for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name)
    )


# Tables of rows extracted from a brief: each holds a span of its source.
# Tables whose spans point into the brief's current source; `revision_items` point into
# their own superseded revision's, which `history_problems` reads them against.
SPAN_TABLES = tuple(
    t.name
    for t in SQLModel.metadata.sorted_tables
    if "span_start" in t.c and t.name != RevisionItem.__tablename__
)


@dataclass
class VerifyReport:
    briefs: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _orphans(connection: Connection) -> Iterator[str]:
    for child, column, parent, key in links():
        query = (
            f"SELECT count(*) FROM {child} c LEFT JOIN {parent} p ON p.{key} = c.{column} "
            f"WHERE c.{column} IS NOT NULL AND p.{key} IS NULL"
        )
        if n := connection.execute(text(query)).scalar_one():
            yield f"{n} row(s) of {child} point at a missing {parent} row"


# Resolution looks an actor up by kind and folded name first, so a second actor under the
# same key means two writers raced, or a lookup was skipped: briefs then split between them.
SHARED_NAMES = (
    "SELECT kind, normalized_name, count(*) FROM actors "
    "GROUP BY kind, normalized_name HAVING count(*) > 1 ORDER BY kind, normalized_name"
)


def _shared_names(connection: Connection) -> Iterator[str]:
    for kind, name, n in connection.execute(text(SHARED_NAMES)):
        yield f"{n} {kind} actors share the folded name {name!r}"


# A link of a claim to an actor holds the claim's status and date (`ClaimActor`).
CLAIM_COPIES = (
    "SELECT count(*) FROM claim_actors l JOIN claims c ON c.id = l.claim_id "
    "WHERE l.status != c.status OR l.occurred_on IS DISTINCT FROM c.occurred_on"
)


def _claim_copies(connection: Connection) -> Iterator[str]:
    if n := connection.execute(text(CLAIM_COPIES)).scalar_one():
        yield f"{n} row(s) of claim_actors hold another status or date than their claim's"


def _count_drift(connection: Connection) -> Iterator[str]:
    """The kept counts (`app.storage.counts`) against a recount from every brief's rows."""
    for table in counts.TABLES:
        kept = counts.stored_rows(connection, table)
        recounted = counts.expected_rows(connection, table)
        wrong = sorted(
            (k for k in kept.keys() | recounted.keys() if kept.get(k) != recounted.get(k)), key=repr
        )
        if wrong:
            key = wrong[0]
            yield (
                f"{len(wrong)} row(s) of {table.name} differ from a recount of the rows, e.g. "
                f"{dict(zip(table.keys, key, strict=True))}: kept "
                f"{_named(table, kept.get(key))}, recounted {_named(table, recounted.get(key))} "
                "(`chancery db recount` rebuilds them)"
            )


def _named(table: counts.CountTable, values: tuple[int, ...] | None) -> dict[str, int]:
    return dict(zip(table.counts, values or (0,) * len(table.counts), strict=True))


def recount(database_url: str | None = None) -> None:
    """Rebuild the kept counts from every brief's rows, in one transaction."""
    with get_engine(database_url).begin() as connection:
        counts.refill(connection)


def _bad_spans(connection: Connection, brief_id: int, source: str) -> Iterator[str]:
    for table in SPAN_TABLES:
        query = text(f"SELECT span_start, span_end FROM {table} WHERE brief_id = :b")
        for start, end in connection.execute(query, {"b": brief_id}):
            if not 0 <= start <= end <= len(source):
                yield f"{table} span [{start}, {end}) is outside the source"
    query = text("SELECT text, span_start, span_end FROM claims WHERE brief_id = :b")
    for body, start, end in connection.execute(query, {"b": brief_id}):
        if source[start:end] != body:
            yield f"claim span [{start}, {end}) does not hold its text"


# Each mention's actor, with every folded surface form stored for it.
MENTIONED = (
    "SELECT m.span_start, m.span_end, a.name, al.normalized FROM mentions m "
    "JOIN actors a ON a.id = m.actor_id LEFT JOIN actor_aliases al ON al.actor_id = a.id "
    "WHERE m.brief_id = :b"
)


def _bad_mentions(connection: Connection, brief_id: int, source: str) -> Iterator[str]:
    """Each mention's span holds a name of its actor (the name or an alias, folded)."""
    surfaces: dict[tuple[int, int, str], set[str]] = {}
    for start, end, name, alias in connection.execute(text(MENTIONED), {"b": brief_id}):
        surfaces.setdefault((start, end, name), {fold(name)}).add(alias)
    for (start, end, name), folded in surfaces.items():
        if fold(source[start:end]) not in folded:
            yield f"mention span [{start}, {end}) does not name {name}"


def _brief_problems(
    connection: Connection, brief_id: int, source: str, version: str
) -> Iterator[str]:
    """A brief is whole when its rows are those a fresh parse of its source gives, parsed as
    its stored parser version says (with the learned organisation recogniser or not)."""
    try:
        parsed = parse_brief(source, learned=parsed_with_learned(version))
    except BriefError as error:
        yield f"stored source no longer parses: {error.message}"
        return
    expected = {
        "claims": len(parsed.claims),
        "statements": len(parsed.statements),
        "events": len(parsed.events),
        "sections": len(parsed.sections),
        "mentions": len(stored_mentions(parsed)),
    }
    counts = stored.row_counts(connection, [brief_id])[brief_id]
    for table, n in expected.items():
        if counts[table] != n:
            yield f"{counts[table]} {table} stored, {n} expected"
    yield from _bad_spans(connection, brief_id, source)
    yield from _bad_mentions(connection, brief_id, source)


def verify(database_url: str | None = None) -> VerifyReport:
    """Check every invariant; the report lists each violation found."""
    report = VerifyReport()
    with get_engine(database_url).connect() as connection:
        report.problems.extend(_orphans(connection))
        report.problems.extend(_shared_names(connection))
        report.problems.extend(_claim_copies(connection))
        report.problems.extend(_count_drift(connection))
        report.problems.extend(history_problems(connection))
        report.problems.extend(index_problems(connection))
        for brief_id, name, source, version in list(stored.stored_sources(connection)):
            report.briefs += 1
            report.problems.extend(
                f"{name}: {p}" for p in _brief_problems(connection, brief_id, source, version)
            )
    return report
