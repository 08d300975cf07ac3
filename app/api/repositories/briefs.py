"""Queries for briefs: lists, the full structured brief, its source text, deletion."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, SQLModel, col

from app.api.repositories import counts
from app.api.repositories.base import (
    Data,
    Listing,
    Rows,
    actor_ref_columns,
    brief_label,
    span_of,
)
from app.api.repositories.claims import CLAIMS
from app.api.repositories.conditions import (
    CommonFilters,
    Conditions,
    common_conditions,
    location_matches,
)
from app.api.repositories.events import EVENTS
from app.api.repositories.keyset import AnySelect, Keyset, read_tuples
from app.api.repositories.mentions import brief_pair_parts, linked
from app.api.repositories.statements import STATEMENTS
from app.api.schemas.briefs import BriefCounts, BriefDetail, BriefItem, ImpactItem, SectionItem
from app.api.schemas.common import ActorRef
from app.errors import NotFoundError
from app.storage import briefs as stored
from app.storage.tables import Actor, Brief, Impact, Section

PartT = TypeVar("PartT", ImpactItem, SectionItem)


@dataclass(frozen=True)
class BriefFilters:
    common: CommonFilters = field(default_factory=CommonFilters)
    location: str | None = None


def conditions(session: Session, filters: BriefFilters) -> Conditions:
    """WHERE conditions on `briefs`; an actor filter keeps briefs in which all appear."""
    return [
        *common_conditions(
            filters.common,
            row_id=col(Brief.id),
            pairs=brief_pair_parts(),
            occurred_on=col(Brief.occurred_on),
            search_text=col(Brief.search_text),
        ),
        *location_matches(session, col(Brief.location), filters.location),
    ]


def kept_total(session: Session, filters: BriefFilters) -> int | None:
    """How many briefs match `filters`, from the kept counts (None: they cannot say)."""
    narrowed = filters.location is not None
    return counts.list_total(session, filters.common, ["briefs"], narrowed=narrowed)


def _query() -> AnySelect:
    return select(
        col(Brief.id),
        col(Brief.source_name),
        col(Brief.title),
        brief_label(),
        col(Brief.lead),
        col(Brief.occurred_on),
        col(Brief.location),
        col(Brief.parser_version),
        col(Brief.ingested_at),
        col(Brief.updated_at),
    )


def utc_text(value: datetime | str) -> str:
    """A stored UTC timestamp as the API writes it (`2025-09-04T10:00:00.5Z`), whether the
    driver gave a datetime or, SQLite's, its text."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat() + "Z"


def _data(session: Session, rows: Rows) -> list[Data]:
    # On the session's connection: the ORM's execution path costs more than the queries.
    ids = [row[0] for row in rows]
    counts = stored.row_counts(session.connection(), ids, BriefCounts.model_fields)
    fields = list(BriefItem.model_fields)[:-4]  # all but the timestamps, counts and snippet
    return [
        {
            **dict(zip(fields, row[:-2], strict=True)),
            "ingested_at": utc_text(row[-2]),
            "updated_at": utc_text(row[-1]),
            "counts": counts[row[0]],
        }
        for row in rows
    ]


def _sources(session: Session, data: list[Data]) -> list[str]:
    """What a brief's snippet is cut from: its source, which its index entry holds."""
    ids = [item["id"] for item in data]
    query = select(col(Brief.id), col(Brief.source_text)).where(col(Brief.id).in_(ids))
    sources = dict(read_tuples(session, query))
    return [sources[brief_id] for brief_id in ids]


BRIEFS = Listing(
    noun="brief",
    keyset=Keyset("briefs", col(Brief.occurred_on), col(Brief.id)),
    query=_query,
    to_data=_data,
    items=TypeAdapter(list[BriefItem]),
    search_text=col(Brief.search_text),
    shown_text=_sources,
)


def _actors(session: Session, brief_id: int) -> list[ActorRef]:
    links = linked(brief_pair_parts(), parents=[brief_id])
    query = (
        select(*actor_ref_columns())
        .join(links, links.c[1] == col(Actor.id))
        .distinct()
        .order_by(col(Actor.name), col(Actor.id))
    )
    return [ActorRef.model_validate(row._mapping) for row in session.execute(query)]


def _parts(
    session: Session, table: type[SQLModel], model: type[PartT], brief_id: int
) -> list[PartT]:
    """Rows of a brief's `impacts` or `sections` in document order, as `model` items."""
    columns = table.__table__.c  # type: ignore[attr-defined]
    fields = [name for name in model.model_fields if name != "span"]
    query = (
        select(*(columns[name] for name in fields), columns.span_start, columns.span_end)
        .where(columns.brief_id == brief_id)
        .order_by(columns.position)
    )
    return [
        model.model_validate(
            {**{name: row._mapping[name] for name in fields}, "span": span_of(row)}
        )
        for row in session.execute(query)
    ]


def get_brief(session: Session, brief_id: int) -> BriefDetail:
    """The brief with every structured part extracted from it."""
    item = BRIEFS.one(session, brief_id)
    extra = session.execute(
        select(col(Brief.sha256), col(Brief.bottom_line), col(Brief.context)).where(
            col(Brief.id) == brief_id
        )
    ).one()
    return BriefDetail(
        **item.model_dump(),
        sha256=extra.sha256,
        bottom_line=extra.bottom_line,
        context=extra.context,
        actors=_actors(session, brief_id),
        events=EVENTS.of_brief(session, brief_id),
        claims=CLAIMS.of_brief(session, brief_id),
        statements=STATEMENTS.of_brief(session, brief_id),
        impacts=_parts(session, Impact, ImpactItem, brief_id),
        sections=_parts(session, Section, SectionItem, brief_id),
    )


def get_source(session: Session, brief_id: int) -> str:
    """The normalised source text of a brief."""
    text = stored.source_text(session, brief_id)
    if text is None:
        raise NotFoundError(f"No brief with id {brief_id}.")
    return text
