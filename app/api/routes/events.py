"""`/v1/events`."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from sqlmodel import Session

from app.api.dependencies.filters import BriefQuery, CommonQueryDep, LocationQuery
from app.api.dependencies.listing import FormatQuery, SearchedPageDep
from app.api.dependencies.paths import IdPath
from app.api.openapi.responses import list_responses, read_responses
from app.api.rendering.list_response import render_list
from app.api.repositories.events import EVENTS, EventFilters, conditions
from app.api.schemas.common import ListFormat
from app.api.schemas.events import EventItem, EventPage
from app.db import SessionDep, in_session

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    operation_id="listEvents",
    summary="List events.",
    response_model=EventPage,
    responses=list_responses(),
)
async def list_events(
    request: Request,
    common: CommonQueryDep,
    page: SearchedPageDep,
    brief: BriefQuery = None,
    location: LocationQuery = None,
    fmt: FormatQuery = ListFormat.json,
) -> Response:
    """Events matching every filter given; dates are the event's own."""

    def answer(session: Session) -> Response:
        where = conditions(session, EventFilters(common.resolve(session), brief, location))
        return render_list(request, session, fmt, page, EVENTS, where, EventPage)

    return await in_session(answer)


@router.get(
    "/{event_id}", operation_id="getEvent", summary="Get one event.", responses=read_responses()
)
def get_event(session: SessionDep, event_id: IdPath) -> EventItem:
    """One event with its participants and brief."""
    return EVENTS.one(session, event_id)
