"""Actor variant keys: `actors.variant_key`, a person's loose key (the surname with the usual
romanisation differences taken out, and the given name's initial: `lavrav s`), indexed with
`kind`, under which the ingest finds the stored people another spelling of a name may be
(`app.parsing.names.variants`). Backfilled for every stored person.

Revision ID: 9d2e4a7b1c35
Revises: 5b1f0e7c9a24
Create Date: 2026-12-03 12:00:00
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9d2e4a7b1c35"
down_revision: str | None = "5b1f0e7c9a24"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must not change when the code does. This is
# `variant_key` of app/parsing/names/variants.py as of this revision, with the `particles`
# of app/parsing/data/names.json and `fold`/`slugify` of app/vocabulary.py.
PARTICLES = frozenset(
    ("da", "de", "dos", "das", "del", "della", "der", "den", "van", "von", "bin", "ibn",
     "bint", "al", "el", "ter", "zu", "du")
)  # fmt: skip
PLAIN = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-",
     "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"}
)  # fmt: skip


def _slug(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.translate(PLAIN))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    ascii_text = bare.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:150].rstrip("-") or "actor"


def _skeleton(word: str) -> str:
    plain = re.sub(r"(.)\1+", r"\1", word.replace("y", "i").replace("ou", "u"))
    return plain.translate(str.maketrans("eou", "aaa")) if len(plain) >= 5 else plain


def _variant_key(name: str) -> str | None:
    words = [_slug(w) for w in name.replace("-", " ").split() if w.casefold() not in PARTICLES]
    return f"{_skeleton(words[-1])} {words[0][0]}" if len(words) >= 2 else None


def upgrade() -> None:
    op.add_column("actors", sa.Column("variant_key", sa.Text(), nullable=True))
    op.create_index("ix_actors_kind_variant_key", "actors", ["kind", "variant_key"])
    bind = op.get_bind()
    people = bind.execute(sa.text("SELECT id, name FROM actors WHERE kind = 'person'"))
    keys = [{"id": i, "key": key} for i, name in people if (key := _variant_key(name))]
    if keys:
        bind.execute(sa.text("UPDATE actors SET variant_key = :key WHERE id = :id"), keys)


def downgrade() -> None:
    op.drop_index("ix_actors_kind_variant_key", table_name="actors")
    # Not a batch operation: on SQLite that copies `actors` and drops the old table, and the
    # foreign keys' ON DELETE CASCADE would empty every table that points at it.
    op.execute("ALTER TABLE actors DROP COLUMN variant_key")
