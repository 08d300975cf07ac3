"""Typed result of parsing one brief; the field names are a public contract."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from app.vocabulary import ActorKind, ClaimStatus, SectionKind, StatementKind


def _span_json(span: tuple[int, int]) -> dict[str, int]:
    return {"start": span[0], "end": span[1]}


# `[start, end)` character offsets into the normalised source text: a pair in Python (the
# ingest unpacks it), `{"start": 120, "end": 188}` in JSON, the shape the API serves
# (`TextSpan`), so `chancery parse` and the API write spans alike.
Span = Annotated[
    tuple[int, int], PlainSerializer(_span_json, return_type=dict[str, int], when_used="json")
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ParsedActor(_Frozen):
    key: str = Field(description="Key unique within the brief, e.g. 'volodymyr-zelenskyy'.")
    name: str = Field(description="Canonical full name.")
    kind: ActorKind
    title: str | None = Field(default=None, description="Office or title, e.g. 'President'.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    aliases: list[str] = Field(default_factory=list, description="Every surface form seen.")


class ParsedEvent(_Frozen):
    title: str
    occurred_on: date | None
    location: str | None
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 code of the location's country, if known."
    )
    participants: list[str] = Field(default_factory=list, description="Actor keys.")
    span: Span


class ParsedClaim(_Frozen):
    text: str
    status: ClaimStatus
    section: str = Field(description="Section name as written in the brief.")
    span: Span
    actors: list[str] = Field(default_factory=list, description="Actor keys mentioned.")


class ParsedStatement(_Frozen):
    text: str
    kind: StatementKind
    speaker: str | None = Field(description="Actor key of the speaker.")
    speaker_role: str | None = None
    span: Span
    actors: list[str] = Field(default_factory=list, description="Actor keys mentioned.")


class ParsedImpact(_Frozen):
    label: str | None
    text: str
    span: Span


class ParsedMention(_Frozen):
    actor: str = Field(description="Actor key.")
    section: str = Field(description="Name of the section the mention is in, as written.")
    span: Span


class ParsedSection(_Frozen):
    name: str = Field(description="Heading as written, without Markdown marks or colon.")
    kind: SectionKind
    span: Span


class ParsedBrief(_Frozen):
    source: str = Field(exclude=True, description="Normalised source text (BOM off, LF).")
    title: str | None
    label: str = Field(
        description="The title, or else a short label from the Lead: event, place and date."
    )
    lead: str | None
    occurred_on: date | None
    location: str | None
    bottom_line: str | None
    events: list[ParsedEvent]
    actors: list[ParsedActor]
    claims: list[ParsedClaim]
    statements: list[ParsedStatement]
    impacts: list[ParsedImpact]
    context: list[str]
    sections: list[ParsedSection]
    mentions: list[ParsedMention] = Field(
        default_factory=list,
        description="Every mention of an actor, in text order, in every part of the brief.",
    )
