"""The change feed's append: the last write of every transaction that changes a brief.

A feed read as "every change after id N" misses nothing only if ids are handed out in
commit order. A sequence alone does not do that on PostgreSQL: a transaction may draw id 7,
another id 8 and commit first, and a reader that saw 8 never looks below it again. So the
ids are drawn under a transaction-scoped advisory lock (`history_sql.FEED_LOCK`), held
until the commit: a writer draws only once every writer that drew before it has committed (or rolled
back, leaving a gap that stays empty). Writers queue only for this last step. SQLite has a
single writer at a time, so the next ids past the largest are already in commit order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.ingest import history_sql
from app.ingest.driver import DriverCursor, Ids
from app.ingest.history import PendingChange
from app.ingest.row_types import ChangeRow


def _draw_ids(db: DriverCursor, count: int) -> Ids:
    if db.is_sqlite:
        last = int(db.rows(history_sql.LAST_CHANGE, ())[0][0])
        return range(last + 1, last + 1 + count)
    with db.batch():  # one round trip: the lock, then the ids
        db.run(history_sql.FEED_LOCK, ())
        return [int(row[0]) for row in db.rows(history_sql.FEED_IDS, (count,))]


def append(
    db: DriverCursor,
    brief_id: int,
    revision: int,
    changes: Sequence[PendingChange],
    at: datetime,
) -> None:
    """Add `changes` to the feed; call last, right before the transaction commits."""
    if not changes:
        return
    ids = _draw_ids(db, len(changes))
    rows = [
        ChangeRow(
            id=change_id,
            type=kind.value,
            brief_id=brief_id,
            revision=revision,
            item_id=item_id,
            old_status=old,
            new_status=new,
            actor_ids=f",{','.join(map(str, sorted(actors)))}," if actors else None,
            changed_at=at,
        )
        for change_id, (kind, item_id, old, new, actors) in zip(ids, changes, strict=True)
    ]
    db.insert(db.statements.changes, rows)
