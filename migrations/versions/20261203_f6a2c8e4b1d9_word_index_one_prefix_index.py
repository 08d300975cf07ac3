"""SQLite's word index keeps one prefix index, of 3 characters, instead of three (1, 2 and 3):
each prefix index adds an entry for every word of every row written, and the writer paid
0.3-0.5 ms of CPU per brief for each (docs/benchmarks.md, "Ingest with the word index").
The 3-character lists are those `q` reads to tell a common word from a rare one
(`app.api.repositories.text_search._common`); a prefix of 1 or 2 characters is still
matched, from the lists of the words it starts, merged when it is asked.

SQLite: each `<table>_fts` is dropped and created again with `prefix='3'`, its triggers
with it, and rebuilt from the stored rows (the downgrade does the same with `prefix='1 2
3'`). PostgreSQL: nothing changes (its GIN index has no prefix lists).

Revision ID: f6a2c8e4b1d9
Revises: a1d7c3e9f5b2
Create Date: 2026-12-03 17:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "f6a2c8e4b1d9"
down_revision: str | None = "a1d7c3e9f5b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHED = ("briefs", "claims", "statements", "events")
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* M*'"
TRIGGER_EVENTS = ("insert", "delete", "update")
# The table and triggers are those of e5f1a9c3d2b4, written again rather than imported
# from it: a migration stays as it ran, whatever a later one changes.


def _recreate(table: str, prefixes: str) -> list[str]:
    """Drop `table`'s FTS5 index and its triggers, create them with `prefixes`, rebuild it."""
    fts = f"{table}_fts"
    add = f"INSERT INTO {fts} (rowid, search_text) VALUES (new.id, new.search_text);"
    remove = (
        f"INSERT INTO {fts} ({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    )
    options = f"content='{table}', content_rowid='id', tokenize=\"{TOKENIZE}\", prefix='{prefixes}'"
    return [
        *(f"DROP TRIGGER IF EXISTS {fts}_{event}" for event in TRIGGER_EVENTS),
        f"DROP TABLE IF EXISTS {fts}",
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, {options})",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text ON {table} "
        f"BEGIN {remove} {add} END",
        f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')",
    ]


def _rebuild_all(prefixes: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in SEARCHED:
        for statement in _recreate(table, prefixes):
            op.execute(statement)


def upgrade() -> None:
    _rebuild_all("3")


def downgrade() -> None:
    _rebuild_all("1 2 3")
