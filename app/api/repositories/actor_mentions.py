"""Queries for an actor's mentions: every place a brief names it, with a snippet."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import TypeAdapter
from sqlalchemy import case, func, select
from sqlmodel import Session, col

from app.api.repositories.base import Data, Listing, Rows, brief_ref, brief_ref_columns
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


def _data(_session: Session, rows: Rows) -> list[Data]:
    return [
        {
            "id": mention_id,
            "brief": brief_ref(brief_id, brief_title, brief_label, brief_occurred_on),
            "section": section,
            "span": {"start": start, "end": end},
            "snippet": snippet(window, start - window_start, end - window_start).model_dump(),
        }
        for (
            mention_id,
            brief_id,
            brief_title,
            brief_label,
            brief_occurred_on,
            section,
            start,
            end,
            window_start,
            window,
        ) in rows
    ]


# Brief by brief, and within one in text order: the writer numbers a brief's mentions by
# their start (app.ingest.rows.stored_mentions), so (brief_id, id) is (brief, start).
MENTIONS = Listing(
    noun="mention",
    keyset=Keyset("mentions", col(Mention.brief_id), col(Mention.id), key_is_date=False),
    query=_query,
    to_data=_data,
    items=TypeAdapter(list[MentionItem]),
)
