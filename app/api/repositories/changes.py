"""Queries for the change feed: changes after a cursor, in commit order."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories.actors import resolve_refs
from app.api.schemas.history import ChangeItem
from app.storage.tables import Change
from app.vocabulary import ChangeType


@dataclass(frozen=True)
class ChangeFilters:
    brief_id: int | None = None
    # Actor ids or slugs; a change must concern every one.
    actors: tuple[str, ...] = ()
    types: tuple[ChangeType, ...] = ()


def _actor_ids(stored: str | None) -> list[int]:
    return [int(i) for i in stored.strip(",").split(",")] if stored else []


def changes_after(
    session: Session, filters: ChangeFilters, after: int, limit: int
) -> list[ChangeItem]:
    """At most `limit` changes with an id past `after` meeting `filters`, in id order (the
    commit order: see `app.ingest.feed`)."""
    query = select(Change).where(col(Change.id) > after)
    if filters.brief_id is not None:
        query = query.where(col(Change.brief_id) == filters.brief_id)
    if filters.types:
        query = query.where(col(Change.type).in_(filters.types))
    if filters.actors:
        actor_ids = resolve_refs(session, filters.actors)
        if actor_ids is None:  # an unknown actor: nothing concerns it
            return []
        for actor_id in set(actor_ids):
            query = query.where(col(Change.actor_ids).contains(f",{actor_id},"))
    rows = session.scalars(query.order_by(col(Change.id)).limit(limit))
    return [
        ChangeItem.model_validate({**row.model_dump(), "actor_ids": _actor_ids(row.actor_ids)})
        for row in rows
    ]
