"""The parser as the settings choose it: the rules alone, or with the learned organisation
recogniser after them (`CHANCERY_LEARNED_ORGANISATIONS`). The choice is stored with each
brief as its parser version, so changing it re-parses every brief on the next ingest, and
`chancery db verify` reads each brief again the way it was parsed."""

from __future__ import annotations

from app.config import get_settings
from app.parsing import parser_version


def learned() -> bool:
    """Whether briefs are parsed with the learned organisation recogniser."""
    return get_settings().learned_organisations


def configured_version() -> str:
    """The parser version stored with a brief parsed now."""
    return parser_version(learned=learned())
