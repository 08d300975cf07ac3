"""Queries for events."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlmodel import Session, col

from app.api.repositories.base import (
    Data,
    Listing,
    Rows,
    brief_ref,
    brief_ref_columns,
    load_actor_refs,
)
from app.api.repositories.conditions import (
    CommonFilters,
    Conditions,
    common_conditions,
    equal_if_given,
    location_matches,
)
from app.api.repositories.keyset import AnySelect, Keyset
from app.api.repositories.mentions import event_pairs
from app.api.schemas.events import EventItem
from app.storage.tables import Brief, Event


@dataclass(frozen=True)
class EventFilters:
    common: CommonFilters = field(default_factory=CommonFilters)
    brief_id: int | None = None
    location: str | None = None


def conditions(session: Session, filters: EventFilters) -> Conditions:
    """WHERE conditions on `events`; dates are the event's own."""
    return [
        *common_conditions(
            filters.common,
            row_id=col(Event.id),
            pairs=[event_pairs()],
            occurred_on=col(Event.occurred_on),
            search_text=col(Event.search_text),
        ),
        *location_matches(session, col(Event.location), filters.location),
        *equal_if_given(col(Event.brief_id), filters.brief_id),
    ]


def _query() -> AnySelect:
    return select(
        col(Event.id),
        col(Event.title),
        col(Event.occurred_on),
        col(Event.location),
        col(Event.country),
        col(Event.span_start),
        col(Event.span_end),
        col(Event.brief_id),
        *brief_ref_columns(),
    ).join(Brief, col(Brief.id) == col(Event.brief_id))


def _data(session: Session, rows: Rows) -> list[Data]:
    participants = load_actor_refs(session, event_pairs, [row[0] for row in rows])
    return [
        {
            "id": event_id,
            "title": title,
            "occurred_on": occurred_on,
            "location": location,
            "country": country,
            "span": {"start": start, "end": end},
            "brief": brief_ref(brief_id, brief_title, brief_label, brief_occurred_on),
            "participants": participants.get(event_id, []),
        }
        for (
            event_id,
            title,
            occurred_on,
            location,
            country,
            start,
            end,
            brief_id,
            brief_title,
            brief_label,
            brief_occurred_on,
        ) in rows
    ]


def _shown(_session: Session, data: list[Data]) -> list[str]:
    """What an event's snippet is cut from: the text its index entry holds (title, place)."""
    return [f"{item['title']} {item['location'] or ''}" for item in data]


EVENTS = Listing(
    noun="event",
    keyset=Keyset("events", col(Event.occurred_on), col(Event.id)),
    query=_query,
    to_data=_data,
    items=TypeAdapter(list[EventItem]),
    position=col(Event.position),
    brief_id=col(Event.brief_id),
    search_text=col(Event.search_text),
    shown_text=_shown,
)
