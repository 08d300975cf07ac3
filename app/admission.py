"""How many requests' database work one server process runs at once.

A request's database work runs in a worker thread (`app.db.in_session`), and every thread
that runs Python takes turns at the one interpreter with the event loop. With sixteen
threads busy, as when a dashboard's first questions all miss the cache at once, the event
loop waits its turn among them at every step of every request, a cached answer's too, and
no request is answered sooner for the crowd: two cores do the work either way. So at most
`concurrent_queries` requests' work runs at once and the rest wait on the event loop,
holding nothing, in the order they came.

A slow request (a summary that counts most rows, a large page on a busy database) must not
hold a place for its whole run: after `slow_query_ms` it stops counting and the next
request starts beside it, so the thread pool (`worker_threads`) bounds how many slow
requests run at once, as before.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from anyio import CapacityLimiter, to_thread

from app import metrics
from app.config import get_settings

R = TypeVar("R")


class Admission:
    """At most `places` pieces of work that started less than `lease_s` ago run at once;
    one event loop's, first come first served (anyio's `CapacityLimiter`, which queues
    waiters in order and loses no place to a cancelled one)."""

    def __init__(self, places: int, lease_s: float) -> None:
        self.places = places
        self.lease_s = lease_s
        self._limiter = CapacityLimiter(places)

    @property
    def waiting(self) -> int:
        """Pieces of work waiting for a place."""
        return self._limiter.statistics().tasks_waiting

    async def run(self, work: Callable[[], R]) -> R:
        """`work()` in a worker thread once a place is free; its place is given back when it
        ends or when its lease runs out, whichever comes first."""
        holder = object()
        metrics.WAITING_FOR_DATABASE.inc()
        try:
            await self._limiter.acquire_on_behalf_of(holder)
        finally:
            metrics.WAITING_FOR_DATABASE.dec()
        held = True

        def leave() -> None:
            nonlocal held
            if held:
                held = False
                self._limiter.release_on_behalf_of(holder)

        lease = asyncio.get_running_loop().call_later(self.lease_s, leave)
        try:
            return await to_thread.run_sync(work)
        finally:
            lease.cancel()
            leave()


_per_loop: WeakKeyDictionary[asyncio.AbstractEventLoop, Admission] = WeakKeyDictionary()


def admission() -> Admission | None:
    """The running event loop's admission (tests run several loops), None when the
    settings set no limit."""
    settings = get_settings()
    if settings.concurrent_queries == 0:
        return None
    loop = asyncio.get_running_loop()
    found = _per_loop.get(loop)
    if found is None:
        found = _per_loop[loop] = Admission(
            settings.concurrent_queries, settings.slow_query_ms / 1000
        )
    return found


async def admitted(work: Callable[[], R]) -> R:
    """`work()` in a worker thread, admitted as the settings say."""
    gate = admission()
    if gate is None:
        return await to_thread.run_sync(work)
    return await gate.run(work)
