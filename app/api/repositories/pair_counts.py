"""What an actor shares with each other actor (claims, statements, events naming both, and
the last day of those), read from the counts kept per pair of actors over every date
(`actor_pair_counts`) and per pair and day (`actor_pair_daily_counts`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlmodel import Session, col

from app.api.repositories.conditions import DateRange
from app.api.repositories.counts import Measures, in_days
from app.storage.tables import ActorPairCount, ActorPairDailyCount
from app.vocabulary import ClaimStatus

PairTable = type[ActorPairCount] | type[ActorPairDailyCount]
# The actor's day rows read at first by `last_days`, newest first; each further read takes
# four times more. The busiest actor's most shared partners share one of its last few days.
FIRST_READ = 256


@dataclass(frozen=True)
class Shared:
    """What one other actor shares with an actor: claims, statements, events, last day."""

    other_id: int
    claims: int
    statements: int
    events: int
    last: date | None


def _measured(
    table: PairTable, statuses: tuple[ClaimStatus, ...]
) -> tuple[ColumnElement[int], ColumnElement[int], ColumnElement[int]]:
    """`table`'s claims (of `statuses`; all when none), statements and events."""
    measures = Measures(statuses=statuses)
    events: ColumnElement[int] = table.__table__.c["events"]  # type: ignore[union-attr]
    return measures.claims(table), measures.statements(table), events


def shared(
    session: Session, actor: int, dates: DateRange, statuses: tuple[ClaimStatus, ...]
) -> list[Shared]:
    """Per other actor, the claims (of `statuses`; all when none), statements and events
    naming both it and `actor` within `dates`, and the last day of those, from the counts
    per pair of actors and day."""
    table = ActorPairDailyCount
    claims, statements, events = _measured(table, statuses)
    day = col(table.day)
    named = claims + statements + events
    last = func.max(case((and_(named > 0, day != ""), day)))
    query = (
        select(col(table.other_id), func.sum(claims), func.sum(statements), func.sum(events), last)
        .where(col(table.actor_id) == actor, col(table.other_id) != actor)
        .where(*in_days(table, dates))
        .group_by(col(table.other_id))
        .having(func.sum(named) > 0)
    )
    return [
        Shared(
            int(other), int(claimed), int(said), int(held), date.fromisoformat(day) if day else None
        )
        for other, claimed, said, held, day in session.execute(query)
    ]


def shared_overall(session: Session, actor: int, statuses: tuple[ClaimStatus, ...]) -> list[Shared]:
    """`shared` over every date, from the counts per pair of actors (one row per other
    actor), without the last day (`last` is None: see `last_days`)."""
    table = ActorPairCount
    claims, statements, events = _measured(table, statuses)
    query = select(col(table.other_id), claims, statements, events).where(
        col(table.actor_id) == actor,
        col(table.other_id) != actor,
        claims + statements + events > 0,
    )
    return [
        Shared(int(other), int(claimed), int(said), int(held), None)
        for other, claimed, said, held in session.execute(query)
    ]


def last_days(
    session: Session, actor: int, others: Collection[int], statuses: tuple[ClaimStatus, ...]
) -> dict[int, date]:
    """The last day on which each of `others` shares something with `actor` (claims of
    `statuses`, statements, events; undated rows aside), for those that have one.

    The actor's day rows of those others are read newest first (the order of the primary
    key, actor_id then day), a few hundred at a time, until each has its day: recent days
    answer for the partners that rank high, without the actor's whole history. A read goes
    on from the last day the previous one reached, for the others still without theirs: it
    gave every row of theirs after that day (there were none), not all of that day's."""
    table = ActorPairDailyCount
    claims, statements, events = _measured(table, statuses)
    day, other = col(table.day), col(table.other_id)
    found: dict[int, date] = {}
    waiting, until, size = set(others), None, FIRST_READ
    while waiting:
        query = select(other, day).where(
            col(table.actor_id) == actor,
            other.in_(sorted(waiting)),
            claims + statements + events > 0,
            day != "",
        )
        if until is not None:
            query = query.where(day <= until)
        rows = session.execute(query.order_by(day.desc()).limit(size)).all()
        for partner, seen_on in rows:
            if partner in waiting:
                found[partner] = date.fromisoformat(seen_on)
                waiting.discard(partner)
        if len(rows) < size:
            break
        until, size = rows[-1][1], size * 4
    return found
