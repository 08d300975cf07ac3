"""Latency of the dashboard's aggregate requests (`/v1/stats`, `/v1/actors`, an actor's
counts), uncached, one request at a time on one kept-alive connection.

Starts Chancery's own uvicorn process (one worker, response cache off) over the database,
sends each path `--warmup` times unmeasured, then `--requests` times, and prints p50 and
p99 per path in milliseconds (and `--json` for the raw figures). Run it from a checkout to
measure that checkout's code: `python -m bench.aggregates_latency sqlite:///db --actor france`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import time
from collections.abc import Sequence

from bench.scale.run import chancery
from bench.scale.servers import HOST, running

PORT = 8791


def paths(actor: str) -> list[str]:
    """The aggregate requests a dashboard makes, with the filters each takes."""
    return [
        "/v1/stats",
        f"/v1/stats?actor={actor}",
        "/v1/stats?status=verified&kind=quote",
        f"/v1/stats?actor={actor}&status=disputed",
        "/v1/stats?date_from=2019-01-01&date_to=2019-12-31",
        f"/v1/stats?actor={actor}&date_from=2019-01-01&date_to=2019-12-31",
        "/v1/actors",
        "/v1/actors?kind=person&limit=200",
        "/v1/actors?date_from=2019-01-01&date_to=2019-03-31",
        f"/v1/actors/{actor}",
    ]


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(connection: http.client.HTTPConnection, path: str, warmup: int, n: int) -> list[float]:
    """Milliseconds of each of `n` GETs of `path`, after `warmup` unmeasured ones."""
    timings = []
    for i in range(warmup + n):
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
        if i >= warmup:
            timings.append(elapsed)
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--actor", default="france", help="slug of the actor to filter by")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the raw timings as JSON")
    args = parser.parse_args(argv)
    results = {}
    with running(chancery(args.database_url, PORT)) as server:
        connection = http.client.HTTPConnection(HOST, server.port, timeout=600)
        for path in paths(args.actor):
            results[path] = measure(connection, path, args.warmup, args.requests)
            p50, p99 = _percentile(results[path], 0.5), _percentile(results[path], 0.99)
            print(f"| `{path}` | {p50:.1f} | {p99:.1f} | {statistics.mean(results[path]):.1f} |")
        connection.close()
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
