"""The snippet shown around a mention, or around a search match (`q`): about 60 characters
each side, cut at word boundaries, on one line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.api.schemas.mentions import Snippet
from app.vocabulary import fold, word_matches, words

CONTEXT = 60
# Characters read each side of a mention: enough to find the word boundary nearest to
# CONTEXT. A side shorter than this reached the start (or the end) of the source.
WINDOW = 80
_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile("[A-Za-z0-9]+")


def _before(text: str) -> str:
    """The end of `text`, at most CONTEXT characters, starting at a word."""
    if len(text) <= CONTEXT or text[-CONTEXT - 1].isspace():
        return text[-CONTEXT:]
    kept = text[-CONTEXT:]
    first_space = next((i for i, c in enumerate(kept) if c.isspace()), None)
    return kept if first_space is None else kept[first_space:]  # one long word: cut in it


def _after(text: str) -> str:
    """The start of `text`, at most CONTEXT characters, ending at a word."""
    if len(text) <= CONTEXT or text[CONTEXT].isspace():
        return text[:CONTEXT]
    kept = text[:CONTEXT]
    last_space = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].isspace()), None)
    return kept if last_space is None else kept[:last_space]


def snippet(window: str, start: int, end: int) -> Snippet:
    """The snippet of the mention at `[start, end)` of `window`, a piece of the source
    holding up to WINDOW characters each side of it. Runs of white space (line breaks
    included) read as one space; the mention's own characters keep their count."""
    before = _SPACES.sub(" ", _before(window[:start])).lstrip()
    mention = re.sub(r"\s", " ", window[start:end])
    after = _SPACES.sub(" ", _after(window[end:])).rstrip()
    return Snippet(text=before + mention + after, start=len(before), end=len(before) + len(mention))


def _first_ascii_match(text: str, terms: tuple[str, ...]) -> tuple[int, int] | None:
    """`_first_match` for ASCII text and terms, in one C scan: folding is lowering there."""
    alternatives = "|".join(map(re.escape, terms))
    found = re.search(f"(?<![A-Za-z0-9])(?:{alternatives})", text, re.IGNORECASE)
    if found is None:
        return None
    word = _ASCII_WORD.match(text, found.start())
    return (found.start(), word.end()) if word else None


def _first_match(text: str, terms: tuple[str, ...]) -> tuple[int, int] | None:
    """Where the first word of `text` that a term starts is, in `text` itself (not folded,
    so the snippet keeps its case and accents)."""
    if text.isascii() and all(term.isascii() for term in terms):
        return _first_ascii_match(text, terms)
    # Read word by word up to the first match (a brief's whole source is shown text), an
    # ASCII word folded as lowering it: 2.3x faster on the generated corpus's non-ASCII
    # texts than folding every word of the whole text, with the same matches.
    for found in word_matches(text):
        word = found.group()
        if word.isascii():
            if word.lower().startswith(terms):
                return found.span()
        # Folding one word may give several (`½` -> `1⁄2`): any of them may match.
        elif any(folded.startswith(terms) for folded in words(fold(word))):
            return found.span()
    return None


def match_snippet(text: str, terms: Sequence[str]) -> Snippet | None:
    """The snippet around the first word of `text` a search term starts (the word whole),
    or None when no word does (the row matched on text it does not show)."""
    found = _first_match(text, tuple(terms))
    if found is None:
        return None
    start, end = found
    offset = max(0, start - WINDOW)
    return snippet(text[offset : end + WINDOW], start - offset, end - offset)
