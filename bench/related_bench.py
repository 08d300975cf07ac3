"""Latency of one actor endpoint at scale: one connection, requests one after another,
rotating over actors picked by how many claims name them (the busiest, the 99th and 90th
percentile, the median), so a figure is the cost of one request, not of queueing.

    python -m bench.related_bench --sqlite DB --base http://127.0.0.1:8000 \\
        --path '/v1/actors/{slug}/related' --seconds 20

`--path` takes `{slug}`; the server should run with `CHANCERY_RESPONSE_CACHE_ENTRIES=0`, so
every request runs its queries.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import time
from pathlib import Path

import httpx

GROUPS = {"busiest": 1.0, "p90": 0.90, "median": 0.5}
PER_GROUP = 5


def pick_actors(sqlite_path: Path) -> dict[str, list[str]]:
    """Five actors per group, by the number of claims naming them."""
    with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT a.slug, count(*) AS n FROM claim_actors c JOIN actors a ON a.id = c.actor_id "
            "GROUP BY a.id ORDER BY n, a.id"
        ).fetchall()
    picked: dict[str, list[str]] = {}
    for name, quantile in GROUPS.items():
        at = min(len(rows) - PER_GROUP, int(quantile * (len(rows) - 1)))
        picked[name] = [slug for slug, _ in rows[at : at + PER_GROUP]]
    return picked


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(base: str, path: str, slugs: list[str], seconds: float) -> dict[str, float]:
    """p50 and p99 (ms) of `path` for `slugs` in turn over `seconds`, after a warm-up."""
    timings: list[float] = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for slug in slugs:
            client.get(path.format(slug=slug)).raise_for_status()
        end = time.monotonic() + seconds
        turn = 0
        while time.monotonic() < end:
            started = time.perf_counter()
            client.get(path.format(slug=slugs[turn % len(slugs)])).raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
            turn += 1
    return {
        "requests": len(timings),
        "p50_ms": round(statistics.median(timings), 2),
        "p99_ms": round(_percentile(timings, 0.99), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", type=Path, required=True, help="database to pick actors from")
    parser.add_argument("--base", required=True, help="server base URL")
    parser.add_argument("--path", default="/v1/actors/{slug}/related", help="path with {slug}")
    parser.add_argument("--seconds", type=float, default=20, help="seconds per group")
    args = parser.parse_args()
    for group, slugs in pick_actors(args.sqlite).items():
        figures = measure(args.base, args.path, slugs, args.seconds)
        print(json.dumps({"group": group, "actors": slugs, **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
