"""SQLite: the INSERT triggers of `claims_fts`, `statements_fts` and `events_fts` are
dropped; the writer adds a brief's rows to those indexes itself, one statement per table
(`app.storage.search_index.fill_from_brief`), in the brief's transaction. FTS5 writes what
it holds to disk at every statement's end, so a trigger fired by each row's INSERT wrote
one segment per row, to be merged later: 1.3 ms of the writer's CPU per brief. The DELETE
and UPDATE triggers stay, and so does the INSERT trigger of `briefs_fts` (one row per
brief). The index holds the same rows before and after: nothing to rebuild.
PostgreSQL: nothing changes (its index is a generated column).

Revision ID: a7d3e9f2c5b8
Revises: f6a2c8e4b1d9
Create Date: 2026-12-03 17:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a7d3e9f2c5b8"
down_revision: str | None = "f6a2c8e4b1d9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILLED_BY_WRITER = ("claims", "statements", "events")


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if _sqlite():
        for table in FILLED_BY_WRITER:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_insert")


def downgrade() -> None:
    if _sqlite():
        for table in FILLED_BY_WRITER:
            fts = f"{table}_fts"
            op.execute(
                f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts} (rowid, search_text) VALUES (new.id, new.search_text); END"
            )
