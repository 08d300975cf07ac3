"""Soak: mixed reads at 64 connections, alone, then while another process ingests, then alone.

    python -m bench.soak [--duration 120] [--connections 64] [--seed-briefs 2000]
                         [--postgres-url ADMIN_URL]

Seeds a fresh database (SQLite, or PostgreSQL when an admin URL is given) with generated
briefs, serves it with `chancery serve`, and loads it with wrk (a C client, so the load
generator takes little of the machine) through `bench/soak.lua`, which draws every request
from the read mix at random. The duration is cut in three: reads alone, reads while
`chancery ingest` processes store new briefs in batches, reads alone again on the grown
database. Prints a markdown table for docs/reliability.md. Exits 1 on any non-2xx answer or
socket error, on a brief lost or stored twice, or when `chancery db verify` finds a problem.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.ingest.verify import verify
from bench.generator import write_briefs
from bench.ingest_bench import fresh_postgres

INGEST = [sys.executable, "-m", "app.cli", "ingest"]
SCRIPT = Path(__file__).with_name("soak.lua")

BATCH = 150
READS = (
    "/v1/briefs?limit=20", "/v1/briefs?limit=50&include_total=true", "/v1/claims?limit=50",
    "/v1/claims?status=verified&limit=20", "/v1/claims?q=sanctions", "/v1/statements?limit=50",
    "/v1/actors?limit=50", "/v1/actors?q=minister", "/v1/events?limit=20", "/v1/stats",
    "/v1/briefs?format=csv&limit=50", "/v1/events?date_from=2020-01-01&date_to=2022-12-31",
)  # fmt: skip
DETAILS = ("/v1/briefs/{}", "/v1/briefs/{}/source", "/v1/claims/{}", "/v1/events/{}")
MIX_SIZE = 10_000


@dataclass
class Phase:
    """wrk's figures for one phase."""

    name: str
    figures: dict[str, int]

    @property
    def requests(self) -> int:
        return self.figures["requests"]

    @property
    def rate(self) -> float:
        return self.requests / (self.figures["duration_us"] / 1e6)

    def ms(self, percentile: int) -> float:
        return self.figures[f"p{percentile}_us"] / 1000

    @property
    def failures(self) -> int:
        figures = self.figures
        return figures["non2xx"] + figures["socket_errors"] + figures["timeouts"]


def write_corpus(folder: Path, count: int, seed: int, prefix: str) -> list[str]:
    """Write `count` generated briefs named `prefix` + generated name; return the names."""
    return [path.name for path in write_briefs(folder, count, seed, prefix)]


