"""The `chancery` command line: parse, db, version and a real `serve --seed`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from app import __version__
from app.cli import cli
from app.db import get_engine
from tests.conftest import SEEDS

runner = CliRunner()
SAMPLE = SEEDS / "2025-09-04-paris-security-guarantees.txt"


def test_version() -> None:
    result = runner.invoke(cli, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_parse_prints_the_structured_brief() -> None:
    result = runner.invoke(cli, ["parse", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["occurred_on"] == "2025-09-04"
    assert brief["location"] == "Paris"
    statuses = [claim["status"] for claim in brief["claims"]]
    assert (statuses.count("reported"), statuses.count("verified")) == (6, 9)
    assert statuses.count("unconfirmed") == 3
    assert "source" not in brief


def test_parse_reports_file_and_line_of_a_bad_brief(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "Lead: On Sept. 4, 2025 in Paris, talks.\nOfficial Statements\n“Unattributed.”\n"
    )
    result = runner.invoke(cli, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:3: ")
    assert "Traceback" not in result.output


def test_db_upgrade_and_downgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert runner.invoke(cli, ["db", "upgrade", "--database-url", url]).exit_code == 0
    assert "claims" in inspect(get_engine(url)).get_table_names()
    assert runner.invoke(cli, ["db", "downgrade", "base", "--database-url", url]).exit_code == 0
    get_engine(url).dispose()
    assert "claims" not in inspect(get_engine(url)).get_table_names()


@pytest.mark.parametrize("args", [[], ["db"], ["parse"], ["ingest"], ["serve"]])
def test_every_command_has_help(args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_serving(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


@pytest.mark.slow
def test_serve_with_seed_answers_on_a_fresh_database(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "CHANCERY_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    command = [sys.executable, "-m", "app.cli", "serve", "--seed", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process)
        assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.get(f"{base}/docs").status_code == 200
        assert httpx.get(f"{base}/openapi.json").json()["info"]["title"] == "Chancery"
    finally:
        process.terminate()
        process.wait(timeout=30)
    seeded = env["CHANCERY_DATABASE_URL"]
    with get_engine(seeded).connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM briefs")).scalar_one()
    assert stored == len(list(SEEDS.iterdir()))
