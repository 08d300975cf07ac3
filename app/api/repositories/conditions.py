"""Filter values and the WHERE conditions they become, shared by every repository."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import ColumnElement, false, func, select
from sqlmodel import Session

from app.api.pagination import AnySelect, SqlColumn
from app.ingest.names import fold

NUL = "\x00"
# Ids are 32-bit INTEGER columns: a larger number names no row, and is never sent to the
# database (PostgreSQL would refuse it as out of range).
MAX_ID = 2**31 - 1
LIKE_ESCAPE = "\\"


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds on `occurred_on`; either may be open."""

    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class ActorMatch:
    """Actors a row must all mention; `unknown` when one of them does not exist."""

    ids: tuple[int, ...] = ()
    unknown: bool = False


@dataclass(frozen=True)
class CommonFilters:
    """The filters every dated list takes."""

    actors: ActorMatch = ActorMatch()
    dates: DateRange = field(default_factory=DateRange)
    terms: tuple[str, ...] = ()


Conditions = list[ColumnElement[bool]]


def like_pattern(term: str) -> str:
    """`%term%` with LIKE's own wildcards escaped."""
    escaped = (term.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")).replace(
        "_", LIKE_ESCAPE + "_"
    )
    return f"%{escaped}%"


def contains_all(column: SqlColumn, terms: Iterable[str]) -> Conditions:
    """Each term occurs in `column` (already folded text)."""
    conditions: Conditions = []
    for term in terms:
        # Stored text never holds NUL (PostgreSQL cannot), so such a term matches nothing;
        # it is not sent, because PostgreSQL refuses NUL in a parameter.
        if NUL in term:
            return [false()]
        conditions.append(column.like(like_pattern(term), escape=LIKE_ESCAPE))
    return conditions


def in_range(column: SqlColumn, dates: DateRange) -> Conditions:
    """`column` lies within `dates` (a NULL date lies in no bounded range)."""
    conditions: Conditions = []
    if dates.start is not None:
        conditions.append(column >= dates.start)
    if dates.end is not None:
        conditions.append(column <= dates.end)
    return conditions


def mentions_all(parent_id: SqlColumn, pairs: AnySelect, actors: ActorMatch) -> Conditions:
    """The parent row is linked to every actor in `actors`.

    `pairs` selects (parent_id, actor_id) links; the parent must have one per actor.
    """
    if actors.unknown:
        return [false()]
    if not actors.ids:
        return []
    links = pairs.subquery()
    parent, actor = links.c[0], links.c[1]
    matching = (
        select(parent)
        .where(actor.in_(actors.ids))
        .group_by(parent)
        .having(func.count(actor.distinct()) == len(actors.ids))
    )
    return [parent_id.in_(matching)]


def location_matches(session: Session, column: SqlColumn, location: str | None) -> Conditions:
    """`column` equals `location`, or its part before the first comma, folded.

    Folding happens in Python over the distinct stored locations, so matching ignores case
    and accents identically on SQLite and PostgreSQL.
    """
    if location is None:
        return []
    wanted = fold(location)
    stored = session.execute(select(column).distinct().where(column.is_not(None))).scalars()
    matching = [
        value
        for value in stored
        if value is not None and wanted in (fold(value), fold(value.split(",")[0]))
    ]
    return [column.in_(matching)] if matching else [false()]


def common_conditions(
    common: CommonFilters,
    *,
    row_id: SqlColumn,
    pairs: AnySelect,
    occurred_on: SqlColumn,
    search_text: SqlColumn,
) -> Conditions:
    """The actor, date and text conditions every dated list applies the same way."""
    return [
        *mentions_all(row_id, pairs, common.actors),
        *in_range(occurred_on, common.dates),
        *contains_all(search_text, common.terms),
    ]


def equal_if_given(column: SqlColumn, value: object | None) -> Conditions:
    """`column = value`, or no condition when `value` is None."""
    return [] if value is None else [column == value]


def one_of_if_given(column: SqlColumn, values: Iterable[StrEnum]) -> Conditions:
    """`column IN values`, or no condition when there are none."""
    wanted = [value.value for value in values]
    return [column.in_(wanted)] if wanted else []
