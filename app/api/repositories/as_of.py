"""As-of reads: claims and briefs as the data stood at a past time.

A brief's revision holds from its `recorded_at` until its `superseded_at`. At a time T, a
brief's rows are its own when its current revision began by T, else those its revision of
T kept aside (`revision_items`); a brief created after T, or deleted by then, is absent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Subquery, and_, literal, null, or_, select, union_all
from sqlmodel import Session, col

from app.api.repositories.base import (
    Data,
    Listing,
    Rows,
    actor_ref,
    actor_ref_columns,
    brief_ref_columns,
    load_actor_refs,
)
from app.api.repositories.claims import CLAIMS, ClaimFilters, claim_columns, claim_item
from app.api.repositories.conditions import (
    Conditions,
    equal_if_given,
    in_briefs_at,
    in_range,
    one_of_if_given,
)
from app.api.repositories.keyset import Keyset, read
from app.api.repositories.mentions import claim_pairs
from app.api.schemas.claims import ClaimItem
from app.errors import InvalidParameterError
from app.storage.tables import Actor, Brief, BriefRevision, Claim
from app.storage.tables import RevisionItem as Kept


def utc(at: datetime) -> datetime:
    """`at` in UTC, as every `*_at` is stored (a time without a zone is read as UTC)."""
    try:
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    except OverflowError:  # a zone that moves the first or last day out of range
        raise InvalidParameterError.for_param("query.as_of", "out of range in UTC") from None


def current_at(at: datetime) -> Any:
    """Revisions that are current now and began by `at`: their briefs' own rows held then."""
    return and_(col(BriefRevision.superseded_at).is_(None), col(BriefRevision.recorded_at) <= at)


def kept_at(at: datetime) -> Any:
    """Superseded revisions that held at `at`."""
    return and_(col(BriefRevision.recorded_at) <= at, col(BriefRevision.superseded_at) > at)


def _claims_at(at: datetime) -> Subquery:
    """Every claim as it stood at `at`: id, columns, and the kept row's id (NULL: its own)."""
    own: Any = (
        select(*claim_columns(), null().label("kept_id"))
        .join(BriefRevision, col(BriefRevision.brief_id) == col(Claim.brief_id))
        .where(current_at(at))
    )
    kept: Any = (
        select(
            col(Kept.item_id).label("id"),
            col(Kept.text),
            col(Kept.status),
            col(Kept.section),
            col(Kept.occurred_on),
            col(Kept.span_start),
            col(Kept.span_end),
            col(Kept.brief_id),
            col(Kept.id).label("kept_id"),
        )
        .join(BriefRevision, col(BriefRevision.id) == col(Kept.revision_id))
        .where(col(Kept.kind) == literal("claim"), kept_at(at))
    )
    return union_all(own, kept).subquery("claims_as_of")


def kept_actor_refs(session: Session, actor_ids: Iterable[int]) -> dict[int, Data]:
    """ActorRefs, as data, for `actor_ids` (an actor kept by id may since be gone)."""
    wanted = set(actor_ids)
    if not wanted:
        return {}
    query = select(*actor_ref_columns()).where(col(Actor.id).in_(wanted))
    return {row.id: actor_ref(row.id, row.slug, row.name, row.kind) for row in read(session, query)}


def refs_of(refs: dict[int, Data], actor_ids: Sequence[int] | None) -> list[Data]:
    """The refs of `actor_ids` still known, by name as every list orders actors."""
    found = [refs[i] for i in actor_ids or () if i in refs]
    return sorted(found, key=lambda ref: (ref["name"], ref["id"]))


def _kept_actor_ids(session: Session, kept_ids: Sequence[int]) -> dict[int, list[int]]:
    if not kept_ids:
        return {}
    query = select(col(Kept.id), col(Kept.actor_ids)).where(col(Kept.id).in_(kept_ids))
    return {row.id: list(row.actor_ids or ()) for row in read(session, query)}


class _ClaimAsOf(NamedTuple):
    """A row of `claims_at`'s query, by name (exports read plain driver tuples)."""

    id: int
    text: str
    status: str
    section: str
    occurred_on: Any
    span_start: int
    span_end: int
    brief_id: int
    kept_id: int | None
    brief_title: str | None
    brief_label: str | None
    brief_occurred_on: Any


def _claim_data(session: Session, rows: Rows) -> list[Data]:
    claims = [_ClaimAsOf(*row) for row in rows]
    own = load_actor_refs(session, claim_pairs, [r.id for r in claims if r.kept_id is None])
    kept = _kept_actor_ids(session, [r.kept_id for r in claims if r.kept_id is not None])
    refs = kept_actor_refs(session, (i for ids in kept.values() for i in ids))
    return [
        claim_item(
            (*row[:8], *row[9:]),
            own.get(row.id, []) if row.kept_id is None else refs_of(refs, kept[row.kept_id]),
        )
        for row in claims
    ]


def claims_at(at: datetime, filters: ClaimFilters) -> tuple[Listing[ClaimItem], Conditions]:
    """The claims list as it stood at `at`, and the conditions of `filters` on it.

    Filters by status, brief and date; an actor or text filter is refused, as the links
    and folded text of claims since removed are not kept.
    """
    if filters.common.actors.ids or filters.common.actors.unknown or filters.common.terms:
        raise InvalidParameterError.for_param(
            "query.as_of", "cannot be combined with `actor` or `q`"
        )
    claims = _claims_at(utc(at))
    query = select(
        *claims.c,
        *brief_ref_columns(),
    ).outerjoin(Brief, col(Brief.id) == claims.c.brief_id)
    listing = Listing(
        noun="claim",
        keyset=Keyset("claims", claims.c.occurred_on, claims.c.id),
        query=lambda: query,
        to_data=_claim_data,
        items=CLAIMS.items,
    )
    conditions = [
        *in_range(claims.c.occurred_on, filters.common.dates),
        *one_of_if_given(claims.c.status, filters.statuses),
        *equal_if_given(claims.c.brief_id, filters.brief_id),
        *in_briefs_at(claims.c.brief_id, filters.places),
    ]
    return listing, conditions


def revision_at(session: Session, brief_id: int, at: datetime) -> Any:
    """The brief's revision that held at `at`, or None."""
    at = utc(at)
    query = (
        select(BriefRevision)
        .where(col(BriefRevision.brief_id) == brief_id)
        .where(or_(current_at(at), kept_at(at)))
    )
    return session.scalars(query.order_by(col(BriefRevision.number).desc()).limit(1)).first()
