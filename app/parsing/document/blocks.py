"""Paragraphs and bullets inside a section, with exact spans into the source."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.parsing.document.sections import bullet_marker_length
from app.parsing.document.source import Line

# A wrapped line continues its paragraph only when the previous line stops mid-sentence.
_SENTENCE_END = re.compile(r"[.!?…:\"”’)\]]\s*$")
_BLOCKQUOTE = re.compile(r"^\s*>\s?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


class Block(NamedTuple):
    """A paragraph or a bullet: `start`/`end` cover its text (bullet marker excluded).

    A NamedTuple rather than a frozen dataclass, which costs several times more to build."""

    is_bullet: bool
    start: int
    end: int
    line: int


def uses_blank_lines(source: str) -> bool:
    """True when the writer separates parts with blank lines (so lines may be wrapped)."""
    # Search for the blank line, then look back for text: scanning from every non-space
    # character instead ('\S[ \t]*\n[ \t]*\n') costs more than the rest of the check.
    for blank in _BLANK_LINE.finditer(source):
        before = blank.start()
        while before > 0 and source[before - 1] in " \t":
            before -= 1
        if before > 0 and not source[before - 1].isspace():
            return True
    return False


def _content_start(line: Line) -> tuple[int, bool]:
    text = line.text
    quote = _BLOCKQUOTE.match(text)
    offset = quote.end() if quote else 0
    marker = bullet_marker_length(text[offset:])
    body = offset + marker
    body += len(text[body:]) - len(text[body:].lstrip())
    return line.start + body, marker > 0


def _continues(previous: Line, line: Line, wrapped: bool) -> bool:
    if line.text[:1] in (" ", "\t"):
        return True
    return wrapped and _SENTENCE_END.search(previous.text) is None


def split_blocks(lines: tuple[Line, ...], wrapped: bool) -> list[Block]:
    """Group content lines into paragraphs and bullets.

    Without blank-line separation every line is its own paragraph; with it, a line that
    does not start a bullet continues the previous block when that stopped mid-sentence
    (or when the line is indented).
    """
    blocks: list[Block] = []
    previous: Line | None = None
    for line in lines:
        stripped = line.stripped
        if not stripped or (stripped[0] == ">" and _BLOCKQUOTE.sub("", line.text).strip() == ""):
            previous = None
            continue
        start, bullet = _content_start(line)
        end = line.start + len(line.text.rstrip())
        if previous is not None and not bullet and blocks and _continues(previous, line, wrapped):
            last = blocks[-1]
            blocks[-1] = Block(last.is_bullet, last.start, end, last.line)
        elif start < end:
            blocks.append(Block(bullet, start, end, line.number))
        previous = line
    return blocks
