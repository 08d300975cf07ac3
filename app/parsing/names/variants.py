"""Spellings of one person's name: the loose key that finds candidates, and the decision.

Pure functions shared by the parser's `actors.Registry` (spellings within one brief) and the
ingest's `ActorResolver` (spellings across briefs), so both merge by the same evidence:

* names that differ only in hyphens, spaces, case or diacritics are one person
  (`Kim Jong-un`, `Kim Jong Un`; `Orbán`, `Orban`);
* otherwise the surnames must be one form up to transliteration (`skeleton`), the given
  names compatible (one form up to transliteration, a common short or cognate form, an
  initial), the middle names compatible, and the countries, when both are known, one.
  A weaker match (a short form, an initial, a middle name left out) also needs support:
  the same brief, the same country, or titles sharing a word;
* within a brief, a name of two words or more lengthened at its end (`Abiy Ahmed`, `Abiy
  Ahmed Ali`), at both ends (`Vinicio Cerezo`, `Marco Vinicio Cerezo Arévalo`) or after its
  first word (`Jorge Glas`, `Jorge David Glas Espinel`), not in a family-first name (`Kim
  Jong`, `Kim Jong Un`); one name written in both orders
  (`Sze-yuen Chung`, `Chung Sze-yuen`);
* initials written together are initials (`J.R. Jayawardene`, `J. R. Jayewardene`);
* a surname of five letters or more that differs only in its inner vowels or in `q`/`g`/`k`
  (`Dagalo`/`Daglo`, `Afwerki`/`Afewerki`, `Gaddafi`/`Qaddafi`: `loose`), or in the 'h' of
  an Indian aspirate (`Prabhakaran`/`Prabakaran`: `unaspirated_key`) is a weaker match
  too, and only beside a given name of one form and supporting evidence; in a name written
  family first, `k`/`g`, `t`/`d`, `p`/`b` and `ch`/`j` are the two romanisations of Korean
  (`Kim Kye Gwan`/`Kim Gye-gwan`), and `ou` written for `o` (`Young`/`Yong`), never other
  inner vowels (`Li Qiang` is not `Li Keqiang`, `Jong` is not `Jung`);
* a word of five letters or more that differs only in `w`/`v`, `b`/`v`, `sch`/`sz`, an
  opening `j`/`i`, `e`/`i`, `u`/`o` or `zh`/`j`, `tch`/`ch` or a final `ff`/`v`
  (`alternated`: `Osvaldo`/`Oswaldo`, `Ioffe`/`Joffe`, `Ebrahim`/`Ibrahim`,
  `Zhaparov`/`Japarov`, `Fitchev`/`Fichev`) is a weaker match too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from app.parsing.lexicon.files import load_data
from app.parsing.names.tokens import PARTICLES
from app.vocabulary import fold, slugify

_GIVEN = load_data("given_names.json")
_NAMES = load_data("names.json")
_SUFFIXES = frozenset(word.rstrip(".").casefold() for word in _NAMES["name_suffixes"])
_SUFFIX_ENDINGS = tuple({word[-1] for word in _NAMES["name_suffixes"]})  # 'Jr.', 'III'
# An Arabic article written onto the name with a capital (`ElBaradei`): two words.
_GLUED_ARTICLE = re.compile(
    r"\b(" + "|".join(word.title() for word in _NAMES["article_prefixes"]) + r")(?=[A-Z][a-z])"
)
# 'Abd' ('servant of') and the article after it, as written, the article's 'l' turned to the
# sun letter after it in 'Abdur Rahman', 'Abdus Salam', 'Abdun Nasir' (`_servant_of`).
_ABD_FORMS = ("abdel", "abdul", "abdal", "abdol", "abdoul", "abdur", "abdus", "abdun", "abd")
_APOSTROPHES = re.compile(r"['’ʼʻ‘`]")
_FAMILY_FIRST = frozenset(slugify(name) for name in _GIVEN["family_first"])
# Each common short or cognate form of a given name -> the group of forms it belongs to.
_GIVEN_FORMS = {
    form: index
    for index, group in enumerate(_GIVEN["given_name_forms"])
    for form in map(slugify, group)
}
_DOUBLE = re.compile(r"(.)\1+")
# Initials written without a space between them, folded: 'J.R.' -> 'j-r'.
_JOINED_INITIALS = re.compile(r"[a-z](?:-[a-z])+$")
# The aspirated consonants of Indian names, written with or without their 'h'
# ('Prabhakaran'/'Prabakaran', 'Gandhi'); 'kh' is the Russian sound already (`_SPELLED_OUT`).
_ASPIRATE = re.compile(r"(?<=[bdgj])h")
_VOWELS = str.maketrans("eou", "aaa")
# Letters written two ways in the Latin forms of one name: an umlaut spelled out
# (`Ruediger`/`Rüdiger`, folded `rudiger`), a caron or stroke letter spelled out
# (`Kovachevski`/`Kovačevski`, `Tudjman`/`Tuđman`, folded `c`, `d`), `ph` for `f`, `c` for `k`
# (`Nicos`/`Nikos`); `kh` for `h`, the Russian and Tajik `х` (`Rakhmonov`/`Rahmonov`).
_SPELLED_OUT = (
    ("kh", "h"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
    ("ch", "c"),
    ("sh", "s"),
    ("zh", "z"),
    ("dj", "d"),
    ("ph", "f"),
    ("c", "k"),
)
_INNER_VOWELS = re.compile(r"(?<=.)[aei](?=.)")
_INDONESIAN_Y = re.compile(r"(?<=[aeiou])j(?=[aeiou])")
_DUTCH_KH = re.compile(r"ch(?=[^aeiou])")
# Korean romanisations (McCune-Reischauer and Revised): one consonant, two letters.
_KOREAN = str.maketrans("gdbjq", "ktpkk")  # `ch` is already `c`, so `k`
# Below this length a vowel is part of the name (`Yi`/`Ye`, `Sen`/`Sun`, `Jong`/`Jung`).
_VOWEL_FREE_FROM = 5


class PersonName(NamedTuple):
    """A person's name with what tells two people of one name apart."""

    name: str
    title: str | None = None
    country: str | None = None


@lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """Folded words of a name: hyphens read as spaces, apostrophes inside a word left out
    (`Khamene'i`), particles (`bin`, `da`, a glued `El` of `ElBaradei`) and suffixes (`Jr.`)
    left out."""
    words = _GLUED_ARTICLE.sub(r"\1 ", _APOSTROPHES.sub("", name)).replace("-", " ").split()
    return tuple(
        slugify(w)
        for w in words
        if w.casefold() not in PARTICLES and w.rstrip(".").casefold() not in _SUFFIXES
    )


@lru_cache(maxsize=8192)
def _compared_words(name: str) -> tuple[str, ...]:
    """`name_words` with the Arabic 'Abd al-' ('servant of') in its written forms as one
    word before the surname: 'Abdel', 'Abdul', 'Abd' + 'al-' -> 'abd', and glued to the
    name after it, 'Abdelsalam' -> 'abd', 'salam' ('Abdullah', 'Abdalla' stay whole)."""
    words = name_words(name)
    if any(_JOINED_INITIALS.match(w) for w in words[:-1]):
        words = tuple(part for w in words for part in _initials(w))
    if not any(w.startswith("abd") for w in words[:-1]):
        return words  # the common case
    return (*(part for w in words[:-1] for part in _servant_of(w)), *words[-1:])


def _initials(word: str) -> tuple[str, ...]:
    """Initials written together ('J.R.', folded 'j-r') as the initials they are."""
    return tuple(word.split("-")) if _JOINED_INITIALS.match(word) else (word,)


def _servant_of(word: str) -> tuple[str, ...]:
    if word in _ABD_FORMS:
        return ("abd",)
    for form in _ABD_FORMS[:-1]:  # glued: 'abdel' + 'salam', never 'abd' + 'ullah'
        if word.startswith(form) and len(word) - len(form) >= 4:
            return "abd", word[len(form) :]
    return (word,)


@lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    """A folded word with the usual romanisation differences of Russian, Ukrainian and Arabic
    names taken out: `y` read as `i` (`Sergey`/`Sergei`, `Zelenskyy`/`Zelenskiy`,
    `Nebenzya`/`Nebenzia`), doubled letters as one (`Vassily`/`Vasily`), and in words of
    five letters or more `a`, `e`, `o`, `u` as one vowel (`Mohammed`/`Muhammad`, and so
    `Raeisi`/`Raisi`); the French `ou` and the English `oo` as `u` (`Moussa`/`Musa`,
    `Aloul`/`Alool`); letters spelled out (`_SPELLED_OUT`: `Ruediger`/`Rüdiger`,
    `Kovachevski`/`Kovačevski`, the Russian `х` as `kh` or `h`: `Rakhmonov`/`Rahmonov`)."""
    plain = word.replace("y", "i").replace("ou", "u").replace("oo", "u")
    for written, read in _SPELLED_OUT:
        if written in plain:
            plain = plain.replace(written, read)
    plain = _DOUBLE.sub(r"\1", plain)
    if len(plain) < _VOWEL_FREE_FROM:
        return plain
    return _DOUBLE.sub(r"\1", plain.translate(_VOWELS))


@lru_cache(maxsize=8192)
def loose(word: str) -> str:
    """The skeleton with `q`/`g` read as `k` (Arabic qaf: `Gaddafi`/`Qaddafi`) and, in words
    of five letters or more, the inner vowels left out (`Dagalo`/`Daglo`): a weaker match."""
    plain = skeleton(word).replace("q", "k").replace("g", "k")
    return _INNER_VOWELS.sub("", plain) if len(plain) >= _VOWEL_FREE_FROM else plain


@lru_cache(maxsize=8192)
def alternated(word: str) -> str:
    """The skeleton with the consonants that Latin spellings of one name write two ways read
    as one (a weaker match, in words of five letters or more): `w` for `v` (German and
    Polish: `Oswaldo`/`Osvaldo`), `b` for `v` (Spanish: `Tobar`/`Tovar`), the German `sch`
    for the Polish `sz` (`Skubischewski`/`Skubiszewski`), `j` for `i` opening a Russian
    name in its German or French spelling (`Joffe`/`Ioffe`), and the opening vowel that
    Persian and Arabic romanisations write two ways, `e` for `i` (`Ebrahim`/`Ibrahim`,
    `Esmail`/`Ismail`) and `u` for `o` (`Usman`/`Osman`), `zh` for `j` opening a Central
    Asian name (`Zhaparov`/`Japarov`), and the French spellings of Slavic names, `tch` for
    `ch` and a final `ff` for `v` (`Fitchev`/`Fichev`, `Tontcheff`/`Tonchev`), and the
    Dutch-era spelling of Indonesian and Malay names (`_van_ophuijsen`)."""
    plain = word.replace("sch", "sz").replace("tch", "ch").replace("w", "v").replace("b", "v")
    if "j" in plain or "ch" in plain:
        plain = _van_ophuijsen(plain)
    if plain.startswith("zh"):
        plain = "j" + plain[2:]
    if plain.endswith("ff"):
        plain = plain[:-2] + "v"
    opening = {"j": "i", "e": "i", "u": "o"}.get(plain[:1])
    return skeleton(opening + plain[1:] if opening else plain)


def _van_ophuijsen(word: str) -> str:
    """Indonesian and Malay names in the Dutch-era spelling, as the 1972 reform rewrote them:
    `tj` for `c`, `sj` and `nj` for `sy` and `ny`, a `j` between vowels for `y`, and `ch`
    before a consonant for `kh` (`Sjahrir`/`Syahrir`, `Sajoeti`/`Sayuti`, `Achmad`/`Ahmad`;
    `oe` for `u` and `dj` for `j` are read alike by `skeleton` already)."""
    plain = word.replace("tj", "c").replace("sj", "sy").replace("nj", "ny")
    plain = _INDONESIAN_Y.sub("y", plain)
    return _DUTCH_KH.sub("h", plain)


