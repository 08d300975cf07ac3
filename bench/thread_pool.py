"""How many worker threads one server process wants (`CHANCERY_WORKER_THREADS`), and whether
slow requests stall the others.

    python -m bench.thread_pool DATABASE_URL [--threads 4 8 16 40] [--rounds 2] [--seconds 10]
        [--slow PATH] [--slow-clients 4] [--checkout DIR]

For each pool size, in turn each round (the machine's load moves between runs): one uvicorn
worker, response cache off, over the database; wrk with 64 connections rotating through 400
distinct list URLs (`bench.api_cpu.distinct_urls`); then the same rotation on one
connection, alone, then while `--slow-clients` clients keep asking `--slow` (a request
that takes seconds). `--checkout`: another checkout's code (a baseline, which may not read
`CHANCERY_WORKER_THREADS`). Prints one JSON line per run: requests/s, p50 and p99 ms and
the server's CPU ms per request at 64 connections; p50 and p99 on one connection, alone
and beside the slow requests; how many slow requests were answered.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.api_cpu import distinct_urls
from bench.scale.load import Load, measure
from bench.scale.run import chancery
from bench.scale.servers import Server, running

PORT = 8793
SLOW = "/v1/stats?q=the"


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one_connection(base: str, paths: list[str], seconds: float) -> list[float]:
    """Milliseconds of each request of the rotation, one at a time, for `seconds` (at least
    one request)."""
    timings, index, deadline = [], 0, time.monotonic() + seconds
    while not timings or time.monotonic() < deadline:
        started = time.perf_counter()
        with urllib.request.urlopen(base + paths[index % len(paths)], timeout=60) as answer:
            answer.read()
        timings.append(1000 * (time.perf_counter() - started))
        index += 1
    return timings


def _slow_clients(base: str, path: str, count: int, stop: threading.Event) -> list[int]:
    answered = [0] * count

    def ask(slot: int) -> None:
        while not stop.is_set():
            try:
                with urllib.request.urlopen(base + path, timeout=120) as answer:
                    answer.read()
            except OSError:
                if stop.is_set():  # the server stopped under a request in flight
                    return
                raise
            answered[slot] += 1

    for slot in range(count):
        threading.Thread(target=ask, args=(slot,), daemon=True).start()
    return answered


def run_one(server: Server, threads: int, paths_file: Path, args: argparse.Namespace) -> Any:
    pids: dict[str, int] = {}
    paths = paths_file.read_text().split()
    with running(server, pids):
        pid = pids[server.name]
        before = _cpu_s(pid)
        url, load = server.base + paths[0], Load(64, args.seconds)
        loaded = measure(f"{threads} threads", url, load, warmup_s=0, paths=paths_file)
        cpu_ms = 1000 * (_cpu_s(pid) - before)
        # wrk leaves up to 64 requests queued in the server: one more request, answered
        # after them, waits until they are, so that `alone` is alone.
        _one_connection(server.base, paths[:1], 0)
        alone = _one_connection(server.base, paths, args.seconds / 2)
        stop = threading.Event()
        answered = _slow_clients(server.base, args.slow, args.slow_clients, stop)
        time.sleep(1)
        beside = _one_connection(server.base, paths, args.seconds)
        stop.set()
    quantiles = statistics.quantiles

    def summary(values: list[float]) -> dict[str, float | None]:
        if len(values) < 2:  # too slow to say
            return {"n": len(values), "p50_ms": None, "p99_ms": None}
        cuts = quantiles(values, n=100)
        return {"n": len(values), "p50_ms": round(cuts[49], 1), "p99_ms": round(cuts[98], 1)}

    return {
        "threads": threads,
        "rps_64": loaded.rps,
        "p50_ms_64": loaded.p50_ms,
        "p99_ms_64": loaded.p99_ms,
        "non2xx_64": loaded.non2xx + loaded.errors,
        "cpu_ms_per_request_64": round(cpu_ms / max(1, loaded.requests), 2),
        "one_connection_alone": summary(alone),
        "one_connection_beside_slow": summary(beside),
        "slow_answered": sum(answered),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--threads", type=int, nargs="+", default=[4, 8, 16, 40])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--slow", default=SLOW)
    parser.add_argument("--slow-clients", type=int, default=4)
    parser.add_argument("--checkout", help="another checkout's code (a baseline)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths_file = Path(folder) / "paths.txt"
        urls = [f"/v1/{resource}?{query}" for resource, query in distinct_urls(400)]
        paths_file.write_text("\n".join(urls) + "\n")
        for round_ in range(args.rounds):
            order = args.threads if round_ % 2 == 0 else list(reversed(args.threads))
            for threads in order:
                server = chancery(args.database_url, PORT)
                env = {**server.env, "CHANCERY_WORKER_THREADS": str(threads)}
                server = Server(server.name, server.app, PORT, env, True, "/readyz", args.checkout)
                print(json.dumps(run_one(server, threads, paths_file, args)), flush=True)


if __name__ == "__main__":
    main()
