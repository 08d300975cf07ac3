"""Queries for an actor's related actors: co-mentions in claims, statements and events.

Each kind of row is one grouped query: the actor's own rows (through the link table's
actor index), filtered by date (and, for claims, status), then every other actor linked to
those rows (through the link tables' primary keys), counted and dated per actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Subquery, func, select, union_all
from sqlmodel import Session, col

from app.api.repositories.base import actor_ref, actor_ref_columns
from app.api.repositories.conditions import Conditions, DateRange, in_range, one_of_if_given
from app.api.repositories.keyset import AnySelect
from app.api.repositories.mentions import claim_pairs, event_pairs, statement_pair_parts
from app.api.schemas.related import RelatedActor, RelatedActors, SharedCounts
from app.storage.tables import Actor, Claim, Event, Statement
from app.vocabulary import ClaimStatus

KINDS = ("claims", "statements", "events")


@dataclass(frozen=True)
class RelatedFilters:
    actor_id: int
    dates: DateRange = field(default_factory=DateRange)
    statuses: tuple[ClaimStatus, ...] = ()
    limit: int = 25


@dataclass
class _Tally:
    shared: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    last_seen_on: date | None = None

    def add(self, kind: str, count: int, last: date | None) -> None:
        self.shared[kind] += count
        if last is not None and (self.last_seen_on is None or last > self.last_seen_on):
            self.last_seen_on = last


def _links(
    parts: Sequence[AnySelect], *, parents: AnySelect | None = None, actor: int = 0
) -> Subquery:
    """(parent id, actor id) pairs of `parts`: those of `actor`, or those of `parents`."""
    filtered = []
    for part in parts:
        parent, linked_actor = part.selected_columns
        filtered.append(
            part.where(parent.in_(parents))
            if parents is not None
            else part.where(linked_actor == actor)
        )
    return filtered[0].subquery() if len(filtered) == 1 else union_all(*filtered).subquery()


RowTable = type[Claim] | type[Statement] | type[Event]


def _co_mentions(
    parts: Sequence[AnySelect], table: RowTable, where: Conditions, actor: int
) -> AnySelect:
    """(other actor, rows shared, latest date) over the rows of `table` that `where` keeps
    and that link `actor`."""
    row_id, occurred_on = col(table.id), col(table.occurred_on)
    mine = _links(parts, actor=actor)
    parents = select(row_id).where(row_id.in_(select(mine.c[0])), *where)
    others = _links(parts, parents=parents)
    return (
        select(others.c[1], func.count(others.c[0].distinct()), func.max(occurred_on))
        .join(table, row_id == others.c[0])
        .where(others.c[1] != actor)
        .group_by(others.c[1])
    )


def _queries(filters: RelatedFilters) -> dict[str, AnySelect]:
    actor, dates = filters.actor_id, filters.dates
    claim_where = [
        *in_range(col(Claim.occurred_on), dates),
        *one_of_if_given(col(Claim.status), filters.statuses),
    ]
    return {
        "claims": _co_mentions([claim_pairs()], Claim, claim_where, actor),
        "statements": _co_mentions(
            statement_pair_parts(), Statement, in_range(col(Statement.occurred_on), dates), actor
        ),
        "events": _co_mentions(
            [event_pairs()], Event, in_range(col(Event.occurred_on), dates), actor
        ),
    }


def _tallies(session: Session, filters: RelatedFilters) -> dict[int, _Tally]:
    tallies: dict[int, _Tally] = {}
    for kind, query in _queries(filters).items():
        for other, count, last in session.execute(query):
            tallies.setdefault(other, _Tally()).add(kind, count, last)
    return tallies


def _ranked(tallies: dict[int, _Tally], limit: int) -> list[tuple[int, _Tally]]:
    """Most shared rows first, then the most recently seen, then by id."""

    def key(entry: tuple[int, _Tally]) -> tuple[int, int, int]:
        other, tally = entry
        recent = tally.last_seen_on.toordinal() if tally.last_seen_on else 0
        return (-sum(tally.shared.values()), -recent, other)

    return sorted(tallies.items(), key=key)[:limit]


def _refs(session: Session, ids: Sequence[int]) -> dict[int, dict[str, object]]:
    query = select(*actor_ref_columns()).where(col(Actor.id).in_(ids))
    return {
        row.id: actor_ref(row.id, row.slug, row.name, row.kind) for row in session.execute(query)
    }


def related_actors(session: Session, filters: RelatedFilters) -> RelatedActors:
    """The actors sharing the most claims, statements and events with `filters.actor_id`."""
    ranked = _ranked(_tallies(session, filters), filters.limit)
    refs = _refs(session, [filters.actor_id, *(other for other, _ in ranked)])
    items = [
        RelatedActor.model_validate(
            {
                "actor": refs[other],
                "count": sum(tally.shared.values()),
                "shared": SharedCounts(**tally.shared),
                "last_seen_on": tally.last_seen_on,
            }
        )
        for other, tally in ranked
    ]
    return RelatedActors.model_validate({"actor": refs[filters.actor_id], "items": items})
