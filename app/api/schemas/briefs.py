"""Briefs: one ingested document and everything extracted from it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from app.api.schemas.claims import ClaimItem
from app.api.schemas.common import (
    LABEL_DOC,
    LABEL_EXAMPLE,
    ActorRef,
    ApiModel,
    ListBody,
    TextSpan,
    UtcDatetime,
)
from app.api.schemas.events import EventItem
from app.api.schemas.mentions import MatchSnippet
from app.api.schemas.statements import StatementItem
from app.vocabulary import SectionKind


class BriefCounts(ApiModel):
    """How many rows were extracted from a brief."""

    claims: int = Field(ge=0, examples=[14])
    statements: int = Field(ge=0, examples=[3])
    events: int = Field(ge=0, examples=[1])


class BriefItem(ApiModel):
    """One brief as a table row."""

    id: int = Field(examples=[3])
    source_name: str = Field(examples=["2025-09-04-paris-security-guarantees.txt"])
    title: str | None = Field(examples=["Paris summit on security guarantees"])
    label: str = Field(description=LABEL_DOC, examples=[LABEL_EXAMPLE])
    lead: str | None
    occurred_on: date | None = Field(examples=["2025-09-04"])
    location: str | None = Field(examples=["Paris"])
    parser_version: str = Field(examples=["1.0.0"])
    ingested_at: UtcDatetime
    updated_at: UtcDatetime
    counts: BriefCounts
    snippet: MatchSnippet


class ImpactItem(ApiModel):
    label: str | None = Field(examples=["Political impact"])
    text: str
    span: TextSpan


class SectionItem(ApiModel):
    name: str = Field(examples=["Verified Facts"])
    kind: SectionKind
    span: TextSpan


class BriefDetail(BriefItem):
    """A brief with every structured part extracted from it."""

    sha256: str = Field(description="sha256 of the normalised source text.")
    bottom_line: str | None
    context: list[str]
    actors: list[ActorRef]
    events: list[EventItem]
    claims: list[ClaimItem]
    statements: list[StatementItem]
    impacts: list[ImpactItem]
    sections: list[SectionItem]


class BriefPage(ListBody[BriefItem]):
    """A page of briefs."""


class IngestOutcome(StrEnum):
    """What a POST did: stored a new brief, replaced one, or found it unchanged."""

    ingested = "ingested"
    updated = "updated"
    unchanged = "unchanged"


class BriefInput(ApiModel):
    """A brief sent as JSON."""

    text: str = Field(description="The brief, as written.", examples=["Lead: ..."])
    source_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=512,
        description="Name to store it under; default `api/<sha256[:16]>`.",
        examples=["2025-09-04-paris.txt"],
    )


class IngestResult(ApiModel):
    """Where a POSTed brief now lives."""

    id: int = Field(examples=[3])
    source_name: str = Field(examples=["api/3f2a9c0d1b7e6a54"])
    outcome: IngestOutcome
