"""Brief parsing: a pure function from brief text to typed, structured data.

`parse_brief` is the entry point used by the CLI, the API and the benchmarks.
"""

from __future__ import annotations

from app.parsing.brief import parse_brief
from app.parsing.document.source import normalise_source

PARSER_VERSION = "1.46.0"
# Added to PARSER_VERSION for briefs parsed with the learned organisation recogniser, so that
# turning it on or off re-parses them on the next ingest.
LEARNED_ORGANISATIONS = "+learned-orgs"

__all__ = [
    "LEARNED_ORGANISATIONS",
    "PARSER_VERSION",
    "normalise_source",
    "parse_brief",
    "parsed_with_learned",
    "parser_version",
]


def parser_version(*, learned: bool) -> str:
    """The version stored with a brief parsed with or without the learned recogniser."""
    return PARSER_VERSION + LEARNED_ORGANISATIONS if learned else PARSER_VERSION


def parsed_with_learned(version: str) -> bool:
    """Whether a stored brief's `parser_version` says the learned recogniser parsed it."""
    return version.endswith(LEARNED_ORGANISATIONS)
