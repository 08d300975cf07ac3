"""Folded text transliterated: the one `fold` (app/vocabulary.py) now maps letters that
Unicode does not decompose (`ł`, `ø`, `đ`, `ı`, `æ`, `œ`, `þ`, `ð`, `ħ`) to ASCII, as slugs
always did, so search and actor matching agree with slugs on 'Łódź'. Stored folded columns
are rewritten the same way. Folded text is already casefolded, so only the lowercase
letters occur (`ß` was already `ss`). Two aliases of one actor that now fold alike are one.

The downgrade leaves the data as it is: the old fold cannot be recovered from the new one,
and text folded this way is still found by the old code's queries for the plain letters.

Revision ID: 5b1f0e7c9a24
Revises: e0481dc3a8d3
Create Date: 2026-12-02 23:55:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5b1f0e7c9a24"
down_revision: str | None = "e0481dc3a8d3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must not change when the code does.
LETTERS = (("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("æ", "ae"), ("œ", "oe"),
           ("þ", "th"), ("ð", "d"), ("ħ", "h"))  # fmt: skip
FOLDED_COLUMNS = (
    ("briefs", "search_text"),
    ("events", "search_text"),
    ("statements", "search_text"),
    ("claims", "search_text"),
    ("actors", "normalized_name"),
    ("actor_aliases", "normalized"),
)


def _transliterated(column: str) -> str:
    expression = column
    for letter, plain in LETTERS:
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def upgrade() -> None:
    # Keep the first of an actor's aliases that fold alike now (unique per actor).
    op.execute(
        "DELETE FROM actor_aliases WHERE id IN (SELECT later.id FROM actor_aliases later "
        "JOIN actor_aliases earlier ON earlier.actor_id = later.actor_id "
        f"AND earlier.id < later.id AND {_transliterated('earlier.normalized')} = "
        f"{_transliterated('later.normalized')})"
    )
    for table, column in FOLDED_COLUMNS:
        new = _transliterated(column)
        op.execute(f"UPDATE {table} SET {column} = {new} WHERE {column} <> {new}")


def downgrade() -> None:
    """Nothing to undo: see the module docstring."""
