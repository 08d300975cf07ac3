"""Events per place (`place_counts`), per actor and place (`actor_place_counts`), and claims,
statements and events per pair of actors and day (`actor_pair_daily_counts`), kept in each
brief's own transaction like the other counts (`app.storage.counts`): `/v1/stats` reads
them for its events per place and for the actors named with one actor within dates, and
an actor's related actors are summed from them, instead of reading the rows; filled here
from the rows stored.

Revision ID: e5d3a1c7b9f2
Revises: b7c41e2d9f60
Create Date: 2026-12-03 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The columns the fill (`refill`, today's code) writes.
from app.storage.counts import ACTOR_PLACE, LINK_COLUMNS, PAIR_DAILY, PLACE, refill

revision: str = "e5d3a1c7b9f2"
down_revision: str | None = "b7c41e2d9f60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _actor(column: str, table: str = "actor_pair_daily_counts") -> sa.ForeignKeyConstraint:
    name = op.f(f"fk_{table}_{column}_actors")
    return sa.ForeignKeyConstraint([column], ["actors.id"], name=name, ondelete="CASCADE")


def _place() -> list[sa.Column[object]]:
    return [
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "place_counts",
        *_place(),
        sa.PrimaryKeyConstraint("location", "country", name=op.f("pk_place_counts")),
    )
    op.create_table(
        "actor_place_counts",
        *_place(),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        _actor("actor_id", "actor_place_counts"),
        sa.PrimaryKeyConstraint(
            "actor_id", "location", "country", name=op.f("pk_actor_place_counts")
        ),
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
    refill(op.get_bind(), (PLACE, ACTOR_PLACE, PAIR_DAILY))


def downgrade() -> None:
    op.drop_table("actor_pair_daily_counts")
    op.drop_table("actor_place_counts")
    op.drop_table("place_counts")
