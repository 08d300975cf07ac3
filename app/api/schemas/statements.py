"""Statements: quotations and reported speech attributed to a speaker."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from app.api.schemas.common import ActorRef, ApiModel, BriefRef, ListBody, TextSpan
from app.api.schemas.mentions import MatchSnippet
from app.vocabulary import StatementKind


class StatementItem(ApiModel):
    """One statement with its speaker, the actors it mentions and its brief."""

    id: int = Field(examples=[12])
    kind: StatementKind
    text: str = Field(examples=["We will stand with Ukraine for as long as it takes."])
    speaker: ActorRef | None = Field(description="Resolved speaker, when known.")
    speaker_role: str | None = Field(examples=["President of France"])
    occurred_on: date | None = Field(description="Date of the brief.", examples=["2025-09-04"])
    span: TextSpan
    brief: BriefRef
    actors: list[ActorRef] = Field(description="Actors the statement mentions.")
    snippet: MatchSnippet


class StatementPage(ListBody[StatementItem]):
    """A page of statements."""
