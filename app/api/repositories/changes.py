"""Queries for the change feed: changes between two cursors, in commit order or backwards."""

from __future__ import annotations

from dataclasses import dataclass, replace

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


@dataclass(frozen=True)
class FeedWindow:
    """Which changes a read may give: ids past `after` and below `before` (when set), the
    oldest first, or the newest first (a read from the feed's end)."""

    after: int = 0
    before: int | None = None
    newest_first: bool = False

    def past(self, last_id: int) -> FeedWindow:
        """The window that reads on after a page ending with change `last_id`."""
        if self.newest_first:
            return replace(self, before=last_id)
        return replace(self, after=last_id)


def _actor_ids(stored: str | None) -> list[int]:
    return [int(i) for i in stored.strip(",").split(",")] if stored else []


def changes_in(
    session: Session, filters: ChangeFilters, window: FeedWindow, limit: int
) -> list[ChangeItem]:
    """At most `limit` changes in `window` meeting `filters`, in id order (the commit order:
    see `app.ingest.feed`) or, for `window.newest_first`, the reverse."""
    query = select(Change).where(col(Change.id) > window.after)
    if window.before is not None:
        query = query.where(col(Change.id) < window.before)
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
    order = col(Change.id).desc() if window.newest_first else col(Change.id)
    rows = session.scalars(query.order_by(order).limit(limit))
    return [
        ChangeItem.model_validate({**row.model_dump(), "actor_ids": _actor_ids(row.actor_ids)})
        for row in rows
    ]
