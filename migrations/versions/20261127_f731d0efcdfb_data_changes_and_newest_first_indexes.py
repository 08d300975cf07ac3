"""Data version and newest-first indexes: a `data_changes` row per write to `briefs`
(added by triggers, so every writer counts), and PostgreSQL-only indexes in the lists'
default order, `occurred_on DESC NULLS LAST, id DESC`.

Revision ID: f731d0efcdfb
Revises: 1cc59b502ee1
Create Date: 2026-11-27 11:42:39
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f731d0efcdfb"
down_revision: str | None = "1cc59b502ee1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, leading equality columns); created on PostgreSQL only.
NEWEST_FIRST = (
    ("ix_briefs_newest_first", "briefs", ()),
    ("ix_events_newest_first", "events", ()),
    ("ix_statements_newest_first", "statements", ()),
    ("ix_claims_newest_first", "claims", ()),
    ("ix_claims_status_newest_first", "claims", ("status",)),
)
SQLITE_EVENTS = ("insert", "update", "delete")
PG_FUNCTION = "record_data_change"
PG_TRIGGER = "trg_briefs_data_change"


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _create_triggers() -> None:
    if _is_postgresql():
        op.execute(
            f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN INSERT INTO data_changes DEFAULT VALUES; RETURN NULL; END $$"
        )
        # Once per statement, TRUNCATE included: a bulk write is one change.
        op.execute(
            f"CREATE TRIGGER {PG_TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON briefs FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
        )
        return
    for event in SQLITE_EVENTS:
        op.execute(
            f"CREATE TRIGGER trg_briefs_{event}_data_change AFTER {event.upper()} ON briefs "
            "BEGIN INSERT INTO data_changes (changed_at) VALUES (CURRENT_TIMESTAMP); END"
        )


def _drop_triggers() -> None:
    if _is_postgresql():
        op.execute(f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON briefs")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
        return
    for event in SQLITE_EVENTS:
        op.execute(f"DROP TRIGGER IF EXISTS trg_briefs_{event}_data_change")


def upgrade() -> None:
    op.create_table(
        "data_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_changes")),
    )
    _create_triggers()
    if _is_postgresql():
        for name, table, leading in NEWEST_FIRST:
            terms = [*leading, "occurred_on DESC NULLS LAST", "id DESC"]
            op.execute(f"CREATE INDEX {name} ON {table} ({', '.join(terms)})")


def downgrade() -> None:
    if _is_postgresql():
        for name, _table, _leading in NEWEST_FIRST:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    _drop_triggers()
    op.drop_table("data_changes")
