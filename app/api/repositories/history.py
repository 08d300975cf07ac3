"""Queries for a brief's revisions and a claim's history."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Row, select
from sqlmodel import Session, col

from app.api.schemas.history import (
    ClaimChange,
    ClaimHistory,
    ClaimHistoryEntry,
    RevisionDetail,
    RevisionItem,
    RevisionList,
)
from app.errors import NotFoundError
from app.storage.tables import Brief, BriefRevision, Change, Claim, Event, Statement
from app.storage.tables import RevisionItem as Kept
from app.vocabulary import ChangeType, ClaimStatus, RevisionKind

REVISION_COLUMNS = (
    col(BriefRevision.id),
    col(BriefRevision.number),
    col(BriefRevision.kind),
    col(BriefRevision.source_name),
    col(BriefRevision.sha256),
    col(BriefRevision.parser_version),
    col(BriefRevision.label),
    col(BriefRevision.recorded_at),
    col(BriefRevision.superseded_at),
    col(BriefRevision.summary),
)
CLAIM_CHANGES = (ChangeType.claim_added, ChangeType.claim_status_changed, ChangeType.claim_removed)


def _revision_item(row: Row[Any]) -> RevisionItem:
    return RevisionItem.model_validate(row._mapping)


def revisions(session: Session, brief_id: int) -> RevisionList:
    """Every revision of the brief, oldest first; NotFoundError when it never existed."""
    query = select(*REVISION_COLUMNS).where(col(BriefRevision.brief_id) == brief_id)
    rows = session.execute(query.order_by(col(BriefRevision.number))).all()
    if not rows:
        raise NotFoundError(f"No brief with id {brief_id}.")
    return RevisionList(items=[_revision_item(row) for row in rows])


class _Spanned(Protocol):
    span_start: int
    span_end: int


def _span(row: _Spanned) -> dict[str, int]:
    return {"start": row.span_start, "end": row.span_end}


def _current_rows(session: Session, brief_id: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of the brief's current revision: its own."""
    claims = select(Claim).where(col(Claim.brief_id) == brief_id).order_by(col(Claim.position))
    statements = select(Statement).where(col(Statement.brief_id) == brief_id)
    events = select(Event).where(col(Event.brief_id) == brief_id).order_by(col(Event.position))
    return {
        "claims": [{**c.model_dump(), "span": _span(c)} for c in session.scalars(claims)],
        "statements": [
            {**s.model_dump(), "span": _span(s)}
            for s in session.scalars(statements.order_by(col(Statement.position)))
        ],
        "events": [{**e.model_dump(), "span": _span(e)} for e in session.scalars(events)],
    }


def _kept_rows(session: Session, revision_id: int) -> dict[str, list[dict[str, Any]]]:
    """The rows of a superseded revision, as `revision_items` kept them."""
    query = select(Kept).where(col(Kept.revision_id) == revision_id)
    found: dict[str, list[dict[str, Any]]] = {"claims": [], "statements": [], "events": []}
    for item in session.scalars(query.order_by(col(Kept.kind), col(Kept.position))):
        base = {"id": item.item_id, "span": _span(item)}
        if item.kind == "claim":
            found["claims"].append({**base, "text": item.text, "status": item.status,
                                    "section": item.section})  # fmt: skip
        elif item.kind == "statement":
            found["statements"].append({**base, "text": item.text, "kind": item.section})
        else:
            found["events"].append({**base, "title": item.text, "location": item.section,
                                    "occurred_on": item.occurred_on})  # fmt: skip
    return found


def revision(session: Session, brief_id: int, number: int) -> RevisionDetail:
    """One revision with its source and rows; NotFoundError when there is no such one."""
    query = select(*REVISION_COLUMNS, col(BriefRevision.source_text)).where(
        col(BriefRevision.brief_id) == brief_id, col(BriefRevision.number) == number
    )
    row = session.execute(query).first()
    if row is None:
        raise NotFoundError(f"No revision {number} of brief {brief_id}.")
    source: str | None = row.source_text
    rows: dict[str, list[dict[str, Any]]] = {"claims": [], "statements": [], "events": []}
    if row.kind != RevisionKind.deleted and row.superseded_at is None:
        source = session.execute(
            select(col(Brief.source_text)).where(col(Brief.id) == brief_id)
        ).scalar_one()
        rows = _current_rows(session, brief_id)
    elif row.kind != RevisionKind.deleted:
        rows = _kept_rows(session, row.id)
    return RevisionDetail.model_validate({**row._mapping, "source": source, **rows})


def _brief_of_claim(session: Session, claim_id: int) -> int | None:
    now = select(col(Claim.brief_id)).where(col(Claim.id) == claim_id)
    changed = select(col(Change.brief_id)).where(
        col(Change.item_id) == claim_id, col(Change.type).in_(CLAIM_CHANGES)
    )
    kept = select(col(Kept.brief_id)).where(
        col(Kept.kind) == "claim", col(Kept.item_id) == claim_id
    )
    for query in (now, changed.limit(1), kept.limit(1)):
        if (brief_id := session.execute(query).scalar()) is not None:
            return int(brief_id)
    return None


def _first_entry(
    session: Session, claim_id: int, brief_id: int, changes: list[Change]
) -> ClaimHistoryEntry:
    """The status of a claim present from its brief's first revision (it has no
    `claim.added` change): the one its first change left, or its status now."""
    if changes:
        status = changes[0].old_status
    else:
        status = session.execute(
            select(col(Claim.status)).where(col(Claim.id) == claim_id)
        ).scalar()
    created = select(col(BriefRevision.recorded_at)).where(
        col(BriefRevision.brief_id) == brief_id, col(BriefRevision.number) == 1
    )
    return ClaimHistoryEntry(
        change=ClaimChange.added,
        status=ClaimStatus(status) if status else None,
        revision=1,
        recorded_at=session.execute(created).scalar_one(),
    )


def _entry(change: Change) -> ClaimHistoryEntry:
    return ClaimHistoryEntry(
        change=ClaimChange(change.type.removeprefix("claim.")),
        status=ClaimStatus(change.new_status) if change.new_status else None,
        revision=change.revision,
        recorded_at=change.changed_at,
    )


def claim_history(session: Session, claim_id: int) -> ClaimHistory:
    """Every status the claim has had; NotFoundError for an id no claim ever had."""
    brief_id = _brief_of_claim(session, claim_id)
    if brief_id is None:
        raise NotFoundError(f"No claim with id {claim_id}.")
    query = select(Change).where(
        col(Change.item_id) == claim_id, col(Change.type).in_(CLAIM_CHANGES)
    )
    changes = list(session.scalars(query.order_by(col(Change.id))))
    entries = [_entry(change) for change in changes]
    if not changes or changes[0].type != ChangeType.claim_added:
        entries.insert(0, _first_entry(session, claim_id, brief_id, changes))
    return ClaimHistory(claim_id=claim_id, brief_id=brief_id, entries=entries)
