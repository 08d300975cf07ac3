"""Each link of a claim to an actor holds the claim's status (`claim_actors.status`, copied
by the writer, checked by `chancery db verify`), indexed by actor and status: an actor's
claims of a status (`/v1/claims?actor=X&status=S`) are found from its links alone, instead
of reading each of the actor's claims for its status (7,906 claims read for 118 disputed
ones of one actor at 100,000 briefs). The index by actor and status replaces the one by
actor, which it serves too. Filled here from the claims.

Revision ID: e7c2a4f9b1d3
Revises: d3b9f7a2e6c1
Create Date: 2026-12-04 04:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7c2a4f9b1d3"
down_revision: str | None = "d3b9f7a2e6c1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statuses as this revision has them (`app.vocabulary.ClaimStatus` then).
STATUSES = "status IN ('verified', 'unconfirmed', 'disputed', 'reported')"
# UPDATE .. FROM: SQLite 3.33+ and PostgreSQL; one join, not a lookup per row.
FILL = (
    "UPDATE claim_actors SET status = claims.status FROM claims "
    "WHERE claims.id = claim_actors.claim_id"
)


def upgrade() -> None:
    op.add_column("claim_actors", sa.Column("status", sa.String(length=16), nullable=True))
    op.execute(FILL)
    # SQLite copies the table once for all of these (batch mode); PostgreSQL alters it.
    with op.batch_alter_table("claim_actors") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=16), nullable=False)
        batch_op.create_check_constraint(op.f("ck_claim_actors_status"), STATUSES)
        batch_op.drop_index("ix_claim_actors_actor_id")
        batch_op.create_index(
            "ix_claim_actors_actor_id_status", ["actor_id", "status", "claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("claim_actors") as batch_op:
        batch_op.drop_index("ix_claim_actors_actor_id_status")
        batch_op.create_index("ix_claim_actors_actor_id", ["actor_id", "claim_id"], unique=False)
        batch_op.drop_constraint(op.f("ck_claim_actors_status"), type_="check")
        batch_op.drop_column("status")
