"""Queries for statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories.base import (
    Data,
    Listing,
    Rows,
    actor_ref,
    brief_ref_columns,
    brief_ref_of,
    load_actor_refs,
    span_of,
    validate_items,
)
from app.api.repositories.conditions import (
    CommonFilters,
    Conditions,
    common_conditions,
    equal_if_given,
    in_briefs_at,
    one_of_if_given,
)
from app.api.repositories.keyset import AnySelect, Keyset
from app.api.repositories.mentions import statement_mention_pairs, statement_pair_parts
from app.api.schemas.statements import StatementItem
from app.storage.tables import Actor, Brief, Statement
from app.vocabulary import StatementKind


@dataclass(frozen=True)
class StatementFilters:
    common: CommonFilters = field(default_factory=CommonFilters)
    kinds: tuple[StatementKind, ...] = ()
    brief_id: int | None = None
    places: tuple[str, ...] | None = None


def conditions(filters: StatementFilters) -> Conditions:
    """WHERE conditions on `statements` for `filters`; the speaker counts as mentioned."""
    return [
        *common_conditions(
            filters.common,
            row_id=col(Statement.id),
            pairs=statement_pair_parts(),
            occurred_on=col(Statement.occurred_on),
            search_text=col(Statement.search_text),
        ),
        *one_of_if_given(col(Statement.kind), filters.kinds),
        *equal_if_given(col(Statement.brief_id), filters.brief_id),
        *in_briefs_at(col(Statement.brief_id), filters.places),
    ]


def _query() -> AnySelect:
    return (
        select(
            col(Statement.id),
            col(Statement.kind),
            col(Statement.text),
            col(Statement.speaker_role),
            col(Statement.occurred_on),
            col(Statement.span_start),
            col(Statement.span_end),
            col(Statement.brief_id),
            *brief_ref_columns(),
            col(Actor.id).label("speaker_id"),
            col(Actor.slug).label("speaker_slug"),
            col(Actor.name).label("speaker_name"),
            col(Actor.kind).label("speaker_kind"),
        )
        .join(Brief, col(Brief.id) == col(Statement.brief_id))
        .outerjoin(Actor, col(Actor.id) == col(Statement.speaker_id))
    )


def _speaker(row: Any) -> Data | None:
    if row.speaker_id is None:
        return None
    return actor_ref(row.speaker_id, row.speaker_slug, row.speaker_name, row.speaker_kind)


ITEMS = TypeAdapter(list[StatementItem])


def _items(session: Session, rows: Rows) -> list[StatementItem]:
    actors = load_actor_refs(session, statement_mention_pairs, [row.id for row in rows])
    items = [
        {
            "id": row.id,
            "kind": row.kind,
            "text": row.text,
            "speaker": _speaker(row),
            "speaker_role": row.speaker_role,
            "occurred_on": row.occurred_on,
            "span": span_of(row),
            "brief": brief_ref_of(row),
            "actors": actors.get(row.id, []),
        }
        for row in rows
    ]
    return validate_items(ITEMS, items)


STATEMENTS = Listing(
    noun="statement",
    keyset=Keyset("statements", col(Statement.occurred_on), col(Statement.id)),
    query=_query,
    to_items=_items,
    position=col(Statement.position),
    brief_id=col(Statement.brief_id),
)
