"""Write one parsed brief: its row, its revision, and every extracted row, atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, Self, TypeVar

from sqlmodel import Session

from app.ingest import sql
from app.ingest.actors import ActorResolver
from app.ingest.counts import NOTHING_COUNTED, change_counts, contribution, counted
from app.ingest.driver import DriverCursor, Ids
from app.ingest.row_types import (
    BriefRevisionRow,
    ClaimActorRow,
    EventParticipantRow,
    StatementActorRow,
)
from app.ingest.rows import ActorKeys, PreparedBrief, prepare_brief
from app.parsing.models import ParsedBrief
from app.storage.tables import utcnow

# A brief stored under a given name: its id, sha256 and parser version.
Stored = tuple[int, str, str]
# Per RESERVED table, the ids reserved for the brief's rows.
Reserved = dict[str, Ids]


class _ExtractedRow(Protocol):
    """A row of an extracted table (claims, ...): its id and brief_id are the writer's."""

    def _replace(self, *, id: int = ..., brief_id: int = ...) -> Self: ...


Extracted = TypeVar("Extracted", bound=_ExtractedRow)


class Outcome(StrEnum):
    ingested = "ingested"
    updated = "updated"
    unchanged = "unchanged"
    rejected = "rejected"


@dataclass(frozen=True)
class StoredBrief:
    outcome: Outcome
    brief_id: int


def content_hash(source: str) -> str:
    """sha256 of the normalised source text, hex."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def find_existing(
    db: DriverCursor, source_name: str, sha256: str
) -> tuple[Stored | None, int | None]:
    """The brief stored under `source_name`, if any, and the first holding `sha256`, if any."""
    stored, same = None, None
    for brief_id, name, stored_sha256, version in db.rows(sql.EXISTING, (source_name, sha256)):
        if name == source_name:
            stored = (int(brief_id), stored_sha256, version)
        if same is None and stored_sha256 == sha256:
            same = int(brief_id)
    return stored, same


def _linked(
    parent_ids: Sequence[int], linked: Sequence[ActorKeys], actors: dict[str, int]
) -> list[tuple[int, int]]:
    """(parent id, actor id) pairs, sorted: the rows of a link table (claim_actors, ...)."""
    pairs = {
        (parent_id, actors[key])
        for parent_id, keys in zip(parent_ids, linked, strict=True)
        for key in keys
        if key in actors
    }
    return sorted(pairs)


def _counts(brief: PreparedBrief) -> list[int]:
    """How many rows of each RESERVED table the brief has, in that order (PreparedBrief
    holds each extracted table's rows under the table's name)."""
    return [len(getattr(brief, table)) for table in sql.RESERVED]


def _with_ids(ids: Ids, brief_id: int, rows: Sequence[Extracted]) -> list[Extracted]:
    return [row._replace(id=i, brief_id=brief_id) for i, row in zip(ids, rows, strict=True)]


def _write_links(
    db: DriverCursor, brief: PreparedBrief, actors: dict[str, int], ids: Reserved
) -> None:
    """The links from extracted rows to the actors they hold, once those rows are in."""
    links = db.statements.links
    pairs = _linked(ids["events"], brief.participants, actors)
    participants = [EventParticipantRow(event_id=e, actor_id=a) for e, a in pairs]
    db.insert(links["event_participants"], participants)
    pairs = _linked(ids["claims"], brief.claim_actors, actors)
    claim_actors = [ClaimActorRow(claim_id=c, actor_id=a) for c, a in pairs]
    db.insert(links["claim_actors"], claim_actors)
    pairs = _linked(ids["statements"], brief.statement_actors, actors)
    statement_actors = [StatementActorRow(statement_id=s, actor_id=a) for s, a in pairs]
    db.insert(links["statement_actors"], statement_actors)


def _write_extracted(
    db: DriverCursor, brief_id: int, brief: PreparedBrief, actors: dict[str, int], ids: Reserved
) -> None:
    """Every extracted row, with the ids reserved for it (see `DriverCursor.reserve_ids`)."""
    statements = [
        row._replace(id=i, brief_id=brief_id, speaker_id=actors.get(speaker) if speaker else None)
        for i, row, speaker in zip(ids["statements"], brief.statements, brief.speakers, strict=True)
    ]
    db.insert(db.statements.events, _with_ids(ids["events"], brief_id, brief.events))
    db.insert(db.statements.claims, _with_ids(ids["claims"], brief_id, brief.claims))
    db.insert(db.statements.statements, statements)
    db.insert(db.statements.impacts, _with_ids(ids["impacts"], brief_id, brief.impacts))
    db.insert(db.statements.sections, _with_ids(ids["sections"], brief_id, brief.sections))
    mentions = [
        row._replace(id=i, brief_id=brief_id, actor_id=actors[key])
        for i, row, key in zip(ids["mentions"], brief.mentions, brief.mentioned, strict=True)
    ]
    db.insert(db.statements.mentions, mentions)
    _write_links(db, brief, actors, ids)


def write_brief(
    db: DriverCursor,
    source_name: str,
    brief: PreparedBrief,
    parser_version: str,
    resolver: ActorResolver,
    stored: Stored | None,
) -> StoredBrief:
    """Insert the brief, or replace the one `stored` under `source_name`; never commits."""
    now = utcnow()
    row = brief.brief._replace(
        source_name=source_name, parser_version=parser_version, ingested_at=now, updated_at=now
    )
    counts = _counts(brief)
    if stored is None:
        brief_id, ids = db.insert_brief(row, counts)
        outcome, old = Outcome.ingested, NOTHING_COUNTED
    else:
        brief_id, outcome = stored[0], Outcome.updated
        with db.batch():  # the ids are reserved after these writes, see `reserve_ids`
            old = counted(db, brief_id)  # before its rows are replaced
            for delete in sql.DELETE_CHILDREN:
                db.run(delete, (brief_id,))
            update = db.statements.brief_update
            db.insert(update.statement, [update.parameters(row, brief_id)])
            ids = db.reserve_ids(counts)
    actors = resolver.resolve(db, brief.actors)
    with db.batch():  # nothing here reads a result: one round trip on PostgreSQL
        if stored is None or stored[1] != brief.sha256:
            revision = BriefRevisionRow(
                brief_id=brief_id,
                sha256=brief.sha256,
                parser_version=parser_version,
                ingested_at=utcnow(),
            )
            db.insert(db.statements.revision, [revision])
        _write_extracted(db, brief_id, brief, actors, dict(zip(sql.RESERVED, ids, strict=True)))
        change_counts(db, old, contribution(brief, actors))
    return StoredBrief(outcome, brief_id)


def store_brief(
    session: Session,
    source_name: str,
    parsed: ParsedBrief,
    parser_version: str,
    resolver: ActorResolver | None = None,
) -> StoredBrief:
    """Insert or replace the brief stored under `source_name`; never commits."""
    db = DriverCursor(session)
    brief = prepare_brief(parsed, content_hash(parsed.source))
    stored, _ = find_existing(db, source_name, brief.sha256)
    return write_brief(db, source_name, brief, parser_version, resolver or ActorResolver(), stored)
