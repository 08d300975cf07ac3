"""Filters shared by the lists: which rows a list returns, as query parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import Depends, Query
from pydantic import BeforeValidator
from sqlmodel import Session

from app.api.repositories.actors import resolve_refs
from app.api.repositories.conditions import MAX_ID, ActorMatch, CommonFilters, DateRange
from app.api.repositories.text_search import query_words
from app.errors import InvalidParameterError
from app.vocabulary import ClaimStatus, StatementKind, fold

BriefQuery = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Only rows extracted from this brief (id).", examples=[1]),
]
LocationQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "Place, matched ignoring case and accents against the whole location or the "
            "part before its first comma (`Paris` matches `Paris, France`)."
        ),
        examples=["Paris"],
    ),
]


def none_given() -> list[Any]:
    """The value of a repeatable query parameter not given: no values.

    A default factory, not `default=[]` (which would put a default in the OpenAPI
    document); a Python function, not `list`: pydantic reads the factory's signature each
    time it is called, and a builtin's is parsed from text (0.12 ms, against 5 us here, for
    each repeatable parameter of every request, 6% of the dashboard mix's CPU).
    """
    return []


StatusQuery = Annotated[
    list[ClaimStatus],
    Query(
        default_factory=none_given,
        description="Verification status; repeat it to accept any of several.",
    ),
]
StatementKindQuery = Annotated[
    list[StatementKind],
    Query(
        default_factory=none_given,
        description="`quote` (verbatim) or `reported` speech; repeat for either.",
    ),
]
ActorQuery = Annotated[
    list[str],
    Query(
        default_factory=none_given,
        description="Actor id or slug; repeat it to require every one of them.",
        examples=[["emmanuel-macron"]],
    ),
]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: object) -> object:
    # Pydantic would also read `0` or `1700000000` as a Unix time; only ISO dates are meant.
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("must be an ISO date, YYYY-MM-DD")
    return value


AsOfQuery = Annotated[
    datetime | None,
    Query(
        description="Answer as the data stood at this time (ISO 8601; UTC when it has no "
        "zone): see the API documentation, Identities and history.",
        examples=["2025-05-12T10:00:00Z"],
    ),
]
DateFromQuery = Annotated[
    date | None,
    BeforeValidator(_iso_date_only),
    Query(description="Earliest `occurred_on` to include (ISO date).", examples=["2023-01-01"]),
]
DateToQuery = Annotated[
    date | None,
    BeforeValidator(_iso_date_only),
    Query(description="Latest `occurred_on` to include (ISO date).", examples=["2025-12-31"]),
]
TextQuery = Annotated[
    str | None,
    Query(
        max_length=500,
        description=(
            "Words that must all occur, each as the start of a word, ignoring case and "
            "accents (`fran` finds France)."
        ),
        examples=["grain corridor"],
    ),
]


def text_terms(q: str | None) -> tuple[str, ...]:
    """The folded, space-separated terms of an actors `q` (matched as substrings)."""
    return tuple(fold(q).split()) if q else ()


async def date_range(date_from: DateFromQuery = None, date_to: DateToQuery = None) -> DateRange:
    """Validate that the range does not end before it starts."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise InvalidParameterError.for_param("query.date_to", "must not be before date_from")
    return DateRange(date_from, date_to)


DatesDep = Annotated[DateRange, Depends(date_range)]


def actor_match(session: Session, actor: list[str]) -> ActorMatch:
    """Resolve `actor` ids and slugs; an unknown one matches nothing rather than 404."""
    if not actor:
        return ActorMatch()
    ids = resolve_refs(session, actor)
    return ActorMatch(unknown=True) if ids is None else ActorMatch(tuple(sorted(set(ids))))


@dataclass(frozen=True)
class CommonQuery:
    """Actor, date range and text search as asked, the actors not yet resolved: resolving
    reads the database, which a list does in its one worker thread (`app.db.in_session`)."""

    actors: tuple[str, ...]
    dates: DateRange
    terms: tuple[str, ...]

    def resolve(self, session: Session) -> CommonFilters:
        """The filters, each actor id or slug resolved."""
        return CommonFilters(actor_match(session, list(self.actors)), self.dates, self.terms)


async def actor_refs(actor: ActorQuery) -> tuple[str, ...]:
    """The actor ids and slugs asked for, in order."""
    return tuple(actor)


# A dependency of its own, not a parameter of `common_query`, so that the OpenAPI document
# lists the parameters as it did when resolving them took the session (`q`, then `actor`).
ActorRefsDep = Annotated[tuple[str, ...], Depends(actor_refs)]


async def common_query(actors: ActorRefsDep, dates: DatesDep, q: TextQuery = None) -> CommonQuery:
    """Actor, date range and text search, as one object."""
    return CommonQuery(actors, dates, query_words(q))


CommonQueryDep = Annotated[CommonQuery, Depends(common_query)]
