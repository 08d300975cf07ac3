"""The response cache and the ETag under wrk: one uvicorn worker, 64 connections, requests/s
and the server's CPU per request (from /proc, so the load generator's CPU is not counted).

    python bench/cache_load.py DATABASE_URL [--checkout DIR] [--seconds 8] [--port 8765]

Runs, on a server started from `--checkout` (another checkout's `app`, for a baseline; by
default the one installed): one claims URL repeated (cache hits), the same with
`Accept-Encoding: gzip`, with `If-None-Match` naming its tag (304s), and a rotation through
3,000 distinct list URLs (`bench.api_cpu.distinct_urls`, cold: every one a miss). Prints one
JSON line per run. Run as a file with `PYTHONPATH` at this checkout, like `cache_cpu.py`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from bench.api_cpu import distinct_urls
from bench.scale.servers import Server, running

REPORT = Path(__file__).parent / "scale" / "report.lua"
CLAIMS = "/v1/claims?actor=france&date_from=2019-01-01&date_to=2023-12-31&limit=50&status=verified"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def wrk(url: str, seconds: int, headers: Sequence[str], paths: Path | None) -> dict[str, int]:
    argv = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "10s", "-s", str(REPORT)]
    for header in headers:
        argv += ["-H", header]
    argv += [url] + (["--", str(paths)] if paths else [])
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    figures: dict[str, int] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def run(
    label: str,
    server: Server,
    pid: int,
    seconds: int,
    headers: Sequence[str] = (),
    paths: Path | None = None,
) -> None:
    """One wrk run (after 2 s of warm-up, but for a rotation of paths: cold) and its line."""
    time.sleep(2)  # the previous run's answers in flight
    url = server.base + (CLAIMS if paths is None else "/")
    if paths is None:
        wrk(url, 2, headers, paths)
        time.sleep(1)
    before = cpu_seconds(pid)
    figures = wrk(url, seconds, headers, paths)
    spent = cpu_seconds(pid) - before
    requests = figures["requests"]
    print(json.dumps({
        "run": label, "requests_s": round(requests / (figures["duration_us"] / 1e6)),
        "server_cpu_us_per_request": round(spent / max(requests, 1) * 1e6, 1),
        "p50_ms": figures["p50_us"] / 1000, "p99_ms": figures["p99_us"] / 1000,
        "non2xx": figures["non2xx"], "errors": figures["socket_errors"] + figures["timeouts"],
    }), flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--checkout", default=None)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    env = {"CHANCERY_DATABASE_URL": args.database_url, "CHANCERY_LOG_LEVEL": "WARNING"}
    server = Server("chancery", "app.api.main:create_app", args.port, env, factory=True,
                    ready_path="/healthz", checkout=args.checkout)  # fmt: skip
    pids: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as folder, running(server, pids):
        pid = pids["chancery"]
        with urllib.request.urlopen(server.base + CLAIMS) as response:
            etag = response.headers["etag"]
        run("hit", server, pid, args.seconds)
        run("hit gzip", server, pid, args.seconds, headers=["Accept-Encoding: gzip"])
        run("304", server, pid, args.seconds, headers=[f"If-None-Match: {etag}"])
        paths = Path(folder) / "paths.txt"
        urls = dict.fromkeys(f"/v1/{resource}?{query}" for resource, query in distinct_urls(3000))
        paths.write_text("\n".join(urls) + "\n")
        run("miss (distinct URLs)", server, pid, args.seconds, paths=paths)


if __name__ == "__main__":
    main()
