"""Write one parsed brief: its row, its revision, and every extracted row, atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, update
from sqlmodel import Session, SQLModel, col, select

from app.ingest.actors import ActorResolver
from app.ingest.names import fold
from app.parsing.models import ParsedBrief
from app.storage.tables import (
    Brief,
    BriefRevision,
    Claim,
    ClaimActor,
    Event,
    EventParticipant,
    Impact,
    Section,
    Statement,
    StatementActor,
    utcnow,
)

# Extracted rows that belong to a brief; replaced whole when its content changes.
# Mention tables (claim_actors, ...) go with their parents by ON DELETE CASCADE.
CHILD_TABLES: tuple[type[SQLModel], ...] = (Event, Statement, Claim, Impact, Section)


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


def find_stored(session: Session, source_name: str, sha256: str) -> tuple[int, str, str] | None:
    """(id, sha256, parser_version) of the brief stored under `source_name`, if any."""
    query = select(Brief.id, Brief.sha256, Brief.parser_version).where(
        Brief.source_name == source_name
    )
    row = session.connection().execute(query).one_or_none()
    if row is None or row[0] is None:
        return None
    return row[0], row[1], row[2]


def find_same_content(session: Session, sha256: str) -> int | None:
    """The id of a brief already holding exactly this content, under any name."""
    query = select(Brief.id).where(Brief.sha256 == sha256).order_by(col(Brief.id)).limit(1)
    return session.connection().execute(query).scalars().first()


def _brief_fields(parsed: ParsedBrief, sha256: str, parser_version: str) -> dict[str, Any]:
    return {
        "sha256": sha256,
        "source_text": parsed.source,
        "title": parsed.title,
        "lead": parsed.lead,
        "bottom_line": parsed.bottom_line,
        "context": list(parsed.context),
        "occurred_on": parsed.occurred_on,
        "location": parsed.location,
        "parser_version": parser_version,
        "search_text": fold(parsed.source),
        "updated_at": utcnow(),
    }


def _insert_rows(session: Session, table: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """Insert `rows` with one executemany."""
    if rows:
        session.connection().execute(insert(table.__table__), rows)  # type: ignore[attr-defined]


def _insert_one(session: Session, table: type[SQLModel], row: dict[str, Any]) -> int:
    core_table = table.__table__  # type: ignore[attr-defined]
    statement = insert(core_table).returning(core_table.c.id)
    return int(session.connection().execute(statement, row).scalar_one())


def _insert_children(
    session: Session, table: type[SQLModel], brief_id: int, rows: list[dict[str, Any]]
) -> list[int]:
    """Insert a brief's rows of `table`; return their ids in `position` order.

    A plain executemany and one SELECT: RETURNING with guaranteed row order would cost one
    statement per row on SQLite.
    """
    if not rows:
        return []
    _insert_rows(session, table, rows)
    core_table = table.__table__  # type: ignore[attr-defined]
    query = (
        select(core_table.c.id)
        .where(core_table.c.brief_id == brief_id)
        .order_by(core_table.c.position)
    )
    return list(session.connection().execute(query).scalars())


def _insert_mentions(
    session: Session,
    table: type[SQLModel],
    parent: str,
    parent_ids: Sequence[int],
    mentioned: Sequence[Sequence[str]],
    actors: dict[str, int],
) -> None:
    pairs = {
        (parent_id, actors[key])
        for parent_id, keys in zip(parent_ids, mentioned, strict=True)
        for key in keys
        if key in actors
    }
    rows = [{parent: pid, "actor_id": aid} for pid, aid in sorted(pairs)]
    _insert_rows(session, table, rows)


def _span(span: tuple[int, int]) -> dict[str, int]:
    return {"span_start": span[0], "span_end": span[1]}


def _write_events(
    session: Session, brief_id: int, parsed: ParsedBrief, actors: dict[str, int]
) -> None:
    rows = [
        {"brief_id": brief_id, "position": i, "title": event.title,
         "occurred_on": event.occurred_on, "location": event.location,
         "search_text": fold(f"{event.title} {event.location or ''}"), **_span(event.span)}
        for i, event in enumerate(parsed.events)
    ]  # fmt: skip
    ids = _insert_children(session, Event, brief_id, rows)
    participants = [event.participants for event in parsed.events]
    _insert_mentions(session, EventParticipant, "event_id", ids, participants, actors)


def _write_claims(
    session: Session, brief_id: int, parsed: ParsedBrief, actors: dict[str, int]
) -> None:
    rows = [
        {"brief_id": brief_id, "position": i, "status": claim.status.value,
         "section": claim.section, "text": claim.text, "occurred_on": parsed.occurred_on,
         "search_text": fold(claim.text), **_span(claim.span)}
        for i, claim in enumerate(parsed.claims)
    ]  # fmt: skip
    ids = _insert_children(session, Claim, brief_id, rows)
    mentioned = [claim.actors for claim in parsed.claims]
    _insert_mentions(session, ClaimActor, "claim_id", ids, mentioned, actors)


def _write_statements(
    session: Session, brief_id: int, parsed: ParsedBrief, actors: dict[str, int]
) -> None:
    rows = [
        {"brief_id": brief_id, "position": i, "kind": statement.kind.value,
         "text": statement.text, "speaker_role": statement.speaker_role,
         "speaker_id": actors.get(statement.speaker) if statement.speaker else None,
         "occurred_on": parsed.occurred_on, "search_text": fold(statement.text),
         **_span(statement.span)}
        for i, statement in enumerate(parsed.statements)
    ]  # fmt: skip
    ids = _insert_children(session, Statement, brief_id, rows)
    mentioned = [statement.actors for statement in parsed.statements]
    _insert_mentions(session, StatementActor, "statement_id", ids, mentioned, actors)


def _write_impacts_and_sections(session: Session, brief_id: int, parsed: ParsedBrief) -> None:
    impacts = [
        {"brief_id": brief_id, "position": i, "label": impact.label, "text": impact.text,
         **_span(impact.span)}
        for i, impact in enumerate(parsed.impacts)
    ]  # fmt: skip
    sections = [
        {"brief_id": brief_id, "position": i, "name": section.name,
         "kind": section.kind.value, **_span(section.span)}
        for i, section in enumerate(parsed.sections)
    ]  # fmt: skip
    _insert_rows(session, Impact, impacts)
    _insert_rows(session, Section, sections)


def _delete_children(session: Session, brief_id: int) -> None:
    for table in CHILD_TABLES:
        brief_column = table.__table__.c.brief_id  # type: ignore[attr-defined]
        session.connection().execute(delete(table).where(brief_column == brief_id))


def _write_extracted(
    session: Session, brief_id: int, parsed: ParsedBrief, resolver: ActorResolver
) -> None:
    actors = resolver.resolve(session, parsed.actors)
    _write_events(session, brief_id, parsed, actors)
    _write_claims(session, brief_id, parsed, actors)
    _write_statements(session, brief_id, parsed, actors)
    _write_impacts_and_sections(session, brief_id, parsed)


def store_brief(
    session: Session,
    source_name: str,
    parsed: ParsedBrief,
    parser_version: str,
    resolver: ActorResolver | None = None,
) -> StoredBrief:
    """Insert or replace the brief stored under `source_name`; flushes, never commits."""
    sha256 = content_hash(parsed.source)
    fields = _brief_fields(parsed, sha256, parser_version)
    stored = find_stored(session, source_name, sha256)
    if stored is None:
        row = {"source_name": source_name, "ingested_at": fields["updated_at"], **fields}
        brief_id = _insert_one(session, Brief, row)
        outcome = Outcome.ingested
    else:
        brief_id, outcome = stored[0], Outcome.updated
        _delete_children(session, brief_id)
        statement = update(Brief).where(col(Brief.id) == brief_id).values(**fields)
        session.connection().execute(statement)
    if stored is None or stored[1] != sha256:
        revision = {"brief_id": brief_id, "sha256": sha256, "parser_version": parser_version}
        _insert_rows(session, BriefRevision, [{**revision, "ingested_at": utcnow()}])
    _write_extracted(session, brief_id, parsed, resolver or ActorResolver())
    return StoredBrief(outcome, brief_id)
