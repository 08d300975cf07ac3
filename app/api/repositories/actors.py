"""Queries for actors: lookup by id or slug, lists, and how often each appears."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pydantic import TypeAdapter
from sqlalchemy import ColumnElement, func, or_, select
from sqlmodel import Session, col

from app.api.repositories.base import Data, Listing, Rows
from app.api.repositories.conditions import (
    MAX_ID,
    NUL,
    Conditions,
    DateRange,
    contains_all,
    in_range,
)
from app.api.repositories.keyset import AnySelect, Keyset, read
from app.api.repositories.mentions import (
    brief_pair_parts,
    brief_pairs,
    claim_pairs,
    linked,
    statement_pair_parts,
)
from app.api.schemas.actors import ActorDetail, ActorItem
from app.errors import NotFoundError
from app.storage.tables import Actor, ActorAlias, Brief
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


def resolve_refs(session: Session, refs: Sequence[str]) -> list[int] | None:
    """Actor ids for `refs` (each an id or a slug, id first); None if any is unknown."""
    if any(NUL in ref for ref in refs):
        return None
    numbers = {number for ref in refs if (number := _as_id(ref)) is not None}
    query = select(col(Actor.id), col(Actor.slug)).where(
        or_(col(Actor.id).in_(numbers), col(Actor.slug).in_(set(refs)))
    )
    rows = read(session, query).all()
    by_id = {row.id for row in rows}
    by_slug = {row.slug: row.id for row in rows}
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
        pairs = brief_pairs().subquery()
        seen = select(pairs.c[1]).join(Brief, col(Brief.id) == pairs.c[0])
        where.append(
            col(Actor.id).in_(seen.where(*in_range(col(Brief.occurred_on), filters.dates)))
        )
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


def _count_by_actor(
    session: Session, parts: Sequence[AnySelect], ids: Sequence[int]
) -> dict[int, int]:
    links = linked(parts, actors=ids)
    query = (
        select(links.c[1], func.count(links.c[0].distinct()))
        .where(links.c[1].in_(ids))
        .group_by(links.c[1])
    )
    return {row[0]: row[1] for row in session.execute(query)}


def _seen(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, date | None, date | None]]:
    links = linked(brief_pair_parts(), actors=ids)
    dates = col(Brief.occurred_on)
    query = (
        select(links.c[1], func.count(links.c[0].distinct()), func.min(dates), func.max(dates))
        .join(Brief, col(Brief.id) == links.c[0])
        .where(links.c[1].in_(ids))
        .group_by(links.c[1])
    )
    return {row[0]: (row[1], row[2], row[3]) for row in session.execute(query)}


def _data(session: Session, rows: Rows) -> list[Data]:
    ids = [row[0] for row in rows]
    seen = _seen(session, ids)
    statements = _count_by_actor(session, statement_pair_parts(), ids)
    claims = _count_by_actor(session, [claim_pairs()], ids)
    items = []
    for actor, slug, name, kind, title, country, _normalized in rows:
        briefs, first, last = seen.get(actor, (0, None, None))
        items.append(
            {
                "id": actor,
                "slug": slug,
                "name": name,
                "kind": kind,
                "title": title,
                "country": country,
                "counts": {
                    "briefs": briefs,
                    "statements": statements.get(actor, 0),
                    "claims": claims.get(actor, 0),
                },
                "first_seen_on": first,
                "last_seen_on": last,
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
