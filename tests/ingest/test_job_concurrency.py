"""The job under real process kills and real races, on both databases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import get_engine
from app.ingest.verify import verify
from tests.conftest import generated_corpus

BRIEFS = 150


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_corpus(tmp_path_factory, "corpus", BRIEFS, seed=7)


def _ingest_process(folder: Path, database_url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "app.cli", "ingest", str(folder), "--json"]
    env = {**os.environ, "CHANCERY_DATABASE_URL": database_url}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stored(database_url: str) -> int:
    with get_engine(database_url).connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM briefs")).scalar_one())


def _wait_for(database_url: str, at_least: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while _stored(database_url) < at_least:
        assert process.poll() is None, "ingest finished before it could be killed"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.01)


def _a_third_through(folder: Path, database_url: str) -> subprocess.Popen[bytes]:
    """An ingest of `folder` that has stored a third of it."""
    process = _ingest_process(folder, database_url)
    _wait_for(database_url, BRIEFS // 3, process)
    return process


def _children(pid: int) -> set[int]:
    children: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # the field after the state is the parent's pid
            children.add(int(stat.parent.name))
    return children


def _alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists()}


@pytest.mark.slow
def test_sigkill_leaves_no_partial_brief_and_rerun_completes(
    database_url: str, corpus: Path
) -> None:
    process = _a_third_through(corpus, database_url)
    parsers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()

    assert process.returncode == -signal.SIGKILL
    assert parsers, "the job ran no parser process"
    deadline = time.monotonic() + 10
    while _alive(parsers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(parsers), "parser processes outlived the killed job"
    assert 0 < _stored(database_url) < BRIEFS
    assert verify(database_url).problems == []

    rerun = _ingest_process(corpus, database_url)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _stored(database_url) == BRIEFS
    assert verify(database_url).problems == []


@pytest.mark.slow
def test_two_processes_at_once_store_each_brief_once(database_url: str, corpus: Path) -> None:
    first = _ingest_process(corpus, database_url)
    second = _ingest_process(corpus, database_url)
    outputs = [process.communicate(timeout=180) for process in (first, second)]

    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert _stored(database_url) == BRIEFS
    assert verify(database_url).problems == []
    with get_engine(database_url).connect() as connection:
        duplicated_actors = connection.execute(
            text(
                "SELECT kind, normalized_name FROM actors "
                "GROUP BY kind, normalized_name HAVING count(*) > 1"
            )
        ).all()
    assert duplicated_actors == []
    assert verify(database_url).problems == []
