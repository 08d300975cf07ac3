"""Resolve the actors of one parsed brief to actor rows shared by every brief.

An actor is the same across briefs when its kind and normalised full name match (a country:
its ISO code), or when one of its multi-word aliases names a stored actor of the same kind,
or, for a person, when the name is another spelling of one stored person's name
(`Sergey`/`Sergei Lavrov`: `app.parsing.names.variants`). A bare surname (`Kim`, `Lee`)
names many people, so it never merges two actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.ingest import sql
from app.ingest.driver import DriverCursor
from app.ingest.row_types import ActorAliasRow
from app.ingest.rows import LookupKey, PreparedActor
from app.parsing.names.variants import PersonName, same_person
from app.storage.tables import utcnow


def _query(db: DriverCursor, key: LookupKey) -> int | None:
    if key[0] == "country":
        found = db.rows(sql.ACTOR_BY_COUNTRY, ("country", key[1]))
    elif key[0] == "alias":
        found = db.rows(sql.ACTOR_BY_ALIAS, key[1:])
    else:
        found = db.rows(sql.ACTOR_BY_NAME, key)
    return int(found[0][0]) if found else None


def _variant_of(db: DriverCursor, actor: PreparedActor) -> int | None:
    """The one stored person whose name this person's is another spelling of, if the
    evidence (`variants.same_person`: name, title, country) says so; None when none or
    several are (`George Bush` beside `George W.` and `George H. W. Bush`)."""
    row = actor.row
    if row.variant_key is None:
        return None
    spelling = PersonName(row.name, row.title, row.country)
    found = [
        int(actor_id)
        for actor_id, name, title, country in db.rows(
            sql.ACTOR_BY_VARIANT, (row.kind, row.variant_key)
        )
        if same_person(PersonName(name, title, country), spelling)
    ]
    return found[0] if len(found) == 1 else None


def _free_slug(db: DriverCursor, base: str) -> str:
    taken = {row[0] for row in db.rows(sql.SLUGS_LIKE, (base + "%",))}
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _create(db: DriverCursor, actor: PreparedActor) -> int:
    row = actor.row._replace(slug=_free_slug(db, actor.row.slug), created_at=utcnow())
    return db.insert_one(db.statements.actor, row)


def _known_aliases(db: DriverCursor, actor_id: int) -> set[str]:
    return {row[0] for row in db.rows(sql.ALIASES_OF, (actor_id,))}


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

    def _find(self, db: DriverCursor, keys: Iterable[LookupKey]) -> int | None:
        for key in keys:
            found = self.ids.get(key) or self._pending_ids.get(key) or _query(db, key)
            if found is not None:
                return found
        return None

    def _aliases_of(self, db: DriverCursor, actor_id: int) -> set[str]:
        known = self._pending_aliases.get(actor_id)
        if known is None:
            cached = self.aliases.get(actor_id)
            known = set(cached) if cached is not None else _known_aliases(db, actor_id)
            self._pending_aliases[actor_id] = known
        return known

    def _record_aliases(self, db: DriverCursor, actor_id: int, actor: PreparedActor) -> None:
        known = self._aliases_of(db, actor_id)
        new = [
            ActorAliasRow(actor_id=actor_id, alias=alias, normalized=folded)
            for folded, alias in actor.aliases
            if folded not in known
        ]
        if new:
            db.insert(db.statements.alias, new)
            known.update(row.normalized for row in new)

    def resolve(self, db: DriverCursor, actors: Iterable[PreparedActor]) -> dict[str, int]:
        """Map each actor's key to a stored actor id, creating actors as needed."""
        resolved: dict[str, int] = {}
        for actor in actors:
            actor_id = self._find(db, actor.lookup_keys)
            if actor_id is None:
                actor_id = _variant_of(db, actor)
            if actor_id is None:
                actor_id = _create(db, actor)
            for key in actor.lookup_keys:
                self._pending_ids.setdefault(key, actor_id)
            self._record_aliases(db, actor_id, actor)
            resolved[actor.key] = actor_id
        return resolved
