"""Normalised forms of names, used to match actors across briefs and to build slugs."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
SLUG_MAX = 150


def fold(name: str) -> str:
    """Case- and accent-insensitive form: `Erdoğan` and `ERDOGAN` both give `erdogan`."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def slugify(name: str) -> str:
    """URL-safe ASCII slug: `Luiz Inácio Lula da Silva` -> `luiz-inacio-lula-da-silva`."""
    ascii_name = fold(name).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_name).strip("-")[:SLUG_MAX].rstrip("-") or "actor"
