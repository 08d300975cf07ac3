"""Sentence splitting that survives abbreviations, initials, decimals and closing quotes."""

from __future__ import annotations

import re

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import lexicon

# A candidate end: terminal punctuation, any closing quotes/brackets, then space or the end.
# `[.!?…][.!?…]*` rather than `[.!?…]+`: a pattern that opens with a class lets `re` skip to
# that class; one that opens with a repeat is tried at every character.
_END = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*(?=\s|$)")
_OPENERS = "\"“‘'(["
_NEXT_WORD = re.compile(r"\s*[\"“‘'(\[]*([^\s.,;:!?\"”’)\]]*)")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# Abbreviations that never end a sentence (titles, months, "St.").
_ALWAYS_ABBREVIATED = frozenset(load_data("sentences.json")["abbreviations"])


def _is_boundary(text: str, match: re.Match[str], window_start: int, end: int) -> bool:
    stop = match.end()
    after = text[stop : stop + 2 if stop + 2 < end else end].lstrip()[:1]
    if after and not (after.isupper() or after.isdigit() or after in "\"“‘'([«"):
        return False
    if match.group() != ".":
        return True
    word = _word_before(text, max(window_start, match.start() - 40), match.start() + 1)
    lowered = word.casefold()
    if lowered in _ALWAYS_ABBREVIATED or (len(word) == 1 and word.isupper()):
        return False
    # The next word only matters for 'No. 5' and dotted words: read it only then.
    if lowered == "no":
        return not _next_word(text, stop, end)[:1].isdigit()
    if "." in word and _DOTTED.match(word + "."):
        # "U.S." or "a.m." ends a sentence only before a word that usually starts one.
        return _next_word(text, stop, end) in lexicon().sentence_starters
    return True


def _word_before(text: str, start: int, end: int) -> str:
    """The word ending in the period at `end - 1`, without opening quotes or the period.

    `str` methods rather than a `$`-anchored regex, which `re` tries at every position."""
    words = text[start:end].rsplit(None, 1)  # the last word, without splitting the others
    return words[-1].lstrip(_OPENERS)[:-1] if words else ""


def _next_word(text: str, offset: int, end: int) -> str:
    found = _NEXT_WORD.match(text, offset, end)
    return found.group(1) if found else ""


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans `[start, end)` inside `text[start:end]`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        if _is_boundary(text, match, cursor, end):
            _append_trimmed(text, cursor, match.end(), spans)
            cursor = match.end()
    _append_trimmed(text, cursor, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    body = text[start:end].lstrip()
    if body:
        begin = end - len(body)
        spans.append((begin, begin + len(body.rstrip())))
