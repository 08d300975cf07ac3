"""Latency of the dashboard's aggregate requests (`/v1/stats`, `/v1/actors`, an actor's
counts, lists' `include_total`), uncached, one request at a time on one kept-alive connection.

Starts Chancery's own uvicorn process (one worker, response cache off) over the database,
sends each path `--warmup` times unmeasured, then `--requests` times, and prints p50, p99
and mean per path in milliseconds (and `--json` for the raw figures); `--cpu` measures
instead the CPU time of each request, the app served in this process. Run it from a
checkout to measure that checkout's code:
`python -m bench.aggregates_latency sqlite:///db --actor france`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
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
        f"/v1/actors/{actor}/related",
        f"/v1/actors/{actor}/related?date_from=2019-01-01&date_to=2019-12-31&status=verified",
        f"/v1/claims?actor={actor}&status=verified&include_total=true&limit=10",
        "/v1/claims?date_from=2019-01-01&date_to=2019-12-31&include_total=true&limit=10",
        f"/v1/statements?actor={actor}&include_total=true&limit=10",
        f"/v1/briefs?actor={actor}&date_from=2019-01-01&include_total=true&limit=10",
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


def measure_cpu(
    database_url: str, selected: Sequence[str], warmup: int, n: int
) -> dict[str, list[float]]:
    """CPU milliseconds (this process's, the app served in it) of each of `n` GETs per path:
    what one request costs, which the machine's other load does not move."""
    os.environ |= {"CHANCERY_DATABASE_URL": database_url, "CHANCERY_RESPONSE_CACHE_ENTRIES": "0"}
    os.environ["CHANCERY_LOG_LEVEL"] = "WARNING"
    from fastapi.testclient import TestClient

    from app.api.main import create_app

    results = {}
    with TestClient(create_app()) as client:
        for path in selected:
            timings = []
            for i in range(warmup + n):
                started = time.process_time()
                status = client.get(path).status_code
                if status != 200:
                    raise RuntimeError(f"{path}: {status}")
                if i >= warmup:
                    timings.append((time.process_time() - started) * 1000)
            results[path] = timings
    return results


def _print(path: str, timings: Sequence[float]) -> None:
    p50, p99 = _percentile(timings, 0.5), _percentile(timings, 0.99)
    print(f"| `{path}` | {p50:.1f} | {p99:.1f} | {statistics.mean(timings):.1f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url")
    parser.add_argument("--actor", default="france", help="slug of the actor to filter by")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the raw timings as JSON")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time per request, the app in this process"
    )
    parser.add_argument(
        "--only", nargs="*", default=None, help="measure only these of the paths (as printed)"
    )
    args = parser.parse_args(argv)
    selected = [p for p in paths(args.actor) if args.only is None or p in args.only]
    if args.cpu:
        results = measure_cpu(args.database_url, selected, args.warmup, args.requests)
        for path in selected:
            _print(path, results[path])
    else:
        results = {}
        with running(chancery(args.database_url, PORT)) as server:
            connection = http.client.HTTPConnection(HOST, server.port, timeout=600)
            for path in selected:
                results[path] = measure(connection, path, args.warmup, args.requests)
                _print(path, results[path])
            connection.close()
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
