"""`/v1/claims`."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.api.dependencies.filters import (
    AsOfQuery,
    BriefQuery,
    CommonQueryDep,
    LocationQuery,
    StatusQuery,
)
from app.api.dependencies.listing import FormatQuery, SearchedPageDep
from app.api.dependencies.paths import IdPath
from app.api.openapi.responses import list_responses, read_responses
from app.api.rendering.list_response import render_list
from app.api.repositories import history
from app.api.repositories.as_of import claims_at
from app.api.repositories.claims import (
    CLAIMS,
    ClaimFilters,
    by_links,
    conditions,
    kept_total,
    with_few_claims,
)
from app.api.repositories.conditions import places_named
from app.api.schemas.claims import ClaimItem, ClaimPage
from app.api.schemas.common import ListFormat
from app.api.schemas.history import ClaimHistory
from app.db import SessionDep, in_session

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get(
    "",
    operation_id="listClaims",
    summary="List claims.",
    response_model=ClaimPage,
    responses=list_responses(),
)
async def list_claims(
    request: Request,
    common: CommonQueryDep,
    page: SearchedPageDep,
    status: StatusQuery,
    brief: BriefQuery = None,
    location: LocationQuery = None,
    fmt: FormatQuery = ListFormat.json,
    as_of: AsOfQuery = None,
) -> Response:
    """Claims matching every filter given, newest brief first, one page at a time;
    `location` is the place of the claim's brief; with `as_of`, as they stood then (filters
    `status`, `brief`, `location` and dates only)."""

    def answer(session: Session) -> Response:
        places = places_named(session, location)
        asked = ClaimFilters(common.resolve(session), tuple(status), brief, places)
        if as_of is not None:
            listing, where = claims_at(as_of, asked)
            return render_list(request, session, fmt, page, listing, where, ClaimPage)
        counted = partial(kept_total, filters=asked)
        linked = by_links(session, asked, page.descending) if fmt is ListFormat.json else None
        if linked is not None:
            listing, where = linked
            return render_list(request, session, fmt, page, listing, where, ClaimPage, counted)
        where = conditions(with_few_claims(session, asked))
        return render_list(request, session, fmt, page, CLAIMS, where, ClaimPage, counted)

    return await in_session(answer)


@router.get(
    "/{claim_id}", operation_id="getClaim", summary="Get one claim.", responses=read_responses()
)
def get_claim(session: SessionDep, claim_id: IdPath) -> ClaimItem:
    """One claim with its actors and its brief."""
    return CLAIMS.one(session, claim_id)


@router.get(
    "/{claim_id}/history",
    operation_id="getClaimHistory",
    summary="Get the status history of one claim.",
    responses=read_responses(),
)
def get_claim_history(session: SessionDep, claim_id: IdPath) -> ClaimHistory:
    """Every status the claim has had, with the revision of its brief and the time; also
    for a claim since removed."""
    return history.claim_history(session, claim_id)
