"""Resolve the actors of one parsed brief to actor rows shared by every brief."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from app.ingest.names import fold, slugify
from app.parsing.models import ActorKind, ParsedActor
from app.storage.tables import Actor, ActorAlias


def _is_full_name(folded: str) -> bool:
    # A bare surname (`kim`, `lee`) names many people; only multi-word forms identify one.
    return " " in folded


def _find_by_name(session: Session, kind: str, folded: str) -> int | None:
    query = select(Actor.id).where(Actor.kind == kind, Actor.normalized_name == folded)
    return session.execute(query.order_by(col(Actor.id)).limit(1)).scalar_one_or_none()


def _find_by_alias(session: Session, kind: str, folded_aliases: Iterable[str]) -> int | None:
    candidates = [alias for alias in folded_aliases if _is_full_name(alias)]
    if not candidates:
        return None
    query = (
        select(ActorAlias.actor_id)
        .join(Actor, col(Actor.id) == col(ActorAlias.actor_id))
        .where(Actor.kind == kind, col(ActorAlias.normalized).in_(candidates))
        .order_by(col(ActorAlias.actor_id))
        .limit(1)
    )
    return session.execute(query).scalar_one_or_none()


def _find_country(session: Session, code: str) -> int | None:
    query = select(Actor.id).where(Actor.kind == ActorKind.country, Actor.country == code)
    return session.execute(query.order_by(col(Actor.id)).limit(1)).scalar_one_or_none()


def find_actor(session: Session, actor: ParsedActor) -> int | None:
    """The id of the stored actor that `actor` names, if any."""
    if actor.kind == ActorKind.country and actor.country:
        return _find_country(session, actor.country.upper())
    folded = fold(actor.name)
    found = _find_by_name(session, actor.kind, folded)
    if found is None:
        aliases = {folded, *(fold(alias) for alias in actor.aliases)}
        found = _find_by_alias(session, actor.kind, sorted(aliases))
    return found


def _free_slug(session: Session, base: str) -> str:
    taken = set(
        session.execute(select(Actor.slug).where(col(Actor.slug).like(base + "%"))).scalars()
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_actor(session: Session, actor: ParsedActor) -> int:
    """Insert a new actor row for `actor` and return its id."""
    row = Actor(
        slug=_free_slug(session, slugify(actor.name)),
        name=actor.name,
        normalized_name=fold(actor.name),
        kind=actor.kind.value,
        title=actor.title,
        country=actor.country.upper() if actor.country else None,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def record_aliases(session: Session, actor_id: int, actor: ParsedActor) -> None:
    """Store every surface form of `actor` not yet known for `actor_id`."""
    wanted: dict[str, str] = {}
    for alias in (actor.name, *actor.aliases):
        wanted.setdefault(fold(alias), alias)
    known = set(
        session.execute(
            select(ActorAlias.normalized).where(ActorAlias.actor_id == actor_id)
        ).scalars()
    )
    session.add_all(
        ActorAlias(actor_id=actor_id, alias=alias, normalized=folded)
        for folded, alias in wanted.items()
        if folded not in known and folded
    )


def resolve_actors(session: Session, actors: Iterable[ParsedActor]) -> dict[str, int]:
    """Map each parsed actor's key to a stored actor id, creating actors as needed."""
    ids: dict[str, int] = {}
    for actor in actors:
        actor_id = find_actor(session, actor)
        if actor_id is None:
            actor_id = create_actor(session, actor)
        record_aliases(session, actor_id, actor)
        ids[actor.key] = actor_id
    return ids
