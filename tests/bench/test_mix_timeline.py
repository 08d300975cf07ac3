"""The mix's timeline: the wrapped app records every request and writes them when it stops;
the summary counts first asks and slow requests as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app import migrate
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from bench import mix_timeline
from tests.conftest import SEEDS


def test_the_timed_app_records_each_request_and_writes_them_when_it_stops(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate.upgrade(database_url)
    ingest_sources(discover([str(SEEDS)]), database_url=database_url, workers=0)
    out = tmp_path / "records.json"
    monkeypatch.setenv(mix_timeline.OUT_VARIABLE, str(out))
    with TestClient(mix_timeline.timed_app()) as client:
        for path in ("/v1/claims?limit=2", "/v1/stats", "/v1/claims?limit=2"):
            assert client.get(path).status_code == 200
        assert not out.exists()
    records = json.loads(out.read_text())
    assert [path for _, _, path in records] == [
        "/v1/claims?limit=2",
        "/v1/stats?",
        "/v1/claims?limit=2",
    ]
    assert all(took > 0 for _, took, _ in records)
    assert records[0][0] <= records[1][0] <= records[2][0]


def test_the_summary_counts_first_asks_and_slow_requests() -> None:
    records = [
        [100.0, 0.5, "/v1/stats?"],
        [100.2, 0.3, "/v1/claims?actor=a&status=disputed"],
        [100.9, 0.001, "/v1/stats?"],
        [101.5, 0.4, "/v1/stats?"],
        [101.6, 0.002, "/readyz?"],
    ]
    lines = mix_timeline.summarise(records, seconds=2)
    assert lines[0].startswith(
        "requests 4, first asks 2, over 250 ms 3 (75.00%), of which first asks 2"
    )
    assert lines[1].startswith("  0 s:      3 requests,    2 first asks")
    assert lines[2].startswith("  1 s:      1 requests,    0 first asks")
    assert "first asks of /v1/claims?actor&status: 1, p50 300 ms, slowest 300 ms" in lines
    assert "first asks of /v1/stats: 1, p50 500 ms, slowest 500 ms" in lines
