"""Queries for actors: lookup by id or slug, lists, and how often each appears."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, Text, or_, select
from sqlmodel import Session, col

from app.api.repositories import counts
from app.api.repositories.base import Data, Listing, Rows
from app.api.repositories.conditions import (
    MAX_ID,
    NUL,
    Conditions,
    DateRange,
    contains_all,
)
from app.api.repositories.keyset import AnySelect, Keyset, read_prepared
from app.api.schemas.actors import ActorDetail, ActorItem
from app.errors import NotFoundError
from app.storage.bound import bound_values, in_bound
from app.storage.tables import Actor, ActorAlias
from app.vocabulary import ActorKind

KEYSET = Keyset("actors", col(Actor.normalized_name), col(Actor.id), key_is_date=False)


@dataclass(frozen=True)
class ActorFilters:
    kinds: tuple[ActorKind, ...] = ()
    terms: tuple[str, ...] = ()
    dates: DateRange = field(default_factory=DateRange)


def _as_id(ref: str) -> int | None:
    if ref.isascii() and ref.isdigit() and int(ref) <= MAX_ID:
        return int(ref)
    return None


@cache
def _refs_query(dialect: str) -> AnySelect:
    # Built once per dialect, the ids and slugs bound as two values (`in_bound`): every
    # filtered request resolves its actors, and building and keying an IN list each time
    # was a sixth of an uncached claims page's Python work (docs/benchmarks.md).
    return select(col(Actor.id), col(Actor.slug)).where(
        or_(
            in_bound(col(Actor.id), "ids", dialect),
            in_bound(col(Actor.slug), "slugs", dialect, Text),
        )
    )


def resolve_refs(session: Session, refs: Sequence[str]) -> list[int] | None:
    """Actor ids for `refs` (each an id or a slug, id first); None if any is unknown."""
    if any(NUL in ref for ref in refs):
        return None
    numbers = {number for ref in refs if (number := _as_id(ref)) is not None}
    dialect = session.get_bind().dialect.name
    values = {
        "ids": bound_values(dialect, numbers),
        "slugs": bound_values(dialect, set(refs), Text),
    }
    rows = read_prepared(session, _refs_query(dialect), values)
    by_id = {row[0] for row in rows}
    by_slug = {row[1]: row[0] for row in rows}
    ids: list[int] = []
    for ref in refs:
        number = _as_id(ref)
        found = number if number in by_id else by_slug.get(ref)
        if found is None:
            return None
        ids.append(found)
    return ids


def _matches_term(term: str) -> ColumnElement[bool]:
    aliases = select(col(ActorAlias.actor_id)).where(
        *contains_all(col(ActorAlias.normalized), [term])
    )
    return or_(*contains_all(col(Actor.normalized_name), [term]), col(Actor.id).in_(aliases))


def conditions(filters: ActorFilters) -> Conditions:
    """WHERE conditions on `actors`; dates keep actors appearing in a brief in the range."""
    where = [_matches_term(term) for term in filters.terms]
    if filters.kinds:
        where.append(col(Actor.kind).in_([kind.value for kind in filters.kinds]))
    if filters.dates != DateRange():
        where.append(counts.seen_in(filters.dates))
    return where


def _query() -> AnySelect:
    return select(
        col(Actor.id),
        col(Actor.slug),
        col(Actor.name),
        col(Actor.kind),
        col(Actor.title),
        col(Actor.country),
        col(Actor.normalized_name),
    )


def _data(session: Session, rows: Rows) -> list[Data]:
    found = counts.seen(session, [row[0] for row in rows])
    items = []
    for actor, slug, name, kind, title, country, _normalized in rows:
        seen = found.get(actor, counts.Seen())
        items.append(
            {
                "id": actor,
                "slug": slug,
                "name": name,
                "kind": kind,
                "title": title,
                "country": country,
                "counts": {
                    "briefs": seen.briefs,
                    "statements": seen.statements,
                    "claims": seen.claims,
                },
                "first_seen_on": seen.first,
                "last_seen_on": seen.last,
            }
        )
    return items


ACTORS = Listing(
    noun="actor", keyset=KEYSET, query=_query, to_data=_data, items=TypeAdapter(list[ActorItem])
)


def actor_id(session: Session, ref: str) -> int:
    """The id of the actor named by id or slug `ref`, or NotFoundError."""
    ids = resolve_refs(session, [ref])
    if ids is None:
        raise NotFoundError(f"No actor with id or slug {ref!r}.")
    return ids[0]


def get_actor(session: Session, ref: str) -> ActorDetail:
    """The actor named by id or slug `ref`, with its aliases."""
    found = actor_id(session, ref)
    item = ACTORS.one(session, found)
    aliases = session.execute(
        select(col(ActorAlias.alias))
        .where(col(ActorAlias.actor_id) == found)
        .order_by(col(ActorAlias.alias))
    ).scalars()
    return ActorDetail(**item.model_dump(), aliases=list(aliases))
