"""A real `chancery serve` in a subprocess, for tests that drive it over HTTP (a browser,
a generated SDK)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import PROJECT_ROOT

STARTUP_SECONDS = 60


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_serving(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server did not start:\n{log.read_text(encoding='utf-8')}")


@contextmanager
def live_server(database_url: str, log: Path, *, seed: bool = True) -> Iterator[str]:
    """Serve `database_url` (after ingesting `seeds/` when `seed`); yield the base URL.

    The server's output goes to `log`, not to a pipe that nobody drains.
    """
    port = free_port()
    env = {**os.environ, "CHANCERY_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, *(["--seed"] if seed else [])],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_serving(base, process, log)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
