"""A word index for `q` on briefs, claims, statements and events (`app.storage.search_index`),
filled here from the stored rows.

SQLite: an FTS5 table `<table>_fts` over `search_text` (external content, no copy of the
text; unicode61 with remove_diacritics 2, words of letters, digits and combining marks;
prefix indexes of 1 to 3 characters, so short prefixes read one list), kept by triggers.
PostgreSQL: a generated column `search_vector`, `to_tsvector('simple', ...)` of the text
with every ASCII character but letters and digits made a space first (the parser would
otherwise keep `a@b.com`, `3.5` or `foo-bar` whole, which FTS5 splits), and a GIN index.

Revision ID: e5f1a9c3d2b4
Revises: e5d3a1c7b9f2
Create Date: 2026-12-03 13:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e5f1a9c3d2b4"
down_revision: str | None = "e5d3a1c7b9f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = ("briefs", "claims", "statements", "events")
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
# ASCII but letters and digits: control characters (not NUL), punctuation and symbols.
ASCII_SEPARATORS = r"[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+"
TSVECTOR = (
    f"to_tsvector('simple'::regconfig, regexp_replace(search_text, '{ASCII_SEPARATORS}', ' ', 'g'))"
)
TRIGGER_EVENTS = ("insert", "delete", "update")


def _sqlite_create(table: str) -> list[str]:
    fts = f"{table}_fts"
    add = f"INSERT INTO {fts} (rowid, search_text) VALUES (new.id, new.search_text);"
    remove = (
        f"INSERT INTO {fts} ({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    )
    options = f"content='{table}', content_rowid='id', tokenize=\"{TOKENIZE}\", prefix='1 2 3'"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, {options})",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text ON {table} "
        f"BEGIN {remove} {add} END",
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    ]


def _sqlite_drop(table: str) -> list[str]:
    fts = f"{table}_fts"
    triggers = [f"DROP TRIGGER IF EXISTS {fts}_{event}" for event in TRIGGER_EVENTS]
    return [*triggers, f"DROP TABLE IF EXISTS {fts}"]


def _postgresql_create(table: str) -> list[str]:
    return [
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({TSVECTOR}) STORED",
        f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)",
    ]


def _postgresql_drop(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS ix_{table}_search_vector",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector",
    ]


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    for table in SEARCHED:
        for statement in _sqlite_create(table) if _sqlite() else _postgresql_create(table):
            op.execute(statement)


def downgrade() -> None:
    for table in SEARCHED:
        for statement in _sqlite_drop(table) if _sqlite() else _postgresql_drop(table):
            op.execute(statement)
