"""Events per day and place (`place_daily_counts`) and claims and statements per pair of
actors and day (`actor_pair_daily_counts`), kept in each brief's own transaction like the
other counts (`app.storage.counts`): `/v1/stats` sums them for its events per place and for
the actors named with one actor within dates, instead of reading the rows; filled here
from the rows stored.

Revision ID: e5d3a1c7b9f2
Revises: b7c41e2d9f60
Create Date: 2026-12-03 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The columns the fill (`refill`, today's code) writes.
from app.storage.counts import LINK_COLUMNS, PAIR_DAILY, PLACE, refill

revision: str = "e5d3a1c7b9f2"
down_revision: str | None = "b7c41e2d9f60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _actor(column: str) -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_actor_pair_daily_counts_{column}_actors")
    return sa.ForeignKeyConstraint([column], ["actors.id"], name=name, ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "place_daily_counts",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "location", "country", name=op.f("pk_place_daily_counts")),
    )
    op.create_table(
        "actor_pair_daily_counts",
        *(sa.Column(name, sa.Integer(), nullable=False) for name in LINK_COLUMNS),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        _actor("actor_id"),
        _actor("other_id"),
        sa.PrimaryKeyConstraint(
            "actor_id", "day", "other_id", name=op.f("pk_actor_pair_daily_counts")
        ),
    )
    refill(op.get_bind(), (PLACE, PAIR_DAILY))


def downgrade() -> None:
    op.drop_table("actor_pair_daily_counts")
    op.drop_table("place_daily_counts")
