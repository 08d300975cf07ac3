"""Queries for statements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories import counts
from app.api.repositories.base import (
    Data,
    Listing,
    Rows,
    actor_ref,
    brief_ref,
    brief_ref_columns,
    item_text,
    load_actor_refs,
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


def kept_total(session: Session, filters: StatementFilters) -> int | None:
    """How many statements match `filters`, from the kept counts (None: they cannot say)."""
    narrowed = filters.brief_id is not None or filters.places is not None
    columns = counts.Measures(kinds=filters.kinds).statement_columns()
    return counts.list_total(session, filters.common, columns, narrowed=narrowed)


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


def _one(row: Sequence[Any], actors: dict[int, list[Data]]) -> Data:
    (statement_id, kind, text, speaker_role, occurred_on, start, end) = row[:7]
    brief_id, brief_title, brief_label, brief_occurred_on = row[7:11]
    speaker_id, slug, name, speaker_kind = row[11:]
    return {
        "id": statement_id,
        "kind": kind,
        "text": text,
        "speaker": None if speaker_id is None else actor_ref(speaker_id, slug, name, speaker_kind),
        "speaker_role": speaker_role,
        "occurred_on": occurred_on,
        "span": {"start": start, "end": end},
        "brief": brief_ref(brief_id, brief_title, brief_label, brief_occurred_on),
        "actors": actors.get(statement_id, []),
    }


def _data(session: Session, rows: Rows) -> list[Data]:
    actors = load_actor_refs(session, statement_mention_pairs, [row[0] for row in rows])
    return [_one(row, actors) for row in rows]


STATEMENTS = Listing(
    noun="statement",
    keyset=Keyset("statements", col(Statement.occurred_on), col(Statement.id)),
    query=_query,
    to_data=_data,
    items=TypeAdapter(list[StatementItem]),
    position=col(Statement.position),
    brief_id=col(Statement.brief_id),
    search_text=col(Statement.search_text),
    shown_text=item_text,
)
