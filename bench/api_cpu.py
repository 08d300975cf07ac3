"""API CPU per request in process (raw ASGI calls, no socket, no load generator), which
the other core's load does not move: many distinct list URLs with the cache off, or one
URL's cache hits.

    python -m bench.api_cpu DATABASE_URL [--requests 600] [--hits] [--metrics-both]
    python -m bench.api_cpu DATABASE_URL --mix SAMPLE_DB [--rounds 1]

DATABASE_URL: a database with briefs in it, e.g. `bench/out/scale/chancery-2000.db` after
`python -m bench --quick`. Prints one JSON line: ms of CPU per request, overall and per
resource (or µs per cache hit with `--hits`). `--mix SAMPLE_DB` sends the dashboard
mix's 448 URLs instead (`bench.scale.mix`, drawn from the SQLite file SAMPLE_DB, which may
be the database itself), each once per round, and prints ms of CPU per kind of question.
`--metrics-both` builds two apps in the same process, one with
`CHANCERY_METRICS_ENABLED=true` and one with `false`, and sends each request to both, in
alternating order: the figures of each side by side, and the cost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from bench.scale import scenarios

ACTORS = ("france", "united-states", "china", "russia", "germany", "ukraine", "iran", "india",
          "japan", "turkey", "brazil", "united-kingdom", "")  # fmt: skip
STATUSES = ("verified", "unconfirmed", "disputed", "reported", "")
RESOURCES = ("claims", "statements", "briefs", "events", "actors")


def distinct_urls(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(resource, query string) pairs: random filters, as a dashboard's changing ones."""
    rng = random.Random(seed)
    urls = []
    for _ in range(n):
        resource = rng.choice(RESOURCES)
        params = []
        if resource != "actors":
            if actor := rng.choice(ACTORS):
                params.append(f"actor={actor}")
            if rng.random() < 0.6:
                year = rng.randint(2015, 2024)
                params.append(f"date_from={year}-01-01&date_to={year + rng.randint(0, 3)}-12-31")
            if rng.random() < 0.2:
                params.append("q=" + rng.choice(("sanctions", "ceasefire", "talks", "grain")))
        if resource == "claims" and (status := rng.choice(STATUSES)):
            params.append(f"status={status}")
        params.append(f"limit={rng.choice((10, 50, 100))}")
        urls.append((resource, "&".join(params)))
    return urls


async def get(app: Any, path: str, query: str) -> int:
    """One GET through the whole ASGI app; its status."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}  # fmt: skip
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope, receive, send)
    return statuses[0]


async def compare_metrics(args: argparse.Namespace) -> dict[str, Any]:
    """The same requests to an app recording metrics and to one not, interleaved."""
    from app.api.main import create_app  # after the environment is set
    from app.config import get_settings

    apps = {}
    for label, enabled in (("metrics_on", "true"), ("metrics_off", "false")):
        os.environ["CHANCERY_METRICS_ENABLED"] = enabled
        get_settings.cache_clear()
        apps[label] = create_app()
    async with AsyncExitStack() as stack:
        for app in apps.values():
            await stack.enter_async_context(app.router.lifespan_context(app))
        if args.hits:
            path, query = scenarios.chancery_path("claims").split("?")
            calls = [(path, query)] * args.requests
        else:
            calls = [(f"/v1/{resource}", query) for resource, query in distinct_urls(args.requests)]
        for app in apps.values():
            for path, query in calls[:30]:  # imports, pools, prepared statements, the cache
                await get(app, path, query)
        spent = dict.fromkeys(apps, 0.0)
        for index, (path, query) in enumerate(calls):
            order = list(apps.items()) if index % 2 else list(reversed(apps.items()))
            for label, app in order:
                started = time.process_time()
                assert await get(app, path, query) == 200, query
                spent[label] += time.process_time() - started
    unit, scale = ("hit_us", 1e6) if args.hits else ("all_ms", 1e3)
    result: dict[str, Any] = {
        label: {unit: round(scale * total / len(calls), 3)} for label, total in spent.items()
    }
    result["metrics_cost_percent"] = round(
        100 * (spent["metrics_on"] / spent["metrics_off"] - 1), 2
    )
    return result


async def measure(args: argparse.Namespace) -> dict[str, Any]:
    if args.metrics_both:
        return await compare_metrics(args)
    from app.api.main import create_app  # after the environment is set

    app = create_app()
    async with app.router.lifespan_context(app):
        if args.hits:
            path, query = scenarios.chancery_path("claims").split("?")
            for _ in range(100):
                await get(app, path, query)
            started = time.process_time()
            for _ in range(args.requests):
                assert await get(app, path, query) == 200
            return {"hit_us": round((time.process_time() - started) / args.requests * 1e6, 2)}
        if args.mix:
            return await _mix_cpu(app, args)
        urls = distinct_urls(args.requests)
        for resource, query in urls[:30]:  # imports, pools, prepared statements
            await get(app, f"/v1/{resource}", query)
        spent: dict[str, list[float]] = {}
        for resource, query in urls:
            started = time.process_time()
            assert await get(app, f"/v1/{resource}", query) == 200, query
            spent.setdefault(resource, []).append(time.process_time() - started)
        every = [s for times in spent.values() for s in times]
        result = {"all_ms": round(1000 * sum(every) / len(every), 3)}
        return result | {r: round(1000 * sum(t) / len(t), 3) for r, t in sorted(spent.items())}


async def _mix_cpu(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    """CPU ms per request of each kind of the dashboard mix, cache off."""
    from bench.scale import mix

    kinds = mix.dashboard_questions(mix.read_sample(Path(args.mix)))
    for kind in kinds:  # imports, pools, prepared statements
        path, _, query = kind.paths[0].partition("?")
        await get(app, path, query)
    spent: dict[str, list[float]] = {kind.label: [] for kind in kinds}
    for _ in range(args.rounds):
        for kind in kinds:
            for url in kind.paths:
                path, _, query = url.partition("?")
                started = time.process_time()
                assert await get(app, path, query) == 200, url
                spent[kind.label].append(time.process_time() - started)
    every = [s for times in spent.values() for s in times]
    result = {"all_ms": round(1000 * sum(every) / len(every), 3)}
    return result | {label: round(1000 * sum(t) / len(t), 3) for label, t in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--requests", type=int, default=None)
    parser.add_argument("--hits", action="store_true", help="one URL, cache on")
    parser.add_argument(
        "--metrics-both", action="store_true", help="metrics on and off, side by side"
    )
    parser.add_argument("--mix", metavar="SAMPLE_DB", help="the dashboard mix's URLs")
    parser.add_argument("--rounds", type=int, default=1, help="times each mix URL is sent")
    args = parser.parse_args()
    args.requests = args.requests or (20_000 if args.hits else 600)
    os.environ["CHANCERY_DATABASE_URL"] = args.database_url
    os.environ["CHANCERY_RESPONSE_CACHE_ENTRIES"] = "512" if args.hits else "0"
    os.environ["CHANCERY_LOG_LEVEL"] = "WARNING"
    print(json.dumps(asyncio.run(measure(args))))


if __name__ == "__main__":
    main()
