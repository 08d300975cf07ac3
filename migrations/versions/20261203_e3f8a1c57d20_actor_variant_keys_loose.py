"""Actor variant keys, looser (parser 1.7.0): a person's `actors.variant_key` becomes the
surname's consonants (inner vowels left out, `q`/`g`/`k`, `d`/`t`, `b`/`p`, `j`/`ch` read as
one) and the given name's initial, so the ingest finds the stored people that the round-6
spelling rules may join (`Gaddafi`/`Qaddafi`, `Dagalo`/`Daglo`, `Kim Gye-gwan`/`Kim Kye
Gwan`: `app.parsing.names.variants`). Every stored person is keyed again; down restores the
keys of 9d2e4a7b1c35.

Revision ID: e3f8a1c57d20
Revises: e5f1a9c3d2b4
Create Date: 2026-12-03 14:00:00
"""

import re
import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e3f8a1c57d20"
down_revision: str | None = "e5f1a9c3d2b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must not change when the code does. This is
# `variant_key` of app/parsing/names/variants.py as of this revision (and, for going down, as
# of 9d2e4a7b1c35), with the `particles`, `name_suffixes` and `article_prefixes` of
# app/parsing/data/names.json and `fold`/`slugify` of app/vocabulary.py.
PARTICLES = frozenset(
    ("da", "de", "dos", "das", "del", "della", "der", "den", "van", "von", "bin", "ibn",
     "bint", "al", "el", "ter", "zu", "du", "di", "la", "le")
)  # fmt: skip
SUFFIXES = frozenset(("jr", "sr"))
ARTICLES = ("al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "abu", "abd")
GLUED_ARTICLE = re.compile(r"\b(" + "|".join(a.title() for a in ARTICLES) + r")(?=[A-Z][a-z])")
APOSTROPHES = re.compile(r"['’ʼʻ‘`]")
PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-",
     "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"}
)  # fmt: skip
SPELLED_OUT = (("ue", "u"), ("oe", "o"), ("ae", "a"), ("ch", "c"), ("sh", "s"), ("zh", "z"),
               ("dj", "d"), ("ph", "f"), ("c", "k"))  # fmt: skip
VOWELS = str.maketrans("eou", "aaa")
KOREAN = str.maketrans("gdbjq", "ktpkk")
INNER_VOWELS = re.compile(r"(?<=.)[aei](?=.)")
DOUBLE = re.compile(r"(.)\1+")


def _slug(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.translate(PLAIN))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    ascii_text = bare.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:150].rstrip("-") or "actor"


def _skeleton(word: str) -> str:
    plain = word.replace("y", "i").replace("ou", "u")
    for written, read in SPELLED_OUT:
        plain = plain.replace(written, read)
    plain = DOUBLE.sub(r"\1", plain)
    return DOUBLE.sub(r"\1", plain.translate(VOWELS)) if len(plain) >= 5 else plain


def _variant_key(name: str) -> str | None:
    spaced = GLUED_ARTICLE.sub(r"\1 ", APOSTROPHES.sub("", name)).replace("-", " ")
    words = [
        _slug(w)
        for w in spaced.split()
        if w.casefold() not in PARTICLES and w.rstrip(".").casefold() not in SUFFIXES
    ]
    if len(words) < 2:
        return None
    surname = INNER_VOWELS.sub("", _skeleton(words[-1]).translate(KOREAN))
    return f"{surname} {_skeleton(words[0]).translate(KOREAN)[0]}"


OLD_PARTICLES = frozenset(
    ("da", "de", "dos", "das", "del", "della", "der", "den", "van", "von", "bin", "ibn",
     "bint", "al", "el", "ter", "zu", "du")
)  # fmt: skip


def _old_skeleton(word: str) -> str:
    plain = DOUBLE.sub(r"\1", word.replace("y", "i").replace("ou", "u"))
    return plain.translate(VOWELS) if len(plain) >= 5 else plain


def _old_variant_key(name: str) -> str | None:
    words = [_slug(w) for w in name.replace("-", " ").split() if w.casefold() not in OLD_PARTICLES]
    return f"{_old_skeleton(words[-1])} {words[0][0]}" if len(words) >= 2 else None


def _rekey(key_of: Callable[[str], str | None]) -> None:
    bind = op.get_bind()
    people = bind.execute(sa.text("SELECT id, name FROM actors WHERE kind = 'person'"))
    keys = [{"id": i, "key": key_of(name)} for i, name in people]
    if keys:
        bind.execute(sa.text("UPDATE actors SET variant_key = :key WHERE id = :id"), keys)


def upgrade() -> None:
    _rekey(_variant_key)


def downgrade() -> None:
    _rekey(_old_variant_key)
