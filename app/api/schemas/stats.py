"""The dashboard summary."""

from __future__ import annotations

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel


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


class ActorMentions(ApiModel):
    actor: ActorRef
    mentions: int = Field(ge=0, description="Claims and statements naming or quoting it.")


class Stats(ApiModel):
    """Everything a dashboard needs in one call, under the same filters as the lists."""

    claims_by_status: ClaimStatusCounts
    claims_by_month: list[MonthCount]
    statements_by_month: list[MonthCount]
    briefs_by_month: list[MonthCount]
    top_actors: list[ActorMentions]
