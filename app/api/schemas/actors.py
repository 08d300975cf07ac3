"""Actors: people, organisations and countries, shared by every brief."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.api.schemas.common import ApiModel, ListBody
from app.vocabulary import ActorKind


class ActorCounts(ApiModel):
    """How often an actor appears: briefs naming it, statements and claims linking it."""

    briefs: int = Field(ge=0, description="Briefs naming it anywhere.", examples=[4])
    statements: int = Field(ge=0, description="As speaker or mentioned.", examples=[6])
    claims: int = Field(ge=0, examples=[11])


class ActorItem(ApiModel):
    """One actor with its counts and the dates of the first and last briefs naming it."""

    id: int = Field(examples=[7])
    slug: str = Field(examples=["emmanuel-macron"])
    name: str = Field(examples=["Emmanuel Macron"])
    kind: ActorKind
    title: str | None = Field(examples=["President"])
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.", examples=["FR"])
    counts: ActorCounts
    first_seen_on: date | None = Field(examples=["2023-08-24"])
    last_seen_on: date | None = Field(examples=["2025-09-04"])


class ActorDetail(ActorItem):
    """One actor with every surface form seen for it."""

    aliases: list[str] = Field(examples=[["Macron", "President Macron"]])


class ActorPage(ListBody[ActorItem]):
    """A page of actors."""
