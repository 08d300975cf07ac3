"""Soak: mixed reads at 64 connections, first alone, then while another process ingests.

    python -m bench.soak [--duration 120] [--connections 64] [--postgres-url ADMIN_URL]

Seeds a fresh database (SQLite, or PostgreSQL when an admin URL is given) with generated
briefs, serves it with uvicorn, and runs the read mix for half the duration read-only, then
for the other half while `chancery ingest` processes store new briefs in batches. Prints a
markdown table for docs/reliability.md. Exits 1 on any 5xx or transport error, on a brief
lost or stored twice, or when `chancery db verify` finds a problem.
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
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import text

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.ingest.verify import verify
from bench.generator import generate_briefs
from bench.ingest_bench import fresh_postgres

INGEST = [sys.executable, "-m", "app.cli", "ingest"]

SEED_BRIEFS = 300
BATCH = 150
READS = (
    "/v1/briefs?limit=20", "/v1/briefs?limit=50&include_total=true", "/v1/claims?limit=50",
    "/v1/claims?status=verified&limit=20", "/v1/claims?q=sanctions", "/v1/statements?limit=50",
    "/v1/actors?limit=50", "/v1/actors?q=minister", "/v1/events?limit=20", "/v1/stats",
    "/v1/briefs?format=csv&limit=50", "/v1/events?date_from=2020-01-01&date_to=2022-12-31",
)  # fmt: skip
DETAILS = ("/v1/briefs/{}", "/v1/briefs/{}/source", "/v1/claims/{}", "/v1/events/{}")


@dataclass
class Phase:
    name: str
    latencies_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def write_corpus(folder: Path, count: int, seed: int, prefix: str) -> list[str]:
    """Write `count` generated briefs named `prefix` + generated name; return the names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for name, body in generate_briefs(count, seed=seed):
        (folder / f"{prefix}{name}").write_bytes(body.encode("utf-8"))
        names.append(f"{prefix}{name}")
    return names


def _url(chooser: random.Random) -> str:
    if chooser.random() < 0.3:
        return chooser.choice(DETAILS).format(chooser.randint(1, SEED_BRIEFS))
    return chooser.choice(READS)


async def _reader(client: httpx.AsyncClient, phase: Phase, until: asyncio.Event, seed: int) -> None:
    chooser = random.Random(seed)
    while not until.is_set():
        url = _url(chooser)
        started = time.perf_counter()
        try:
            response = await client.get(url)
            if response.status_code >= 500:
                phase.failures.append(f"{response.status_code} {url}")
        except httpx.HTTPError as error:
            phase.failures.append(f"{type(error).__name__} {url}")
        phase.latencies_ms.append((time.perf_counter() - started) * 1000)


async def _read_while(
    base_url: str, connections: int, phase: Phase, work: asyncio.Task[None]
) -> None:
    until = asyncio.Event()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        readers = [
            asyncio.create_task(_reader(client, phase, until, n)) for n in range(connections)
        ]
        started = time.perf_counter()
        await work
        until.set()
        await asyncio.gather(*readers)
        phase.elapsed_s = time.perf_counter() - started


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
) -> tuple[Phase, Phase, list[str]]:
    half = args.duration / 2
    alone, ingesting = Phase("reads only"), Phase("reads + ingest")
    await _read_while(base_url, args.connections, alone, asyncio.create_task(asyncio.sleep(half)))
    ingest = asyncio.create_task(_ingest_batches(folder, database_url, half))
    await _read_while(base_url, args.connections, ingesting, asyncio.ensure_future(_done(ingest)))
    return alone, ingesting, ingest.result()


async def _done(task: asyncio.Task[list[str]]) -> None:
    await asyncio.wait([task])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(database_url: str, log: Path) -> Iterator[str]:
    """A uvicorn process over `database_url`; yields its base URL."""
    port = free_port()
    env = {**os.environ, "CHANCERY_DATABASE_URL": database_url, "CHANCERY_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "uvicorn", "app.api.main:create_app", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
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


def report(phases: tuple[Phase, Phase], problems: list[str], backend: str) -> str:
    rows = ["| database | phase | requests | req/s | p50 ms | p99 ms | 5xx/errors |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for phase in phases:
        rate = len(phase.latencies_ms) / phase.elapsed_s if phase.elapsed_s else 0
        p50, p99 = phase.percentile(0.5), phase.percentile(0.99)
        rows.append(
            f"| {backend} | {phase.name} | {len(phase.latencies_ms)} | {rate:.0f} "
            f"| {p50:.1f} | {p99:.1f} | {len(phase.failures)} |"
        )
    alone, ingesting = phases
    ratio = ingesting.percentile(0.99) / max(alone.percentile(0.99), 1e-9)
    rows.append(f"\np99 with ingestion / p99 read-only: {ratio:.2f}x (target <= 2x)")
    rows += [f"PROBLEM: {problem}" for problem in problems] or [
        "no 5xx, no lost or duplicated brief, verify clean"
    ]
    return "\n".join(rows)


def check(database_url: str, expected: list[str], phases: tuple[Phase, Phase]) -> list[str]:
    problems = [failure for phase in phases for failure in phase.failures[:20]]
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
            seeded = write_corpus(folder / "seed", SEED_BRIEFS, seed=1, prefix="seed-")
            ingest_sources(discover([str(folder / "seed")]), database_url=database_url)
            with serve(database_url, folder / "server.log") as base_url:
                alone, ingesting, stored = asyncio.run(soak(base_url, database_url, folder, args))
            problems = check(database_url, seeded + stored, (alone, ingesting))
            backend = "PostgreSQL" if args.postgres_url else "SQLite"
            print(report((alone, ingesting), problems, backend))
            print(f"briefs: {len(seeded)} seeded + {len(stored)} ingested during the soak")
            get_engine(database_url).dispose()
    return 1 if problems else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=120, help="Seconds in all (default 120).")
    parser.add_argument("--connections", type=int, default=64, help="Concurrent readers.")
    parser.add_argument("--postgres-url", help="PostgreSQL admin URL; default: SQLite.")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
