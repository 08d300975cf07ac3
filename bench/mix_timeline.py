"""Where the dashboard mix's p99 comes from: each request's time inside the server, second by
second, first asks of a URL (response cache misses) apart from repeats:

    python -m bench.mix_timeline SAMPLE_DB [--url DATABASE_URL] [--seconds 12]

Serves Chancery as `python -m bench --only mix` serves it for the mix (one uvicorn worker,
response cache on, freshly started), wrapped in a layer that records when each request
came in and how long the app took with it, runs wrk's mix (`bench.scale.mix`, the URLs
drawn from SAMPLE_DB, a SQLite file; `--url` serves another database holding the same
rows, e.g. its PostgreSQL copy), then prints wrk's figures, how many requests took over
250 ms and how many of those were a URL's first ask, one line per second, and the first
asks' times per kind of question. Run it from a checkout (`PYTHONPATH=.`) to time that
checkout's code.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bench.scale import data, mix
from bench.scale.load import SCRIPT
from bench.scale.servers import Server, running

OUT_VARIABLE = "BENCH_TIMELINE_OUT"
SLOW_S = 0.25
PORT = 8821


def timed_app() -> ASGIApp:
    """Chancery's app, each HTTP request's (start, seconds in the app, path and query)
    recorded and written to the file `BENCH_TIMELINE_OUT` names when the server stops."""
    from app.api.main import create_app

    inner = create_app()
    records: list[tuple[float, float, str]] = []

    def dump() -> None:
        Path(os.environ[OUT_VARIABLE]).write_text(json.dumps(records))

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":

            async def on_lifespan(message: Message) -> None:
                if message["type"] == "lifespan.shutdown.complete":
                    dump()
                await send(message)

            await inner(scope, receive, on_lifespan)
            return
        started = time.monotonic()
        await inner(scope, receive, send)
        query = scope["query_string"].decode()
        records.append((started, time.monotonic() - started, f"{scope['path']}?{query}"))

    return app


def _kind(path: str) -> str:
    route, _, query = path.partition("?")
    marks = [name for name in ("actor", "q", "status", "include_total") if f"{name}=" in query]
    return route + ("?" + "&".join(marks) if marks else "")


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def summarise(records: list[list[Any]], seconds: int) -> list[str]:
    """The lines the command prints about the server's records."""
    first_at = min(record[0] for record in records)
    seen: set[str] = set()
    rows = []
    for started, took, path in sorted(r for r in records if r[2].startswith("/v1/")):
        rows.append((started - first_at, took, path not in seen, path))
        seen.add(path)
    slow = [row for row in rows if row[1] > SLOW_S]
    lines = [
        f"requests {len(rows)}, first asks {sum(row[2] for row in rows)}, over "
        f"{SLOW_S * 1000:.0f} ms {len(slow)} ({100 * len(slow) / len(rows):.2f}%), of which "
        f"first asks {sum(row[2] for row in slow)}; in the app p50 "
        f"{_percentile([r[1] for r in rows], 0.5) * 1000:.1f} ms, p99 "
        f"{_percentile([r[1] for r in rows], 0.99) * 1000:.1f} ms"
    ]
    for second in range(seconds + 1):
        within = [row for row in rows if second <= row[0] < second + 1]
        if not within:
            continue
        firsts = [row[1] for row in within if row[2]]
        took = [row[1] for row in within]
        lines.append(
            f"{second:3d} s: {len(within):6d} requests, {len(firsts):4d} first asks "
            f"(p50 {_percentile(firsts, 0.5) * 1000:7.1f} ms), all p50 "
            f"{_percentile(took, 0.5) * 1000:7.1f} p99 {_percentile(took, 0.99) * 1000:7.1f} ms"
        )
    kinds: dict[str, list[float]] = defaultdict(list)
    for _, took, first, path in rows:
        if first and path.startswith("/v1/"):
            kinds[_kind(path)].append(took)
    for kind, times in sorted(kinds.items()):
        lines.append(
            f"first asks of {kind}: {len(times)}, p50 {_percentile(times, 0.5) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path, help="the SQLite database the URLs are drawn from")
    parser.add_argument("--url", help="database to serve (default: the sample itself)")
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args(argv)
    paths = mix.mixed(mix.dashboard_questions(mix.read_sample(args.sample)))
    with tempfile.TemporaryDirectory() as folder:
        rotation = mix.write_paths(Path(folder) / "mix.txt", paths)
        out = Path(folder) / "records.json"
        env = {
            "CHANCERY_DATABASE_URL": args.url or data.sqlite_url(args.sample),
            "CHANCERY_LOG_LEVEL": "WARNING",
            "CHANCERY_RESPONSE_CACHE_ENTRIES": "512",
            OUT_VARIABLE: str(out),
        }
        server = Server("timed", "bench.mix_timeline:timed_app", PORT, env, True, "/readyz")
        with running(server):
            wrk = [
                *("wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s"),
                *("-s", str(SCRIPT), server.base + "/", "--", str(rotation)),
            ]
            result = subprocess.run(wrk, capture_output=True, text=True, check=True)
            print("wrk:", result.stdout.strip().splitlines()[-1])
        records = json.loads(out.read_text())
    print("\n".join(summarise(records, args.seconds)))


if __name__ == "__main__":
    sys.exit(main())
