"""The change feed under concurrent writers: a reader that follows it sees every change
exactly once, in one stable order (PostgreSQL, where writers commit side by side)."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest
from sqlalchemy import text

from app.api.repositories.changes import ChangeFilters, FeedWindow, changes_in
from app.db import get_engine, session_scope
from app.ingest import feed
from app.ingest.service import store_with_retry
from app.parsing import parse_brief
from tests.briefs_revised import AFTER, BEFORE

WRITERS = 2
REVISIONS = 12


def _variant(source: str, writer: int) -> str:
    return source.replace("before the summer.", f"before the summer, says desk {writer}.")


def _slow_append(original: Any) -> Any:
    """The feed's append, then a pause before the commit: a reader then polls while a
    writer holds its new changes uncommitted, which a plain sequence would let it skip
    (with `sql.FEED_LOCK` made a no-op, this test fails: changes are missed)."""

    def append(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        time.sleep(random.uniform(0, 0.05))

    return append


def _write(database_url: str, writer: int) -> None:
    engine = get_engine(database_url)
    for revision in range(REVISIONS):
        source = _variant(AFTER if revision % 2 else BEFORE, writer)
        store_with_retry(engine, f"desk-{writer}.md", parse_brief(source))


def _follow(done: threading.Event, seen: list[int]) -> None:
    after = 0
    while True:
        finished = done.is_set()  # read before the look: a last look follows the last write
        with session_scope() as session:
            page = changes_in(session, ChangeFilters(), FeedWindow(after), 7)
        seen.extend(change.id for change in page)
        after = page[-1].id if page else after
        if finished and not page:
            return


def test_a_follower_sees_every_change_once_in_commit_order(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time")
    monkeypatch.setattr(feed, "append", _slow_append(feed.append))
    done, seen = threading.Event(), []
    reader = threading.Thread(target=_follow, args=(done, seen))
    writers = [threading.Thread(target=_write, args=(database_url, w)) for w in range(WRITERS)]
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    done.set()
    reader.join()

    with get_engine(database_url).connect() as connection:
        stored = [row[0] for row in connection.execute(text("SELECT id FROM changes ORDER BY id"))]
        briefs = connection.execute(text("SELECT count(DISTINCT brief_id) FROM changes")).scalar()
    assert briefs == WRITERS
    assert len(stored) > WRITERS * REVISIONS  # every revision adds several changes
    assert seen == stored  # each once, none missed, in the order a reader sees again
