"""Queries for claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories.base import (
    Listing,
    Rows,
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
from app.api.repositories.mentions import claim_pairs
from app.api.schemas.claims import ClaimItem
from app.storage.tables import Brief, Claim
from app.vocabulary import ClaimStatus


@dataclass(frozen=True)
class ClaimFilters:
    common: CommonFilters = field(default_factory=CommonFilters)
    statuses: tuple[ClaimStatus, ...] = ()
    brief_id: int | None = None
    places: tuple[str, ...] | None = None


def conditions(filters: ClaimFilters) -> Conditions:
    """WHERE conditions on `claims` for `filters`."""
    return [
        *common_conditions(
            filters.common,
            row_id=col(Claim.id),
            pairs=[claim_pairs()],
            occurred_on=col(Claim.occurred_on),
            search_text=col(Claim.search_text),
        ),
        *one_of_if_given(col(Claim.status), filters.statuses),
        *equal_if_given(col(Claim.brief_id), filters.brief_id),
        *in_briefs_at(col(Claim.brief_id), filters.places),
    ]


def _query() -> AnySelect:
    return select(
        col(Claim.id),
        col(Claim.text),
        col(Claim.status),
        col(Claim.section),
        col(Claim.occurred_on),
        col(Claim.span_start),
        col(Claim.span_end),
        col(Claim.brief_id),
        *brief_ref_columns(),
    ).join(Brief, col(Brief.id) == col(Claim.brief_id))


ITEMS = TypeAdapter(list[ClaimItem])


def _items(session: Session, rows: Rows) -> list[ClaimItem]:
    actors = load_actor_refs(session, claim_pairs, [row.id for row in rows])
    items = [
        {
            "id": row.id,
            "text": row.text,
            "status": row.status,
            "section": row.section,
            "occurred_on": row.occurred_on,
            "span": span_of(row),
            "brief": brief_ref_of(row),
            "actors": actors.get(row.id, []),
        }
        for row in rows
    ]
    return validate_items(ITEMS, items)


CLAIMS = Listing(
    noun="claim",
    keyset=Keyset("claims", col(Claim.occurred_on), col(Claim.id)),
    query=_query,
    to_items=_items,
    position=col(Claim.position),
    brief_id=col(Claim.brief_id),
)
