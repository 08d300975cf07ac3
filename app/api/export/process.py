"""Exports streamed by a helper process beside the server process (`CHANCERY_EXPORT_PROCESS`).

An export reads and encodes rows for seconds on end. Streamed by the process that answers
the other requests, it shares their interpreter and their core: however often its thread
gives way (`give_way.py`), a request that arrives mid-slice waits for the slice, and at
100,000 briefs other requests' p99 went from 4-5 ms to 10-13 ms while an export ran
(docs/benchmarks.md, "Exports, twelfth look").

So each server process starts one helper: the same application, served by uvicorn on a
Unix socket in a directory only this user can enter, which streams exports as before
(in its own process; `CHANCERY_EXPORT_PROCESS` is off there). The server forwards an
export request to it (the path and query as received, after its own checks of key,
parameters and filters; `Accept-Encoding` so that the helper compresses), and relays the
answer's bytes as they come, with its status and content headers: an error is the helper's
problem+json, as it would have been the server's. The kernel schedules the helper as a
process of its own, and the server's interpreter only moves bytes.

The helper starts with the server (in the background: the server answers meanwhile, and
an export that arrives first waits for it), stops with it, and ends by itself if the
server process goes without stopping it (its standard input closes). If it cannot be
started or reached, or has died, the export streams in the server process, and a new
helper is tried on a later export (not more often than `RETRY_S`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from anyio import to_thread
from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.engine import make_url
from starlette.types import Receive, Scope, Send

from app.config import Settings
from app.logs import REQUEST_ID

logger = logging.getLogger(__name__)

WORKER_MODULE = "app.api.export.worker"
# A helper that has not answered /readyz by then is given up (the export streams here).
STARTUP_TIMEOUT_S = 60.0
READY_POLL_S = 0.05
CONNECT_TIMEOUT_S = 5.0
# After a helper failed to start, exports stream here for this long before another try.
RETRY_S = 30.0
STOP_TIMEOUT_S = 10.0
# Answer headers relayed as the helper sent them (the server's own middlewares add the
# rest, as they do to any answer; of `Vary`, the export's own `Accept-Encoding`).
RELAYED = (b"content-type", b"content-encoding")
# Bytes read from the helper at once at most (and buffered before its socket is paused).
RELAY_CHUNK = 1 << 20


class HelperError(Exception):
    """The helper could not be reached, or its answer was cut or malformed."""


@dataclass
class Upstream:
    """The helper's answer: its status and headers, and its body as it comes."""

    status: int
    headers: dict[bytes, bytes]
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter

    async def body(self) -> AsyncIterator[bytes]:
        """The body's bytes, as they come (chunked, of a stated length, or to the end)."""
        if self.headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                async for piece in self._exactly(size):
                    yield piece
                await self.reader.readexactly(2)
        elif (length := self.headers.get(b"content-length")) is not None:
            async for piece in self._exactly(int(length)):
                yield piece
        else:
            while piece := await self.reader.read(RELAY_CHUNK):
                yield piece

    async def _exactly(self, size: int) -> AsyncIterator[bytes]:
        while size:
            piece = await self.reader.read(min(size, RELAY_CHUNK))
            if not piece:
                raise HelperError("the helper's answer ended early")
            size -= len(piece)
            yield piece

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):
            await self.writer.wait_closed()


async def ask(socket_path: str, target: bytes, headers: dict[bytes, bytes]) -> Upstream:
    """GET `target` (a path and query, as received) from the helper listening on
    `socket_path`: its answer's status and headers read, its body not yet.

    A minimal HTTP/1.1 client on purpose: a relay through httpx took about as much of the
    server's CPU again as the export itself, this one about an eighth (docs/benchmarks.md,
    "Exports, thirteenth look")."""
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            reader, writer = await asyncio.open_unix_connection(socket_path, limit=RELAY_CHUNK)
    except (OSError, TimeoutError) as error:
        raise HelperError(f"cannot connect: {error}") from error
    lines = [b"GET " + target + b" HTTP/1.1", b"host: export", b"connection: close"]
    lines += [name + b": " + value for name, value in headers.items()]
    writer.write(b"\r\n".join(lines) + b"\r\n\r\n")
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        status = int(status_line.split(b" ", 2)[1])
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
        writer.close()
        raise HelperError(f"no answer: {error!r}") from error
    except (IndexError, ValueError) as error:
        writer.close()
        raise HelperError(f"a malformed answer: {error}") from error
    found = {}
    for line in header_lines:
        name, _, value = line.partition(b":")
        found[name.strip().lower()] = value.strip()
    return Upstream(status, found, reader, writer)


