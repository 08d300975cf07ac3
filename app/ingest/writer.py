"""Write one parsed brief: its row, its revision, and every extracted row, atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol, Self, TypeVar

from sqlmodel import Session

from app.ingest import feed, history, history_sql, sql
from app.ingest.actors import ActorResolver
from app.ingest.counts import NOTHING_COUNTED, change_counts, contribution, counted
from app.ingest.driver import DriverCursor, Ids
from app.ingest.history import PendingChange
from app.ingest.row_types import (
    BriefRevisionRow,
    BriefRow,
    ClaimActorRow,
    EventParticipantRow,
    StatementActorRow,
)
from app.ingest.rows import ActorKeys, PreparedBrief, prepare_brief
from app.parsing.models import ParsedBrief
from app.storage.search_index import FILLED_BY_WRITER, fill_from_brief
from app.storage.tables import utcnow
from app.vocabulary import ChangeType, RevisionKind

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
    # The brief's revision number after the write, and what it changed (RevisionSummary).
    revision: int = 0
    changes: dict[str, int] = field(default_factory=dict)


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
    # Each link holds its claim's status and date (`ClaimActor`).
    claims = dict(zip(ids["claims"], brief.claims, strict=True))
    claim_actors = [ClaimActorRow(c, a, claims[c].status, claims[c].occurred_on) for c, a in pairs]
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
    if db.is_sqlite:  # PostgreSQL's index is a generated column: the server keeps it
        for table in FILLED_BY_WRITER:
            db.run(fill_from_brief(table), (brief_id,))


def _revision(
    brief_id: int, number: int, kind: RevisionKind, row: BriefRow, summary: dict[str, int]
) -> BriefRevisionRow:
    return BriefRevisionRow(
        brief_id=brief_id,
        number=number,
        kind=kind.value,
        source_name=row.source_name,
        sha256=row.sha256,
        parser_version=row.parser_version,
        label=row.label,
        source_text=None,
        summary=summary,
        actor_ids=None,
        recorded_at=row.updated_at,
        superseded_at=None,
    )


def _whole(kind: ChangeType, actors: frozenset[int]) -> PendingChange:
    """A change of the whole brief, concerning the actors it mentions."""
    return (kind, None, None, None, actors)


def _write_new(
    db: DriverCursor, row: BriefRow, brief: PreparedBrief, resolver: ActorResolver
) -> StoredBrief:
    brief_id, ids = db.insert_brief(row, _counts(brief))
    actors = resolver.resolve(db, brief.actors)
    summary = history.created_summary(brief, actors)
    with db.batch():  # nothing here reads a result: one round trip on PostgreSQL
        revision = _revision(brief_id, 1, RevisionKind.created, row, summary)
        db.insert(db.statements.revision, [revision])
        _write_extracted(db, brief_id, brief, actors, dict(zip(sql.RESERVED, ids, strict=True)))
        change_counts(db, NOTHING_COUNTED, contribution(brief, actors))
    change = _whole(ChangeType.brief_created, history.brief_actors(brief, actors))
    feed.append(db, brief_id, 1, [change], row.updated_at)
    return StoredBrief(Outcome.ingested, brief_id, 1, summary)


def _keep_revision(db: DriverCursor, brief_id: int, revision_id: int, at: datetime) -> None:
    """Copy the revision being superseded aside: its rows, and its source."""
    dialect = db.dialect
    db.run(history_sql.keep_items(dialect), (revision_id, brief_id) * 3)
    db.insert(history_sql.keep_source(dialect), [(brief_id, brief_id, at, revision_id)])


def _remove_rows(db: DriverCursor, brief_id: int) -> None:
    """Delete the brief's extracted rows (on SQLite, triggers keep their ids in `id_floors`)."""
    for delete in sql.DELETE_CHILDREN:
        db.run(delete, (brief_id,))


def _write_revision(
    db: DriverCursor, stored: Stored, row: BriefRow, brief: PreparedBrief, resolver: ActorResolver
) -> StoredBrief:
    """Replace the brief's rows, keeping the ids of those that stay (`app.ingest.history`);
    a new content is a new revision, the old one kept aside."""
    brief_id, new_content = stored[0], stored[1] != brief.sha256
    current = history.read_current(db, brief_id)
    kept = history.Kept.of(current, brief)
    with db.batch():  # the ids are reserved after these writes, see `reserve_ids`
        old = counted(db, brief_id)  # before its rows are replaced
        if new_content:
            _keep_revision(db, brief_id, current.revision_id, row.updated_at)
        _remove_rows(db, brief_id)
        update = db.statements.brief_update
        db.insert(update.statement, [update.parameters(row, brief_id)])
        ids = kept.assign(db.reserve_ids(kept.fresh_counts(brief)))
    actors = resolver.resolve(db, brief.actors)
    found = history.diff(current, kept, ids, brief, actors)
    number = current.number + new_content
    with db.batch():
        if new_content:
            revision = _revision(brief_id, number, RevisionKind.updated, row, found.summary)
            db.insert(db.statements.revision, [revision])
        else:  # the same content parsed again (a new parser): its label may have changed
            db.run(history_sql.RELABEL_REVISION, (row.label, current.revision_id))
        _write_extracted(db, brief_id, brief, actors, ids)
        change_counts(db, old, contribution(brief, actors))
    whole = _whole(ChangeType.brief_updated, history.brief_actors(brief, actors))
    feed.append(db, brief_id, number, [whole, *found.changes], row.updated_at)
    return StoredBrief(Outcome.updated, brief_id, number, found.summary)


def write_brief(
    db: DriverCursor,
    source_name: str,
    brief: PreparedBrief,
    parser_version: str,
    resolver: ActorResolver,
    stored: Stored | None,
) -> StoredBrief:
    """Insert the brief, or revise the one `stored` under `source_name`; never commits."""
    now = utcnow()
    row = brief.brief._replace(
        source_name=source_name, parser_version=parser_version, ingested_at=now, updated_at=now
    )
    if stored is None:
        return _write_new(db, row, brief, resolver)
    return _write_revision(db, stored, row, brief, resolver)


def delete_brief(db: DriverCursor, brief_id: int) -> bool:
    """Delete the brief and its rows, leaving its history and a tombstone revision; False
    when there is no such brief. Never commits."""
    found = db.rows(history_sql.BRIEF_KEY, (brief_id,))
    if not found:
        return False
    source_name, sha256, parser_version, label = found[0]
    now = utcnow()
    current = history.read_current(db, brief_id)
    gone = history.removed_all(current)
    old = counted(db, brief_id)
    with db.batch():
        _keep_revision(db, brief_id, current.revision_id, now)
        tombstone = BriefRevisionRow(
            brief_id=brief_id,
            number=current.number + 1,
            kind=RevisionKind.deleted.value,
            source_name=source_name,
            sha256=sha256,
            parser_version=parser_version,
            label=label,
            source_text=None,
            summary=gone.summary,
            actor_ids=None,
            recorded_at=now,
            superseded_at=None,
        )
        db.insert(db.statements.revision, [tombstone])
        _remove_rows(db, brief_id)
        db.run(history_sql.DELETE_BRIEF, (brief_id,))
        change_counts(db, old, NOTHING_COUNTED)
    whole = _whole(ChangeType.brief_deleted, frozenset(current.mentioned))
    feed.append(db, brief_id, current.number + 1, [whole, *gone.changes], now)
    return True


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
