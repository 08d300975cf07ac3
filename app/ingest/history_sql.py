"""The statements that keep a brief's history (`app.ingest.history`, `app.ingest.feed`),
written once per dialect where they differ, like `app.ingest.sql`'s."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from sqlalchemy import Dialect
from sqlmodel import SQLModel

from app.ingest.sql import Insert, styled

# The brief's latest revision, and the rows a new revision is compared with.
LATEST_REVISION = (
    "SELECT id, number FROM brief_revisions WHERE brief_id = ? ORDER BY number DESC LIMIT 1"
)
CURRENT_ITEMS = (
    "SELECT 'claims', id, search_text, status, position FROM claims WHERE brief_id = ? "
    "UNION ALL SELECT 'statements', id, search_text, NULL, position FROM statements "
    "WHERE brief_id = ? UNION ALL SELECT 'events', id, title, NULL, position FROM events "
    "WHERE brief_id = ? ORDER BY 1, 5"
)
# The actors each of a brief's claims, statements and events names, and those it mentions.
CURRENT_ACTORS = (
    "SELECT 'claims', l.claim_id, l.actor_id FROM claim_actors l "
    "JOIN claims c ON c.id = l.claim_id WHERE c.brief_id = ? "
    "UNION ALL SELECT 'statements', l.statement_id, l.actor_id FROM statement_actors l "
    "JOIN statements s ON s.id = l.statement_id WHERE s.brief_id = ? "
    "UNION ALL SELECT 'events', l.event_id, l.actor_id FROM event_participants l "
    "JOIN events e ON e.id = l.event_id WHERE e.brief_id = ? "
    "UNION ALL SELECT DISTINCT 'mentions', 0, actor_id FROM mentions WHERE brief_id = ?"
)
BRIEF_KEY = "SELECT source_name, sha256, parser_version, label FROM briefs WHERE id = ?"
RELABEL_REVISION = "UPDATE brief_revisions SET label = ? WHERE id = ?"
DELETE_BRIEF = "DELETE FROM briefs WHERE id = ?"
# PostgreSQL: the change feed's ids are drawn under this transaction-scoped lock, held to
# the commit, so they are handed out in commit order (see `app.ingest.feed`).
FEED_LOCK_KEY = 0x6368616E6765  # "change"
FEED_LOCK = f"SELECT pg_advisory_xact_lock({FEED_LOCK_KEY})"
FEED_IDS = (
    "SELECT nextval(pg_get_serial_sequence('changes', 'id')) FROM generate_series(1, ?) ORDER BY 1"
)
LAST_CHANGE = "SELECT coalesce(max(id), 0) FROM changes"

# What a superseded revision keeps: its claims, statements (kind in `section`) and events
# (location in `section`), each with the actors it named, and its source and mentioned
# actors. `{ids}` is an aggregate of `actor_id` into a JSON array, per dialect.
_ITEM = (
    "SELECT ?, brief_id, '{kind}', id, position, {text}, {status}, {section}, occurred_on, "
    "span_start, span_end, {speaker}, {speaker_role}, "
    "(SELECT {ids} FROM (SELECT actor_id FROM {links} WHERE {parent} = {table}.id) l) "
    "FROM {table} WHERE brief_id = ?"
)


class _Kept(NamedTuple):
    """One table's columns as `_ITEM` reads them (NULL where it has none)."""

    kind: str
    table: str
    text: str
    status: str
    section: str
    speaker: str
    speaker_role: str
    links: str
    parent: str


_ITEMS = (
    _Kept("claim", "claims", "text", "status", "section", "NULL", "NULL", "claim_actors",
          "claim_id"),
    _Kept("statement", "statements", "text", "NULL", "kind", "speaker_id", "speaker_role",
          "statement_actors", "statement_id"),
    _Kept("event", "events", "title", "NULL", "location", "NULL", "NULL", "event_participants",
          "event_id"),
)  # fmt: skip
_KEEP_ITEMS = (
    "INSERT INTO revision_items (revision_id, brief_id, kind, item_id, position, text, status, "
    "section, occurred_on, span_start, span_end, speaker_id, speaker_role, actor_ids) "
)
_KEEP_SOURCE = (
    "UPDATE brief_revisions SET source_text = (SELECT source_text FROM briefs WHERE id = ?), "
    "actor_ids = (SELECT {ids} FROM (SELECT DISTINCT actor_id FROM mentions WHERE brief_id = ?) "
    "l), superseded_at = ? WHERE id = ?"
)


def _json_ids(dialect: Dialect) -> str:
    if dialect.name == "sqlite":
        return "json_group_array(l.actor_id)"
    return "coalesce(json_agg(l.actor_id ORDER BY l.actor_id), '[]'::json)"


@cache
def keep_items(dialect: Dialect) -> str:
    """Copy a brief's claims, statements and events aside: (revision id, brief id) x 3."""
    ids = _json_ids(dialect)
    selects = " UNION ALL ".join(_ITEM.format(ids=ids, **item._asdict()) for item in _ITEMS)
    return styled(_KEEP_ITEMS + selects, dialect.paramstyle)


@cache
def keep_source(dialect: Dialect) -> Insert:
    """Keep a superseded revision's source and mentioned actors: (brief id, brief id,
    superseded at, revision id), the timestamp converted as the column's type does."""
    column = SQLModel.metadata.tables["brief_revisions"].c.superseded_at
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    converters = ((2, processor),) if processor else ()
    sql = _KEEP_SOURCE.format(ids=_json_ids(dialect))
    return Insert(styled(sql, dialect.paramstyle), converters)
