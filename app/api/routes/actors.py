"""`/v1/actors`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from sqlmodel import Session

from app.api.dependencies.filters import (
    BriefQuery,
    DatesDep,
    StatusQuery,
    TextQuery,
    none_given,
    text_terms,
)
from app.api.dependencies.listing import FormatQuery, NamePageDep, TextOrderPageDep
from app.api.openapi.responses import list_responses, problems, read_responses
from app.api.rendering.list_response import render_list
from app.api.repositories import actor_mentions, related
from app.api.repositories.actors import ACTORS, ActorFilters, actor_id, conditions, get_actor
from app.api.schemas.actors import ActorDetail, ActorPage
from app.api.schemas.common import ListFormat
from app.api.schemas.mentions import MentionPage
from app.api.schemas.related import RelatedActors
from app.db import SessionDep, in_session
from app.vocabulary import ActorKind

router = APIRouter(prefix="/actors", tags=["actors"])

KindQuery = Annotated[
    list[ActorKind],
    Query(
        default_factory=none_given,
        description="`person`, `organization` or `country`; repeat for any of several.",
    ),
]
SectionQuery = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=200,
        description="Only mentions in this section, its name as written.",
        examples=["Context & Impact"],
    ),
]
ActorRefPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        description="Numeric id or slug of the actor.",
        examples=["emmanuel-macron"],
    ),
]


@router.get(
    "",
    operation_id="listActors",
    summary="List actors.",
    response_model=ActorPage,
    responses=list_responses(),
)
async def list_actors(
    request: Request,
    dates: DatesDep,
    page: NamePageDep,
    kind: KindQuery,
    q: TextQuery = None,
    fmt: FormatQuery = ListFormat.json,
) -> Response:
    """Actors by name; `q` searches names and aliases, dates keep actors seen in the range."""
    where = conditions(ActorFilters(tuple(kind), text_terms(q), dates))
    return await in_session(
        lambda session: render_list(request, session, fmt, page, ACTORS, where, ActorPage)
    )


@router.get(
    "/{id_or_slug}",
    operation_id="getActor",
    summary="Get one actor.",
    responses=read_responses(),
)
def get_actor_by_ref(session: SessionDep, id_or_slug: ActorRefPath) -> ActorDetail:
    """One actor with its aliases, counts, and first and last dates seen."""
    return get_actor(session, id_or_slug)


@router.get(
    "/{id_or_slug}/mentions",
    operation_id="listActorMentions",
    summary="List the places briefs name an actor.",
    response_model=MentionPage,
    responses={**list_responses(), **problems(404)},
)
async def list_actor_mentions(
    request: Request,
    id_or_slug: ActorRefPath,
    dates: DatesDep,
    page: TextOrderPageDep,
    brief: BriefQuery = None,
    section: SectionQuery = None,
    fmt: FormatQuery = ListFormat.json,
) -> Response:
    """Every place a brief names the actor, brief by brief in text order, with a snippet."""

    def answer(session: Session) -> Response:
        found = actor_mentions.MentionFilters(actor_id(session, id_or_slug), brief, section, dates)
        where = actor_mentions.conditions(found)
        return render_list(request, session, fmt, page, actor_mentions.MENTIONS, where, MentionPage)

    return await in_session(answer)


RelatedLimitQuery = Annotated[
    int, Query(ge=1, le=100, description="How many related actors to return, most shared first.")
]


@router.get(
    "/{id_or_slug}/related",
    operation_id="listRelatedActors",
    summary="List the actors co-mentioned with an actor.",
    responses=read_responses(),
)
def list_related_actors(
    session: SessionDep,
    id_or_slug: ActorRefPath,
    dates: DatesDep,
    status: StatusQuery,
    limit: RelatedLimitQuery = 25,
) -> RelatedActors:
    """Actors named in the same claims, statements (as speaker or mentioned) and events
    (as participants), with how many rows they share and the latest date of those rows.

    `date_from` and `date_to` apply to every row; `status` to claims only.
    """
    filters = related.RelatedFilters(actor_id(session, id_or_slug), dates, tuple(status), limit)
    return related.related_actors(session, filters)
