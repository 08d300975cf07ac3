"""The vocabulary every layer shares: the enums that are parsed, stored and served, and the
one way text is folded for matching and turned into a slug.

It imports nothing from the application, so parsing, ingest, storage and the API may all
import it (docs/architecture.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache


class ActorKind(StrEnum):
    person = "person"
    organization = "organization"
    country = "country"


class ClaimStatus(StrEnum):
    verified = "verified"
    unconfirmed = "unconfirmed"
    disputed = "disputed"
    reported = "reported"


class StatementKind(StrEnum):
    quote = "quote"
    reported = "reported"


class SectionKind(StrEnum):
    title = "title"  # type: ignore[assignment]  # shadows str.title; the value is the contract
    lead = "lead"
    key_takeaways = "key_takeaways"
    verified_facts = "verified_facts"
    context_impact = "context_impact"
    official_statements = "official_statements"
    unconfirmed = "unconfirmed"
    disputed = "disputed"
    bottom_line = "bottom_line"
    extra = "extra"


class RevisionKind(StrEnum):
    """What a brief revision records: the first content, a new one, or the deletion."""

    created = "created"
    updated = "updated"
    deleted = "deleted"


class ChangeType(StrEnum):
    """One entry of the change feed (`GET /v1/changes`)."""

    brief_created = "brief.created"
    brief_updated = "brief.updated"
    brief_deleted = "brief.deleted"
    claim_added = "claim.added"
    claim_removed = "claim.removed"
    claim_status_changed = "claim.status_changed"
    statement_added = "statement.added"
    statement_removed = "statement.removed"
    event_added = "event.added"
    event_removed = "event.removed"


# Combining marks left by NFKD decomposition (é -> e + U+0301); a regex strips them in C.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Typographic punctuation made plain. Chained str.replace rather than str.translate: each
# is one C scan of the text, where translate looks every character up (4x slower).
_PLAIN_PUNCTUATION = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'),
                      ("‐", "-"), ("‑", "-"), ("–", "-"), ("—", "-"))  # fmt: skip
# Letters that Unicode does not decompose into an ASCII base letter ('Łódź' -> 'Lodz').
TRANSLITERATE = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"}
)  # fmt: skip
_TRANSLITERATIONS = tuple(
    (chr(code), str(ascii_form)) for code, ascii_form in TRANSLITERATE.items()
)
_TRANSLITERATED = re.compile(f"[{''.join(letter for letter, _ in _TRANSLITERATIONS)}]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_MAX = 150


def _plain_fold(text: str) -> str:
    return " ".join(text.lower().split())


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form for matching and search: `Erdoğan` and
    `ERDOGAN` both give `erdogan`, `Łódź` gives `lodz`, `Russia’s` gives `russia's`."""
    if text.isascii():  # most text; ASCII text holds no typographic punctuation either
        return _plain_fold(text)
    for typographic, plain in _PLAIN_PUNCTUATION:
        text = text.replace(typographic, plain)
    if text.isascii():
        return _plain_fold(text)
    if _TRANSLITERATED.search(text):
        # One C scan per letter present: str.translate looks up every character of the
        # text in a dict, 30 us on a brief's source.
        for letter, ascii_form in _TRANSLITERATIONS:
            if letter in text:
                text = text.replace(letter, ascii_form)
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(stripped.casefold().split())


@lru_cache(maxsize=4096)
def slugify(name: str) -> str:
    """URL-safe ASCII slug of the folded name, at most `SLUG_MAX` characters (the
    `actors.slug` column): `Luiz Inácio Lula da Silva` -> `luiz-inacio-lula-da-silva`;
    `actor` when nothing is left (`北京`)."""
    ascii_text = fold(name).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_text).strip("-")[:SLUG_MAX].rstrip("-") or "actor"


def _mark_ranges() -> str:
    """A regex class body of the combining marks (Unicode M*) of the Basic Multilingual
    Plane: they belong to the word they sit in (Devanagari, Hebrew or Arabic vowel signs)."""
    ranges, start = [], None
    for code in range(0x10000 + 1):
        is_mark = code < 0x10000 and unicodedata.category(chr(code)).startswith("M")
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    return "".join(ranges)


# The one rule that splits text into words for search (`q`): a word is a run of letters,
# digits and combining marks; everything else (space, punctuation, `_`, symbols) separates.
# SQLite's FTS5 index splits stored text the same way (unicode61, categories 'L* N* M*')
# and PostgreSQL's (`app.storage.search_index`); see docs/api.md, "Text search".
# Compiled on first use: listing the marks takes 0.1 s, which a parser process need not pay.
@lru_cache(maxsize=1)
def _word() -> re.Pattern[str]:
    return re.compile(rf"(?:[^\W_]|[{_mark_ranges()}])+")


_ASCII_WORD = re.compile("[A-Za-z0-9]+")


def words(text: str) -> list[str]:
    """The words of `text` (folded first by the caller), in order: `u.s.-led talks` gives
    `u`, `s`, `led`, `talks`."""
    # The class of every mark makes the general pattern slow (50 us on a claim's text);
    # ASCII text, most of it, has no mark and no letter outside A-Z.
    return _ASCII_WORD.findall(text) if text.isascii() else _word().findall(text)


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """Each word of `text`, in order, found as it is read (a caller may stop early)."""
    pattern = _ASCII_WORD if text.isascii() else _word()
    return pattern.finditer(text)


# The SQL function (SQLite, registered on every connection by `app.db`) that tells whether
# every one of its space-separated words starts a word of a folded text.
STARTS_WORDS_SQL = "chancery_starts_words"


def starts_words(folded: str, prefixes: str) -> bool:
    """Whether each of `prefixes` (words, space-separated) starts a word of `folded`: a row
    read in a list's order is checked this way (`app.api.repositories.text_search`)."""
    if folded.isascii() and prefixes.isascii():  # one C scan per prefix: no word list
        return all(_ascii_word_start(prefix).search(folded) for prefix in prefixes.split())
    found = words(folded)
    return all(any(word.startswith(prefix) for word in found) for prefix in prefixes.split())


@lru_cache(maxsize=256)
def _ascii_word_start(prefix: str) -> re.Pattern[str]:
    """`prefix` where a word starts, in ASCII text."""
    return re.compile(f"(?<![A-Za-z0-9]){re.escape(prefix)}")
