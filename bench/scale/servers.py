"""Each contender as its own uvicorn process: same flags, one worker unless a run asks for
more, 127.0.0.1 only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

HOST = "127.0.0.1"
READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Server:
    """An ASGI app served by uvicorn; `ready_path` answers 200 once it is up."""

    name: str
    app: str
    port: int
    env: Mapping[str, str] = field(default_factory=dict)
    factory: bool = False
    ready_path: str = "/"
    # Another checkout's `app` (a baseline), imported ahead of the installed one.
    checkout: str | None = None
    # uvicorn's worker processes (`--workers`), all on one listening socket.
    workers: int = 1

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def argv(self) -> list[str]:
        flags = ["--host", HOST, "--port", str(self.port), "--workers", str(self.workers)]
        flags += ["--no-access-log", "--log-level", "warning"]
        return [sys.executable, "-m", "uvicorn", self.app, *flags] + (
            ["--factory"] if self.factory else []
        )


def get(url: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """Status and body of a GET (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_ready(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {process.returncode}")
        try:
            if get(server.base + server.ready_path, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} not ready after {READY_TIMEOUT_S:.0f} s")


@contextmanager
def running(server: Server, pids: dict[str, int] | None = None) -> Iterator[Server]:
    """Start `server`, wait until it answers, and stop it (by its own pid) afterwards;
    `pids` gets the server's pid under its name."""
    env = {**os.environ, **server.env}
    if server.checkout is not None:
        env["PYTHONPATH"] = server.checkout
    process = subprocess.Popen(server.argv(), env=env, cwd=server.checkout)
    if pids is not None:
        pids[server.name] = process.pid
    try:
        _wait_ready(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
