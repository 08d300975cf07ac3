"""Following the change feed: a page of changes, waited for when there is none yet.

A long poll holds neither a database connection nor a thread while it waits: each look is
a short read in the thread pool, in a session of its own, and between looks the request
only sleeps on the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

from fastapi.concurrency import run_in_threadpool

from app.api.repositories.changes import ChangeFilters, FeedWindow, changes_in
from app.api.schemas.history import ChangeItem
from app.config import get_settings
from app.db import session_scope

# How often a waiting request looks for new changes.
POLL_INTERVAL_S = 0.25
NDJSON_BATCH = 500


def read_changes(filters: ChangeFilters, window: FeedWindow, limit: int) -> list[ChangeItem]:
    """One look, in its own short session (blocking: run it in a thread)."""
    with session_scope() as session:
        return changes_in(session, filters, window, limit)


async def wait_for_changes(
    filters: ChangeFilters,
    window: FeedWindow,
    limit: int,
    wait_s: float,
    gone: Callable[[], Awaitable[bool]],
) -> list[ChangeItem]:
    """The changes in `window`; when there are none, looks again until some come, `wait_s`
    (at most `CHANCERY_FEED_MAX_WAIT_S`) pass, or the client (`gone`) leaves. A window
    bounded by `before` answers at once: new changes get higher ids, never one inside it."""
    loop = asyncio.get_running_loop()
    waited = 0 if window.before is not None else min(wait_s, get_settings().feed_max_wait_s)
    deadline = loop.time() + waited
    while True:
        items = await run_in_threadpool(read_changes, filters, window, limit)
        if items or loop.time() >= deadline or await gone():
            return items
        await asyncio.sleep(min(POLL_INTERVAL_S, max(deadline - loop.time(), 0)))


async def ndjson_lines(
    filters: ChangeFilters, window: FeedWindow, first: list[ChangeItem]
) -> AsyncIterator[bytes]:
    """`first`, then every change after it in `window`'s order, one JSON object a line,
    read in batches."""
    batch = first
    while batch:
        for item in batch:
            yield item.model_dump_json().encode() + b"\n"
        if len(batch) < NDJSON_BATCH:
            return
        window = window.past(batch[-1].id)
        batch = await run_in_threadpool(read_changes, filters, window, NDJSON_BATCH)
