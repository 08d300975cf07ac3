"""One typed row per table that ingestion writes, its fields named after the columns.

The writer's statements take their column lists from these fields (`app.ingest.sql`), so a
column is named here and in its model only, and rows are built by keyword: mypy sees a
swapped `text` and `section`, which a positional tuple hid. A table's `id` is a field only
where the writer assigns the ids itself (see `DriverCursor.reserve_ids`); elsewhere the
database numbers the rows. tests/ingest/test_rows.py checks every column is covered.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple


class BriefRow(NamedTuple):
    source_name: str
    sha256: str
    source_text: str
    title: str | None
    label: str | None
    lead: str | None
    bottom_line: str | None
    context: list[str]
    occurred_on: date | None
    location: str | None
    parser_version: str
    search_text: str
    ingested_at: datetime
    updated_at: datetime


class BriefRevisionRow(NamedTuple):
    brief_id: int
    number: int
    kind: str
    source_name: str
    sha256: str
    parser_version: str
    label: str | None
    # The current revision's source is the brief's; it is copied here when superseded.
    source_text: str | None
    summary: dict[str, int] | None
    actor_ids: list[int] | None
    recorded_at: datetime
    superseded_at: datetime | None


class ChangeRow(NamedTuple):
    id: int
    type: str
    brief_id: int
    revision: int
    item_id: int | None
    old_status: str | None
    new_status: str | None
    actor_ids: str | None
    changed_at: datetime


class ActorRow(NamedTuple):
    slug: str
    name: str
    normalized_name: str
    kind: str
    title: str | None
    country: str | None
    created_at: datetime
    variant_key: str | None


class ActorAliasRow(NamedTuple):
    actor_id: int
    alias: str
    normalized: str


class EventRow(NamedTuple):
    id: int
    brief_id: int
    position: int
    title: str
    occurred_on: date | None
    location: str | None
    country: str | None
    search_text: str
    span_start: int
    span_end: int


class EventParticipantRow(NamedTuple):
    event_id: int
    actor_id: int


class StatementRow(NamedTuple):
    id: int
    brief_id: int
    position: int
    kind: str
    text: str
    speaker_id: int | None
    speaker_role: str | None
    occurred_on: date | None
    search_text: str
    span_start: int
    span_end: int


class ClaimRow(NamedTuple):
    id: int
    brief_id: int
    position: int
    status: str
    section: str
    text: str
    occurred_on: date | None
    search_text: str
    span_start: int
    span_end: int


class ClaimActorRow(NamedTuple):
    claim_id: int
    actor_id: int
    status: str
    occurred_on: date | None


class StatementActorRow(NamedTuple):
    statement_id: int
    actor_id: int


class ImpactRow(NamedTuple):
    id: int
    brief_id: int
    position: int
    label: str | None
    text: str
    span_start: int
    span_end: int


class SectionRow(NamedTuple):
    id: int
    brief_id: int
    position: int
    name: str
    kind: str
    span_start: int
    span_end: int


class MentionRow(NamedTuple):
    id: int
    brief_id: int
    actor_id: int
    section: str
    span_start: int
    span_end: int


# Each table ingestion writes, and its row.
ROW_TYPES: dict[str, type[NamedTuple]] = {
    "briefs": BriefRow,
    "brief_revisions": BriefRevisionRow,
    "changes": ChangeRow,
    "actors": ActorRow,
    "actor_aliases": ActorAliasRow,
    "events": EventRow,
    "event_participants": EventParticipantRow,
    "statements": StatementRow,
    "claims": ClaimRow,
    "claim_actors": ClaimActorRow,
    "statement_actors": StatementActorRow,
    "impacts": ImpactRow,
    "sections": SectionRow,
    "mentions": MentionRow,
}
