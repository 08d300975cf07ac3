"""`/v1/stats`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.dependencies.filters import CommonFiltersDep, StatementKindQuery, StatusQuery
from app.api.openapi.responses import read_responses
from app.api.repositories.briefs import BriefFilters
from app.api.repositories.claims import ClaimFilters
from app.api.repositories.statements import StatementFilters
from app.api.repositories.stats import StatsFilters, get_stats
from app.api.schemas.stats import Stats
from app.db import SessionDep

router = APIRouter(tags=["stats"])

TopQuery = Annotated[
    int, Query(ge=1, le=100, description="How many of the most mentioned actors to return.")
]


@router.get(
    "/stats",
    operation_id="getStats",
    summary="Dashboard summary.",
    responses=read_responses(),
)
def get_dashboard_stats(
    session: SessionDep,
    common: CommonFiltersDep,
    status: StatusQuery,
    kind: StatementKindQuery,
    top: TopQuery = 10,
) -> Stats:
    """Claims per status, statements and briefs per month, and the most mentioned actors.

    Takes the list filters: `actor`, `date_from`, `date_to` and `q` apply to claims,
    statements and briefs; `status` to claims only; `kind` to statements only.
    """
    claim_filters = ClaimFilters(common, tuple(status))
    statement_filters = StatementFilters(common, tuple(kind))
    filters = StatsFilters(claim_filters, statement_filters, BriefFilters(common))
    return get_stats(session, filters, top)
