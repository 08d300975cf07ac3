"""The database goes away or stays locked: clean 503s, never a hang or a 500, then recovery."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from threading import Thread

import httpx
import pytest
from fastapi.testclient import TestClient

from app import db, migrate
from app.api.main import create_app
from app.config import get_settings
from app.db import get_engine
from tests.api.corpus import seed
from tests.conftest import SEEDS
from tests.live_server import live_server
from tests.reliability import pg_cluster

API_KEY = "fault-key-0123456789abcdef"
LISTS = ("/v1/briefs", "/v1/claims", "/v1/statements", "/v1/actors", "/v1/events", "/v1/stats")
BRIEF = (SEEDS / "2025-09-04-paris-security-guarantees.txt").read_bytes()
WRITE_HEADERS = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain"}


def _assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/database-unavailable")
    assert int(response.headers["retry-after"]) > 0


@pytest.fixture
def cluster() -> Iterator[pg_cluster.Cluster]:
    if not pg_cluster.available():
        pytest.skip("needs PostgreSQL 15 binaries (and a postgres user when run as root)")
    with pg_cluster.own_cluster() as cluster:
        migrate.upgrade(cluster.url)
        seed(get_engine(cluster.url))
        get_engine(cluster.url).dispose()
        yield cluster


@pytest.mark.slow
def test_postgres_stopped_then_back_while_serving(
    cluster: pg_cluster.Cluster, tmp_path: Path
) -> None:
    log = tmp_path / "server.log"
    with (
        live_server(cluster.url, log, api_keys=API_KEY) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as client,
    ):
        assert client.get("/readyz").status_code == 200
        assert all(client.get(path).status_code == 200 for path in LISTS)

        cluster.stop()
        for _ in range(2):  # first with the pool's stale connections, then with none
            _assert_unavailable(client.get("/readyz"))
            for path in LISTS:
                _assert_unavailable(client.get(path))
        _assert_unavailable(client.post("/v1/briefs", content=BRIEF, headers=WRITE_HEADERS))
        assert client.get("/healthz").status_code == 200

        cluster.start()
        assert client.get("/readyz").status_code == 200
        assert all(client.get(path).status_code == 200 for path in LISTS)
        assert client.post("/v1/briefs", content=BRIEF, headers=WRITE_HEADERS).status_code == 201
    assert "Traceback" not in log.read_text(errors="replace")


LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
connection.execute("COMMIT")
"""


class _Locker:
    """Another process holding SQLite's write lock until `release()`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline() == b"locked\n"

    def release(self) -> None:
        self.process.communicate(timeout=30)
        assert self.process.returncode == 0


@pytest.fixture
def sqlite_file(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    path = tmp_path / "locked.db"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("CHANCERY_DATABASE_URL", url)
    monkeypatch.setenv("CHANCERY_API_KEYS", API_KEY)
    monkeypatch.setenv("CHANCERY_WRITE_RATE_PER_MINUTE", "0")
    get_settings.cache_clear()
    yield path
    get_engine(url).dispose()
    get_settings.cache_clear()


def test_sqlite_writes_wait_for_a_lock_then_succeed(sqlite_file: Path) -> None:
    seed(get_engine())
    with TestClient(create_app()) as client:
        locker = _Locker(sqlite_file)
        results: list[int] = []
        writer = Thread(target=lambda: results.append(client.delete("/v1/briefs/2").status_code))
        client.headers.update(WRITE_HEADERS)
        writer.start()
        assert client.get("/v1/briefs").status_code == 200  # WAL: readers are not blocked
        writer.join(timeout=0.5)
        assert writer.is_alive(), "the write did not wait for the lock"
        locker.release()
        writer.join(timeout=30)
        assert results == [204]


def test_sqlite_lock_held_past_the_busy_timeout_is_503_not_500(
    sqlite_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 200)  # read when a connection opens
    seed(get_engine())
    with TestClient(create_app(), headers=WRITE_HEADERS) as client:
        locker = _Locker(sqlite_file)
        try:
            for response in (
                client.delete("/v1/briefs/2"),
                client.post("/v1/briefs", content=BRIEF),
            ):
                _assert_unavailable(response)  # type: ignore[arg-type]
                assert "locked" not in response.text
            assert client.get("/v1/briefs/2").status_code == 200
        finally:
            locker.release()
        assert client.delete("/v1/briefs/2").status_code == 204
