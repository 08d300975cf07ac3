"""Write one parsed brief: its row, its revision, and every extracted row, atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session

from app.ingest import sql
from app.ingest.actors import ActorResolver
from app.ingest.driver import DriverCursor, Ids
from app.ingest.rows import Mentions, PreparedBrief, Row, prepare_brief
from app.parsing.models import ParsedBrief
from app.storage.tables import utcnow

# A brief stored under a given name: its id, sha256 and parser version.
Stored = tuple[int, str, str]


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


def _mention_rows(
    parent_ids: Sequence[int], mentioned: Sequence[Mentions], actors: dict[str, int]
) -> list[Row]:
    pairs = {
        (parent_id, actors[key])
        for parent_id, keys in zip(parent_ids, mentioned, strict=True)
        for key in keys
        if key in actors
    }
    return sorted(pairs)


def _reserved_rows(brief: PreparedBrief) -> tuple[Sequence[Row], ...]:
    """The brief's rows of each RESERVED table, in that order."""
    return (brief.events, brief.claims, brief.statements, brief.impacts, brief.sections)


def _with_ids(ids: Sequence[int], brief_id: int, rows: Sequence[Row]) -> list[Row]:
    return [(row_id, brief_id, *row) for row_id, row in zip(ids, rows, strict=True)]


def _write_extracted(
    db: DriverCursor,
    brief_id: int,
    brief: PreparedBrief,
    actors: dict[str, int],
    ids: Sequence[Ids],
) -> None:
    """Every extracted row, with the ids reserved for it (see `DriverCursor.reserve_ids`)."""
    event_ids, claim_ids, statement_ids, impact_ids, section_ids = ids
    statements = [
        (*row, actors.get(speaker) if speaker else None)
        for row, speaker in zip(brief.statements, brief.speakers, strict=True)
    ]
    insert, mentions = db.insert, db.statements.mentions
    insert(db.statements.events, _with_ids(event_ids, brief_id, brief.events))
    insert(mentions["event_participants"], _mention_rows(event_ids, brief.participants, actors))
    insert(db.statements.claims, _with_ids(claim_ids, brief_id, brief.claims))
    insert(mentions["claim_actors"], _mention_rows(claim_ids, brief.claim_actors, actors))
    insert(db.statements.statements, _with_ids(statement_ids, brief_id, statements))
    insert(
        mentions["statement_actors"], _mention_rows(statement_ids, brief.statement_actors, actors)
    )
    insert(db.statements.impacts, _with_ids(impact_ids, brief_id, brief.impacts))
    insert(db.statements.sections, _with_ids(section_ids, brief_id, brief.sections))


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
    fields = (*brief.fields, brief.sha256, brief.source, parser_version, now)
    counts = [len(rows) for rows in _reserved_rows(brief)]
    if stored is None:
        brief_id, ids = db.insert_brief((*fields, source_name, now), counts)
        outcome = Outcome.ingested
    else:
        brief_id, outcome = stored[0], Outcome.updated
        with db.batch():  # the ids are reserved after these writes, see `reserve_ids`
            for delete in sql.DELETE_CHILDREN:
                db.run(delete, (brief_id,))
            db.insert(db.statements.brief_update, [(*fields, brief_id)])
            ids = db.reserve_ids(counts)
    actors = resolver.resolve(db, brief.actors)
    with db.batch():  # nothing here reads a result: one round trip on PostgreSQL
        if stored is None or stored[1] != brief.sha256:
            revision = (brief_id, brief.sha256, parser_version, utcnow())
            db.insert(db.statements.revision, [revision])
        _write_extracted(db, brief_id, brief, actors, ids)
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
