"""A brief as it stood at a past time (`GET /v1/briefs/{id}?as_of=`).

Its rows with an identity (claims, statements, events, their actors, the actors it
mentioned) are those its revision of that time kept aside; what has none (title, lead,
bottom line, context, impacts, sections) is read again from that revision's source by the
pure parser, through the ingest service.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories.as_of import kept_actor_refs, refs_of, revision_at
from app.api.repositories.briefs import get_brief
from app.api.schemas.briefs import BriefDetail
from app.errors import NotFoundError
from app.ingest.service import parse_stored
from app.storage.tables import BriefRevision
from app.storage.tables import RevisionItem as Kept
from app.vocabulary import RevisionKind

Data = dict[str, Any]


def _first_recorded(session: Session, brief_id: int) -> datetime:
    query = select(col(BriefRevision.recorded_at)).where(
        col(BriefRevision.brief_id) == brief_id, col(BriefRevision.number) == 1
    )
    first: datetime = session.execute(query).scalar_one()
    return first


def _items(
    session: Session, revision: BriefRevision, brief: Data, countries: dict[str | None, Any]
) -> dict[str, list[Data]]:
    """The revision's claims, statements and events, as the list items were then; an
    event's country is that of its place (`countries`, from the revision's parsed events:
    the parser gives a place its country whatever the event)."""
    query = select(Kept).where(col(Kept.revision_id) == revision.id)
    kept = list(session.scalars(query.order_by(col(Kept.kind), col(Kept.position))))
    wanted = [i for item in kept for i in (*(item.actor_ids or ()), item.speaker_id) if i]
    refs = kept_actor_refs(session, [*wanted, *(revision.actor_ids or ())])
    found: dict[str, list[Data]] = {"claims": [], "statements": [], "events": []}
    for item in kept:
        base = {"id": item.item_id, "occurred_on": item.occurred_on, "brief": brief,
                "span": {"start": item.span_start, "end": item.span_end}}  # fmt: skip
        actors = refs_of(refs, item.actor_ids)
        if item.kind == "claim":
            found["claims"].append({**base, "text": item.text, "status": item.status,
                                    "section": item.section, "actors": actors})  # fmt: skip
        elif item.kind == "statement":
            speaker = refs.get(item.speaker_id) if item.speaker_id else None
            found["statements"].append({**base, "kind": item.section, "text": item.text,
                                        "speaker": speaker, "speaker_role": item.speaker_role,
                                        "actors": actors})  # fmt: skip
        else:
            found["events"].append({**base, "title": item.text, "location": item.section,
                                    "country": countries.get(item.section),
                                    "participants": actors})  # fmt: skip
    return {**found, "actors": refs_of(refs, revision.actor_ids)}


def _kept_brief(session: Session, revision: BriefRevision) -> BriefDetail:
    if revision.source_text is None:
        raise NotFoundError(
            f"Revision {revision.number} of brief {revision.brief_id} was superseded before "
            "history was kept; its rows are not known."
        )
    parsed = parse_stored(revision.source_text)
    brief = {
        "id": revision.brief_id,
        "title": parsed.title,
        "label": parsed.label,
        "occurred_on": parsed.occurred_on,
    }
    countries = {event.location: event.country for event in parsed.events}
    rows = _items(session, revision, brief, countries)
    counts = {name: len(rows[name]) for name in ("claims", "statements", "events")}
    return BriefDetail.model_validate(
        {
            **brief,
            **rows,
            "source_name": revision.source_name,
            "lead": parsed.lead,
            "location": parsed.location,
            "parser_version": revision.parser_version,
            "ingested_at": _first_recorded(session, revision.brief_id),
            "updated_at": revision.recorded_at,
            "counts": counts,
            "sha256": revision.sha256,
            "bottom_line": parsed.bottom_line,
            "context": list(parsed.context),
            "impacts": [
                {"label": m.label, "text": m.text, "span": {"start": m.span[0], "end": m.span[1]}}
                for m in parsed.impacts
            ],
            "sections": [
                {"name": s.name, "kind": s.kind, "span": {"start": s.span[0], "end": s.span[1]}}
                for s in parsed.sections
            ],
        }
    )


def brief_at(session: Session, brief_id: int, at: datetime) -> BriefDetail:
    """The brief as it stood at `at`; NotFoundError when it did not exist then."""
    revision = revision_at(session, brief_id, at)
    if revision is None or revision.kind == RevisionKind.deleted:
        raise NotFoundError(f"No brief with id {brief_id} at {at.isoformat()}.")
    if revision.superseded_at is None:
        return get_brief(session, brief_id)
    return _kept_brief(session, revision)
