"""Hostile briefs: generated and mutated briefs through the API and `chancery ingest` get a
clear 422 or `rejected`, never a crash, and whatever is stored still verifies; an oversized
body is refused before it is read whole."""

from __future__ import annotations

import json
import random
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.api.main import create_app
from app.config import get_settings
from app.ingest.verify import verify
from bench.generator import generate_briefs
from tests.conftest import SEEDS
from tests.live_server import live_server

API_KEY = "brief-key-0123456789abcdef"
BASES = [path.read_bytes() for path in sorted(SEEDS.iterdir())[:3]] + [
    body.encode("utf-8") for _, body in generate_briefs(3, seed=5)
]
NASTY = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r\n", b"\r", b"\xc0\xaf", b"\xed\xa0\x80",
         "“".encode(), "\u202e".encode(), b"Lead:", b"Official Statements\n", b"\n\n\n",
         b"\xe2\x80\x94 said", b"#" * 300, b"x" * 5000]  # fmt: skip
OUTCOMES = {"ingested", "unchanged", "updated", "rejected"}


def mutate(base: bytes, chooser: random.Random, steps: int) -> bytes:
    """Apply `steps` random edits: cut, duplicate, insert junk, truncate, shuffle lines."""
    data = bytearray(base)
    for _ in range(steps):
        i, j = sorted(chooser.randrange(len(data) + 1) for _ in range(2))
        edit = chooser.randrange(5)
        if edit == 0:
            del data[i:j]
        elif edit == 1:
            data[i:i] = data[i:j]
        elif edit == 2:
            data[i:i] = chooser.choice(NASTY)
        elif edit == 3:
            del data[j:]
        else:
            lines = bytes(data).split(b"\n")
            chooser.shuffle(lines)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


mutated_briefs = st.builds(
    mutate, st.sampled_from(BASES), st.randoms(use_true_random=False), st.integers(1, 6)
)
hostile_briefs = st.one_of(
    mutated_briefs, st.binary(max_size=2000), st.text(max_size=2000).map(str.encode)
)


@pytest.fixture
def writer(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("CHANCERY_API_KEYS", API_KEY)
    monkeypatch.setenv("CHANCERY_WRITE_RATE_PER_MINUTE", "0")
    get_settings.cache_clear()
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "text/plain"}
    with TestClient(create_app(), headers=headers) as client:
        yield client


@pytest.mark.slow
def test_hostile_briefs_through_the_api(writer: TestClient, database_url: str) -> None:
    seen: set[int] = set()

    @given(body=hostile_briefs)
    @settings(
        max_examples=60, deadline=None, database=None, derandomize=True,
        suppress_health_check=list(HealthCheck),
    )  # fmt: skip
    def post(body: bytes) -> None:
        response = writer.post("/v1/briefs", content=body)
        seen.add(response.status_code)
        assert response.status_code in (200, 201, 422), response.text
        if response.status_code == 422:
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["line"] >= 1

    post()
    assert {201, 422} <= seen  # some mutations still parse, and are stored whole
    assert verify(database_url).problems == []


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    chooser = random.Random(99)
    for n in range(60):
        body = mutate(chooser.choice(BASES), chooser, chooser.randint(1, 6))
        (folder / f"mutated-{n:03}.{chooser.choice(['txt', 'md'])}").write_bytes(body)
    (folder / "random.txt").write_bytes(bytes(chooser.randrange(256) for _ in range(3000)))
    (folder / "empty.md").write_bytes(b"")
    return folder


@pytest.mark.slow
def test_hostile_briefs_through_chancery_ingest(database_url: str, hostile_folder: Path) -> None:
    command = [sys.executable, "-m", "app.cli", "ingest", str(hostile_folder), "--json"]
    done = subprocess.run(
        [*command, "--database-url", database_url], capture_output=True, timeout=300
    )
    assert done.returncode in (0, 1), done.stderr.decode()[-2000:]
    assert b"Traceback" not in done.stderr
    report = json.loads(done.stdout)
    results = report["results"]
    assert len(results) == len(list(hostile_folder.iterdir()))
    assert {result["outcome"] for result in results} <= OUTCOMES
    assert "rejected" in {result["outcome"] for result in results}
    for result in results:
        if result["outcome"] == "rejected":
            assert result["error"].startswith(result["source"] + ":")
    assert verify(database_url).problems == []


@pytest.fixture
def small_limit_server(sqlite_template: Path, tmp_path: Path) -> Iterator[str]:
    shutil.copyfile(sqlite_template, tmp_path / "limit.db")
    url = f"sqlite:///{tmp_path / 'limit.db'}"
    with live_server(url, tmp_path / "server.log", api_keys=API_KEY, max_brief_bytes="10000") as s:
        yield s.base_url


def _raw_post(base_url: str, head: bytes, body_start: bytes) -> bytes:
    """Send headers and only the start of a body, then read what the server answers."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head + body_start)
        return sock.recv(65536)


def _head(extra: str) -> bytes:
    return (
        f"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {API_KEY}\r\n"
        f"Content-Type: text/plain\r\n{extra}\r\n"
    ).encode()


def test_oversized_body_is_413_before_it_is_read_whole(small_limit_server: str) -> None:
    # 50 MB declared, 1 KB sent: an answer at all proves the server did not wait for the rest.
    declared = _raw_post(small_limit_server, _head("Content-Length: 50000000\r\n"), b"x" * 1024)
    assert declared.startswith(b"HTTP/1.1 413 ")
    assert b"application/problem+json" in declared
    # Chunked, no length: 12 KB sent and the stream left open; refused once past 10 KB.
    chunk = b"1000\r\n" + b"y" * 4096 + b"\r\n"
    streamed = _raw_post(small_limit_server, _head("Transfer-Encoding: chunked\r\n"), chunk * 3)
    assert streamed.startswith(b"HTTP/1.1 413 ")
