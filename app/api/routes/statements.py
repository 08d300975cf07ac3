"""`/v1/statements`."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.api.dependencies.filters import (
    BriefQuery,
    CommonQueryDep,
    LocationQuery,
    StatementKindQuery,
)
from app.api.dependencies.listing import FormatQuery, SearchedPageDep
from app.api.dependencies.paths import IdPath
from app.api.openapi.responses import list_responses, read_responses
from app.api.rendering.list_response import render_list
from app.api.repositories.conditions import places_named
from app.api.repositories.statements import (
    STATEMENTS,
    StatementFilters,
    conditions,
    kept_total,
)
from app.api.schemas.common import ListFormat
from app.api.schemas.statements import StatementItem, StatementPage
from app.db import SessionDep, in_session

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get(
    "",
    operation_id="listStatements",
    summary="List statements.",
    response_model=StatementPage,
    responses=list_responses(),
)
async def list_statements(
    request: Request,
    common: CommonQueryDep,
    page: SearchedPageDep,
    kind: StatementKindQuery,
    brief: BriefQuery = None,
    location: LocationQuery = None,
    fmt: FormatQuery = ListFormat.json,
) -> Response:
    """Statements matching every filter given; an actor filter also matches the speaker;
    `location` is the place of the statement's brief."""

    def answer(session: Session) -> Response:
        places = places_named(session, location)
        filters = StatementFilters(common.resolve(session), tuple(kind), brief, places)
        counted = partial(kept_total, filters=filters)
        where = conditions(filters)
        return render_list(request, session, fmt, page, STATEMENTS, where, StatementPage, counted)

    return await in_session(answer)


@router.get(
    "/{statement_id}",
    operation_id="getStatement",
    summary="Get one statement.",
    responses=read_responses(),
)
def get_statement(session: SessionDep, statement_id: IdPath) -> StatementItem:
    """One statement with its speaker, mentioned actors and brief."""
    return STATEMENTS.one(session, statement_id)
