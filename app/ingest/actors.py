"""Resolve the actors of one parsed brief to actor rows shared by every brief.

An actor is the same across briefs when its kind and normalised full name match (a country:
its ISO code), or when one of its multi-word aliases names a stored actor of the same kind.
A bare surname (`Kim`, `Lee`) names many people, so it never merges two actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlmodel import Session, col, select

from app.ingest.names import fold, slugify
from app.parsing.models import ActorKind, ParsedActor
from app.storage.tables import Actor, ActorAlias, utcnow

# Lookup keys: ("country", code), (kind, folded name) and ("alias", kind, folded alias).
LookupKey = tuple[str, ...]


def _is_full_name(folded: str) -> bool:
    return " " in folded


def _lookup_keys(actor: ParsedActor) -> list[LookupKey]:
    if actor.kind == ActorKind.country and actor.country:
        return [("country", actor.country.upper())]
    folded = fold(actor.name)
    aliases = sorted({fold(alias) for alias in (actor.name, *actor.aliases)})
    return [(actor.kind.value, folded)] + [
        ("alias", actor.kind.value, alias) for alias in aliases if _is_full_name(alias)
    ]


def _query(session: Session, key: LookupKey) -> int | None:
    if key[0] == "country":
        where = [Actor.kind == ActorKind.country.value, Actor.country == key[1]]
        query = select(Actor.id).where(*where)
    elif key[0] == "alias":
        query = (
            select(Actor.id)
            .join(ActorAlias, col(ActorAlias.actor_id) == col(Actor.id))
            .where(Actor.kind == key[1], ActorAlias.normalized == key[2])
        )
    else:
        query = select(Actor.id).where(Actor.kind == key[0], Actor.normalized_name == key[1])
    result = session.connection().execute(query.order_by(col(Actor.id)).limit(1))
    return result.scalars().first()


def _free_slug(session: Session, base: str) -> str:
    query = select(Actor.slug).where(col(Actor.slug).like(base + "%"))
    taken = set(session.connection().execute(query).scalars())
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _create(session: Session, actor: ParsedActor) -> int:
    row = {
        "slug": _free_slug(session, slugify(actor.name)),
        "name": actor.name,
        "normalized_name": fold(actor.name),
        "kind": actor.kind.value,
        "title": actor.title,
        "country": actor.country.upper() if actor.country else None,
        "created_at": utcnow(),
    }
    actors = Actor.__table__  # type: ignore[attr-defined]
    statement = insert(actors).returning(actors.c.id)
    return int(session.connection().execute(statement, row).scalar_one())


def _known_aliases(session: Session, actor_id: int) -> set[str]:
    query = select(ActorAlias.normalized).where(ActorAlias.actor_id == actor_id)
    return set(session.connection().execute(query).scalars())


@dataclass
class ActorResolver:
    """Resolves actors, remembering what committed transactions stored.

    One resolver serves one ingestion job; what a transaction learns is kept only once
    `commit()` says that transaction committed, so a rollback leaves no stale ids behind.
    """

    ids: dict[LookupKey, int] = field(default_factory=dict)
    aliases: dict[int, set[str]] = field(default_factory=dict)
    _pending_ids: dict[LookupKey, int] = field(default_factory=dict)
    _pending_aliases: dict[int, set[str]] = field(default_factory=dict)

    def commit(self) -> None:
        self.ids.update(self._pending_ids)
        for actor_id, known in self._pending_aliases.items():
            self.aliases.setdefault(actor_id, set()).update(known)
        self.discard()

    def discard(self) -> None:
        self._pending_ids.clear()
        self._pending_aliases.clear()

    def forget(self) -> None:
        """Drop everything remembered, e.g. after a failed transaction."""
        self.discard()
        self.ids.clear()
        self.aliases.clear()

    def _find(self, session: Session, keys: list[LookupKey]) -> int | None:
        for key in keys:
            found = self.ids.get(key) or self._pending_ids.get(key) or _query(session, key)
            if found is not None:
                return found
        return None

    def _aliases_of(self, session: Session, actor_id: int) -> set[str]:
        known = self._pending_aliases.get(actor_id)
        if known is None:
            cached = self.aliases.get(actor_id)
            known = set(cached) if cached is not None else _known_aliases(session, actor_id)
            self._pending_aliases[actor_id] = known
        return known

    def _record_aliases(self, session: Session, actor_id: int, actor: ParsedActor) -> None:
        known = self._aliases_of(session, actor_id)
        new: dict[str, str] = {}
        for alias in (actor.name, *actor.aliases):
            folded = fold(alias)
            if folded and folded not in known:
                new.setdefault(folded, alias)
        if new:
            rows = [{"actor_id": actor_id, "alias": a, "normalized": f} for f, a in new.items()]
            session.connection().execute(insert(ActorAlias.__table__), rows)  # type: ignore[attr-defined]
            known.update(new)

    def resolve(self, session: Session, actors: Iterable[ParsedActor]) -> dict[str, int]:
        """Map each parsed actor's key to a stored actor id, creating actors as needed."""
        resolved: dict[str, int] = {}
        for actor in actors:
            keys = _lookup_keys(actor)
            actor_id = self._find(session, keys)
            if actor_id is None:
                actor_id = _create(session, actor)
            for key in keys:
                self._pending_ids.setdefault(key, actor_id)
            self._record_aliases(session, actor_id, actor)
            resolved[actor.key] = actor_id
        return resolved
