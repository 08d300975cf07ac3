"""A country written before an organisation's name: the country it belongs to, or part of its name.

A possessive country is never part of a name ('Mexico's Ministry of Finance': `Ministry of
Finance`, MX); a nationality adjective or a country before a body every state has
(`state_heads`: ministry, parliament, embassy, ...) gives the actor's country, not its
name ('the Russian Defence Ministry': `Defence Ministry`, RU), unless an acronym in brackets
that its other words do not spell defines it ('the Indonesian Armed Forces (ABRI)'); before
any other body it is part of the name ('Eritrean Defence Forces', 'the Kenya Red Cross
Society', a compound adjective: 'Cuban American National Foundation').
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

from functools import cache

from app.parsing.lexicon.files import load_data
from app.parsing.lexicon.words import Category, lexicon
from app.parsing.names.emitting import Mention
from app.parsing.names.org_acronyms import acronym_of_another_language
from app.parsing.names.org_keys import known_organisation, phrase_entry
from app.parsing.names.org_text import OrgText, one_spaced

_STATE_HEADS = frozenset(load_data("organizations.json")["state_heads"])
# A state's forces named by a proper name whose adjective is a word of it ('the Colombian
# Air Force', 'the Chilean Army', 'the Sri Lanka Navy').
_NAMED_FORCES = frozenset(load_data("organizations.json")["named_forces"])
_COUNTRY_WORDS = (Category.demonym, Category.country, Category.seat)
# Movements with a society in every state, named by its nationality ('the Korean Red Cross').
_NATIONAL_SOCIETIES = frozenset(load_data("organizations.json")["national_societies"])


def own_words(brief: OrgText, mention: Mention) -> tuple[int, int, str | None]:
    """The mention without a leading country: a possessive country ('Mexico's Ministry
    of Finance'), or a country or nationality adjective before a body every state has
    ('the Russian Defence Ministry', 'the U.S. Treasury Department')."""
    start, end, country = mention.start, mention.end, mention.country
    while True:
        found = _country_before(brief, start, end)
        if found is None:
            return start, end, country
        after, code, possessive = found
        rest = one_spaced(brief.source, after, end)
        if not possessive and (
            not _state_institution(brief, rest)
            or _national_party(brief, start, rest)
            or acronym_of_another_language(brief, rest, end)
        ):
            return start, end, country  # 'Eritrean Defence Forces': part of the name
        start, country = after, country or code


def _national_party(brief: OrgText, start: int, rest: str) -> bool:
    """'Indian National Congress', 'Iraqi National Congress': a nationality adjective
    before 'National' and a congress names a party (a state's legislature is named by
    its country: 'the Congress of Peru', 'the U.S. Congress')."""
    words = rest.split()
    return (
        len(words) == 2
        and words[0] == "National"
        and words[1] == "Congress"
        and phrase_entry(brief.source[start:].split(" ", 1)[0]) is not None
    )


def _country_before(brief: OrgText, start: int, end: int) -> tuple[int, str, bool] | None:
    """(where the rest starts, ISO code, possessive) when `source[start:end]` opens with
    a country, a seat or a nationality adjective and goes on after it."""
    words = brief.source[start:end].split()
    if len(words) < 2 or words[0].removesuffix("'s").removesuffix("’s") not in _country_starts():
        return None  # the common case: no country word opens the name
    for length in range(min(4, len(words) - 1), 0, -1):
        text = " ".join(words[:length])
        possessive = text.endswith(("'s", "’s"))
        entry = phrase_entry(text[:-2] if possessive else text)
        if entry is None or entry.category not in _COUNTRY_WORDS:
            continue
        if entry.category is Category.seat and not possessive:
            return None  # 'Moscow Exchange', 'Minsk Group': a place in the name
        at = start
        for word in words[:length]:
            at = brief.source.index(word, at) + len(word)
        rest = brief.source.index(words[length], at)
        return rest, entry.value, possessive
    return None


def _state_institution(brief: OrgText, name: str) -> bool:
    """'Foreign Ministry', 'Ministry of Commerce', 'Parliament': a body every state
    has, which its country, not its name, tells apart."""
    folded = name.casefold()
    if folded in _NAMED_FORCES:
        return False
    words = folded.split()
    # A name's head is its last word ('Congress Party' is a party), or its first before
    # a complement ('Ministry of Commerce').
    first_heads = len(words) == 1 or words[1] in ("of", "for")
    return (
        folded in brief.words.institutions
        or (first_heads and words[0] in _STATE_HEADS)
        or words[-1] in _STATE_HEADS
    )


def compass_before_a_country(brief: OrgText, start: int, end: int) -> int:
    """'South ' + 'China Morning Post': a compass word right before a body's name that opens
    with a country's name (not a code) names a region of it, a word of the name."""
    if not brief.source.endswith(_COMPASS_WORDS, 0, start):
        return start  # the common case
    words = brief.source[start:end].split()
    for length in (2, 1):
        if len(words) > length:
            text = " ".join(words[:length])
            entry = brief.words.phrases.get(text)
            if entry is not None and entry.category is Category.country and not text.isupper():
                return compass_before(brief.source, start)
    return start


def country_name_before(brief: OrgText, start: int, end: int) -> int:
    """'Kenya ' + 'Red Cross Society', 'Qatar ' + 'Airways': a country's name (not its
    adjective, nor a possessive) right before a body that is not one every state has
    is part of the name."""
    previous = brief.source[max(0, start - 40) : start]
    if not previous.endswith(" ") or not previous[-2:-1].isalpha():
        return start  # the common case: a small word or punctuation before the name
    words = previous.split()
    for length in range(min(3, len(words)), 0, -1):
        text = " ".join(words[-length:])
        entry = brief.words.phrases.get(text)
        if entry is None or entry.category is not Category.country:
            continue
        if text.casefold() == entry.value.casefold() or not text[:1].isupper():
            return start  # a code ('UK') or a lowercase word
        if _state_institution(brief, one_spaced(brief.source, start, end)):
            return start  # 'the United States Senate': the country, see docs
        before = words[-length - 1] if len(words) > length else ""
        if before[:1].isupper() and not brief.stands_alone(before):
            return start  # 'an Air China Boeing': the country is in another name
        return brief.source.rindex(words[-length], 0, start)
    return start


def adjective_before(brief: OrgText, start: int, end: int) -> int:
    """'Cuban ' + 'American National Foundation': a nationality adjective right before a
    name that a nationality adjective opens makes one compound ('Cuban American',
    'Arab American'), part of the name; so is one before a name that is no body every
    state has and no known organisation, which the run reader cut at a known name
    inside it ('Sudanese ' + 'Congress Party')."""
    previous = brief.source[max(0, start - 30) : start]
    if not previous.endswith(" ") or not previous[-2:-1].isalpha():
        return start  # the common case: a small word or punctuation before the name
    word = previous.split()[-1]
    entry = phrase_entry(word)
    if entry is None or entry.category is not Category.demonym or not word[:1].isupper():
        return start
    opening = brief.source[start : start + 40].split(" ", 1)[0]
    opening_entry = phrase_entry(opening)
    if opening_entry is not None and opening_entry.category is Category.demonym:
        return start - 1 - len(word)
    name = one_spaced(brief.source, start, end)
    if " " not in name or _state_institution(brief, name):
        return start
    if known_organisation(name) and name not in _NATIONAL_SOCIETIES:
        return start
    return compass_before(brief.source, start - 1 - len(word))


_COMPASS_WORDS = ("North ", "South ", "East ", "West ", "Central ")


def compass_before(source: str, start: int) -> int:
    """'South ' + 'American Community of Nations', 'East ' + 'African Community': a compass
    word before the adjective makes it a continent's part, one adjective with it (before a
    country's name, a region of it: 'South ' + 'China Morning Post')."""
    for word in _COMPASS_WORDS:
        if (
            source.endswith(word, 0, start)
            and not source[start - len(word) - 1 : start - len(word)].isalpha()
        ):
            return start - len(word)
    return start


@cache
def _country_starts() -> frozenset[str]:
    """First words of the countries, seats and adjectives ('United', 'U.S.', 'Russian')."""
    return frozenset(
        text.split()[0]
        for text, entry in lexicon().phrases.items()
        if entry.category in _COUNTRY_WORDS
    )
