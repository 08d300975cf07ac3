"""Related actors: who appears with an actor in the same claims, statements and events."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel


class SharedCounts(ApiModel):
    """Rows naming both actors, per kind of row."""

    claims: int = Field(ge=0, examples=[5])
    statements: int = Field(ge=0, description="As speaker or mentioned.", examples=[2])
    events: int = Field(ge=0, description="As participants.", examples=[1])


class RelatedActor(ApiModel):
    """An actor co-mentioned with the one asked about."""

    actor: ActorRef
    count: int = Field(ge=1, description="Claims, statements and events naming both.")
    shared: SharedCounts
    last_seen_on: date | None = Field(
        description="The most recent date of those rows; null when none is dated.",
        examples=["2025-09-04"],
    )


class RelatedActors(ApiModel):
    """An actor's neighbourhood: the actors sharing the most rows with it, most first."""

    actor: ActorRef
    items: list[RelatedActor]
