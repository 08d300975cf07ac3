"""Counts per pair of actors and month (`actor_pair_monthly_counts`) and per actor, month
and place (`actor_place_monthly_counts`), kept in each brief's own transaction like the
other counts (`app.storage.counts`): `/v1/stats?actor=` within dates reads its range's
whole months from them (the actors named with the actor, its events per place) and only
the days at its ends from the rows by day or the events, instead of one row per partner
and day and every event of the range; filled here from the rows stored.

Revision ID: d3b9f7a2e6c1
Revises: b8e4f1a6c3d7
Create Date: 2026-12-04 03:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.storage.counts import LINK_COLUMNS, CountTable, refill

revision: str = "d3b9f7a2e6c1"
down_revision: str | None = "b8e4f1a6c3d7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables as they stand at this revision (see b8e4f1a6c3d7), not today's constants.
PAIR_MONTHLY = CountTable(
    "actor_pair_monthly_counts", ("actor_id", "month", "other_id"), (*LINK_COLUMNS, "events")
)
ACTOR_PLACE_MONTHLY = CountTable(
    "actor_place_monthly_counts", ("actor_id", "month", "location", "country"), ("events",)
)


def _actor(table: str, column: str) -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_{table}_{column}_actors")
    return sa.ForeignKeyConstraint([column], ["actors.id"], name=name, ondelete="CASCADE")


def _month() -> sa.Column[str]:
    return sa.Column("month", sa.String(length=7), nullable=False)


def upgrade() -> None:
    pairs = PAIR_MONTHLY.name
    op.create_table(
        pairs,
        *(sa.Column(name, sa.Integer(), nullable=False) for name in LINK_COLUMNS),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        _month(),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        _actor(pairs, "actor_id"),
        _actor(pairs, "other_id"),
        sa.PrimaryKeyConstraint(*PAIR_MONTHLY.keys, name=op.f(f"pk_{pairs}")),
    )
    places = ACTOR_PLACE_MONTHLY.name
    op.create_table(
        places,
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        _month(),
        _actor(places, "actor_id"),
        sa.PrimaryKeyConstraint(*ACTOR_PLACE_MONTHLY.keys, name=op.f(f"pk_{places}")),
    )
    refill(op.get_bind(), (PAIR_MONTHLY, ACTOR_PLACE_MONTHLY))


def downgrade() -> None:
    op.drop_table(ACTOR_PLACE_MONTHLY.name)
    op.drop_table(PAIR_MONTHLY.name)
