"""Filter values and the WHERE conditions they become, shared by every repository."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import ColumnElement, Subquery, false, literal, select, union_all
from sqlmodel import Session, col

from app.api.repositories.keyset import AnySelect, SqlColumn
from app.api.repositories.text_search import LIKE_ESCAPE, like_pattern, words_match
from app.storage.tables import Brief
from app.vocabulary import fold

NUL = "\x00"
# Ids are 32-bit INTEGER columns: a larger number names no row, and is never sent to the
# database (PostgreSQL would refuse it as out of range).
MAX_ID = 2**31 - 1


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
    # Those of `ids` linked to few claims of the statuses a claims list asks (`PAGE_ROWS`,
    # from the kept counts): the list finds their rows from their links (`mentions_all`).
    # How rows are found, not which: two matches of the same actors are equal whatever it
    # holds (`/v1/stats` compares the claims' filters, marked, with the others', to read
    # the kept counts).
    few_claims: frozenset[int] = field(default=frozenset(), compare=False)


# An actor's claims of the statuses asked (all when none) are read from its links rather
# than probed row by row when that reads fewer rows. A list read in date order (or status
# then date) with a probe per row reads about PAGE_ROWS x N / n rows before its page is
# full (n: the actor's claims of those statuses, N: all claims of them); from its links it
# reads n (and, on PostgreSQL, the n claims, then sorts them). So an actor is read from its
# links when n x n < PAGE_ROWS x N. At 100,000 briefs: `astrid-dahl`, 113 disputed claims of
# 81,203, from its links (7.8 against 35 ms on SQLite); `united-nations`, 92 unconfirmed,
# from its links (the probes read 107,495 claims: 410 ms on PostgreSQL); `united-states`,
# 5,398 disputed, probed (40 ms, where PostgreSQL took 91-660 ms from its links)
# (docs/benchmarks.md, "Sparse actors" and "One actor's stats within dates, and an actor's
# claims of a status").
PAGE_ROWS = 50


@dataclass(frozen=True)
class CommonFilters:
    """The filters every dated list takes."""

    actors: ActorMatch = ActorMatch()
    dates: DateRange = field(default_factory=DateRange)
    # The folded words of `q` (`text_search.query_words`), for the word index.
    terms: tuple[str, ...] = ()


Conditions = list[ColumnElement[bool]]


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


def _linked(links: Sequence[Subquery], parent_id: SqlColumn, actor: int) -> ColumnElement[bool]:
    probes = [
        select(literal(1)).select_from(link).where(link.c[0] == parent_id, link.c[1] == actor)
        for link in links
    ]
    # Several kinds of link are one EXISTS over a UNION ALL, not an OR of EXISTS: PostgreSQL
    # turns `EXISTS .. OR EXISTS ..` into hashed subplans that read every row of the actor
    # (over a second for briefs at 100k), while this stays an index probe per scanned row.
    return probes[0].exists() if len(probes) == 1 else union_all(*probes).exists()


def mentions_all(
    parent_id: SqlColumn,
    pairs: Sequence[AnySelect],
    actors: ActorMatch,
    few: frozenset[int] = frozenset(),
    listed: AnySelect | None = None,
) -> Conditions:
    """The parent row is linked to every actor in `actors`.

    `pairs` are selects of (parent_id, actor_id) links, one per kind of link. Each actor is
    one correlated EXISTS, rather than `parent_id IN (links GROUP BY parent HAVING count =
    n)`: that builds the whole set of the actor's rows on every request (tens of thousands
    at 100k briefs), while EXISTS probes an index for just the rows the ordered scan
    reaches before the page is full. An actor in `few` (linked to few rows: `PAGE_ROWS`)
    is `parent_id IN (its links)` instead, with one kind of link: `listed` when given (its
    links narrowed as the list is, so the list is short), else that kind.
    """
    if actors.unknown:
        return [false()]
    if not actors.ids:  # making the subqueries was ~8% of a list rotation's Python work
        return []
    links = [_subquery(part) for part in pairs]
    return [
        _listed(pairs[0] if listed is None else listed, parent_id, actor)
        if actor in few and len(pairs) == 1
        else _linked(links, parent_id, actor)
        for actor in actors.ids
    ]


@lru_cache(maxsize=64)
def _subquery(pairs: AnySelect) -> Subquery:
    """`pairs` as a subquery, built once per select (`mentions.py` builds each once): a
    subquery's columns are set up when first read, a tenth of a filtered page's work."""
    return pairs.subquery()


def _listed(pairs: AnySelect, parent_id: SqlColumn, actor: int) -> ColumnElement[bool]:
    parent, linked = pairs.selected_columns
    return parent_id.in_(pairs.with_only_columns(parent).where(linked == actor))


def _matching(session: Session, column: SqlColumn, location: str) -> tuple[str, ...]:
    """The distinct values of `column` equal to `location`, or whose part before the first
    comma is, folded.

    Folding happens in Python over the distinct stored locations, so matching ignores case
    and accents identically on SQLite and PostgreSQL.
    """
    wanted = fold(location)
    stored = session.execute(select(column).distinct().where(column.is_not(None))).scalars()
    return tuple(
        value
        for value in stored
        if value is not None and wanted in (fold(value), fold(value.split(",")[0]))
    )


def location_matches(session: Session, column: SqlColumn, location: str | None) -> Conditions:
    """`column` equals `location`, or its part before the first comma (see `_matching`)."""
    if location is None:
        return []
    matching = _matching(session, column, location)
    return [column.in_(matching)] if matching else [false()]


def places_named(session: Session, location: str | None) -> tuple[str, ...] | None:
    """The stored brief locations `location` matches, or None when none is asked for."""
    return None if location is None else _matching(session, col(Brief.location), location)


def in_briefs_at(brief_id: SqlColumn, places: tuple[str, ...] | None) -> Conditions:
    """The row's brief took place at one of `places` (no condition when None)."""
    if places is None:
        return []
    if not places:
        return [false()]
    located = select(col(Brief.id)).where(col(Brief.location).in_(places))
    return [brief_id.in_(located)]


def common_conditions(
    common: CommonFilters,
    *,
    row_id: SqlColumn,
    pairs: Sequence[AnySelect],
    occurred_on: SqlColumn,
    search_text: SqlColumn,
    few: frozenset[int] = frozenset(),
    listed: AnySelect | None = None,
) -> Conditions:
    """The actor, date and text conditions every dated list applies the same way (`few`:
    actors whose rows are read from their links, `listed` if given: `mentions_all`)."""
    return [
        *mentions_all(row_id, pairs, common.actors, few, listed),
        *in_range(occurred_on, common.dates),
        *words_match(search_text, row_id, common.terms),
    ]


def equal_if_given(column: SqlColumn, value: object | None) -> Conditions:
    """`column = value`, or no condition when `value` is None."""
    return [] if value is None else [column == value]


def one_of_if_given(column: SqlColumn, values: Iterable[StrEnum]) -> Conditions:
    """`column IN values`, or no condition when there are none."""
    wanted = [value.value for value in values]
    return [column.in_(wanted)] if wanted else []
