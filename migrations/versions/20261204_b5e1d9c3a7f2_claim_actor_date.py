"""Each link of a claim to an actor holds the claim's date too (`claim_actors.occurred_on`,
copied by the writer, checked by `chancery db verify`), indexed by actor, status and date:
a page of an actor's claims of a status (`/v1/claims?actor=X&status=S`) is read in the
lists' order from the links' index, 51 entries for a page of 50, instead of reading the
actor's claims of that status and sorting them, or probing the links of every claim of
that status until the page is full. The index replaces the one by actor and status, which
it serves too: ascending on SQLite (read backwards for newest first), newest first on
PostgreSQL (which cannot read an ascending index as `DESC NULLS LAST`). Filled here from the
claims.

Revision ID: b5e1d9c3a7f2
Revises: e7c2a4f9b1d3
Create Date: 2026-12-04 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b5e1d9c3a7f2"
down_revision: str | None = "e7c2a4f9b1d3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# UPDATE .. FROM: SQLite 3.33+ and PostgreSQL; one join, not a lookup per row.
FILL = (
    "UPDATE claim_actors SET occurred_on = claims.occurred_on FROM claims "
    "WHERE claims.id = claim_actors.claim_id"
)
OLD_INDEX = "ix_claim_actors_actor_id_status"
SQLITE_INDEX = "ix_claim_actors_actor_status_date"
POSTGRES_INDEX = "ix_claim_actors_newest_first"


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    op.add_column("claim_actors", sa.Column("occurred_on", sa.Date(), nullable=True))
    op.execute(FILL)
    op.drop_index(OLD_INDEX, table_name="claim_actors")
    if _is_postgresql():
        op.execute(
            f"CREATE INDEX {POSTGRES_INDEX} ON claim_actors "
            "(actor_id, status, occurred_on DESC NULLS LAST, claim_id DESC)"
        )
    else:
        op.create_index(
            SQLITE_INDEX, "claim_actors", ["actor_id", "status", "occurred_on", "claim_id"]
        )


def downgrade() -> None:
    op.drop_index(POSTGRES_INDEX if _is_postgresql() else SQLITE_INDEX, table_name="claim_actors")
    op.create_index(OLD_INDEX, "claim_actors", ["actor_id", "status", "claim_id"])
    with op.batch_alter_table("claim_actors") as batch_op:
        batch_op.drop_column("occurred_on")
