"""Instructions per uncached API request, counted by valgrind: a figure that other work on
the machine does not move, so two checkouts can be compared in minutes on a shared machine
where CPU time moves by a third between runs of the same code.

    python -m bench.api_instructions DATABASE_URL SAMPLE_DB [--questions rotation]
        [--requests 100] [--checkout DIR ...]

Each checkout (default: this one; one older than this file can be measured too: the file
is run as a script, the checkout's `app` and `bench` imported) is run in its own process
under `valgrind --tool=callgrind` with counting off while the app starts and the first 20
requests warm its pools and caches; counting is switched on (`callgrind_control`) for the
`--requests` requests measured, then off. The questions are the filtered-claims rotation
(`rotation`, `bench.scale.mix.claim_questions`), one kind of the dashboard mix (its label,
e.g. `/v1/stats?actor=X`) or the whole mix (`mix`), drawn from the SQLite file SAMPLE_DB;
the response cache is off. Prints one line per checkout: instructions per request (the
database's own work included, SQLite's in the process; PostgreSQL's server is not counted).
Threads run one at a time under valgrind, so this counts work, not waiting.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.scale import mix

WARM_UP = 20


def questions_asked(sample: mix.Sample, questions: str, requests: int) -> list[str]:
    """The first `requests` URLs of `questions` (see the module's help)."""
    if questions == "rotation":
        return [question.chancery() for question in mix.claim_questions(sample)][:requests]
    kinds = mix.dashboard_questions(sample)
    if questions == "mix":
        return mix.mixed(kinds)[:requests]
    for kind in kinds:
        if kind.label == questions:
            return list(kind.paths[:requests])
    raise SystemExit(f"unknown questions {questions!r}: rotation, mix or a mix kind's label")


def _switch(on: bool) -> None:
    state = "on" if on else "off"
    subprocess.run(
        ["callgrind_control", "-i", state, str(os.getpid())], check=True, capture_output=True
    )


async def _child(sample_db: Path, questions: str, requests: int) -> None:
    """Runs under valgrind: start the app, warm it, count the requests."""
    from app.api.main import create_app
    from bench.api_cpu import get

    urls = questions_asked(mix.read_sample(sample_db), questions, requests)
    app = create_app()
    async with app.router.lifespan_context(app):
        for url in urls[:WARM_UP]:
            path, _, query = url.partition("?")
            await get(app, path, query)
        _switch(True)
        for url in urls:
            path, _, query = url.partition("?")
            status = await get(app, path, query)
            assert status == 200, (status, url)
        _switch(False)
    print(f"requests {len(urls)}")


def _count(checkout: Path, args: argparse.Namespace) -> tuple[int, int]:
    """(requests, instructions) of one checkout."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        env = os.environ | {
            "PYTHONPATH": str(checkout.resolve()),
            "PYTHONHASHSEED": "0",
            "CHANCERY_DATABASE_URL": args.database_url,
            "CHANCERY_RESPONSE_CACHE_ENTRIES": "0",
            "CHANCERY_LOG_LEVEL": "WARNING",
        }
        command = [
            "valgrind", "--tool=callgrind", "--instr-atstart=no",
            f"--callgrind-out-file={out}", sys.executable, str(Path(__file__).resolve()),
            "--child", args.database_url, str(args.sample_db),
            "--questions", args.questions, "--requests", str(args.requests),
        ]  # fmt: skip
        done = subprocess.run(command, env=env, cwd=checkout, capture_output=True, text=True)
        found = re.search(r"^requests (\d+)$", done.stdout, re.MULTILINE)
        totals = (
            re.search(r"^totals: (\d+)$", out.read_text(), re.MULTILINE) if out.exists() else None
        )
        if done.returncode or found is None or totals is None:
            raise SystemExit(f"{checkout}: failed\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return int(found.group(1)), int(totals.group(1))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("sample_db", type=Path)
    parser.add_argument("--questions", default="rotation")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--checkout", type=Path, action="append")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        asyncio.run(_child(args.sample_db, args.questions, args.requests))
        return
    for checkout in args.checkout or [Path.cwd()]:
        requests, instructions = _count(checkout, args)
        per_request = instructions / requests
        questions = f"{requests} requests ({args.questions})"
        print(f"{checkout}: {questions}, {per_request / 1e6:.2f} M instructions each")


if __name__ == "__main__":
    main()
