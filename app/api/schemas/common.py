"""Models shared by several resources: references, spans, list envelopes, sort orders."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
)

from app.vocabulary import ActorKind

T = TypeVar("T")

LABEL_DOC = (
    "How to name the brief: its title, or else a short label the parser made from its Lead "
    "(event, place, date); for a brief stored before parser 1.6.0 without a title, its "
    "source name."
)
LABEL_EXAMPLE = (
    "Ukrainian President Volodymyr Zelenskyy met a group of European leaders — Paris, 4 Sep 2025"
)


def _assume_utc(value: datetime) -> datetime:
    # SQLite hands timestamps back without their zone; every `*_at` is stored in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_assume_utc)]


class SearchedSort(StrEnum):
    """Order by date, oldest or (`-`) newest first, or (`relevance`, with `q`) best match
    first."""

    occurred_on = "occurred_on"
    occurred_on_desc = "-occurred_on"
    relevance = "relevance"


class NameSort(StrEnum):
    """Order by normalised name, A to Z or (`-`) Z to A."""

    name = "name"
    name_desc = "-name"


class ListFormat(StrEnum):
    """Representation of a list: one JSON page, or every row as an NDJSON or CSV export."""

    json = "json"
    csv = "csv"
    ndjson = "ndjson"


class ApiModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TextSpan(ApiModel):
    """`[start, end)` character offsets into the brief's normalised source text."""

    start: int = Field(ge=0, examples=[120])
    end: int = Field(ge=0, examples=[188])


class ActorRef(ApiModel):
    """Enough of an actor to show and link it."""

    id: int = Field(examples=[7])
    slug: str = Field(examples=["emmanuel-macron"])
    name: str = Field(examples=["Emmanuel Macron"])
    kind: ActorKind


class BriefRef(ApiModel):
    """Enough of a brief to show and link it."""

    id: int = Field(examples=[3])
    title: str | None = Field(examples=["Paris summit on security guarantees"])
    label: str = Field(description=LABEL_DOC, examples=[LABEL_EXAMPLE])
    occurred_on: date | None = Field(examples=["2025-09-04"])


class ListBody(ApiModel, Generic[T]):
    """A page of a list; subclassed per resource so every schema has a plain name."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )
    total: int | None = Field(
        default=None,
        description="Rows matching the filters; only with `include_total=true`.",
        # Left out when not asked for. A field rule, not a wrap serializer: that would hand
        # the whole page to Python before JSON, doubling the cost of serialising it.
        exclude_if=lambda total: total is None,
    )
