"""Exports streamed by the helper process (`CHANCERY_EXPORT_PROCESS`): the same answers as
streamed in the server process, relayed as they come, and a helper that starts, is
replaced and stops with its server."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import Request, Response
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.types import Message

from app.api.export import process
from app.api.export.process import ExportProcess, ForwardedExport, HelperError, ask
from app.api.main import create_app
from app.config import get_settings
from bench.export import children
from tests.api.corpus import seed
from tests.api.rendering.test_export_stream import LISTS
from tests.live_server import live_server

EXPORTS = [(url, params, fmt) for url, params in LISTS for fmt in ("ndjson", "csv")]


@pytest.mark.parametrize(
    ("url", "memory"),
    [
        ("sqlite://", True),
        ("sqlite:///:memory:", True),
        ("sqlite:///file:db?mode=memory&uri=true", True),
        ("sqlite:////tmp/chancery.db", False),
        ("postgresql+psycopg://u@h/db", False),
    ],
)
def test_a_database_in_memory_keeps_exports_in_the_server(url: str, memory: bool) -> None:
    assert process.in_memory(url) is memory


def test_the_helper_serves_the_same_database_with_no_keys_metrics_or_cache() -> None:
    server = {"CHANCERY_API_KEYS": "k", "PROMETHEUS_MULTIPROC_DIR": "/m", "PATH": "/bin"}
    env = process.helper_environment(server, "sqlite:////data/c.db")
    assert env["CHANCERY_DATABASE_URL"] == "sqlite:////data/c.db"
    assert env["CHANCERY_EXPORT_PROCESS"] == "false"  # it streams its exports itself
    assert (env["CHANCERY_API_KEYS"], env["CHANCERY_METRICS_ENABLED"]) == ("", "false")
    assert env["CHANCERY_RESPONSE_CACHE_ENTRIES"] == "0"
    assert "PROMETHEUS_MULTIPROC_DIR" not in env
    assert env["PATH"] == "/bin"


@pytest.fixture
def with_helper(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """Exports go to a helper; the targets asked of helpers are listed."""
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "true")
    get_settings.cache_clear()
    asked: list[bytes] = []

    async def recorded(socket_path: str, target: bytes, headers: dict[bytes, bytes]) -> Any:
        if target != b"/readyz":
            asked.append(target)
        return await ask(socket_path, target, headers)

    monkeypatch.setattr(process, "ask", recorded)
    yield asked
    get_settings.cache_clear()


def _exports(client: TestClient, encoding: str = "identity") -> dict[Any, tuple[Any, ...]]:
    answers = {}
    for url, params, fmt in EXPORTS:
        response = client.get(url, params={**params, "format": fmt}, headers={
            "Accept-Encoding": encoding
        })  # fmt: skip
        headers = response.headers
        key = (url, str(params), fmt)
        answers[key] = (response.status_code, headers["content-type"], response.content)
        assert headers.get("content-encoding") == (None if encoding == "identity" else "gzip")
        assert headers["vary"].startswith("Accept-Encoding")
    return answers


def test_exports_through_the_helper_are_those_of_the_server_process(
    engine: Engine, with_helper: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(engine)
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "false")
    get_settings.cache_clear()
    with TestClient(create_app()) as here:
        expected = _exports(here)
    assert with_helper == []
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "true")
    get_settings.cache_clear()
    app = create_app()
    with TestClient(app) as client:
        assert _exports(client) == expected
        assert _exports(client, "gzip") == expected  # compressed by the helper
        helper = app.state.exports.process
        assert helper is not None
        assert helper.poll() is None
        page = client.get("/v1/claims", params={"limit": 1})  # pages stay here
        assert page.status_code == 200
    assert len(with_helper) == 2 * len(EXPORTS)
    assert with_helper[0].startswith(b"/v1/claims?format=ndjson")
    assert helper.poll() is not None  # stopped with the server


def test_a_dead_helper_is_replaced(engine: Engine, with_helper: list[bytes]) -> None:
    seed(engine)
    app = create_app()
    with TestClient(app) as client:
        first = client.get("/v1/claims", params={"format": "ndjson"})
        helper = app.state.exports.process
        helper.kill()
        helper.wait()
        again = client.get("/v1/claims", params={"format": "ndjson"})
        assert (again.status_code, again.content) == (200, first.content)
        replaced = app.state.exports.process
        assert replaced.pid != helper.pid
        assert replaced.poll() is None
    assert len(with_helper) == 2


def test_without_a_helper_exports_stream_in_the_server(
    engine: Engine, with_helper: list[bytes], monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    """A helper that cannot start: the export streams here, and no other helper is tried
    before `RETRY_S`."""
    seed(engine)
    monkeypatch.setattr(process, "WORKER_MODULE", "app.no_such_module")
    app = create_app()
    with TestClient(app) as client:
        response = client.get("/v1/claims", params={"format": "csv"})
        assert response.status_code == 200
        assert response.text.startswith("id,text,status")
        assert app.state.exports.process is None
        assert client.get("/v1/claims", params={"format": "csv"}).content == response.content
        assert app.state.exports.process is None  # not tried again yet
    assert with_helper == []
    assert "export helper did not start" in caplog.text


def test_the_helper_ends_when_its_server_goes(tmp_path: Path, database_url: str) -> None:
    """Its input closes (the server stopped it, or died): it stops by itself."""
    socket_path = tmp_path / "export.sock"
    env = process.helper_environment(dict(os.environ), database_url)
    helper = subprocess.Popen(
        [sys.executable, "-m", process.WORKER_MODULE, str(socket_path)],
        stdin=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert socket_path.exists()
        with httpx.Client(transport=httpx.HTTPTransport(uds=str(socket_path))) as client:
            assert client.get("http://export/readyz").status_code == 200
        assert helper.stdin is not None
        helper.stdin.close()
        assert helper.wait(30) == 0
    finally:
        if helper.poll() is None:
            helper.kill()


def test_chancery_serve_streams_exports_from_its_helper(database_url: str, tmp_path: Path) -> None:
    with live_server(
        database_url, tmp_path / "server.log", seed=True, export_process="true"
    ) as server:
        helpers = children(server.process.pid)
        deadline = time.monotonic() + 30
        while not helpers and time.monotonic() < deadline:
            time.sleep(0.1)
            helpers = children(server.process.pid)
        worker = [pid for pid in helpers if b"app.api.export.worker" in _command(pid)]
        assert len(worker) == 1
        exported = httpx.get(f"{server.base_url}/v1/claims?format=ndjson", timeout=60)
        counted = httpx.get(f"{server.base_url}/v1/claims?limit=1&include_total=true").json()
        assert exported.status_code == 200
        assert len(exported.content.splitlines()) == counted["total"] > 0
        server_nice = os.getpriority(os.PRIO_PROCESS, server.process.pid)  # the helper is up
        assert os.getpriority(os.PRIO_PROCESS, worker[0]) == min(19, server_nice + 10)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(30)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{worker[0]}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{worker[0]}").exists()


def _command(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


# The relay, against a stand-in helper on a Unix socket.

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class _Fixed:
    def __init__(self, socket_path: str | None) -> None:
        self.path = socket_path

    async def socket(self) -> str | None:
        return self.path


async def _serve(tmp_path: Path, handler: Handler) -> tuple[asyncio.Server, str]:
    path = str(tmp_path / "stand-in.sock")
    return await asyncio.start_unix_server(handler, path), path


def _answer(
    head: bytes, *body: bytes, cut: bool = False, asked: list[bytes] | None = None
) -> Handler:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        if asked is not None:
            asked.append(request)
        writer.write(head)
        for part in body:
            writer.write(part)
            await writer.drain()
        if not cut:
            writer.close()
        else:
            writer.transport.abort()

    return handle


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n",
         [b"5\r\nhello\r\n", b"1;x=y\r\n \r\n", b"5\r\nworld\r\n0\r\n\r\n"], b"hello world"),
        (b"HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n", [b"hello", b" world"], b"hello world"),
        (b"HTTP/1.1 200 OK\r\n\r\n", [b"hello", b" world"], b"hello world"),
    ],
)  # fmt: skip
def test_an_answer_is_read_as_framed(
    tmp_path: Path, head: bytes, body: list[bytes], expected: bytes
) -> None:
    async def scenario() -> bytes:
        server, path = await _serve(tmp_path, _answer(head, *body))
        async with server:
            upstream = await ask(path, b"/v1/claims?format=csv", {})
            read = b"".join([piece async for piece in upstream.body()])
            await upstream.close()
            return read

    assert asyncio.run(scenario()) == expected


def test_a_cut_answer_is_an_error(tmp_path: Path) -> None:
    head = b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n"

    async def scenario() -> None:
        server, path = await _serve(tmp_path, _answer(head, b"partial", cut=True))
        async with server:
            upstream = await ask(path, b"/", {})
            with pytest.raises(HelperError):
                async for _ in upstream.body():
                    pass
            await upstream.close()
        with pytest.raises(HelperError):
            await ask(str(tmp_path / "nobody.sock"), b"/", {})

    asyncio.run(scenario())


def _request(
    query: bytes = b"format=csv", headers: list[tuple[bytes, bytes]] | None = None
) -> Request:
    return Request({
        "type": "http", "method": "GET", "path": "/v1/claims", "raw_path": b"/v1/claims",
        "query_string": query, "headers": headers or [], "app": None,
    })  # fmt: skip


def test_the_relay_keeps_status_and_content_headers_and_asks_as_received(tmp_path: Path) -> None:
    asked: list[bytes] = []
    problem = b'{"status":422}'
    head = (
        b"HTTP/1.1 422 Unprocessable Entity\r\ncontent-type: application/problem+json\r\n"
        b"content-length: 14\r\nx-request-id: helper's\r\nvary: Origin\r\n\r\n"
    )

    async def scenario() -> list[Message]:
        server, path = await _serve(tmp_path, _answer(head, problem, asked=asked))
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            await asyncio.sleep(60)
            return {"type": "http.disconnect"}

        request = _request(b"format=csv&q=caf%C3%A9", [(b"accept-encoding", b"gzip")])
        async with server:
            unused = lambda: Response(b"here")  # noqa: E731
            await ForwardedExport(_Fixed(path), request, unused)(request.scope, receive, send)
        return sent

    sent = asyncio.run(scenario())
    assert asked[0].startswith(b"GET /v1/claims?format=csv&q=caf%C3%A9 HTTP/1.1\r\n")
    assert b"\r\naccept-encoding: gzip\r\n" in asked[0]
    start = sent[0]
    assert start["status"] == 422
    assert dict(start["headers"])[b"content-type"] == b"application/problem+json"
    assert b"x-request-id" not in dict(start["headers"])
    assert b"vary" not in dict(start["headers"])
    assert b"".join(m.get("body", b"") for m in sent[1:]) == problem


def test_no_helper_answers_here() -> None:
    async def scenario() -> list[Message]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        async def receive() -> Message:
            return {"type": "http.disconnect"}

        request = _request()
        here = lambda: Response(b"streamed here", media_type="text/csv")  # noqa: E731
        await ForwardedExport(_Fixed(None), request, here)(request.scope, receive, send)
        return sent

    sent = asyncio.run(scenario())
    assert sent[0]["status"] == 200
    assert sent[1]["body"] == b"streamed here"


def test_a_client_that_goes_away_closes_the_helpers_connection(tmp_path: Path) -> None:
    """The helper streams without end; the client takes two pieces and goes: the relay
    ends and the helper sees its connection closed."""
    closed = asyncio.Event()

    async def endless(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\ntransfer-encoding: chunked\r\n\r\n"
        )
        try:
            while True:
                writer.write(b"4\r\nrow\n\r\n")
                await writer.drain()
                await asyncio.sleep(0.01)
        except (ConnectionError, OSError):
            closed.set()

    async def scenario() -> int:
        server, path = await _serve(tmp_path, endless)
        pieces = 0
        gone = asyncio.Event()

        async def send(message: Message) -> None:
            nonlocal pieces
            if message["type"] == "http.response.body":
                pieces += 1
                if pieces == 2:
                    gone.set()

        async def receive() -> Message:
            await gone.wait()
            return {"type": "http.disconnect"}

        request = _request()
        async with server:
            here = lambda: Response(b"")  # noqa: E731
            relay = ForwardedExport(_Fixed(path), request, here)
            await asyncio.wait_for(relay(request.scope, receive, send), 10)
            await asyncio.wait_for(closed.wait(), 10)
        return pieces

    assert asyncio.run(scenario()) >= 2


def test_export_process_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "false")
    get_settings.cache_clear()
    assert ExportProcess.for_settings(get_settings()) is None
    monkeypatch.setenv("CHANCERY_EXPORT_PROCESS", "true")
    monkeypatch.setenv("CHANCERY_DATABASE_URL", "sqlite://")
    get_settings.cache_clear()
    assert ExportProcess.for_settings(get_settings()) is None  # in memory
    monkeypatch.setenv("CHANCERY_DATABASE_URL", "sqlite:////tmp/c.db")
    get_settings.cache_clear()
    assert ExportProcess.for_settings(get_settings()) is not None
    get_settings.cache_clear()
