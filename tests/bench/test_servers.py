"""The contenders' uvicorn command lines (bench/scale/servers.py) and the mix's worker pass."""

from __future__ import annotations

import os

from bench.scale.run import make_plan, parse_args
from bench.scale.servers import Server


def _workers(argv: list[str]) -> str:
    return argv[argv.index("--workers") + 1]


def test_a_contender_runs_one_worker_unless_asked_for_more() -> None:
    one = Server("chancery", "app.api.main:create_app", 8801, factory=True)
    two = Server("chancery", "app.api.main:create_app", 8801, factory=True, workers=2)
    assert _workers(one.argv()) == "1"
    assert _workers(two.argv()) == "2"
    assert two.argv()[-1] == "--factory"


def test_the_mix_runs_again_with_one_worker_per_core_by_default() -> None:
    assert make_plan(parse_args([])).workers == (os.cpu_count() or 1)
    assert make_plan(parse_args(["--workers", "1"])).workers == 1
