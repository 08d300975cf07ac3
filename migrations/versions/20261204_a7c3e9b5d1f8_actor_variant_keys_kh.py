"""Actor variant keys, parser 1.13.0: a surname's `kh` reads as `h` (the Russian and Tajik
`х`: `Rakhmonov`/`Rahmonov`) and the English `oo` as `u` (`al-Aloul`/`al-Alool`), so the
ingest finds the stored people that those spellings join (`app.parsing.names.variants`);
with the changes since e3f8a1c57d20 that no migration carried: a generational numeral
(`II`, `III`, `IV`) is left out as `Jr.` is (parser 1.10.0: `Benigno Aquino III` was keyed
by `III`), and the Spanish `y` is a particle (`Obando y Bravo`). Every stored person is
keyed again; down restores the keys of e3f8a1c57d20.

Revision ID: a7c3e9b5d1f8
Revises: b5e1d9c3a7f2
Create Date: 2026-12-04 15:20:00
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

revision: str = "a7c3e9b5d1f8"
down_revision: str | None = "b5e1d9c3a7f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _loose() -> ModuleType:
    """e3f8a1c57d20, whose key this one changes: a migration file does not change, so its
    written-out `variant_key` is read from there, not copied, nor imported from the code."""
    path = Path(__file__).with_name("20261203_e3f8a1c57d20_actor_variant_keys_loose.py")
    spec = importlib.util.spec_from_file_location("variant_keys_loose", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LOOSE = _loose()
SPELLED_OUT = (("kh", "h"), *LOOSE.SPELLED_OUT)
# `particles` and `name_suffixes` of app/parsing/data/names.json as of this revision.
PARTICLES = LOOSE.PARTICLES | {"y"}
SUFFIXES = LOOSE.SUFFIXES | {"ii", "iii", "iv"}


def _skeleton(word: str) -> str:
    plain = word.replace("y", "i").replace("ou", "u").replace("oo", "u")
    for written, read in SPELLED_OUT:
        plain = plain.replace(written, read)
    plain = LOOSE.DOUBLE.sub(r"\1", plain)
    return LOOSE.DOUBLE.sub(r"\1", plain.translate(LOOSE.VOWELS)) if len(plain) >= 5 else plain


def _variant_key(name: str) -> str | None:
    spaced = LOOSE.GLUED_ARTICLE.sub(r"\1 ", LOOSE.APOSTROPHES.sub("", name)).replace("-", " ")
    words = [
        LOOSE._slug(w)
        for w in spaced.split()
        if w.casefold() not in PARTICLES and w.rstrip(".").casefold() not in SUFFIXES
    ]
    if len(words) < 2:
        return None
    surname = LOOSE.INNER_VOWELS.sub("", _skeleton(words[-1]).translate(LOOSE.KOREAN))
    return f"{surname} {_skeleton(words[0]).translate(LOOSE.KOREAN)[0]}"


def upgrade() -> None:
    LOOSE._rekey(_variant_key)


def downgrade() -> None:
    LOOSE._rekey(LOOSE._variant_key)
