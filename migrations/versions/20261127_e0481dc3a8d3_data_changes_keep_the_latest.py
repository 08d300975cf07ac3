"""Data changes: keep the latest 1,000 rows. The triggers that add a row per write to
`briefs` also delete the row 1,000 behind it, so the table stays small however much is
written. The data version is the largest id, which is never deleted.

Revision ID: e0481dc3a8d3
Revises: f731d0efcdfb
Create Date: 2026-11-27 14:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "e0481dc3a8d3"
down_revision: str | None = "f731d0efcdfb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEEP = 1000
SQLITE_EVENTS = ("insert", "update", "delete")
PG_FUNCTION = "record_data_change"
SQLITE_INSERT = "INSERT INTO data_changes (changed_at) VALUES (CURRENT_TIMESTAMP);"
# Inside a trigger, last_insert_rowid() is the row the trigger itself just added.
SQLITE_PRUNE = f"DELETE FROM data_changes WHERE id <= last_insert_rowid() - {KEEP};"
PG_INSERT = "INSERT INTO data_changes DEFAULT VALUES"
# Rows another writer's transaction is deleting are skipped, not waited for: concurrent
# writers never queue behind each other here, and a skipped row goes with a later write.
PG_PRUNE = (
    "DELETE FROM data_changes WHERE id IN (SELECT id FROM data_changes "
    f"WHERE id <= latest - {KEEP} FOR UPDATE SKIP LOCKED)"
)


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _sqlite_triggers(body: str) -> None:
    for event in SQLITE_EVENTS:
        name = f"trg_briefs_{event}_data_change"
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} AFTER {event.upper()} ON briefs BEGIN {body} END")


def _pg_function(body: str) -> None:
    op.execute(
        f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ DECLARE latest integer; BEGIN {body}; RETURN NULL; END $$"
    )


def upgrade() -> None:
    if _is_postgresql():
        _pg_function(f"{PG_INSERT} RETURNING id INTO latest; {PG_PRUNE}")
    else:
        _sqlite_triggers(f"{SQLITE_INSERT} {SQLITE_PRUNE}")


def downgrade() -> None:
    if _is_postgresql():
        _pg_function(PG_INSERT)
    else:
        _sqlite_triggers(SQLITE_INSERT)
