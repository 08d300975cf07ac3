"""Small builders shared by the parsing tests."""

from __future__ import annotations

from app.parsing import parse_brief
from app.parsing.models import ParsedActor, ParsedBrief


def brief(*lines: str) -> ParsedBrief:
    """Parse a brief given as lines."""
    return parse_brief("\n".join(lines) + "\n")


def actor(parsed: ParsedBrief, key: str) -> ParsedActor:
    """The actor with `key`; fails the test when absent."""
    found = [a for a in parsed.actors if a.key == key]
    assert found, f"no actor {key!r} in {[a.key for a in parsed.actors]}"
    return found[0]


def people(parsed: ParsedBrief) -> set[str]:
    """Names of every person actor."""
    return {a.name for a in parsed.actors if a.kind == "person"}
