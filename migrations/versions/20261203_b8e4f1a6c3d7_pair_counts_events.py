"""`actor_pair_counts` counts the events both actors take part in (`events`), as
`actor_pair_daily_counts` does per day, kept in each brief's own transaction like its other
columns (`app.storage.counts`): an actor's related actors over every date are then read
from one row per other actor, not from the actor's whole history of days. The column is
added (0 by default, so it needs no table copy on SQLite) and the table filled again from
the rows stored.

Revision ID: b8e4f1a6c3d7
Revises: c2e7a9d4f1b3
Create Date: 2026-12-03 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.storage.counts import LINK_COLUMNS, CountTable, refill

revision: str = "b8e4f1a6c3d7"
down_revision: str | None = "c2e7a9d4f1b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The table as it stands at this revision, written here rather than taken from today's
# `counts.PAIR`: a migration fills what its revision has, whatever a later one adds.
PAIRS = CountTable("actor_pair_counts", ("actor_id", "other_id"), (*LINK_COLUMNS, "events"))


def upgrade() -> None:
    events = sa.Column("events", sa.Integer(), nullable=False, server_default=sa.text("0"))
    op.add_column("actor_pair_counts", events)
    refill(op.get_bind(), (PAIRS,))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch copy of the table.
    op.drop_column("actor_pair_counts", "events")
