"""Known organisations, and the name an organisation is stored and looked up under.

A known organisation (`data/organizations.json` and the other lexicon files) is named by
its canonical name whichever of its forms a brief writes ('U.N.' -> 'United Nations'); an
organisation's *qualified name* adds the country its name does not say ('Foreign Ministry'
of RU -> 'Russian Foreign Ministry') or reads it from a tail `of <country>` ('Ministry of
Foreign Affairs of the People's Republic of China' -> 'Chinese Ministry of Foreign
Affairs'), so keys, slugs and lookups tell two countries' bodies apart.
See docs/parsing.md, "Organisations".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from app.parsing.lexicon.countries import country_adjective, country_name
from app.parsing.lexicon.words import Category, Entry, lexicon


def _known() -> dict[str, Entry]:
    return lexicon().phrases


def known_organisation(name: str) -> str | None:
    """The canonical name of a known organisation written `name`, else None."""
    entry = _known().get(name)
    return entry.value if entry is not None and entry.category is Category.org else None


def phrase_entry(text: str) -> Entry | None:
    """The known phrase `text` is, read without a possessive ('Russia's', 'Workers'')."""
    known = _known()
    found = known.get(text)
    if found is None and text.endswith(("'s", "’s", "'", "’")):
        found = known.get(text.removesuffix("s").rstrip("'’") if text[-1] == "s" else text[:-1])
    return found


def known_forms(name: str) -> tuple[str, ...]:
    """Every written form of the known organisation `name` is a form of, else (); leaving
    out a form that differs only in case from another organisation's ('BRICs', 'BRICS')."""
    canonical = known_organisation(name)
    if canonical is None:
        return ()
    return _forms_by_organisation().get(canonical, ())


@cache
def _forms_by_organisation() -> dict[str, tuple[str, ...]]:
    owners: dict[str, set[str]] = {}
    for text, entry in _known().items():
        if entry.category is Category.org:
            owners.setdefault(text.casefold(), set()).add(entry.value)
    forms: dict[str, list[str]] = {}
    for text, entry in _known().items():
        if entry.category is Category.org and len(owners[text.casefold()]) == 1:
            forms.setdefault(entry.value, []).append(text)
    return {canonical: tuple(texts) for canonical, texts in forms.items()}


def country_suffix(name: str) -> tuple[str, str] | None:
    """'Ministry of Foreign Affairs of the People's Republic of China' -> ('Ministry of
    Foreign Affairs', 'CN'): an organisation's name ending in its country, else None."""
    at = name.find(" of ")
    while at > 0:
        tail = name[at + 4 :]
        entry = _known().get(tail[4:] if tail.startswith("the ") else tail)
        if entry is not None and entry.category is Category.country:
            return name[:at], entry.value
        at = name.find(" of ", at + 1)
    return None


@lru_cache(maxsize=4096)
def qualified_name(name: str, country: str | None) -> str:
    """What an organisation's key, slug and lookups are made from: a known organisation's
    canonical name ('U.N.' -> 'United Nations'), with the country when the name does not
    say it ('Foreign Ministry' of RU -> 'Russian Foreign Ministry', so Russia's and
    Ukraine's ministries stay apart; 'Atomic Energy Organization of Iran' stays)."""
    # 'The Irish Times' and 'Irish Times' (at a sentence's start) are one newspaper.
    name = known_organisation(name) or name.removeprefix("The ")
    if suffix := country_suffix(name):
        name, country = suffix  # 'Ministry of Foreign Affairs of China' as 'Chinese ...'
    if not country:
        return name
    adjective, country_text = country_adjective(country), country_name(country)
    folded = name.casefold()
    if adjective.casefold() in folded or country_text.casefold() in folded:
        return name
    return f"{adjective} {name}"


@cache
def forms_by_inner_link() -> dict[str, dict[str, tuple[tuple[str, int], ...]]]:
    """The known organisations' forms that hold a lowercase word ('Conference on
    Disarmament', 'United Nations Conference on Trade and Development'), by the word
    before their first lowercase word ('Conference') and that word with it ('Conference
    on '), each with where that word starts in the form: the run reader stops at such
    words."""
    found: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for text, entry in _known().items():
        if entry.category is not Category.org or " " not in text:
            continue
        words = text.split(" ")
        for index, word in enumerate(words[1:], 1):
            if word.islower():
                offset = len(" ".join(words[: index - 1])) + (index > 1)
                before = words[index - 1]
                patterns = found.setdefault(before, {})
                patterns.setdefault(f"{before} {word} ", []).append((text, offset))
                break
    return {
        before: {
            pattern: tuple(sorted(forms, key=lambda f: -len(f[0])))
            for pattern, forms in patterns.items()
        }
        for before, patterns in found.items()
    }


_ENDS_IN_A_NUMBER = re.compile(r"\S[+ ][0-9]+$")


@cache
def forms_with_a_number() -> tuple[str, ...]:
    """The known organisations' forms that end in '+' or a space and a number ('P5+1',
    'E3+3', 'France 24', 'Group of 77'): the scanner reads no word in their number, and a
    country's name may open them."""
    return tuple(
        text
        for text, entry in _known().items()
        if entry.category is Category.org and _ENDS_IN_A_NUMBER.search(text) is not None
    )
