"""The dashboard summary."""

from __future__ import annotations

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel
from app.vocabulary import ClaimStatus


class ClaimStatusCounts(ApiModel):
    """Claims per verification status."""

    verified: int = Field(ge=0)
    unconfirmed: int = Field(ge=0)
    disputed: int = Field(ge=0)
    reported: int = Field(ge=0)


class MonthCount(ApiModel):
    month: str | None = Field(
        description="`YYYY-MM`; null for rows without a date.", examples=["2025-09"]
    )
    count: int = Field(ge=0)


class MonthStatusCount(ApiModel):
    month: str | None = Field(
        description="`YYYY-MM`; null for claims without a date.", examples=["2025-09"]
    )
    status: ClaimStatus
    count: int = Field(ge=1)


class PlaceCount(ApiModel):
    location: str = Field(description="The event's place, as written.", examples=["Paris"])
    country: str | None = Field(
        description="ISO 3166-1 alpha-2 code of its country, when the parser knows it.",
        examples=["FR"],
    )
    count: int = Field(ge=1, description="Events there.")


class ActorMentions(ApiModel):
    actor: ActorRef
    mentions: int = Field(ge=0, description="Claims and statements naming or quoting it.")


class Stats(ApiModel):
    """Everything a dashboard needs in one call, under the same filters as the lists."""

    claims_by_status: ClaimStatusCounts
    claims_by_month: list[MonthCount]
    claims_by_month_and_status: list[MonthStatusCount] = Field(
        description="Claims per month and verification status, months ascending (undated last)."
    )
    statements_by_month: list[MonthCount]
    briefs_by_month: list[MonthCount]
    top_actors: list[ActorMentions]
    events_by_place: list[PlaceCount] = Field(
        description="Events per place, most first; events without a place are left out."
    )
