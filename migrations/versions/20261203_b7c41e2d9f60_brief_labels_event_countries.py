"""Brief labels and event countries (parser 1.6.0): `briefs.label`, the brief's title or a
short label made from its Lead (event, place, date), and `events.country`, the ISO code of
the country the event's place lies in; and an index of events by place and country, which
`/v1/stats` counts events per place from.

A brief with a title gets it as its label here. Labels made from a Lead and event countries
come from parsing, which a migration does not do: briefs stored before it get them when
ingested again (their parser version is older, so `chancery ingest` updates them); until
then the API labels such a brief by its source name and their events have no country.

Revision ID: b7c41e2d9f60
Revises: c4a9e2f61b07
Create Date: 2026-12-03 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7c41e2d9f60"
down_revision: str | None = "c4a9e2f61b07"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("briefs", sa.Column("label", sa.Text(), nullable=True))
    op.add_column("events", sa.Column("country", sa.String(length=2), nullable=True))
    op.create_index("ix_events_location_country", "events", ["location", "country"])
    op.execute("UPDATE briefs SET label = title WHERE title IS NOT NULL")


def downgrade() -> None:
    op.drop_index("ix_events_location_country", table_name="events")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch: on SQLite a batch copies
    # `briefs` to a new table and drops the old one, and dropping it deletes every row that
    # references a brief (ON DELETE CASCADE): claims, statements, events, mentions.
    op.drop_column("events", "country")
    op.drop_column("briefs", "label")
