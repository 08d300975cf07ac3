"""Admission of requests' database work: at most so many at once, in the order they came, a
slow one giving its place up after its lease, nothing lost to cancelled waiters."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

import pytest
from prometheus_client import REGISTRY

from app.admission import Admission, admission
from app.config import get_settings


def free(gate: Admission) -> int:
    """Places not held (none held while nothing runs)."""
    return gate.places - int(gate._limiter.statistics().borrowed_tokens)


def waiting_gauge() -> float | None:
    return REGISTRY.get_sample_value("chancery_requests_waiting_for_database")


class Running:
    """Counts pieces of work running at once, and the order they started in."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self.started: list[int] = []
        self._lock = threading.Lock()

    def work(self, number: int, seconds: float) -> Callable[[], int]:
        def run() -> int:
            with self._lock:
                self.now += 1
                self.most = max(self.most, self.now)
                self.started.append(number)
            time.sleep(seconds)
            with self._lock:
                self.now -= 1
            return number

        return run


def test_no_more_than_the_places_run_at_once_and_all_finish() -> None:
    running = Running()

    async def main() -> list[int]:
        gate = Admission(places=3, lease_s=10)
        return await asyncio.gather(*(gate.run(running.work(n, 0.02)) for n in range(12)))

    assert asyncio.run(main()) == list(range(12))
    assert running.most == 3


def test_waiting_work_starts_in_the_order_it_came() -> None:
    running = Running()

    async def main() -> None:
        gate = Admission(places=1, lease_s=10)
        tasks = []
        for number in range(6):
            tasks.append(asyncio.create_task(gate.run(running.work(number, 0.005))))
            await asyncio.sleep(0)  # each asks for its place before the next
        await asyncio.gather(*tasks)

    asyncio.run(main())
    assert running.started == list(range(6))
    assert running.most == 1


def test_a_slow_piece_gives_its_place_up_when_its_lease_runs_out() -> None:
    released = threading.Event()
    done_while_stuck: list[bool] = []

    def stuck() -> None:
        assert released.wait(10)

    async def main() -> None:
        gate = Admission(places=1, lease_s=0.05)
        slow = asyncio.create_task(gate.run(stuck))
        await asyncio.sleep(0.01)
        started = time.monotonic()
        await gate.run(lambda: None)  # waits for the lease, not for the slow one
        done_while_stuck.append(not slow.done() and time.monotonic() - started < 5)
        released.set()
        await slow
        assert free(gate) == 1  # the lease and the end give the place back once

    asyncio.run(main())
    assert done_while_stuck == [True]


@pytest.mark.parametrize("place_handed_over", [False, True], ids=["waiting", "handed_over"])
def test_a_waiter_cancelled_loses_no_place(place_handed_over: bool) -> None:
    running = Running()

    async def main() -> int:
        gate = Admission(places=1, lease_s=10)
        first = asyncio.create_task(gate.run(running.work(0, 0.05)))
        await asyncio.sleep(0.01)
        waiter = asyncio.create_task(gate.run(running.work(1, 0)))
        await asyncio.sleep(0.01)
        assert gate.waiting == 1
        assert waiting_gauge() == 1
        if place_handed_over:
            await first  # its place handed to the waiter, which goes before it runs
        waiter.cancel()
        await first
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert await gate.run(running.work(2, 0)) == 2
        return free(gate)

    assert asyncio.run(main()) == 1
    assert running.started == [0, 2]
    assert waiting_gauge() == 0


def settings_from_env(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, **env: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(f"CHANCERY_{name.upper()}", value)
    get_settings.cache_clear()
    request.addfinalizer(get_settings.cache_clear)


def test_one_admission_per_event_loop_as_the_settings_say(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    settings_from_env(monkeypatch, request, concurrent_queries="5", slow_query_ms="250")

    async def both() -> tuple[Admission | None, Admission | None]:
        return admission(), admission()

    first, again = asyncio.run(both())
    other, _ = asyncio.run(both())
    assert first is not None
    assert first is again
    assert other is not first
    assert (first.places, first.lease_s) == (5, 0.25)

    settings_from_env(monkeypatch, request, concurrent_queries="0")
    assert asyncio.run(both()) == (None, None)
