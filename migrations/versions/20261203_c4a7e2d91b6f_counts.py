"""Counts for the dashboard's aggregates: per day, per actor and day, per actor and per pair
of actors (`app.storage.counts`), kept in each brief's own transaction from now on and
filled here from the rows already stored.

The fill runs the same recount as `chancery db verify` (`app.storage.counts.refill`), over
the tables as they stand at this revision.

Revision ID: c4a7e2d91b6f
Revises: 008cca539d86
Create Date: 2026-12-03 09:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.storage.counts import ACTOR_TABLES, refill

revision: str = "c4a7e2d91b6f"
down_revision: str | None = "008cca539d86"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINK_COUNTS = (
    "claims_verified",
    "claims_unconfirmed",
    "claims_disputed",
    "claims_reported",
    "statements_quote",
    "statements_reported",
)


def _counts(*, briefs: bool = True) -> list[sa.Column[int]]:
    names = (*LINK_COUNTS, "briefs") if briefs else LINK_COUNTS
    return [sa.Column(name, sa.Integer(), nullable=False) for name in names]


def _actor(column: str, table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["actors.id"], name=op.f(f"fk_{table}_{column}_actors"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "daily_counts",
        *_counts(),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_counts")),
    )
    op.create_table(
        "actor_daily_counts",
        *_counts(),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        _actor("actor_id", "actor_daily_counts"),
        sa.PrimaryKeyConstraint("actor_id", "day", name=op.f("pk_actor_daily_counts")),
    )
    op.create_index(
        "ix_actor_daily_counts_seen",
        "actor_daily_counts",
        ["actor_id", "day"],
        unique=False,
        sqlite_where=sa.text("briefs > 0"),
        postgresql_where=sa.text("briefs > 0"),
    )
    op.create_table(
        "actor_counts",
        *_counts(),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        _actor("actor_id", "actor_counts"),
        sa.PrimaryKeyConstraint("actor_id", name=op.f("pk_actor_counts")),
    )
    op.create_table(
        "actor_pair_counts",
        *_counts(briefs=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        _actor("actor_id", "actor_pair_counts"),
        _actor("other_id", "actor_pair_counts"),
        sa.PrimaryKeyConstraint("actor_id", "other_id", name=op.f("pk_actor_pair_counts")),
    )
    refill(op.get_bind(), ACTOR_TABLES)  # the tables of this revision, not those added since


def downgrade() -> None:
    op.drop_table("actor_pair_counts")
    op.drop_table("actor_counts")
    op.drop_index("ix_actor_daily_counts_seen", table_name="actor_daily_counts")
    op.drop_table("actor_daily_counts")
    op.drop_table("daily_counts")
