"""What an actor shares with each other actor (claims, statements, events naming both, and
the last day of those), read from the counts kept per pair of actors over every date
(`actor_pair_counts`) and per pair and day (`actor_pair_daily_counts`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlmodel import Session, col

from app.api.repositories.conditions import DateRange
from app.api.repositories.counts import Measures, in_days
from app.storage.tables import ActorPairCount, ActorPairDailyCount
from app.vocabulary import ClaimStatus

PairTable = type[ActorPairCount] | type[ActorPairDailyCount]
# The days `last_days` reads first, back from the actor's latest; each next span is four
# times longer. A busy actor's most shared partners were seen with it in its last weeks.
FIRST_SPAN = timedelta(days=31)


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


def _latest_day(session: Session, actor: int) -> str | None:
    """The latest day of the actor's rows per pair and day ('' when none is dated)."""
    table = ActorPairDailyCount
    query = select(func.max(col(table.day))).where(col(table.actor_id) == actor)
    latest: str | None = session.execute(query).scalar_one()
    return latest


def _before(day: str, span: timedelta) -> str:
    """The day `span` before `day`, or '' (before every dated day) past the year 1."""
    try:
        return (date.fromisoformat(day) - span).isoformat()
    except OverflowError:
        return ""


def last_days(
    session: Session, actor: int, others: Collection[int], statuses: tuple[ClaimStatus, ...]
) -> dict[int, date]:
    """The last day on which each of `others` shares something with `actor` (claims of
    `statuses`, statements, events; undated rows aside), for those that have one.

    Read from the actor's rows per pair and day a span of days at a time, back from its
    latest day, each span four times longer than the last, until each has its day: recent
    days answer for the partners that rank high, without the actor's whole history. A span
    is a range of the primary key (actor_id, day, other_id), which both databases read as
    one; a `LIMIT` over the actor's rows newest first, filtered by partner, PostgreSQL
    planned as a read of every row of the actor and a sort."""
    table = ActorPairDailyCount
    claims, statements, events = _measured(table, statuses)
    day, other = col(table.day), col(table.other_id)
    found: dict[int, date] = {}
    waiting = set(others)
    upper, span = (_latest_day(session, actor) if waiting else None), FIRST_SPAN
    while waiting and upper:  # None or '': no dated day left
        lower = _before(upper, span)
        query = (
            select(other, func.max(day))
            .where(col(table.actor_id) == actor, day > lower, day <= upper)
            .where(other.in_(sorted(waiting)), claims + statements + events > 0)
            .group_by(other)
        )
        for partner, seen_on in session.execute(query):
            found[partner] = date.fromisoformat(seen_on)
            waiting.discard(partner)
        upper, span = lower, span * 4
    return found
