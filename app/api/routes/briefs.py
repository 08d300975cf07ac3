"""`/v1/briefs`: read, ingest and delete briefs."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlmodel import Session

from app.api import writes
from app.api.dependencies.auth import WriterDep
from app.api.dependencies.filters import AsOfQuery, CommonQueryDep, LocationQuery
from app.api.dependencies.listing import FormatQuery, SearchedPageDep
from app.api.dependencies.paths import IdPath, RevisionPath
from app.api.openapi.responses import Responses, list_responses, problems, read_responses
from app.api.rendering.list_response import render_list
from app.api.repositories import history
from app.api.repositories.as_of_briefs import brief_at
from app.api.repositories.briefs import (
    BRIEFS,
    BriefFilters,
    conditions,
    get_brief,
    get_source,
    kept_total,
)
from app.api.schemas.briefs import BriefDetail, BriefPage, IngestOutcome, IngestResult
from app.api.schemas.common import ListFormat
from app.api.schemas.history import RevisionDetail, RevisionList
from app.config import get_settings
from app.db import SessionDep, in_session
from app.ingest import service

router = APIRouter(prefix="/briefs", tags=["briefs"])

SourceNameQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=512,
        description="Name to store a text/plain brief under; default `api/<sha256[:16]>`.",
        examples=["2025-09-04-paris.txt"],
    ),
]
BRIEF_BODY = {
    "required": True,
    "description": "The brief as raw text, or as JSON `{text, source_name}`.",
    "content": {
        "text/plain": {"schema": {"type": "string"}, "example": "Lead: On Sept. 4, 2025, ..."},
        "application/json": {"schema": {"$ref": "#/components/schemas/BriefInput"}},
    },
}

SOURCE_RESPONSE: Responses = {200: {"content": {"text/plain": {"schema": {"type": "string"}}}}}
CREATE_RESPONSES: Responses = {
    200: {"model": IngestResult, "description": "Already stored: unchanged or updated."},
    201: {
        "description": "Stored as a new brief.",
        "headers": {
            "Location": {"description": "URL of the new brief.", "schema": {"type": "string"}}
        },
    },
}


@router.get(
    "",
    operation_id="listBriefs",
    summary="List briefs.",
    response_model=BriefPage,
    responses=list_responses(),
)
async def list_briefs(
    request: Request,
    common: CommonQueryDep,
    page: SearchedPageDep,
    location: LocationQuery = None,
    fmt: FormatQuery = ListFormat.json,
) -> Response:
    """Briefs matching every filter given; an actor filter keeps briefs in which all appear."""

    def answer(session: Session) -> Response:
        filters = BriefFilters(common.resolve(session), location)
        counted = partial(kept_total, filters=filters)
        where = conditions(session, filters)
        return render_list(request, session, fmt, page, BRIEFS, where, BriefPage, counted)

    return await in_session(answer)


@router.get(
    "/{brief_id}", operation_id="getBrief", summary="Get one brief.", responses=read_responses()
)
def get_brief_by_id(session: SessionDep, brief_id: IdPath, as_of: AsOfQuery = None) -> BriefDetail:
    """The full structured brief: actors, events, claims, statements, impacts, sections;
    with `as_of`, as it stood then (404 if it did not exist then)."""
    if as_of is not None:
        return brief_at(session, brief_id, as_of)
    return get_brief(session, brief_id)


@router.get(
    "/{brief_id}/source",
    operation_id="getBriefSource",
    summary="Get the source text of a brief.",
    response_class=PlainTextResponse,
    responses={**SOURCE_RESPONSE, **read_responses()},
)
def get_brief_source(session: SessionDep, brief_id: IdPath) -> PlainTextResponse:
    """The normalised text every `span` of the brief points into."""
    return PlainTextResponse(get_source(session, brief_id))


@router.get(
    "/{brief_id}/revisions",
    operation_id="listBriefRevisions",
    summary="List the revisions of a brief.",
    responses=read_responses(),
)
def list_brief_revisions(session: SessionDep, brief_id: IdPath) -> RevisionList:
    """Every revision of the brief, oldest first, each with a summary of what it changed;
    a deleted brief's end with its tombstone (`kind: deleted`)."""
    return history.revisions(session, brief_id)


@router.get(
    "/{brief_id}/revisions/{number}",
    operation_id="getBriefRevision",
    summary="Get one revision of a brief.",
    responses=read_responses(),
)
def get_brief_revision(
    session: SessionDep, brief_id: IdPath, number: RevisionPath
) -> RevisionDetail:
    """The revision's source text and its claims, statements and events as they were."""
    return history.revision(session, brief_id, number)


@router.post(
    "",
    operation_id="createBrief",
    summary="Ingest one brief.",
    status_code=status.HTTP_201_CREATED,
    response_model=IngestResult,
    openapi_extra={"requestBody": BRIEF_BODY},
    responses={**CREATE_RESPONSES, **problems(401, 403, 413, 415, 422, 429, 503)},
)
async def create_brief(
    request: Request, _: WriterDep, source_name: SourceNameQuery = None
) -> JSONResponse:
    """Parse and store a brief; 201 when new, 200 when it was already there or is updated."""
    max_bytes = get_settings().max_brief_bytes
    body = await writes.read_body(request, max_bytes)
    data, name = writes.brief_payload(request.headers.get("content-type", ""), body, source_name)
    result = await run_in_threadpool(writes.ingest, data, name, max_bytes)
    if result.outcome is not IngestOutcome.ingested:
        return JSONResponse(result.model_dump(mode="json"))
    location = str(request.url_for("get_brief_by_id", brief_id=result.id))
    return JSONResponse(result.model_dump(mode="json"), 201, {"Location": location})


@router.delete(
    "/{brief_id}",
    operation_id="deleteBrief",
    summary="Delete one brief.",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems(401, 403, 404, 422, 429, 503),
)
def delete_brief(_: WriterDep, brief_id: IdPath) -> Response:
    """Delete a brief and everything extracted from it; actors stay."""
    service.delete_brief(brief_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
