"""Claims: statements of fact from a brief, each with its verification status."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel, BriefRef, ListBody, TextSpan
from app.api.schemas.mentions import MatchSnippet
from app.vocabulary import ClaimStatus


class ClaimItem(ApiModel):
    """One claim with the actors it mentions and the brief it comes from."""

    id: int = Field(examples=[42])
    text: str = Field(examples=["The leaders agreed to meet again in October."])
    status: ClaimStatus
    section: str = Field(description="Section heading as written.", examples=["Verified Facts"])
    occurred_on: date | None = Field(description="Date of the brief.", examples=["2025-09-04"])
    span: TextSpan
    brief: BriefRef
    actors: list[ActorRef] = Field(description="Actors the claim mentions.")
    snippet: MatchSnippet


class ClaimPage(ListBody[ClaimItem]):
    """A page of claims."""
