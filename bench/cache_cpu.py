"""What the response cache and the ETag save, in CPU per request in process (raw ASGI calls,
no socket), which the other core's load does not move.

    python bench/cache_cpu.py DATABASE_URL [--rounds 3] [--hits 20000] [--misses 300]

Builds two apps in one process, the cache on (512 entries) and off, and measures on each:

- `hit`: one claims URL repeated (the cache's hit; without the cache, the whole request),
  without and with `Accept-Encoding: gzip`;
- `miss`: a rotation of distinct list URLs (random filters, `bench.api_cpu.distinct_urls`),
  each sent once to each app in alternating order: with the cache on every one is a miss;
- `not_modified`: the repeated URL with `If-None-Match` naming the ETag it was given: 304.

Run as a file (`python bench/cache_cpu.py`), so that `PYTHONPATH=OTHER_CHECKOUT` measures
another checkout's `app` with the same script. Prints one JSON line per round.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from contextlib import AsyncExitStack
from typing import Any

Headers = list[tuple[bytes, bytes]]
CLAIMS = (
    "/v1/claims",
    "actor=france&date_from=2019-01-01&date_to=2023-12-31&limit=50&status=verified",
)
GZIP: Headers = [(b"accept-encoding", b"gzip, deflate, br")]


async def get(app: Any, path: str, query: str, headers: Headers) -> tuple[int, Headers]:
    """One GET through the whole ASGI app: its status and headers."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost"), *headers], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}  # fmt: skip
    started: list[tuple[int, Headers]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            started.append((message["status"], list(message["headers"])))

    await app(scope, receive, send)
    return started[0]


async def cpu_per_request(app: Any, calls: list[tuple[str, str, Headers]], status: int) -> float:
    spent = 0.0
    for path, query, headers in calls:
        begun = time.process_time()
        answered, _ = await get(app, path, query, headers)
        spent += time.process_time() - begun
        assert answered == status, (path, query, answered)
    return spent / len(calls)


async def one_round(
    apps: dict[str, Any], args: argparse.Namespace, seen: set[str]
) -> dict[str, Any]:
    from bench.api_cpu import distinct_urls

    result: dict[str, Any] = {}
    path, query = CLAIMS
    for label, app in apps.items():
        _, headers = await get(app, path, query, [])
        etag = dict(headers)[b"etag"]
        conditional: Headers = [(b"if-none-match", etag)]
        for name, extra, status in (
            ("hit_us", [], 200),
            ("hit_gzip_us", GZIP, 200),
            ("not_modified_us", conditional, 304),
            ("not_modified_gzip_us", [*GZIP, *conditional], 304),
        ):
            count = args.hits if label == "cache_on" else max(args.hits // 100, 50)
            calls = [(path, query, extra)] * count
            await cpu_per_request(app, calls[:20], status)
            result[f"{label}.{name}"] = round(1e6 * await cpu_per_request(app, calls, status), 2)
    urls: list[tuple[str, str, Headers]] = []
    for resource, params in distinct_urls(args.misses * 2, seed=len(seen) + 11):
        if f"{resource}?{params}" not in seen and len(urls) < args.misses:
            seen.add(f"{resource}?{params}")
            urls.append((f"/v1/{resource}", params, []))
    spent = dict.fromkeys(apps, 0.0)
    for index, call in enumerate(urls):
        order = list(apps.items()) if index % 2 else list(reversed(apps.items()))
        for label, app in order:
            spent[label] += await cpu_per_request(app, [call], 200)
    for label in apps:
        result[f"{label}.miss_ms"] = round(1e3 * spent[label] / len(urls), 3)
    return result


async def measure(args: argparse.Namespace) -> None:
    from app.api.main import create_app  # after the environment is set
    from app.config import get_settings

    apps = {}
    for label, entries in (("cache_on", "512"), ("cache_off", "0")):
        os.environ["CHANCERY_RESPONSE_CACHE_ENTRIES"] = entries
        get_settings.cache_clear()
        apps[label] = create_app()
    seen: set[str] = set()
    async with AsyncExitStack() as stack:
        for app in apps.values():
            await stack.enter_async_context(app.router.lifespan_context(app))
        from bench.api_cpu import distinct_urls

        for resource, params in distinct_urls(30, seed=3):  # imports, pools, statements
            seen.add(f"{resource}?{params}")
            for app in apps.values():
                await get(app, f"/v1/{resource}", params, [])
        for _ in range(args.rounds):
            print(json.dumps(await one_round(apps, args, seen)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--hits", type=int, default=20_000)
    parser.add_argument("--misses", type=int, default=300)
    args = parser.parse_args()
    os.environ["CHANCERY_DATABASE_URL"] = args.database_url
    os.environ["CHANCERY_RESPONSE_CACHE_STALE_MS"] = "1000"
    os.environ["CHANCERY_LOG_LEVEL"] = "WARNING"
    asyncio.run(measure(args))


if __name__ == "__main__":
    main()
