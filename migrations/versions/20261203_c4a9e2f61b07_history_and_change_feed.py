"""History and the change feed: numbered brief revisions that outlive their brief (a
deletion leaves a tombstone revision), the rows of superseded revisions (`revision_items`),
the change feed (`changes`) and, for SQLite, the largest id ever deleted
from each table (`id_floors`, kept by triggers), so no id is handed out twice.

Existing revisions are numbered in id order; their sources were not kept, so a revision
superseded before this migration has no source. Every existing revision enters the feed as
`brief.created` or `brief.updated`, with the actors its brief mentions now.

Revision ID: c4a9e2f61b07
Revises: c4a7e2d91b6f
Create Date: 2026-12-03 09:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "c4a9e2f61b07"
down_revision: str | None = "c4a7e2d91b6f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must not change when the code does.
FLOORED = ("briefs", "events", "claims", "statements", "impacts", "sections", "mentions")
REVISION_KINDS = "kind IN ('created', 'updated', 'deleted')"
CHANGE_TYPES = (
    "type IN ('brief.created', 'brief.updated', 'brief.deleted', 'claim.added', "
    "'claim.removed', 'claim.status_changed', 'statement.added', 'statement.removed', "
    "'event.added', 'event.removed')"
)
NUMBERED = (
    "UPDATE brief_revisions SET "
    "number = (SELECT count(*) FROM brief_revisions r WHERE r.brief_id = brief_revisions.brief_id "
    "AND r.id <= brief_revisions.id), "
    "source_name = (SELECT source_name FROM briefs WHERE briefs.id = brief_revisions.brief_id), "
    "superseded_at = (SELECT min(r.recorded_at) FROM brief_revisions r "
    "WHERE r.brief_id = brief_revisions.brief_id AND r.id > brief_revisions.id)"
)
KINDS = "UPDATE brief_revisions SET kind = CASE number WHEN 1 THEN 'created' ELSE 'updated' END"
FEED = (
    "INSERT INTO changes (type, brief_id, revision, changed_at) "
    "SELECT CASE number WHEN 1 THEN 'brief.created' ELSE 'brief.updated' END, brief_id, "
    "number, recorded_at FROM brief_revisions ORDER BY recorded_at, id"
)
# Each change's actors as ",3,17,": those its brief mentions now.
FEED_ACTORS = (
    "UPDATE changes SET actor_ids = ',' || (SELECT {aggregate} FROM (SELECT DISTINCT "
    "actor_id FROM mentions WHERE mentions.brief_id = changes.brief_id) m) || ','"
)
AGGREGATES = {"sqlite": "group_concat(m.actor_id, ',')",
              "postgresql": "string_agg(m.actor_id::text, ',' ORDER BY m.actor_id)"}  # fmt: skip


def _revisions_upgrade() -> None:
    # The old (brief_id, sha256) index stays until the revisions are numbered: the
    # numbering looks up each brief's revisions by it.
    with op.batch_alter_table("brief_revisions", schema=None) as batch_op:
        batch_op.drop_constraint("fk_brief_revisions_brief_id_briefs", type_="foreignkey")
        batch_op.alter_column("ingested_at", new_column_name="recorded_at")
        batch_op.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.add_column(
            sa.Column("source_name", sqlmodel.sql.sqltypes.AutoString(length=512), nullable=True)
        )
        batch_op.add_column(sa.Column("source_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("summary", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("actor_ids", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(NUMBERED)
    op.execute(KINDS)
    with op.batch_alter_table("brief_revisions", schema=None) as batch_op:
        batch_op.drop_index("uq_brief_revisions_brief_id_sha256")
        batch_op.alter_column("number", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column(
            "kind", existing_type=sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False
        )
        batch_op.alter_column(
            "source_name",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=512),
            nullable=False,
        )
        batch_op.create_check_constraint(op.f("ck_brief_revisions_kind"), REVISION_KINDS)
        batch_op.create_index(
            "uq_brief_revisions_brief_id_number", ["brief_id", "number"], unique=True
        )
        batch_op.create_index("ix_brief_revisions_recorded_at", ["recorded_at"], unique=False)


def _revision_items() -> None:
    op.create_table(
        "revision_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("actor_ids", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["brief_revisions.id"],
            name=op.f("fk_revision_items_revision_id_brief_revisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision_items")),
    )
    with op.batch_alter_table("revision_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_revision_items_revision_id_kind", ["revision_id", "kind", "position"]
        )
        batch_op.create_index("ix_revision_items_kind_item_id", ["kind", "item_id"])


def _feed() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("old_status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("new_status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("actor_ids", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(CHANGE_TYPES, name=op.f("ck_changes_type")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_brief_id_id", ["brief_id", "id"])
        batch_op.create_index("ix_changes_item_id", ["item_id"])


def _floor_trigger(table: str) -> str:
    return (
        f"CREATE TRIGGER trg_{table}_delete_id_floor AFTER DELETE ON {table} BEGIN "
        f"UPDATE id_floors SET last_id = max(last_id, OLD.id) WHERE table_name = '{table}'; END"
    )


def _floors() -> None:
    floors = op.create_table(
        "id_floors",
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_id_floors")),
    )
    op.bulk_insert(floors, [{"table_name": name, "last_id": 0} for name in FLOORED])
    if op.get_bind().dialect.name == "sqlite":  # a deletion by any means, cascades too
        for table in FLOORED:
            op.execute(_floor_trigger(table))


def upgrade() -> None:
    _revisions_upgrade()
    _revision_items()
    _feed()
    _floors()
    op.execute(FEED)
    op.execute(FEED_ACTORS.format(aggregate=AGGREGATES[op.get_bind().dialect.name]))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in FLOORED:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_delete_id_floor")
    op.drop_table("id_floors")
    op.drop_table("changes")
    op.drop_table("revision_items")
    # What the old schema cannot hold: tombstones, revisions of deleted briefs, and a
    # content a brief came back to (the old schema kept one revision per content).
    op.execute(
        "DELETE FROM brief_revisions WHERE kind = 'deleted' "
        "OR brief_id NOT IN (SELECT id FROM briefs) OR id NOT IN (SELECT min(id) "
        "FROM brief_revisions GROUP BY brief_id, sha256)"
    )
    with op.batch_alter_table("brief_revisions", schema=None) as batch_op:
        batch_op.drop_index("ix_brief_revisions_recorded_at")
        batch_op.drop_index("uq_brief_revisions_brief_id_number")
        batch_op.drop_constraint(op.f("ck_brief_revisions_kind"), type_="check")
        for column in ("superseded_at", "actor_ids", "summary", "source_text", "source_name"):
            batch_op.drop_column(column)
        batch_op.drop_column("kind")
        batch_op.drop_column("number")
        batch_op.alter_column("recorded_at", new_column_name="ingested_at")
        batch_op.create_foreign_key(
            "fk_brief_revisions_brief_id_briefs",
            "briefs",
            ["brief_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(
            "uq_brief_revisions_brief_id_sha256", ["brief_id", "sha256"], unique=True
        )
