"""Ingestion throughput against parse-only throughput, on SQLite and PostgreSQL.

    python -m bench.ingest_bench [-n 10000] [--postgres-url URL]

Generates N briefs (bench/generator.py) into a temporary folder, then in the same run times
(1) reading + parsing every file (the baseline) and (2) `chancery ingest`'s job on a fresh,
migrated SQLite file and, if a PostgreSQL admin URL is given, on a fresh PostgreSQL database.
Prints a markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from app.parsing import parse_brief
from bench.generator import write_briefs


def parse_only(paths: list[Path]) -> float:
    """Briefs per second for reading and parsing every file, storing nothing."""
    started = time.perf_counter()
    for path in paths:
        parse_brief(path.read_bytes(), file=str(path))
    return len(paths) / (time.perf_counter() - started)


def ingest_rate(folder: Path, database_url: str) -> tuple[float, dict[str, int]]:
    """Briefs per second for the ingestion job into a migrated, empty database."""
    migrate.upgrade(database_url)
    report = ingest_sources(discover([str(folder)]), database_url=database_url)
    get_engine(database_url).dispose()
    return report.briefs_per_second, report.counts


@contextmanager
def fresh_postgres(admin_url: str) -> Iterator[str]:
    """A new PostgreSQL database, dropped afterwards."""
    name = f"chancery_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="briefs to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres-url", help="admin URL of a PostgreSQL server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefs"
        folder.mkdir()
        paths = write_briefs(folder, args.n, args.seed)
        baseline = parse_only(paths)
        rows = [("parse only (baseline)", baseline, None)]
        sqlite_rate, counts = ingest_rate(folder, f"sqlite:///{tmp}/bench.db")
        rows.append(("ingest, SQLite", sqlite_rate, counts))
        if args.postgres_url:
            with fresh_postgres(args.postgres_url) as url:
                rows.append(("ingest, PostgreSQL", *ingest_rate(folder, url)))
    print(f"{args.n} generated briefs\n")
    print("| run | briefs/s | ratio to parse-only | outcomes |")
    print("| --- | ---: | ---: | --- |")
    for label, rate, outcome in rows:
        print(f"| {label} | {rate:.0f} | {rate / baseline:.0%} | {outcome or ''} |")


if __name__ == "__main__":
    main()
