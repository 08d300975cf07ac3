"""Write limits per API key and per client address, shared by every process through Redis.

Each identity has two moving windows (the `limits` library): at most `burst` writes in any
one second and `per_minute` in any sixty seconds. With `CHANCERY_REDIS_URL` set the windows
live in Redis, so workers and replicas share one limit; without it each process counts alone.
When Redis cannot be reached the process counts alone for `FALLBACK_S` seconds (and logs a
warning), then tries Redis again: a write never fails because the limiter's store is down.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request
from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import MovingWindowRateLimiter

from app.config import Settings
from app.errors import RateLimitedError

log = logging.getLogger(__name__)

Clock = Callable[[], float]
# How long a process counts alone after Redis failed before it asks Redis again.
FALLBACK_S = 5.0
# Redis on the same network answers in about a millisecond; a write should not wait longer
# than this for a limiter that is not answering.
REDIS_TIMEOUT_S = 0.5


def _in_process() -> MovingWindowRateLimiter:
    return MovingWindowRateLimiter(MemoryStorage())


@dataclass
class WindowStore:
    """Counts writes in `shared` (Redis) when there is one and it answers, else in `local`."""

    shared: MovingWindowRateLimiter | None = None
    clock: Clock = time.monotonic
    local: MovingWindowRateLimiter = field(default_factory=_in_process)
    _shared_after: float = field(default=float("-inf"), init=False)

    def wait_s(self, items: tuple[RateLimitItem, ...], identity: str) -> float:
        """Spend one of `identity`'s writes in every window: 0 when allowed, else seconds
        until one is free."""
        if self.shared is not None and self.clock() >= self._shared_after:
            try:
                return _spend(self.shared, items, identity)
            except StorageError as error:
                self._shared_after = self.clock() + FALLBACK_S
                log.warning(
                    "Rate limits: Redis is unreachable (%s); this process counts alone for %g s.",
                    error,
                    FALLBACK_S,
                )
        return _spend(self.local, items, identity)


def _spend(
    limiter: MovingWindowRateLimiter, items: tuple[RateLimitItem, ...], identity: str
) -> float:
    # The shortest window goes first, so a write it refuses costs nothing from the longer one.
    for item in items:
        if not limiter.hit(item, identity):
            reset_at = limiter.get_window_stats(item, identity).reset_time  # wall clock
            # Never 0, which would mean "allowed", even if the oldest write just expired.
            return max(reset_at - time.time(), 0.001)
    return 0.0


@dataclass
class WriteLimiter:
    """`per_minute` writes a minute per identity, at most `burst` a second; 0 disables it."""

    per_minute: int
    burst: int
    namespace: str
    store: WindowStore

    @property
    def windows(self) -> tuple[RateLimitItem, ...]:
        return (
            RateLimitItemPerSecond(max(self.burst, 1), namespace=self.namespace),
            RateLimitItemPerMinute(self.per_minute, namespace=self.namespace),
        )

    def wait_s(self, identity: str) -> float:
        """Spend one write for `identity`: 0 when allowed, else seconds until one is free."""
        if self.per_minute <= 0:
            return 0.0
        return self.store.wait_s(self.windows, identity)


@dataclass
class WriteLimits:
    """One limit per client address (checked before the key) and one per key."""

    per_client: WriteLimiter
    per_key: WriteLimiter

    @classmethod
    def build(cls, per_minute: int, burst: int, store: WindowStore | None = None) -> WriteLimits:
        store = store or WindowStore()
        return cls(
            WriteLimiter(per_minute, burst, "client", store),
            WriteLimiter(per_minute, burst, "key", store),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> WriteLimits:
        """The configured limits, counted in Redis when `redis_url` is set."""
        store = WindowStore(shared_windows(settings.redis_url, settings.redis_key_prefix))
        return cls.build(settings.write_rate_per_minute, settings.write_burst, store)


def shared_windows(redis_url: str | None, key_prefix: str) -> MovingWindowRateLimiter | None:
    """Moving windows in the Redis at `redis_url` (connected on first use), or None if unset."""
    if not redis_url:
        return None
    storage = RedisStorage(
        redis_url,
        key_prefix=key_prefix,
        wrap_exceptions=True,
        socket_connect_timeout=REDIS_TIMEOUT_S,
        socket_timeout=REDIS_TIMEOUT_S,
    )
    return MovingWindowRateLimiter(storage)


def _refuse(wait_s: float, whose: str) -> None:
    if wait_s > 0:
        retry_after = max(1, math.ceil(wait_s))
        raise RateLimitedError(
            f"Too many writes from this {whose}; retry in {retry_after} s.",
            retry_after_s=retry_after,
        )


def _limits(request: Request) -> WriteLimits | None:
    limits = getattr(request.app.state, "write_limits", None)
    return limits if isinstance(limits, WriteLimits) else None


def check_client(request: Request) -> None:
    """Spend a write of the calling address's limit, or raise 429."""
    limits = _limits(request)
    if limits is not None:
        address = request.client.host if request.client else "unknown"
        _refuse(limits.per_client.wait_s(address), "client")


def check_key(request: Request, key: str) -> None:
    """Spend a write of `key`'s limit, or raise 429; only a digest of the key is kept."""
    limits = _limits(request)
    if limits is not None:
        digest = hashlib.sha256(key.encode()).hexdigest()
        _refuse(limits.per_key.wait_s(digest), "key")
