"""`/v1/stats`."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Query, Response
from sqlmodel import Session

from app.api.dependencies.filters import (
    CommonQueryDep,
    LocationQuery,
    StatementKindQuery,
    StatusQuery,
)
from app.api.openapi.responses import read_responses
from app.api.repositories.briefs import BriefFilters
from app.api.repositories.claims import ClaimFilters
from app.api.repositories.conditions import places_named
from app.api.repositories.events import EventFilters
from app.api.repositories.statements import StatementFilters
from app.api.repositories.stats import StatsFilters, get_stats
from app.api.schemas.stats import Stats
from app.db import in_session

router = APIRouter(tags=["stats"])

TopQuery = Annotated[
    int, Query(ge=1, le=100, description="How many of the most mentioned actors to return.")
]


@router.get(
    "/stats",
    operation_id="getStats",
    summary="Dashboard summary.",
    response_model=Stats,
    responses=read_responses(),
)
async def get_dashboard_stats(
    common: CommonQueryDep,
    status: StatusQuery,
    kind: StatementKindQuery,
    top: TopQuery = 10,
    location: LocationQuery = None,
) -> Response:
    """Claims per status and month, statements and briefs per month, the most mentioned
    actors, and events per place.

    Takes the list filters: `actor`, `date_from`, `date_to`, `q` and `location` (the place
    of the brief, or of the event) apply to claims, statements, briefs and events; `status`
    to claims only; `kind` to statements only.
    """

    def answer(session: Session) -> Response:
        resolved = common.resolve(session)
        places = places_named(session, location)
        filters = StatsFilters(
            ClaimFilters(resolved, tuple(status), places=places),
            StatementFilters(resolved, tuple(kind), places=places),
            BriefFilters(resolved, location),
            EventFilters(resolved, location=location),
        )
        stats = get_stats(session, filters, top)
        return Response(orjson.dumps(stats), media_type="application/json")

    # One hop to the thread pool, not four (the session, the filters, the route, the
    # session closed): under load each hop waits its turn behind the others' (`in_session`).
    return await in_session(answer)
