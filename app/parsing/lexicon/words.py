"""The vocabulary the actor recogniser uses, built once from `data/*.json`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache

import pycountry

from app.parsing.lexicon.countries import country_tables
from app.parsing.lexicon.files import load_data

_UNPROSE = re.compile(r"[,()\[\]†]")


class Category(Enum):
    """What a known phrase names."""

    country = "country"
    demonym = "demonym"
    seat = "seat"
    org = "org"
    place = "place"
    title = "title"


@dataclass(frozen=True, slots=True)
class Entry:
    """A known phrase: its category and value (ISO code, or canonical organisation name)."""

    category: Category
    value: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists, keyed for exact-case phrase lookup or casefolded word lookup."""

    phrases: dict[str, Entry]
    longest_phrase: int
    title_heads: frozenset[str]
    title_modifiers: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    territory_heads: frozenset[str]
    event_heads: frozenset[str]
    place_prefixes: frozenset[str]
    stop_words: frozenset[str]
    sentence_starters: frozenset[str]
    event_nouns: frozenset[str]
    locatives: frozenset[str]
    institutions: frozenset[str]
    given_names: frozenset[str]
    movement_prefixes: frozenset[str]
    org_qualifiers: frozenset[str]
    group_markers: frozenset[str]
    not_surnames: frozenset[str]
    plurals: frozenset[str]


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


def _title_heads(heads: list[str], prefixes: list[str]) -> frozenset[str]:
    """The title heads, and each office joined by a hyphen to one of `prefixes` before it
    ('Vice-Minister', 'Deputy-Director', 'Lieutenant-Governor', 'Major-General', as
    'Vice-President' is written)."""
    folded = _folded(heads)
    offices = [h for h in folded if h.isalpha()]
    return folded | {f"{prefix}-{h}" for prefix in _folded(prefixes) for h in offices}


def subdivision_names() -> list[str]:
    """pycountry's multi-word subdivision names ('New South Wales', 'Santa Cruz').

    One-word names are left out: too many are also given names or countries ('Victoria',
    'Georgia'). Names with commas or brackets are pycountry's sorting forms, not prose.
    """
    names = (" ".join(s.name.split()) for s in pycountry.subdivisions)
    return sorted({n for n in names if " " in n and not _UNPROSE.search(n) and n[0].isupper()})


# The classes of `international_bodies.json`, each from its reference list (see its `_doc`).
_BODY_KINDS = (
    "intergovernmental",
    "peace_operations",
    "news_agencies",
    "broadcasters",
    "newspapers",
)


def _phrases() -> dict[str, Entry]:
    tables = country_tables()
    stop = load_data("stopwords.json")
    orgs = load_data("organizations.json")["known"]
    phrases: dict[str, Entry] = {}
    # Later updates win: a seat such as "Kuwait City" must not stay a place, and so on.
    phrases.update({p: Entry(Category.place, p) for p in subdivision_names()})
    phrases.update({p: Entry(Category.place, p) for p in stop["places"]})
    phrases.update({p: Entry(Category.title, p) for p in load_data("titles.json")["phrases"]})
    phrases.update({p: Entry(Category.seat, c) for p, c in tables.seats.items()})
    phrases.update({p: Entry(Category.demonym, c) for p, c in tables.demonyms.items()})
    phrases.update({p: Entry(Category.country, c) for p, c in tables.names.items()})
    bodies = load_data("international_bodies.json")
    for table in (orgs, *(bodies[kind] for kind in _BODY_KINDS)):
        for canonical, aliases in table.items():
            for form in [canonical, *aliases]:
                phrases[form] = Entry(Category.org, canonical)
    return phrases


@cache
def lexicon() -> Lexicon:
    """Load the vocabulary once per process."""
    stop = load_data("stopwords.json")
    titles = load_data("titles.json")
    orgs = load_data("organizations.json")
    given = load_data("given_names.json")
    phrases = _phrases()
    return Lexicon(
        phrases=phrases,
        longest_phrase=max(len(p.split()) for p in phrases),
        title_heads=_title_heads(titles["heads"], titles["hyphen_prefixes"]),
        title_modifiers=_folded([w for phrase in titles["modifiers"] for w in phrase.split()]),
        org_heads=_folded(orgs["heads"]),
        place_heads=_folded(stop["place_heads"]),
        territory_heads=frozenset(stop["territory_heads"]),
        event_heads=_folded(stop["event_heads"]),
        place_prefixes=frozenset(stop["place_prefixes"]),
        stop_words=_folded(stop["words"]),
        sentence_starters=frozenset(stop["sentence_starters"]),
        event_nouns=_folded(stop["event_nouns"]),
        locatives=_folded(stop["locatives"]),
        institutions=_folded(orgs["institutions"]),
        given_names=frozenset(given["given"] + given["family_first"]),
        movement_prefixes=frozenset(
            orgs["movement_prefixes"] + orgs["press_openers"] + orgs["heads_first"]
        ),
        org_qualifiers=_folded(orgs["qualifiers"]),
        group_markers=frozenset(orgs["group_markers"]),
        not_surnames=_folded(stop["not_surnames"] + stop["sentence_starters"]),
        plurals=_folded(stop["plurals"]),
    )
