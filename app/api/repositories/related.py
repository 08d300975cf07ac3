"""An actor's related actors: co-mentions in claims, statements and events.

Read from the counts kept per pair of actors and day (`actor_pair_daily_counts`): the
actor's rows within the dates, summed per other actor (claims of the statuses asked for,
every statement and event), with the last day any of them counted something.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories import counts
from app.api.repositories.base import actor_ref, actor_ref_columns
from app.api.repositories.conditions import DateRange
from app.api.schemas.related import RelatedActor, RelatedActors, SharedCounts
from app.storage.tables import Actor
from app.vocabulary import ClaimStatus


@dataclass(frozen=True)
class RelatedFilters:
    actor_id: int
    dates: DateRange = field(default_factory=DateRange)
    statuses: tuple[ClaimStatus, ...] = ()
    limit: int = 25


def _count(row: counts.Shared) -> int:
    return row.claims + row.statements + row.events


def _ranked(rows: list[counts.Shared], limit: int) -> list[counts.Shared]:
    """Most shared rows first, then the most recently seen, then by id."""

    def key(row: counts.Shared) -> tuple[int, int, int]:
        recent = row.last.toordinal() if row.last else 0
        return (-_count(row), -recent, row.other_id)

    return sorted(rows, key=key)[:limit]


def _refs(session: Session, ids: Sequence[int]) -> dict[int, dict[str, object]]:
    query = select(*actor_ref_columns()).where(col(Actor.id).in_(ids))
    return {
        row.id: actor_ref(row.id, row.slug, row.name, row.kind) for row in session.execute(query)
    }


def related_actors(session: Session, filters: RelatedFilters) -> RelatedActors:
    """The actors sharing the most claims, statements and events with `filters.actor_id`."""
    found = counts.shared(session, filters.actor_id, filters.dates, filters.statuses)
    ranked = _ranked(found, filters.limit)
    refs = _refs(session, [filters.actor_id, *(row.other_id for row in ranked)])
    items = [
        RelatedActor.model_validate(
            {
                "actor": refs[row.other_id],
                "count": _count(row),
                "shared": SharedCounts(
                    claims=row.claims, statements=row.statements, events=row.events
                ),
                "last_seen_on": row.last,
            }
        )
        for row in ranked
    ]
    return RelatedActors.model_validate({"actor": refs[filters.actor_id], "items": items})