def _alternates(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= _VOWEL_FREE_FROM and alternated(a) == alternated(b)


def _korean(word: str) -> str:
    return skeleton(word).translate(_KOREAN)


@lru_cache(maxsize=8192)
def compact(name: str) -> str:
    """A name's folded letters, particles included, without spaces or hyphens:
    `Mohamed ElBaradei` and `Mohamed El Baradei` are one."""
    return slugify(_APOSTROPHES.sub("", name)).replace("-", "")


def variant_key(name: str) -> str | None:
    """The loose key under which spellings of one person meet: the surname's consonants
    (`loose`, inner vowels left out at any length, Korean pairs as one) and the given
    name's initial (`lvrv s`), None for a single word."""
    words = name_words(name)
    if len(words) < 2:
        return None
    return f"{surname_key(words[-1])} {_korean(words[0])[0]}"


@lru_cache(maxsize=8192)
def surname_key(word: str) -> str:
    """What two surnames share whenever `same_person` may accept them (`variant_key`)."""
    return _INNER_VOWELS.sub("", _korean(word))


def _word_match(a: str, b: str, family_first: bool = False) -> str | None:
    """'same' (one form up to transliteration), 'weak' (an initial, a short or cognate
    form, the other Korean romanisation) or None."""
    if skeleton(a) == skeleton(b):
        return "same"
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return "weak"
    if family_first and (_korean(a) == _korean(b) or _young(a) == _young(b)):
        return "weak"
    if (a[-1:] == "h" or b[-1:] == "h") and skeleton(_silent_h(a)) == skeleton(_silent_h(b)):
        return "weak"  # a final 'h' after a vowel: 'Abdullah'/'Abdalla'
    if ("q" in a or "q" in b) and skeleton(a.replace("q", "k")) == skeleton(b.replace("q", "k")):
        return "weak"  # the Arabic qaf written `q` or `k`: 'Zulfiqar'/'Zulfikar', 'Tariq'/'Tarik'
    if len(a) == len(b) >= _VOWEL_FREE_FROM and loose(a) == loose(b):
        return "weak"  # an inner vowel written `e` or `i`, letter for letter: 'Hafez'/'Hafiz'
    if not family_first and _alternates(a, b):
        return "weak"  # 'Oswaldo'/'Osvaldo', 'Tobar'/'Tovar'
    group = _GIVEN_FORMS.get(a)
    return "weak" if group is not None and group == _GIVEN_FORMS.get(b) else None


def _young(word: str) -> str:
    """A Korean syllable with 'ou' written for 'o', as 'yŏng' is written 'young' ('Kim
    Young-joo', 'Kim Yong-ju'), read as 'o'; no other vowel ('Jong' is not 'Jung')."""
    return _korean(word.replace("ou", "o")) if "ou" in word else _korean(word)


def _silent_h(word: str) -> str:
    """`word` without a final 'h' after a vowel, which Arabic names are transliterated with
    or without (`Abdullah`, `Abdalla`), in words of five letters or more."""
    if len(word) >= _VOWEL_FREE_FROM and word[-1] == "h" and word[-2] in "aeiou":
        return word[:-1]
    return word


def _middles_match(a: tuple[str, ...], b: tuple[str, ...], family_first: bool) -> str | None:
    if len(a) != len(b):
        # One name leaves its middle names out (`Rafael Grossi`); never two different sets
        # (`George W. Bush`, `George H. W. Bush`), nor in a family-first name (`Kim Jong Un`).
        return "weak" if not (a and b) and not family_first else None
    found = [_word_match(x, y, family_first) for x, y in zip(a, b, strict=True)]
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
    words_a, words_b = _compared_words(a.name), _compared_words(b.name)
    if len(words_a) < 2 or len(words_b) < 2:
        return False  # a bare surname names many people
    if other_generation(a.name, b.name):
        return False
    if "".join(words_a) == "".join(words_b) or compact(a.name) == compact(b.name):
        return True
    if same_brief and _reordered(words_a, words_b):
        # 'Sze-yuen Chung' and 'Chung Sze-yuen': one name written in both orders
        return _attributes(a, b) is not None
    family_first = words_a[0] in _FAMILY_FIRST or words_b[0] in _FAMILY_FIRST
    if not family_first and (_lengthens(words_a, words_b) or _lengthens(words_b, words_a)):
        # 'Abiy Ahmed Ali' (a grandfather's name), 'Hamad bin Jassim bin Jaber Al Thani':
        # one person in one brief (across briefs the surnames differ: no evidence enough)
        return same_brief and _attributes(a, b) is not None
    attributes = _attributes(a, b)
    if (
        same_brief
        and not family_first
        and attributes is not None
        and (_inserted(words_a, words_b) or _inserted(words_b, words_a))
    ):
        return True  # 'Jorge Glas', 'Jorge David Glas Espinel': one person in one brief
    surname = _surname_match(words_a[-1], words_b[-1], family_first)
    given = _word_match(words_a[0], words_b[0], family_first)
    middles = _middles_match(words_a[1:-1], words_b[1:-1], family_first)
    if surname is None or attributes is None or given is None or middles is None:
        return False
    if surname == "weak" and given != "same":
        return False  # two loose words: `Gary Kedem` is not `Cary Kadam`
    if (
        given == "weak"
        and len(words_a) != len(words_b)
        and min(len(words_a[0]), len(words_b[0])) == 1
    ):
        return False  # an initial and a middle name left out: `P. W. Botha` is not `Pik Botha`
    if given == middles == surname == "same":
        return True
    return same_brief or attributes == "support"


def other_generation(a: str, b: str) -> bool:
    """True when both names end in a generational suffix and the two differ: 'Henry
    Morgenthau Jr.' is the son of 'Henry Morgenthau Sr.'."""
    if not a.endswith(_SUFFIX_ENDINGS) or not b.endswith(_SUFFIX_ENDINGS):
        return False  # the common case
    first, second = _generation(a), _generation(b)
    return bool(first and second) and first != second


def _generation(name: str) -> str:
    """A name's generational suffix, folded ('jr', 'sr', 'iii'), else ''."""
    last = name.rsplit(maxsplit=1)[-1].rstrip(".").casefold()
    return last if last in _SUFFIXES else ""


def _lengthens(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when `longer` is `shorter` (two words or more) with names added at its end, or
    at both ends (`Vinicio Cerezo`, `Marco Vinicio Cerezo Arévalo`: a first given name and
    a second family name, as Spanish names are written in full)."""
    width = len(shorter)
    if not 2 <= width < len(longer):
        return False
    inner = tuple(map(skeleton, shorter))
    return any(
        tuple(map(skeleton, longer[at : at + width])) == inner for at in range(len(longer) - width)
    )


def _inserted(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when `longer` is `shorter` (two words or more) with names added after its first
    word, none an initial (`Vasco Rocha Vieira`, `Vasco Joaquim Rocha Vieira`; `Jorge Glas`,
    `Jorge David Glas Espinel`: a second given name, and a second family name after the
    first; not `George W. Bush` and `George H. W. Bush`)."""
    if not 2 <= len(shorter) < len(longer):
        return False
    words = tuple(map(skeleton, longer))
    if words[0] != skeleton(shorter[0]) or any(len(word) < 2 for word in words):
        return False
    rest = iter(words[1:])
    return all(skeleton(word) in rest for word in shorter[1:])


def _reordered(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when `a` and `b` are the same words of two or more, in another order (given
    name first in one, family name first in the other)."""
    return a != b and sorted(map(skeleton, a)) == sorted(map(skeleton, b))


def _surname_match(a: str, b: str, family_first: bool) -> str | None:
    if skeleton(a) == skeleton(b):
        return "same"
    if family_first:
        return "weak" if _korean(a) == _korean(b) else None
    if min(len(a), len(b)) >= _VOWEL_FREE_FROM and (
        loose(a) == loose(b) or unaspirated_key(a) == unaspirated_key(b) or _alternates(a, b)
    ):
        return "weak"
    return None


@lru_cache(maxsize=8192)
def unaspirated_key(word: str) -> str:
    """`surname_key` with the 'h' of an aspirated consonant left out (`_ASPIRATE`): what
    'Prabhakaran' and 'Prabakaran' share, a weaker match (the stored `variant_key` is
    unchanged)."""
    return surname_key(_ASPIRATE.sub("", word))
