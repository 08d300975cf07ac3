"""Spellings of one person's name: the loose key that finds candidates, and the decision.

Pure functions shared by the parser's `actors.Registry` (spellings within one brief) and the
ingest's `ActorResolver` (spellings across briefs), so both merge by the same evidence:

* names that differ only in hyphens, spaces, case or diacritics are one person
  (`Kim Jong-un`, `Kim Jong Un`; `Orbán`, `Orban`);
* otherwise the surnames must be one form up to transliteration (`skeleton`), the given
  names compatible (one form up to transliteration, a common short or cognate form, an
  initial), the middle names compatible, and the countries, when both are known, one.
  A weaker match (a short form, an initial, a middle name left out) also needs support:
  the same brief, the same country, or titles sharing a word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from app.parsing.lexicon.files import load_data
from app.parsing.names.tokens import PARTICLES
from app.vocabulary import fold, slugify

_GIVEN = load_data("given_names.json")
_FAMILY_FIRST = frozenset(slugify(name) for name in _GIVEN["family_first"])
# Each common short or cognate form of a given name -> the group of forms it belongs to.
_GIVEN_FORMS = {
    form: index
    for index, group in enumerate(_GIVEN["given_name_forms"])
    for form in map(slugify, group)
}
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = str.maketrans("eou", "aaa")
# Below this length a vowel is part of the name (`Yi`/`Ye`, `Sen`/`Sun`, `Jong`/`Jung`).
_VOWEL_FREE_FROM = 5


class PersonName(NamedTuple):
    """A person's name with what tells two people of one name apart."""

    name: str
    title: str | None = None
    country: str | None = None


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name: hyphens read as spaces, particles (`bin`, `da`) left out."""
    words = name.replace("-", " ").split()
    return tuple(slugify(w) for w in words if w.casefold() not in PARTICLES)


@lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """A folded word with the usual romanisation differences of Russian, Ukrainian and Arabic
    names taken out: `y` read as `i` (`Sergey`/`Sergei`, `Zelenskyy`/`Zelenskiy`,
    `Nebenzya`/`Nebenzia`), doubled letters as one (`Vassily`/`Vasily`), and in words of
    five letters or more `a`, `e`, `o`, `u` as one vowel (`Mohammed`/`Muhammad`); and the
    French `ou` as `u` (`Moussa`/`Musa`)."""
    plain = _DOUBLE.sub(r"\1", word.replace("y", "i").replace("ou", "u"))
    return plain.translate(_VOWELS) if len(plain) >= _VOWEL_FREE_FROM else plain


def variant_key(name: str) -> str | None:
    """The loose key under which spellings of one person meet: the surname's skeleton and
    the given name's initial (`lavrav s`), None for a single word."""
    words = name_words(name)
    if len(words) < 2:
        return None
    return f"{skeleton(words[-1])} {words[0][0]}"


def _word_match(a: str, b: str) -> str | None:
    """'same' (one form up to transliteration), 'weak' (an initial, a short or cognate
    form) or None."""
    if skeleton(a) == skeleton(b):
        return "same"
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return "weak"
    group = _GIVEN_FORMS.get(a)
    return "weak" if group is not None and group == _GIVEN_FORMS.get(b) else None


def _middles_match(a: tuple[str, ...], b: tuple[str, ...], family_first: bool) -> str | None:
    if len(a) != len(b):
        # One name leaves its middle names out (`Rafael Grossi`); never two different sets
        # (`George W. Bush`, `George H. W. Bush`), nor in a family-first name (`Kim Jong Un`).
        return "weak" if not (a and b) and not family_first else None
    found = [_word_match(x, y) for x, y in zip(a, b, strict=True)]
    if None in found:
        return None
    return "weak" if "weak" in found else "same"


def _title_words(title: str | None) -> set[str]:
    return set(fold(title).replace("-", " ").split()) if title else set()


def _attributes(a: PersonName, b: PersonName) -> str | None:
    """'support' when the countries agree or the titles share a word, None when the
    countries differ, else 'none'. Two titles never conflict: one person holds several
    (`Ambassador`, `Permanent Representative`) and changes office between briefs."""
    if a.country and b.country:
        return "support" if a.country.upper() == b.country.upper() else None
    return "support" if _title_words(a.title) & _title_words(b.title) else "none"


def same_person(a: PersonName, b: PersonName, *, same_brief: bool = False) -> bool:
    """True when the two names are one person's, by the rules of the module docstring."""
    words_a, words_b = name_words(a.name), name_words(b.name)
    if len(words_a) < 2 or len(words_b) < 2:
        return False  # a bare surname names many people
    if "".join(words_a) == "".join(words_b):
        return True
    if skeleton(words_a[-1]) != skeleton(words_b[-1]):
        return False
    attributes = _attributes(a, b)
    given = _word_match(words_a[0], words_b[0])
    family_first = words_a[0] in _FAMILY_FIRST or words_b[0] in _FAMILY_FIRST
    middles = _middles_match(words_a[1:-1], words_b[1:-1], family_first)
    if attributes is None or given is None or middles is None:
        return False
    return given == middles == "same" or same_brief or attributes == "support"
