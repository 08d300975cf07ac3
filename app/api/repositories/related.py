"""An actor's related actors: co-mentions in claims, statements and events.

Read from the counts kept per pair of actors (`app.api.repositories.pair_counts`). Within
dates: the actor's rows per pair and day within them, summed per other actor (claims of
the statuses asked for, every statement and event), with the last day any of them counted
something. Over every date: one row per other actor (`actor_pair_counts`), and the last
day of those that can make the page only (`pair_counts.last_days`), so a busy actor's
whole history of days is not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories import pair_counts
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


def _count(row: pair_counts.Shared) -> int:
    return row.claims + row.statements + row.events


def _ranked(rows: list[pair_counts.Shared], limit: int) -> list[pair_counts.Shared]:
    """Most shared rows first, then the most recently seen, then by id."""

    def key(row: pair_counts.Shared) -> tuple[int, int, int]:
        recent = row.last.toordinal() if row.last else 0
        return (-_count(row), -recent, row.other_id)

    return sorted(rows, key=key)[:limit]


def _candidates(rows: list[pair_counts.Shared], limit: int) -> list[pair_counts.Shared]:
    """The rows that can make a page of `limit`: those counting at least as much as the
    `limit`-th most shared (ties at the limit are broken by recency, not yet known)."""
    if len(rows) <= limit:
        return rows
    least = sorted((_count(row) for row in rows), reverse=True)[limit - 1]
    return [row for row in rows if _count(row) >= least]


def _shared(session: Session, filters: RelatedFilters) -> list[pair_counts.Shared]:
    """What each other actor shares with the actor; over every date, only the candidates
    for the page, each with its last day."""
    actor, statuses = filters.actor_id, filters.statuses
    if filters.dates != DateRange():
        return pair_counts.shared(session, actor, filters.dates, statuses)
    found = _candidates(pair_counts.shared_overall(session, actor, statuses), filters.limit)
    days = pair_counts.last_days(session, actor, [row.other_id for row in found], statuses)
    return [replace(row, last=days.get(row.other_id)) for row in found]


def _refs(session: Session, ids: Sequence[int]) -> dict[int, dict[str, object]]:
    query = select(*actor_ref_columns()).where(col(Actor.id).in_(ids))
    return {
        row.id: actor_ref(row.id, row.slug, row.name, row.kind) for row in session.execute(query)
    }


def related_actors(session: Session, filters: RelatedFilters) -> RelatedActors:
    """The actors sharing the most claims, statements and events with `filters.actor_id`."""
    ranked = _ranked(_shared(session, filters), filters.limit)
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
