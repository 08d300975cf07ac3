"""Events: what happened, when and where, and who took part."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel, BriefRef, ListBody, TextSpan
from app.api.schemas.mentions import MatchSnippet


class EventItem(ApiModel):
    """One event with its participants and its brief."""

    id: int = Field(examples=[5])
    title: str = Field(examples=["Summit on security guarantees for Ukraine"])
    occurred_on: date | None = Field(examples=["2025-09-04"])
    location: str | None = Field(examples=["Paris, France"])
    country: str | None = Field(
        description="ISO 3166-1 alpha-2 code of the country of `location`, when the parser "
        "knows it.",
        examples=["FR"],
    )
    span: TextSpan
    brief: BriefRef
    participants: list[ActorRef]
    snippet: MatchSnippet


class EventPage(ListBody[EventItem]):
    """A page of events."""
