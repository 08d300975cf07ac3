"""A 1,000-brief ingest SIGKILLed at 20 random points, on SQLite and on PostgreSQL, then run
to the end.

Each round kills the whole ingest (the writer and its parser processes) as soon as the
number of stored briefs reaches a random target, plus a random few milliseconds, so the kill
lands anywhere: mid-transaction, between briefs, while parsers are still busy. Reruns skip
stored briefs without parsing them, so the rounds cost about one full ingest in total.
`chancery db verify` (what operators run) then checks the invariants.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import get_engine
from tests.conftest import generated_corpus

BRIEFS = 1000
KILLS = 20
SEED = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_corpus(tmp_path_factory, "kill-corpus", BRIEFS, seed=SEED)


def _cli(*args: str, database_url: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "app.cli", *args, "--database-url", database_url]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def _stored(database_url: str) -> int:
    with get_engine(database_url).connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM briefs")).scalar_one())


def _kill_at(database_url: str, corpus: Path, target: int, jitter_s: float) -> str:
    """Start an ingest and SIGKILL its process group once `target` briefs are stored."""
    process = _cli("ingest", str(corpus), "--json", database_url=database_url)
    deadline = time.monotonic() + 120
    while _stored(database_url) < target and process.poll() is None:
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    time.sleep(jitter_s)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    _, err = process.communicate()
    return "killed" if process.returncode == -signal.SIGKILL else err.decode()[-2000:]


def _assert_verified(database_url: str) -> None:
    verify = _cli("db", "verify", database_url=database_url)
    out, err = verify.communicate(timeout=300)
    assert verify.returncode == 0, err.decode()[-2000:]
    assert b"0 problem(s)" in out


def _assert_each_brief_once(database_url: str, corpus: Path) -> None:
    with get_engine(database_url).connect() as connection:
        names = connection.execute(text("SELECT source_name FROM briefs")).scalars().all()
        hashes = connection.execute(text("SELECT count(DISTINCT sha256) FROM briefs")).scalar()
    assert sorted(names) == sorted(path.name for path in corpus.iterdir())
    assert hashes == BRIEFS


@pytest.mark.slow
def test_twenty_random_kills_then_a_final_run_store_every_brief_once(
    database_url: str, corpus: Path
) -> None:
    chooser = random.Random(SEED)
    targets = sorted(chooser.sample(range(1, BRIEFS - 50), KILLS))
    killed = [_kill_at(database_url, corpus, t, chooser.uniform(0, 0.05)) for t in targets]
    assert killed == ["killed"] * KILLS
    assert 0 < _stored(database_url) < BRIEFS

    final = _cli("ingest", str(corpus), "--json", database_url=database_url)
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err.decode()[-2000:]
    assert _stored(database_url) == BRIEFS
    _assert_each_brief_once(database_url, corpus)
    _assert_verified(database_url)
