"""Load with wrk: the same threads, connections and duration for every contender."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

SCRIPT = Path(__file__).with_name("report.lua")
# wrk stops without waiting for the answers in flight; the server works through them first.
SETTLE_S = 2.0


@dataclass(frozen=True)
class Load:
    connections: int
    seconds: int
    threads: int = 2


@dataclass(frozen=True)
class Result:
    """wrk's figures for one URL."""

    label: str
    url: str
    connections: int
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    non2xx: int
    errors: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _wrk(url: str, load: Load, paths: Path | None = None) -> dict[str, int]:
    threads = min(load.threads, load.connections)
    argv = ["wrk", f"-t{threads}", f"-c{load.connections}", f"-d{load.seconds}s"]
    argv += ["--timeout", "10s", "-s", str(SCRIPT), url]
    if paths is not None:
        argv += ["--", str(paths)]
    out = subprocess.run(
        argv, capture_output=True, text=True, check=True, timeout=load.seconds + 60
    )
    last = [line for line in out.stdout.splitlines() if line.startswith("{")][-1]
    figures: dict[str, int] = json.loads(last)
    return figures


def measure(
    label: str, url: str, load: Load, warmup_s: int = 2, paths: Path | None = None
) -> Result:
    """Let the previous run's queued requests drain, warm up, then load `url`.

    With `paths` (a file of one path per line), the requests rotate through those paths on
    `url`'s host; `warmup_s=0` measures from a cold start.
    """
    time.sleep(SETTLE_S)
    if warmup_s:
        _wrk(url, Load(load.connections, warmup_s, load.threads), paths)
    raw = _wrk(url, load, paths)
    seconds = raw["duration_us"] / 1e6
    return Result(
        label=label,
        url=url,
        connections=load.connections,
        requests=raw["requests"],
        seconds=round(seconds, 2),
        rps=round(raw["requests"] / seconds, 1),
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        non2xx=raw["non2xx"],
        # No answer at all within wrk's timeout is every connection failing.
        errors=raw["socket_errors"] + raw["timeouts"]
        or (load.connections if not raw["requests"] else 0),
    )
