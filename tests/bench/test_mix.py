"""The dashboard mix: distinct questions drawn from the data, every one a valid request."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import migrate
from app.api.main import create_app
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from bench.scale import mix
from bench.scale.load import Result
from bench.scale.report import MIX_MARKERS, render_mix, update_docs
from tests.conftest import generated_corpus

BRIEFS = 30


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_corpus(tmp_path_factory, "mix-corpus", BRIEFS, seed=1)


@pytest.fixture(scope="module")
def sample(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> mix.Sample:
    """What the questions are made of, read from an SQLite file of the corpus."""
    db = tmp_path_factory.mktemp("mix-db") / "sample.db"
    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    ingest_sources(discover([str(corpus)]), database_url=url)
    get_engine(url).dispose()
    return mix.read_sample(db)


def test_each_kind_gives_distinct_urls_and_the_mix_holds_them_all(sample: mix.Sample) -> None:
    kinds = mix.dashboard_questions(sample, per_kind=12)
    assert len(kinds) == 8
    for kind in kinds:
        assert len(set(kind.paths)) == len(kind.paths) == 12, kind.label
    everything = mix.mixed(kinds)
    assert sorted(everything) == sorted(p for kind in kinds for p in kind.paths)
    assert mix.dashboard_questions(sample, per_kind=12) == kinds  # seeded


def test_claim_questions_are_distinct_and_asked_the_same_of_datasette(
    sample: mix.Sample,
) -> None:
    questions = mix.claim_questions(sample, count=40)
    assert len(set(questions)) == 40
    first = questions[0]
    assert f"actor={first.actor}" in first.chancery()
    assert f"actor={first.actor}" in first.datasette("db")
    assert f"status={first.status}" in first.datasette("db")


def test_every_question_is_answered(corpus: Path, sample: mix.Sample, database_url: str) -> None:
    ingest_sources(discover([str(corpus)]), database_url=database_url)
    kinds = mix.dashboard_questions(sample, per_kind=4)
    rotation = [question.chancery() for question in mix.claim_questions(sample, count=8)]
    with TestClient(create_app()) as client:
        for path in [*mix.mixed(kinds), *rotation]:
            response = client.get(path)
            assert response.status_code == 200, (path, response.text[:200])


def _result(label: str, connections: int, rps: float = 10.0) -> Result:
    return Result(label, "http://x/", connections, 10, 1.0, rps, 4.0, 5.0, 6.0, 7.0, 0, 0)


def test_the_report_puts_both_databases_side_by_side(tmp_path: Path) -> None:
    meta = {
        "briefs": 100_000, "connections": 64, "seconds": 12, "python": "3.11",
        "measured_at": "2026-12-03 10:00", "wall_s": 60,
    }  # fmt: skip
    results = [
        _result("SQLite uncached /v1/stats", 1),
        _result("PostgreSQL uncached /v1/stats", 1),
        _result("SQLite claims rotation, cache off", 64, rps=150.0),
        _result("Datasette claims rotation (SQL)", 64, rps=100.0),
    ]
    text = render_mix(meta, results)
    assert "| `/v1/stats` | 4.0 | 6.0 | 4.0 | 6.0 |" in text
    assert "| SQLite claims rotation, cache off / Datasette claims rotation (SQL) | 1.50x |" in text
    assert (
        "| PostgreSQL claims rotation, cache off / Datasette claims rotation (SQL) | not measured |"
        in text
    )
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n")
    update_docs(docs, text, MIX_MARKERS, "### Mix")
    update_docs(docs, text, MIX_MARKERS, "### Mix")
    assert docs.read_text().count("### Mix") == 1
    assert docs.read_text().count(MIX_MARKERS[0]) == 1
