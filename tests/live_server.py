"""A real `chancery serve` in a subprocess, for tests that need the network path (a browser,
a generated SDK, schemathesis over HTTP, database faults)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import PROJECT_ROOT

STARTUP_SECONDS = 60


@dataclass
class LiveServer:
    base_url: str
    port: int
    log: Path
    process: subprocess.Popen[bytes]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# What uvicorn logs once a worker's lifespan has run: until every worker has, a request
# answered by one says nothing of the others (their gauges are not set yet).
STARTED = b"Application startup complete."


def _serving(base: str, log: Path, workers: int) -> bool:
    try:
        healthy = httpx.get(f"{base}/healthz", timeout=1).status_code == 200
    except httpx.TransportError:
        return False
    return healthy and log.read_bytes().count(STARTED) >= workers


def _wait_until_serving(
    base: str, process: subprocess.Popen[bytes], log: Path, workers: int
) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        if _serving(base, log, workers):
            return
        time.sleep(0.2)
    raise AssertionError(f"the server did not start:\n{log.read_text(encoding='utf-8')}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def live_server(
    database_url: str, log: Path, *, seed: bool = False, workers: int = 1, **settings: str
) -> Iterator[LiveServer]:
    """Serve `database_url` (migrated first, `seeds/` ingested when `seed`) on a free port,
    with `workers` worker processes.

    `settings` are extra CHANCERY_* values (`api_keys="k"`). The server's output goes to
    `log`, not to a pipe that nobody drains.
    """
    port = free_port()
    env = {**os.environ, "CHANCERY_DATABASE_URL": database_url}
    env.update({f"CHANCERY_{name.upper()}": value for name, value in settings.items()})
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, *(["--seed"] if seed else [])],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", port, log, process)
    try:
        _wait_until_serving(server.base_url, process, log, workers)
        yield server
    finally:
        _stop(process)
