"""Mentions: every place a brief names a resolved actor (parser 1.4.0), with its section
and span, so the briefs naming an actor are found wherever it is named.

The table starts empty: mentions come from parsing, which a migration does not do. Briefs
stored before it get theirs when ingested again (their parser version is older, so
`chancery ingest` updates them); until then `chancery db verify` reports them.

Revision ID: 008cca539d86
Revises: 9d2e4a7b1c35
Create Date: 2026-12-03 07:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "008cca539d86"
down_revision: str | None = "9d2e4a7b1c35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_mentions_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["brief_id"],
            ["briefs.id"],
            name=op.f("fk_mentions_brief_id_briefs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_mentions_actor_id_brief_id", ["actor_id", "brief_id", "id"], unique=False
        )
        batch_op.create_index(
            "ix_mentions_brief_id_actor_id", ["brief_id", "actor_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index("ix_mentions_brief_id_actor_id")
        batch_op.drop_index("ix_mentions_actor_id_brief_id")

    op.drop_table("mentions")