def in_memory(database_url: str) -> bool:
    """Whether the database lives in this process's memory (another cannot open it)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return False
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def helper_environment(environ: dict[str, str], database_url: str) -> dict[str, str]:
    """The helper's environment: the server's, on the same database, streaming its exports
    itself, with no key to ask (only this user can reach its socket: the server asked),
    no metrics of its own (the server counts the request) and no response cache."""
    env = {**environ, "CHANCERY_DATABASE_URL": database_url}
    env |= {
        "CHANCERY_EXPORT_PROCESS": "false",
        "CHANCERY_API_KEYS": "",
        "CHANCERY_METRICS_ENABLED": "false",
        "CHANCERY_METRICS_PORT": "",
        "CHANCERY_RESPONSE_CACHE_ENTRIES": "0",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env


class ExportProcess:
    """The helper process of one server process, and the client that talks to it."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.process: subprocess.Popen[bytes] | None = None
        self._directory: Path | None = None
        self._socket: str | None = None
        self._starting: asyncio.Task[bool] | None = None
        self._failed_at: float | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> ExportProcess | None:
        """A helper for this server, unless exports stream here (`CHANCERY_EXPORT_PROCESS`
        off, or a database in memory that no other process can open)."""
        if not settings.export_process or in_memory(settings.database_url):
            return None
        return cls(settings.database_url)

    def start(self) -> None:
        """Start the helper in the background (on the running event loop)."""
        self._starting = asyncio.create_task(self._start())

    async def socket(self) -> str | None:
        """The socket of a running helper, started again if it has died; None if there is
        none to be had now (exports then stream in this process)."""
        alive = self.process is not None and self.process.poll() is None
        task = self._starting
        if task is None or (task.done() and not alive):
            if self._failed_at is not None and time.monotonic() - self._failed_at < RETRY_S:
                return None
            # No await between the check and the new task: one restart for every caller.
            task = self._starting = asyncio.create_task(self._restart())
        # Shielded: a request that goes away while the helper starts does not stop it.
        started = await asyncio.shield(task)
        return self._socket if started else None

    async def _restart(self) -> bool:
        await self._stop()
        return await self._start()

    async def _start(self) -> bool:
        directory = Path(tempfile.mkdtemp(prefix="chancery-export-"))  # mode 0700
        socket_path = directory / "export.sock"
        self._directory = directory
        command = [sys.executable, "-m", WORKER_MODULE, str(socket_path)]
        env = helper_environment(dict(os.environ), self.database_url)
        self.process = process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while process.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(HelperError):
                answer = await ask(str(socket_path), b"/readyz", {})
                await answer.close()
                if answer.status == 200:
                    self._socket, self._failed_at = str(socket_path), None
                    return True
            await asyncio.sleep(READY_POLL_S)
        logger.warning(
            "export helper did not start (exit code %s); exports stream in this process",
            process.poll(),
        )
        self._failed_at = time.monotonic()
        await self._stop()
        return False

    async def _stop(self) -> None:
        process, directory = self.process, self._directory
        self._socket = self.process = self._directory = None
        if process is not None:
            await to_thread.run_sync(_end, process)
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)

    async def close(self) -> None:
        """Stop the helper (the server stops: its exports have ended)."""
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
        await self._stop()


def _end(process: subprocess.Popen[bytes]) -> None:
    """Stop a helper: its input closes (it stops as on SIGTERM), else KILL."""
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Helper(Protocol):
    """Where a helper listens (`ExportProcess`)."""

    async def socket(self) -> str | None: ...


class ForwardedExport(Response):
    """An export answered by the helper process, its bytes relayed as they come; where
    no helper can be reached, `fallback()` answers in this process."""

    def __init__(self, exports: Helper, request: Request, fallback: Callable[[], Response]) -> None:
        super().__init__()
        self._exports, self._fallback = exports, fallback
        scope = request.scope
        query = scope["query_string"]
        self._target = scope.get("raw_path", scope["path"].encode()) + (
            b"?" + query if query else b""
        )
        # The client's encodings, and this request's id, so that the helper's log line has it.
        encodings = request.headers.get("accept-encoding", "identity")
        self._asked = {b"accept-encoding": encodings.encode("latin-1")}
        if (request_id := REQUEST_ID.get()) is not None:
            self._asked[b"x-request-id"] = request_id.encode("ascii")

    async def _upstream(self) -> Upstream | None:
        socket_path = await self._exports.socket()
        if socket_path is None:
            return None
        try:
            return await ask(socket_path, self._target, self._asked)
        except HelperError as error:
            logger.warning("export helper unreachable (%s); the export streams here", error)
            return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        upstream = await self._upstream()
        if upstream is None:
            response = await to_thread.run_sync(self._fallback)
            await response(scope, receive, send)
            return
        try:
            kept = {name.decode(): upstream.headers[name].decode("latin-1")
                    for name in RELAYED if name in upstream.headers}  # fmt: skip
            if b"accept-encoding" in upstream.headers.get(b"vary", b"").lower():
                kept["vary"] = "Accept-Encoding"
            relay = StreamingResponse(upstream.body(), status_code=upstream.status, headers=kept)
            # A client that goes away cancels the relay; closing the helper's connection
            # then ends the helper's stream as it would end here.
            await relay(scope, receive, send)
        finally:
            await upstream.close()


def forwarded_or(request: Request, fallback: Callable[[], Response]) -> Response:
    """The export forwarded to this server's helper process, if it has one; else
    `fallback()`, the export streamed here."""
    exports: ExportProcess | None = getattr(request.app.state, "exports", None)
    if exports is None:
        return fallback()
    return ForwardedExport(exports, request, fallback)
