"""The scale benchmark's report: ratios from one run, figures written between markers."""

from __future__ import annotations

from pathlib import Path

from bench.scale.load import Result
from bench.scale.report import FIGURES_END, FIGURES_START, render, update_docs

META = {
    "briefs": 2000,
    "sizes": [1000, 2000],
    "connections": 64,
    "seconds": 5,
    "python": "3.11",
    "measured_at": "2026-11-27 12:00",
    "wall_s": 100,
}


def _result(label: str, rps: float, connections: int = 64, p50_ms: float = 10.0) -> Result:
    return Result(label, "http://x", connections, 10, 1.0, rps, p50_ms, 1.0, 2.0, 3.0, 0, 0)


def test_ratios_and_growth_come_from_the_same_run() -> None:
    results = [
        _result("Chancery SQLite claims", 300.0),
        _result("Datasette claims (SQL)", 200.0),
        _result("Starlette claims (same bytes)", 1000.0),
        _result("scale 1000 claims", 100.0, connections=1, p50_ms=4.0),
        _result("scale 2000 claims", 90.0, connections=1, p50_ms=5.0),
    ]
    text = render(META, results)
    assert "| Chancery SQLite claims / Datasette claims (SQL) | 1.50x |" in text
    assert "| Chancery SQLite claims / Starlette claims (same bytes) | 0.30x |" in text
    assert "| scale 2000 claims | 5.00 | 2.00 | 1.25x |" in text
    assert "| Chancery SQLite cached claims / Datasette claims (SQL) | not measured |" in text


def test_figures_replace_the_previous_ones_and_nothing_else(tmp_path: Path) -> None:
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\n## Parsing\n\nkept\n")
    update_docs(docs, "first")
    update_docs(docs, "second")
    text = docs.read_text()
    assert text.startswith("# Benchmarks\n\n## Parsing\n\nkept\n")
    assert f"{FIGURES_START}\nsecond\n{FIGURES_END}" in text
    assert "first" not in text
    assert text.count("## API at scale") == 1


def test_figures_go_to_a_new_file_when_there_is_none(tmp_path: Path) -> None:
    docs = tmp_path / "new.md"
    update_docs(docs, "figures")
    assert docs.read_text() == f"## API at scale\n\n{FIGURES_START}\nfigures\n{FIGURES_END}\n"
