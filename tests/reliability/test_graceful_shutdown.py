"""SIGTERM, as an orchestrator sends it before a deploy: the server stops accepting, finishes
the NDJSON export a slow client is reading and exits 0; a stalled client holds it no longer
than `CHANCERY_SHUTDOWN_TIMEOUT_S`; `chancery ingest` finishes the brief in its transaction,
reports what it did, exits 0, and a second run stores the rest.
"""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from tests.conftest import generated_corpus
from tests.live_server import live_server

BRIEFS = 600
SEED = 19
# The client's receive buffer: small, so the export (~7 MB) cannot sit in the socket
# buffers by the time SIGTERM comes (the server's send buffer grows to 4 MB at most here);
# the server is still writing it.
SLOW_CLIENT_BUFFER = 4096
WIDE_CLIENT_BUFFER = 1 << 20
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_corpus(tmp_path_factory, "shutdown-corpus", BRIEFS, seed=SEED)


@pytest.fixture(scope="module")
def stored(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the corpus (its claims export is ~7 MB, 17,000 lines)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('shutdown-db') / 'chancery.db'}"
    migrate.upgrade(url)
    report = ingest_sources(discover([str(corpus)]), database_url=url, workers=0)
    assert report.counts["ingested"] == BRIEFS
    get_engine(url).dispose()
    return url


@contextmanager
def _slow_export(port: int) -> Iterator[tuple[socket.socket, http.client.HTTPResponse]]:
    """The claims as NDJSON, uncompressed (gzipped they would fit in the buffers), on a
    connection whose receive buffer is tiny until the test widens it."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SLOW_CLIENT_BUFFER)
    sock.settimeout(30)
    sock.connect(("127.0.0.1", port))
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.sock = sock
    try:
        connection.request(
            "GET", "/v1/claims?format=ndjson", headers={"Accept-Encoding": "identity"}
        )
        yield sock, connection.getresponse()
    finally:
        connection.close()


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


# Exports streamed by the server process, and relayed from its helper process.
EXPORT_PROCESS = pytest.mark.parametrize("helper", ["false", "true"])


@EXPORT_PROCESS
def test_sigterm_during_a_slow_ndjson_export_loses_nothing(
    stored: str, tmp_path: Path, helper: str
) -> None:
    log = tmp_path / "server.log"
    settings = {"log_format": "json", "shutdown_timeout_s": "60", "export_process": helper}
    with live_server(stored, log, **settings) as server:
        total = httpx.get(f"{server.base_url}/v1/claims?include_total=true&limit=1").json()
        with _slow_export(server.port) as (sock, response):
            received = response.read(1024)
            time.sleep(0.5)  # the server fills what buffers there are, then waits
            server.process.send_signal(signal.SIGTERM)
            time.sleep(1.5)
            assert server.process.poll() is None, "the server left before the export ended"
            assert not _accepts(server.port), "the server still accepts connections"
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, WIDE_CLIENT_BUFFER)
            received += response.read()
        assert server.process.wait(timeout=30) == 0
    rows = [json.loads(line) for line in received.splitlines()]
    assert len(rows) == total["total"] > 15_000
    assert len({row["id"] for row in rows}) == len(rows)
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    shutting_down = next(e["time"] for e in entries if e["message"] == "Shutting down")
    export = next(e for e in entries if e.get("path") == "/v1/claims" and e["duration_ms"] > 1000)
    assert export["time"] > shutting_down  # the export ended after SIGTERM, and whole
    assert entries[-1]["message"].startswith("Finished server process")


@EXPORT_PROCESS
def test_a_stalled_client_holds_shutdown_no_longer_than_the_timeout(
    stored: str, tmp_path: Path, helper: str
) -> None:
    settings = {"shutdown_timeout_s": "2", "export_process": helper}
    with (
        live_server(stored, tmp_path / "server.log", **settings) as server,
        _slow_export(server.port) as (_, response),
    ):
        response.read(1024)  # and no more: the client stalls
        started = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=20)
        assert time.monotonic() - started < 8
    assert "Cancel" in (tmp_path / "server.log").read_text(encoding="utf-8")


def _ingest(corpus: Path, database_url: str, workers: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "app.cli", "ingest", str(corpus), "--json"]
    command += ["--workers", workers, "--database-url", database_url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(database_url: str) -> int:
    with get_engine(database_url).connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM briefs")).scalar_one())


@pytest.mark.parametrize("workers", ["0", "1"])
def test_sigterm_during_an_ingest_finishes_the_brief_and_reports(
    corpus: Path, tmp_path: Path, workers: str
) -> None:
    database_url = f"sqlite:///{tmp_path / 'chancery.db'}"
    migrate.upgrade(database_url)
    process = _ingest(corpus, database_url, workers)
    deadline = time.monotonic() + 60
    while _count(database_url) < 20:
        assert process.poll() is None, "the ingest ended before the test could stop it"
        assert time.monotonic() < deadline, "no progress"
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr.decode()
    report = json.loads(stdout)
    assert report["interrupted"] is True
    done = report["counts"]["ingested"]
    assert 20 <= done < BRIEFS
    assert done + report["not_started"] == BRIEFS
    assert _count(database_url) == done  # every brief reported is stored, and no other
    verify = [sys.executable, "-m", "app.cli", "db", "verify", "--database-url", database_url]
    assert subprocess.run(verify, capture_output=True, check=False).returncode == 0
    rest = _ingest(corpus, database_url, workers)
    stdout, _ = rest.communicate(timeout=120)
    assert rest.returncode == 0
    counts = json.loads(stdout)["counts"]
    assert (counts["ingested"], counts["unchanged"]) == (BRIEFS - done, done)
    assert _count(database_url) == BRIEFS
