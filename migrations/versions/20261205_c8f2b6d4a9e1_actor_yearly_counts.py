"""Counts per year and actor (`actor_yearly_counts`), kept in each brief's own transaction like
the other counts (`app.storage.counts`): `/v1/stats`' actors most named within dates reads
its range's whole years from them (one row per actor a year where by month it was up to
twelve), its other whole months from `actor_monthly_counts` and only the days at its ends
from the rows by day; filled here from the rows stored.

Revision ID: c8f2b6d4a9e1
Revises: a7c3e9b5d1f8
Create Date: 2026-12-05 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The columns the fill (`refill`, today's code) writes.
from app.storage.counts import ACTOR_YEARLY, LINK_COLUMNS, refill

revision: str = "c8f2b6d4a9e1"
down_revision: str | None = "a7c3e9b5d1f8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor_yearly_counts",
        *(sa.Column(name, sa.Integer(), nullable=False) for name in (*LINK_COLUMNS, "briefs")),
        sa.Column("year", sa.String(length=4), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_yearly_counts_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("year", "actor_id", name=op.f("pk_actor_yearly_counts")),
    )
    refill(op.get_bind(), (ACTOR_YEARLY,))


def downgrade() -> None:
    op.drop_table("actor_yearly_counts")