def write_mix(path: Path, seeded: int) -> Path:
    """The read mix, one path a line: 70% list reads, 30% details of seeded rows."""
    chooser = random.Random(1)
    lines = [
        chooser.choice(DETAILS).format(chooser.randint(1, seeded))
        if chooser.random() < 0.3
        else chooser.choice(READS)
        for _ in range(MIX_SIZE)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def _wrk(base_url: str, mix: Path, connections: int, seconds: float) -> dict[str, int]:
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s"]
    argv += ["-s", str(SCRIPT), base_url, "--", str(mix)]
    process = await asyncio.create_subprocess_exec(*argv, stdout=subprocess.PIPE)
    out, _ = await process.communicate()
    last = [line for line in out.decode().splitlines() if line.startswith("{")][-1]
    figures: dict[str, int] = json.loads(last)
    return figures


async def _ingest_batches(folder: Path, database_url: str, seconds: float) -> list[str]:
    """Ingest batches of new briefs, one `chancery ingest` process each, for `seconds`."""
    deadline = time.monotonic() + seconds
    stored: list[str] = []
    batch = 0
    while time.monotonic() < deadline:
        batch_dir = folder / f"batch-{batch:03}"
        write_corpus(batch_dir, BATCH, seed=1000 + batch, prefix=f"soak-{batch:03}-")
        # One core for the ingest job, as beside an API on a small machine: it parses in
        # its writer's process rather than taking the API's core with a parser process too.
        command = [*INGEST, str(batch_dir), "--json", "--workers", "0"]
        process = await asyncio.create_subprocess_exec(
            *command, "--database-url", database_url, stdout=subprocess.PIPE
        )
        out, _ = await process.communicate()
        report = json.loads(out)
        stored += [r["name"] for r in report["results"] if r["outcome"] == "ingested"]
        batch += 1
    return stored


async def soak(
    base_url: str, database_url: str, folder: Path, args: argparse.Namespace
) -> tuple[list[Phase], list[str]]:
    third = args.duration / 3
    mix = write_mix(folder / "mix.txt", args.seed_briefs)
    before = Phase("reads only", await _wrk(base_url, mix, args.connections, third))
    ingest = asyncio.create_task(_ingest_batches(folder, database_url, third))
    during = Phase("reads + ingest", await _wrk(base_url, mix, args.connections, third))
    stored = await ingest
    after = Phase("reads only, after", await _wrk(base_url, mix, args.connections, third))
    return [before, during, after], stored


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(database_url: str, log: Path) -> Iterator[str]:
    """`chancery serve` over `database_url`, as in production; yields its base URL."""
    port = free_port()
    env = {**os.environ, "CHANCERY_DATABASE_URL": database_url, "CHANCERY_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base_url}/readyz", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


def stored_names(database_url: str) -> list[str]:
    with get_engine(database_url).connect() as connection:
        return list(connection.execute(text("SELECT source_name FROM briefs")).scalars())


def report(phases: list[Phase], problems: list[str], backend: str) -> str:
    rows = ["| database | phase | requests | req/s | p50 ms | p99 ms | failures |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for phase in phases:
        rows.append(
            f"| {backend} | {phase.name} | {phase.requests} | {phase.rate:.0f} "
            f"| {phase.ms(50):.1f} | {phase.ms(99):.1f} | {phase.failures} |"
        )
    before, during, after = phases
    for baseline in (before, after):
        ratio = during.ms(99) / max(baseline.ms(99), 1e-9)
        rows.append(f"\np99 with ingestion / p99 {baseline.name}: {ratio:.2f}x (target <= 2x)")
    rows += [f"PROBLEM: {problem}" for problem in problems] or [
        "\nno failed request, no lost or duplicated brief, verify clean"
    ]
    return "\n".join(rows)


def check(database_url: str, expected: list[str], phases: list[Phase]) -> list[str]:
    problems = [f"{phase.name}: {phase.figures}" for phase in phases if phase.failures]
    names = stored_names(database_url)
    if len(names) != len(set(names)):
        problems.append(f"{len(names) - len(set(names))} brief(s) stored twice")
    if missing := set(expected) - set(names):
        problems.append(f"{len(missing)} brief(s) lost, e.g. {sorted(missing)[:3]}")
    if extra := set(names) - set(expected):
        problems.append(f"{len(extra)} unexpected brief(s)")
    problems += verify(database_url).problems[:20]
    return problems


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="chancery-soak-") as tmp:
        folder = Path(tmp)
        database = (
            fresh_postgres(args.postgres_url)
            if args.postgres_url
            else nullcontext(f"sqlite:///{folder / 'soak.db'}")
        )
        with database as database_url:
            migrate.upgrade(database_url)
            seeded = write_corpus(folder / "seed", args.seed_briefs, seed=1, prefix="seed-")
            ingest_sources(discover([str(folder / "seed")]), database_url=database_url)
            with serve(database_url, folder / "server.log") as base_url:
                phases, stored = asyncio.run(soak(base_url, database_url, folder, args))
            problems = check(database_url, seeded + stored, phases)
            backend = "PostgreSQL" if args.postgres_url else "SQLite"
            print(report(phases, problems, backend))
            print(f"briefs: {len(seeded)} seeded + {len(stored)} ingested during the soak")
            get_engine(database_url).dispose()
    return 1 if problems else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=120, help="Seconds in all (default 120).")
    parser.add_argument("--connections", type=int, default=64, help="Concurrent readers.")
    parser.add_argument("--seed-briefs", type=int, default=2000, help="Briefs stored first.")
    parser.add_argument("--postgres-url", help="PostgreSQL admin URL; default: SQLite.")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
