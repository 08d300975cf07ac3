"""Events per day and place (`place_daily_counts`), kept in each brief's own transaction like
the other counts (`app.storage.counts`), so `/v1/stats` sums a few hundred rows for its
events per place instead of counting every event; filled here from the events stored.

Revision ID: e5d3a1c7b9f2
Revises: b7c41e2d9f60
Create Date: 2026-12-03 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.storage.counts import PLACE, refill

revision: str = "e5d3a1c7b9f2"
down_revision: str | None = "b7c41e2d9f60"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "place_daily_counts",
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "location", "country", name=op.f("pk_place_daily_counts")),
    )
    refill(op.get_bind(), (PLACE,))


def downgrade() -> None:
    op.drop_table("place_daily_counts")
