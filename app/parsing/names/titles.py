"""Office titles with a complement ('Director of National Intelligence Dan Coats',
'Ambassador to Japan Jane Roe'): where the title ends and the name begins."""

from __future__ import annotations

from app.parsing.lexicon.words import Lexicon
from app.parsing.names.shapes import name_shaped
from app.parsing.names.tokens import PARTICLES, Token

_PREPOSITIONS = frozenset(["of", "for", "to"])
# Small words that link a complement's words and never end it.
_LINKS = frozenset(["of", "for", "to", "the", "and", "in", "on"])
_MAX_NAME = 4


def complement_start(tokens: list[Token], title_stop: int, stop: int) -> int | None:
    """Index of the first word of the complement after 'of'/'for'/'to' (+ 'the'), if any."""
    if title_stop >= stop or tokens[title_stop].folded not in _PREPOSITIONS:
        return None
    first = title_stop + 1
    if first < stop and tokens[first].folded == "the":
        first += 1
    return first if first < stop else None


def name_start(
    words: Lexicon, tokens: list[Token], first: int, stop: int, known: frozenset[int]
) -> int | None:
    """Where the name begins in `tokens[first:stop]`, the complement of a title: the final
    run of two to four name-shaped words. Of the possible starts the earliest that is a
    given name wins ('Arms Control Jane Roe' -> 'Jane Roe'), else the latest (two words).
    A word inside a known phrase (`known`: 'NATO', 'Japan') or an office or institution
    word never starts the name, nor a word after a small link ('Party of' + 'Kanak
    Liberation': the complement would end in 'of'); at least one word is left to the
    complement."""
    if _a_persons_name(words, tokens, first, stop, known):
        return None  # 'a spokesman for Jean Bertrand Aristide': the complement is a person
    starts: list[int] = []
    for start in range(stop - 2, first, -1):
        tail = tokens[start:stop]
        names = [t for t in tail if t.folded not in PARTICLES]
        if len(names) > _MAX_NAME or not all(map(name_shaped, names)):
            break
        if any(t.possessive for t in tail[:-1]) or any(_institutional(words, t) for t in tail):
            break
        if tokens[start - 1].folded in _LINKS:
            continue  # 'leader of the Party of' + 'Kanak Liberation': no complement ends so
        if _can_start(words, tokens[start], start, known) and len(names) >= 2:
            starts.append(start)
    given = [start for start in starts if tokens[start].text in words.given_names]
    if given:
        return min(given)
    return max(starts) if starts else None


def _a_persons_name(
    words: Lexicon, tokens: list[Token], first: int, stop: int, known: frozenset[int]
) -> bool:
    """A complement of two to four name-shaped words opening with a known given name (not
    a known place or body: 'Jordan') is a person's whole name, with no name after it."""
    names = [t for t in tokens[first:stop] if t.folded not in PARTICLES]
    return (
        2 <= len(names) <= _MAX_NAME
        and first not in known
        and tokens[first].text in words.given_names
        and all(map(name_shaped, names))
        and not any(_institutional(words, t) for t in names)
    )


def _institutional(words: Lexicon, token: Token) -> bool:
    """'Fund', 'Affairs', 'Agreement': a word that ends a complement, never a name."""
    word = token.folded
    return word in words.org_heads or word in words.place_heads or word in words.event_heads


def _can_start(words: Lexicon, token: Token, index: int, known: frozenset[int]) -> bool:
    if index in known or token.folded in PARTICLES or token.possessive:
        return False
    word = token.folded
    return not (
        word in words.title_heads or word in words.title_modifiers or word in words.org_heads
    )
