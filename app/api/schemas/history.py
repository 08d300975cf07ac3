"""A brief's revisions, a claim's status over time, and the change feed."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from app.api.schemas.common import ApiModel, TextSpan, UtcDatetime
from app.vocabulary import ChangeType, ClaimStatus, RevisionKind, StatementKind


class RevisionSummary(ApiModel):
    """How many rows a revision added, removed and changed, against the one before."""

    claims_added: int = 0
    claims_removed: int = 0
    claims_status_changed: int = 0
    statements_added: int = 0
    statements_removed: int = 0
    events_added: int = 0
    events_removed: int = 0
    actors_added: int = Field(default=0, description="Actors mentioned now and not before.")
    actors_removed: int = Field(default=0, description="Actors mentioned before and not now.")


class RevisionItem(ApiModel):
    """One revision of a brief: a content it had, or its deletion (`kind: deleted`)."""

    number: int = Field(ge=1, examples=[2], description="1 for the first content, then up.")
    kind: RevisionKind
    source_name: str = Field(examples=["2025-05-12-geneva.md"])
    sha256: str = Field(description="Hash of the content (for `deleted`: the last one).")
    parser_version: str = Field(examples=["1.4.0"])
    label: str | None = Field(
        examples=["Ceasefire talks, Geneva, 12 May 2025"],
        description="The brief's label as this content gave it (for `deleted`: the last "
        "content's); null for revisions recorded before labels were kept.",
    )
    recorded_at: UtcDatetime
    superseded_at: UtcDatetime | None = Field(description="When the next revision replaced it.")
    summary: RevisionSummary | None = Field(
        description="What it changed; null for revisions recorded before history was kept."
    )


class RevisionList(ApiModel):
    """Every revision of a brief, oldest first."""

    items: list[RevisionItem]


class RevisionClaim(ApiModel):
    id: int
    text: str
    status: ClaimStatus
    section: str
    span: TextSpan


class RevisionStatement(ApiModel):
    id: int
    kind: StatementKind
    text: str
    span: TextSpan


class RevisionEvent(ApiModel):
    id: int
    title: str
    location: str | None
    occurred_on: date | None
    span: TextSpan


class RevisionDetail(RevisionItem):
    """One revision with its source and its claims, statements and events, in document order."""

    source: str | None = Field(
        description="The source text the spans point into; null for `deleted`, and for a "
        "revision superseded before history was kept."
    )
    claims: list[RevisionClaim]
    statements: list[RevisionStatement]
    events: list[RevisionEvent]


class ClaimChange(StrEnum):
    """What a history entry records: the claim came, changed status, or went."""

    added = "added"
    status_changed = "status_changed"
    removed = "removed"


class ClaimHistoryEntry(ApiModel):
    """A status a claim took, in which revision of its brief, and when."""

    change: ClaimChange
    status: ClaimStatus | None = Field(description="The status from then on; null once removed.")
    revision: int = Field(ge=1)
    recorded_at: UtcDatetime


class ClaimHistory(ApiModel):
    """Every status a claim has had, oldest first."""

    claim_id: int
    brief_id: int
    entries: list[ClaimHistoryEntry]


class ChangeItem(ApiModel):
    """One change: to a brief as a whole, or to one of its claims, statements or events."""

    id: int = Field(
        description="Position in the feed; pass it as `after` to read on (as `before` to "
        "read back, newest first)."
    )
    type: ChangeType
    brief_id: int
    revision: int = Field(ge=1, description="The brief's revision the change belongs to.")
    item_id: int | None = Field(description="The claim, statement or event; null for a brief.")
    old_status: ClaimStatus | None = Field(description="A claim's status before.")
    new_status: ClaimStatus | None = Field(description="A claim's status after.")
    actor_ids: list[int] = Field(description="Actors it concerns (a brief: those it mentions).")
    changed_at: UtcDatetime


class ChangePage(ApiModel):
    """Changes after a cursor, in commit order (or before one, the newest first)."""

    items: list[ChangeItem]
    next_cursor: str = Field(
        description="Pass as `after` for the changes that follow (with `sort=-id`: as "
        "`before`, for older ones); the same cursor when none did."
    )
