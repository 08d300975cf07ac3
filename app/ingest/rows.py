"""A parsed brief turned into the plain rows the writer stores.

This runs in the parser processes, ahead of the single writer: everything that needs no
database (folding text for search, actor lookup keys, slugs, column values) is done there,
and plain tuples cross the process boundary far more cheaply than pydantic models.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from app.parsing.models import ParsedActor, ParsedBrief, ParsedStatement
from app.vocabulary import ActorKind, fold, slugify

# Lookup keys: ("country", code), (kind, folded name) and ("alias", kind, folded alias).
LookupKey = tuple[str, ...]
# One row's values, in the column order of its table's insert (see `app.ingest.sql`).
Row = tuple[Any, ...]
# The actor keys one row mentions (claim actors, event participants, ...).
Mentions = tuple[str, ...]


class PreparedActor(NamedTuple):
    key: str
    lookup_keys: tuple[LookupKey, ...]
    slug: str
    # name, normalized_name, kind, title, country: the `actors` row but slug and created_at.
    row: Row
    # (folded, as written) for the name and every alias, first spelling of each folded form.
    aliases: tuple[tuple[str, str], ...]


class PreparedBrief(NamedTuple):
    """One brief's rows; ids, `brief_id` and actor ids are the writer's to fill in."""

    source: str
    sha256: str
    # title, lead, bottom_line, context, occurred_on, location, search_text
    fields: Row
    actors: tuple[PreparedActor, ...]
    events: tuple[Row, ...]
    participants: tuple[Mentions, ...]
    claims: tuple[Row, ...]
    claim_actors: tuple[Mentions, ...]
    # Without speaker_id, which is resolved from `speakers` (actor keys) by the writer.
    statements: tuple[Row, ...]
    speakers: tuple[str | None, ...]
    statement_actors: tuple[Mentions, ...]
    impacts: tuple[Row, ...]
    sections: tuple[Row, ...]


def _is_full_name(folded: str) -> bool:
    return " " in folded


def _lookup_keys(actor: ParsedActor) -> tuple[LookupKey, ...]:
    if actor.kind == ActorKind.country and actor.country:
        return (("country", actor.country.upper()),)
    aliases = sorted({fold(alias) for alias in (actor.name, *actor.aliases)})
    full_names = [("alias", actor.kind.value, alias) for alias in aliases if _is_full_name(alias)]
    return ((actor.kind.value, fold(actor.name)), *full_names)


def _spellings(actor: ParsedActor) -> tuple[tuple[str, str], ...]:
    first: dict[str, str] = {}
    for alias in (actor.name, *actor.aliases):
        if folded := fold(alias):
            first.setdefault(folded, alias)
    return tuple(first.items())


def prepare_actor(actor: ParsedActor) -> PreparedActor:
    country = actor.country.upper() if actor.country else None
    row = (actor.name, fold(actor.name), actor.kind.value, actor.title, country)
    return PreparedActor(
        actor.key, _lookup_keys(actor), slugify(actor.name), row, _spellings(actor)
    )


def _statement_row(statement: ParsedStatement, position: int, occurred_on: date | None) -> Row:
    return (position, statement.kind.value, statement.text, statement.speaker_role,
            occurred_on, fold(statement.text), *statement.span)  # fmt: skip


def prepare_brief(parsed: ParsedBrief, sha256: str) -> PreparedBrief:
    """The rows of `parsed`, whose normalised source hashes to `sha256`."""
    on = parsed.occurred_on
    fields = (parsed.title, parsed.lead, parsed.bottom_line, list(parsed.context), on,
              parsed.location, fold(parsed.source))  # fmt: skip
    events = tuple(
        (i, e.title, e.occurred_on, e.location, fold(f"{e.title} {e.location or ''}"), *e.span)
        for i, e in enumerate(parsed.events)
    )
    claims = tuple(
        (i, c.status.value, c.section, c.text, on, fold(c.text), *c.span)
        for i, c in enumerate(parsed.claims)
    )
    return PreparedBrief(
        source=parsed.source,
        sha256=sha256,
        fields=fields,
        actors=tuple(prepare_actor(actor) for actor in parsed.actors),
        events=events,
        participants=tuple(tuple(e.participants) for e in parsed.events),
        claims=claims,
        claim_actors=tuple(tuple(c.actors) for c in parsed.claims),
        statements=tuple(_statement_row(s, i, on) for i, s in enumerate(parsed.statements)),
        speakers=tuple(s.speaker for s in parsed.statements),
        statement_actors=tuple(tuple(s.actors) for s in parsed.statements),
        impacts=tuple((i, m.label, m.text, *m.span) for i, m in enumerate(parsed.impacts)),
        sections=tuple((i, s.name, s.kind.value, *s.span) for i, s in enumerate(parsed.sections)),
    )
