"""Counts per month and actor (`actor_monthly_counts`) and per month and place
(`place_monthly_counts`), kept in each brief's own transaction like the other counts
(`app.storage.counts`): `/v1/stats` within dates reads its range's whole months from them
(the actors named, events per place) and only the days at its ends from the rows by day,
instead of one row per actor and day; filled here from the rows stored.

Revision ID: c2e7a9d4f1b3
Revises: a7d3e9f2c5b8
Create Date: 2026-12-03 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The columns the fill (`refill`, today's code) writes.
from app.storage.counts import LINK_COLUMNS, MONTHLY_TABLES, refill

revision: str = "c2e7a9d4f1b3"
down_revision: str | None = "a7d3e9f2c5b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _month() -> sa.Column[str]:
    return sa.Column("month", sa.String(length=7), nullable=False)


def upgrade() -> None:
    op.create_table(
        "actor_monthly_counts",
        *(sa.Column(name, sa.Integer(), nullable=False) for name in (*LINK_COLUMNS, "briefs")),
        _month(),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_monthly_counts_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("month", "actor_id", name=op.f("pk_actor_monthly_counts")),
    )
    op.create_index(
        op.f("ix_actor_monthly_counts_actor_id"),
        "actor_monthly_counts",
        ["actor_id", "month"],
        unique=False,
    )
    op.create_table(
        "place_monthly_counts",
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        _month(),
        sa.PrimaryKeyConstraint(
            "location", "country", "month", name=op.f("pk_place_monthly_counts")
        ),
    )
    op.create_index(
        op.f("ix_place_monthly_counts_month"), "place_monthly_counts", ["month"], unique=False
    )
    refill(op.get_bind(), MONTHLY_TABLES)


def downgrade() -> None:
    op.drop_index(op.f("ix_place_monthly_counts_month"), table_name="place_monthly_counts")
    op.drop_table("place_monthly_counts")
    op.drop_index(op.f("ix_actor_monthly_counts_actor_id"), table_name="actor_monthly_counts")
    op.drop_table("actor_monthly_counts")
