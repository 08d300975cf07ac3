"""Mentions: every place a brief names an actor, with a snippet of the text around it."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from app.api.schemas.common import ApiModel, BriefRef, ListBody, TextSpan


class Snippet(ApiModel):
    """The text around a mention (or a search match), cut at word boundaries, and where the
    mention (the match) is in it."""

    text: str = Field(
        examples=["in Paris, Ukrainian President Volodymyr Zelenskyy met a group of European"]
    )
    start: int = Field(ge=0, description="Where the mention starts in `text`.", examples=[10])
    end: int = Field(ge=0, description="Where it ends in `text` (exclusive).", examples=[49])


def _absent(value: Snippet | None) -> bool:
    return value is None


# An item's snippet when a list is searched (`q`): absent from the JSON otherwise, so an
# unsearched answer is unchanged; plain text and offsets, never markup to render.
MatchSnippet = Annotated[
    Snippet | None,
    Field(
        default=None,
        exclude_if=_absent,
        description=(
            "Only with `q`: the text around the first word a search word starts, as "
            "written (case and accents kept), and where that word is in it (`start`, "
            "`end`: offsets in `text`, not in the source). Absent without `q`, and when "
            "the match is in text the item does not show."
        ),
    ),
]


class MentionItem(ApiModel):
    """One place a brief names the actor."""

    id: int = Field(examples=[118])
    brief: BriefRef
    section: str = Field(description="Section name as written.", examples=["Context & Impact"])
    span: TextSpan
    snippet: Snippet


class MentionPage(ListBody[MentionItem]):
    """A page of an actor's mentions."""
