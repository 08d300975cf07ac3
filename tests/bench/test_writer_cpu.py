"""bench.writer_cpu: the briefs it times are really stored, and its figures are per brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench import writer_cpu
from tests.conftest import SEEDS


def test_store_all_stores_every_parsed_brief(tmp_path: Path) -> None:
    briefs = writer_cpu.parsed_briefs(SEEDS, 5)
    assert [name for name, _ in briefs] == sorted(p.name for p in SEEDS.iterdir())[:5]
    url = f"sqlite:///{tmp_path}/writer.db"
    figures = writer_cpu.store_all(url, briefs)
    assert figures["writer_cpu_ms"] > 0
    assert figures["wall_ms"] >= figures["writer_cpu_ms"] * 0.5
    assert figures["server_cpu_ms"] == 0  # no server on SQLite
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM briefs")).scalar_one() == 5
    engine.dispose()


def test_main_prints_one_line_per_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert writer_cpu.main([str(SEEDS), "-n", "2", "--repeat", "2"]) == 0
    runs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(run["database"], run["briefs"]) for run in runs] == [("sqlite", 2)] * 2
