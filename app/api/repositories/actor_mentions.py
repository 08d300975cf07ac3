"""Queries for an actor's mentions: every place a brief names it, with a snippet."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import TypeAdapter
from sqlalchemy import case, func, select
from sqlmodel import Session, col

from app.api.repositories.base import (
    Listing,
    Rows,
    brief_ref_columns,
    brief_ref_of,
    span_of,
    validate_items,
)
from app.api.repositories.conditions import Conditions, DateRange, equal_if_given, in_range
from app.api.repositories.keyset import AnySelect, Keyset
from app.api.schemas.mentions import MentionItem
from app.api.snippets import WINDOW, snippet
from app.storage.tables import Brief, Mention


@dataclass(frozen=True)
class MentionFilters:
    actor_id: int
    brief_id: int | None = None
    section: str | None = None
    dates: DateRange = field(default_factory=DateRange)


def conditions(filters: MentionFilters) -> Conditions:
    """WHERE conditions on `mentions` (and their brief's date) for `filters`."""
    return [
        col(Mention.actor_id) == filters.actor_id,
        *equal_if_given(col(Mention.brief_id), filters.brief_id),
        *equal_if_given(col(Mention.section), filters.section),
        *in_range(col(Brief.occurred_on), filters.dates),
    ]


def _query() -> AnySelect:
    # Only the source around the mention is read (substr counts characters, as Python's
    # offsets do, on both databases), never a whole brief per row.
    start, end = col(Mention.span_start), col(Mention.span_end)
    window_start = case((start > WINDOW, start - WINDOW), else_=0)
    return select(
        col(Mention.id),
        col(Mention.brief_id),
        *brief_ref_columns(),
        col(Mention.section),
        start,
        end,
        window_start.label("window_start"),
        func.substr(col(Brief.source_text), window_start + 1, end + WINDOW - window_start).label(
            "window"
        ),
    ).join(Brief, col(Brief.id) == col(Mention.brief_id))


ITEMS = TypeAdapter(list[MentionItem])


def _items(_session: Session, rows: Rows) -> list[MentionItem]:
    items = [
        {
            "id": row.id,
            "brief": brief_ref_of(row),
            "section": row.section,
            "span": span_of(row),
            "snippet": snippet(
                row.window, row.span_start - row.window_start, row.span_end - row.window_start
            ),
        }
        for row in rows
    ]
    return validate_items(ITEMS, items)


# Brief by brief, and within one in text order: the writer numbers a brief's mentions by
# their start (app.ingest.rows.stored_mentions), so (brief_id, id) is (brief, start).
MENTIONS = Listing(
    noun="mention",
    keyset=Keyset("mentions", col(Mention.brief_id), col(Mention.id), key_is_date=False),
    query=_query,
    to_items=_items,
)
