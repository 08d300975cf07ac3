"""Queries for the change feed: changes after a cursor, in commit order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlmodel import Session, col

from app.api.repositories.actors import resolve_refs
from app.api.schemas.history import ChangeItem
from app.storage.tables import Change, ChangeActor
from app.vocabulary import ChangeType


@dataclass(frozen=True)
class ChangeFilters:
    brief_id: int | None = None
    # Actor ids or slugs; a change must concern every one.
    actors: tuple[str, ...] = ()
    types: tuple[ChangeType, ...] = ()


def _actor_ids(session: Session, change_ids: Sequence[int]) -> dict[int, list[int]]:
    query = select(col(ChangeActor.change_id), col(ChangeActor.actor_id)).where(
        col(ChangeActor.change_id).in_(change_ids)
    )
    found: dict[int, list[int]] = {change_id: [] for change_id in change_ids}
    for change_id, actor_id in session.execute(query.order_by(col(ChangeActor.actor_id))):
        found[change_id].append(actor_id)
    return found


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
            linked = (col(ChangeActor.change_id) == col(Change.id)) & (
                col(ChangeActor.actor_id) == actor_id
            )
            query = query.where(exists().where(linked))
    rows = list(session.scalars(query.order_by(col(Change.id)).limit(limit)))
    actors = _actor_ids(session, [row.id for row in rows if row.id is not None])
    return [
        ChangeItem.model_validate({**row.model_dump(), "actor_ids": actors[row.id or 0]})
        for row in rows
    ]
