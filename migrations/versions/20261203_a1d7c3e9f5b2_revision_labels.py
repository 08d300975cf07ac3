"""A brief's label kept on each revision (`brief_revisions.label`), so a deleted brief's
last label is still known (its tombstone keeps it) and a revision list names what each
content was. Filled here for the current revisions, from their briefs; superseded
revisions and tombstones recorded earlier stay NULL (their label was never stored).

Revision ID: a1d7c3e9f5b2
Revises: e3f8a1c57d20
Create Date: 2026-12-03 16:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a1d7c3e9f5b2"
down_revision: str | None = "e3f8a1c57d20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("brief_revisions") as batch:
        batch.add_column(sa.Column("label", sa.Text(), nullable=True))
    op.execute(
        "UPDATE brief_revisions SET label = "
        "(SELECT b.label FROM briefs b WHERE b.id = brief_revisions.brief_id) "
        "WHERE superseded_at IS NULL AND kind <> 'deleted'"
    )


def downgrade() -> None:
    with op.batch_alter_table("brief_revisions") as batch:
        batch.drop_column("label")
