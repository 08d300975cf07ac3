"""Mentions: every place a brief names an actor, with a snippet of the text around it."""

from __future__ import annotations

from pydantic import Field

from app.api.schemas.common import ApiModel, BriefRef, ListBody, TextSpan


class Snippet(ApiModel):
    """The text around a mention, cut at word boundaries, and where the mention is in it."""

    text: str = Field(
        examples=["in Paris, Ukrainian President Volodymyr Zelenskyy met a group of European"]
    )
    start: int = Field(ge=0, description="Where the mention starts in `text`.", examples=[10])
    end: int = Field(ge=0, description="Where it ends in `text` (exclusive).", examples=[49])


class MentionItem(ApiModel):
    """One place a brief names the actor."""

    id: int = Field(examples=[118])
    brief: BriefRef
    section: str = Field(description="Section name as written.", examples=["Context & Impact"])
    span: TextSpan
    snippet: Snippet


class MentionPage(ListBody[MentionItem]):
    """A page of an actor's mentions."""
