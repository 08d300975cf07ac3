"""Token buckets that limit writes per API key and per client address.

State lives in the process: with several workers or replicas each enforces its own limit,
so the effective limit is the configured one times the number of processes.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Lock

from fastapi import Request

from app.errors import RateLimitedError

Clock = Callable[[], float]
# Enough buckets for every active client; the least recently seen are forgotten first, so
# a flood of forged addresses cannot grow memory without bound.
MAX_BUCKETS = 10_000


@dataclass
class _Bucket:
    tokens: float
    updated_at: float


@dataclass
class TokenBucketLimiter:
    """`per_minute` requests a minute per identity, up to `burst` at once; 0 disables it."""

    per_minute: int
    burst: int
    clock: Clock = time.monotonic
    max_buckets: int = MAX_BUCKETS
    _buckets: OrderedDict[str, _Bucket] = field(default_factory=OrderedDict)
    _lock: Lock = field(default_factory=Lock)

    def wait_s(self, identity: str) -> float:
        """Take one token for `identity`: 0 when allowed, else seconds until one is free."""
        if self.per_minute <= 0:
            return 0.0
        rate = self.per_minute / 60
        capacity = max(self.burst, 1)
        with self._lock:
            now = self.clock()
            bucket = self._buckets.pop(identity, None) or _Bucket(capacity, now)
            bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated_at) * rate)
            bucket.updated_at = now
            self._buckets[identity] = bucket
            if len(self._buckets) > self.max_buckets:
                self._buckets.popitem(last=False)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / rate


@dataclass
class WriteLimits:
    """One bucket per client address (checked before the key) and one per key."""

    per_client: TokenBucketLimiter
    per_key: TokenBucketLimiter

    @classmethod
    def build(cls, per_minute: int, burst: int) -> WriteLimits:
        return cls(TokenBucketLimiter(per_minute, burst), TokenBucketLimiter(per_minute, burst))


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
    """Spend a token of the calling address's bucket, or raise 429."""
    limits = _limits(request)
    if limits is not None:
        address = request.client.host if request.client else "unknown"
        _refuse(limits.per_client.wait_s(address), "client")


def check_key(request: Request, key: str) -> None:
    """Spend a token of `key`'s bucket, or raise 429; only a digest of the key is kept."""
    limits = _limits(request)
    if limits is not None:
        digest = hashlib.sha256(key.encode()).hexdigest()
        _refuse(limits.per_key.wait_s(digest), "key")
