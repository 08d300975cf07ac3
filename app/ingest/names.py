"""Normalised forms of names, used to match actors across briefs and to build slugs."""

from __future__ import annotations

import re
import unicodedata

from app.parsing.actors import slugify as parser_slug

# Combining marks left by NFKD decomposition (é -> e + U+0301); a regex strips them in C.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Typographic punctuation made plain. Chained str.replace rather than str.translate: each
# is one C scan of the text, where translate looks every character up (4x slower).
_PLAIN_PUNCTUATION = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'),
                      ("‐", "-"), ("‑", "-"), ("–", "-"), ("—", "-"))  # fmt: skip
SLUG_MAX = 150


def _plain_fold(name: str) -> str:
    return " ".join(name.lower().split())


def fold(name: str) -> str:
    """Case- and accent-insensitive form: `Erdoğan` and `ERDOGAN` both give `erdogan`."""
    if name.isascii():  # most names; ASCII text holds no typographic punctuation either
        return _plain_fold(name)
    for typographic, plain in _PLAIN_PUNCTUATION:
        name = name.replace(typographic, plain)
    if name.isascii():
        return _plain_fold(name)
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join(_COMBINING.sub("", decomposed).casefold().split())


def slugify(name: str) -> str:
    """URL-safe ASCII slug, bounded for the `actors.slug` column: the parser's actor-key slug
    (`Luiz Inácio Lula da Silva` -> `luiz-inacio-lula-da-silva`) of the folded name, so
    typographic apostrophes and dashes split words as plain ones do."""
    return parser_slug(fold(name))[:SLUG_MAX].rstrip("-") or "actor"
