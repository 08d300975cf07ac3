"""The lists `chancery export` writes, and its filters made into the same conditions as the
API's query parameters (one repository function each, as the routes call)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine
from sqlmodel import Session

from app.api.dependencies.filters import actor_match, text_terms
from app.api.export.reader import BatchReader
from app.api.repositories import actors, briefs, claims, events, statements
from app.api.repositories.base import Listing
from app.api.repositories.conditions import CommonFilters, Conditions, DateRange
from app.api.repositories.keyset import PageRequest
from app.api.repositories.text_search import query_words
from app.api.schemas.actors import ActorItem
from app.api.schemas.briefs import BriefItem
from app.api.schemas.claims import ClaimItem
from app.api.schemas.events import EventItem
from app.api.schemas.statements import StatementItem
from app.db import session_scope
from app.errors import InvalidParameterError
from app.vocabulary import ActorKind, ClaimStatus, StatementKind


class Resource(StrEnum):
    """A list that can be exported."""

    claims = "claims"
    statements = "statements"
    events = "events"
    briefs = "briefs"
    actors = "actors"


@dataclass(frozen=True)
class ExportFilters:
    """The API's list filters, as plain values; each applies where the API takes it."""

    actors: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    q: str | None = None
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    brief: int | None = None
    location: str | None = None
    sort: str | None = None


def _enums(kind: type[StrEnum], values: tuple[str, ...], option: str) -> tuple[Any, ...]:
    try:
        return tuple(kind(value) for value in values)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise InvalidParameterError.for_param(option, f"must be one of {choices}") from None


def _refuse(filters: ExportFilters, resource: Resource, *allowed: str) -> None:
    given = {
        "status": bool(filters.statuses), "kind": bool(filters.kinds),
        "brief": filters.brief is not None, "location": filters.location is not None,
        "actor": bool(filters.actors) and resource is not Resource.actors,
    }  # fmt: skip
    for option, present in given.items():
        if present and option not in allowed:
            raise InvalidParameterError.for_param(option, f"{resource} take no {option} filter")


def _conditions(session: Session, resource: Resource, filters: ExportFilters) -> Conditions:
    dates = DateRange(filters.date_from, filters.date_to)
    common = CommonFilters(
        actor_match(session, list(filters.actors)), dates, query_words(filters.q)
    )
    if resource is Resource.claims:
        _refuse(filters, resource, "status", "brief", "actor")
        found = _enums(ClaimStatus, filters.statuses, "status")
        asked = claims.ClaimFilters(common, found, filters.brief)
        return claims.conditions(claims.with_few_claims(session, asked))
    if resource is Resource.statements:
        _refuse(filters, resource, "kind", "brief", "actor")
        kinds = _enums(StatementKind, filters.kinds, "kind")
        return statements.conditions(statements.StatementFilters(common, kinds, filters.brief))
    if resource is Resource.events:
        _refuse(filters, resource, "brief", "location", "actor")
        found_events = events.EventFilters(common, filters.brief, filters.location)
        return events.conditions(session, found_events)
    if resource is Resource.briefs:
        _refuse(filters, resource, "location", "actor")
        return briefs.conditions(session, briefs.BriefFilters(common, filters.location))
    _refuse(filters, resource, "kind")
    kinds = _enums(ActorKind, filters.kinds, "kind")
    return actors.conditions(actors.ActorFilters(kinds, text_terms(filters.q), dates))


LISTS: dict[Resource, tuple[Listing[Any], type[BaseModel]]] = {
    Resource.claims: (claims.CLAIMS, ClaimItem),
    Resource.statements: (statements.STATEMENTS, StatementItem),
    Resource.events: (events.EVENTS, EventItem),
    Resource.briefs: (briefs.BRIEFS, BriefItem),
    Resource.actors: (actors.ACTORS, ActorItem),
}


def _descending(resource: Resource, sort: str | None) -> bool:
    orders = {"name": False, "-name": True} if resource is Resource.actors else {
        "-occurred_on": True, "occurred_on": False
    }  # fmt: skip
    if sort is None:
        return next(iter(orders.values()))
    if sort not in orders:
        raise InvalidParameterError.for_param("sort", f"must be {' or '.join(orders)}")
    return orders[sort]


def export_reader(
    engine: Engine, resource: Resource, filters: ExportFilters
) -> tuple[BatchReader, type[BaseModel]]:
    """A reader of every row of `resource` meeting `filters`, in the API's order (`sort`
    as the API takes it), and the model its items follow."""
    if filters.date_from and filters.date_to and filters.date_to < filters.date_from:
        raise InvalidParameterError.for_param("date_to", "must not be before date_from")
    listing, model = LISTS[resource]
    descending = _descending(resource, filters.sort)
    with session_scope(engine) as session:
        where = _conditions(session, resource, filters)
    return BatchReader(engine, listing, where, PageRequest(0, descending)), model
