"""CPU time of the writer alone, per stored brief, on SQLite or PostgreSQL.

    python -m bench.writer_cpu FOLDER [-n 300] [--postgres-url ADMIN_URL] [--repeat 1]

Parses the first N briefs of FOLDER (sorted by name) in this process first, then stores
them one transaction each (`store_with_retry`, what `chancery ingest` runs per brief) into
a fresh, migrated SQLite file or, given an admin URL, a fresh PostgreSQL database, and
reports the writer's CPU time per brief: this process's (`time.process_time`) and, on
PostgreSQL, that of the backends serving the database (read from `/proc`: the server runs
on this machine). CPU time is what the load of other processes on a shared machine moves
least; wall time is printed too. Parsing is not counted, so checkouts whose parsers differ
compare by their writers. To time another checkout's code (a baseline) with this script:
`PYTHONPATH=../baseline python bench/writer_cpu.py FOLDER` from that checkout.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine, text

import app
from app import migrate
from app.db import get_engine
from app.ingest.actors import ActorResolver
from app.ingest.pipeline import parse_text
from app.ingest.rows import PreparedBrief
from app.ingest.service import store_with_retry
from app.parsing import normalise_source
from bench.export import cpu_seconds
from bench.ingest_bench import fresh_postgres


def parsed_briefs(folder: Path, n: int) -> list[tuple[str, PreparedBrief]]:
    """The first `n` briefs of `folder` that parse, with their names, as rows to store."""
    found = []
    for path in sorted(folder.iterdir())[:n]:
        prepared = parse_text(normalise_source(path.read_bytes()), path.name, 1 << 20)
        if isinstance(prepared, PreparedBrief):
            found.append((path.name, prepared))
    return found


def server_cpu_seconds(engine: Engine) -> float:
    """PostgreSQL: CPU time so far of the backends serving the engine's database; else 0."""
    if engine.dialect.name != "postgresql":
        return 0.0
    with engine.connect() as connection:
        pids = connection.execute(
            text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        ).scalars()
        return sum(cpu_seconds(pid) for pid in pids)


def store_all(database_url: str, briefs: list[tuple[str, PreparedBrief]]) -> dict[str, float]:
    """Store every brief into the migrated database; the CPU and wall time it took."""
    migrate.upgrade(database_url)
    engine = get_engine(database_url)
    resolver = ActorResolver()
    server_before = server_cpu_seconds(engine)
    wall, cpu = time.perf_counter(), time.process_time()
    for name, brief in briefs:
        store_with_retry(engine, name, brief, resolver)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    server = server_cpu_seconds(engine) - server_before
    engine.dispose()
    per_brief = 1000 / len(briefs)
    return {
        "writer_cpu_ms": round(cpu * per_brief, 2),
        "server_cpu_ms": round(server * per_brief, 2),
        "wall_ms": round(wall * per_brief, 2),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of briefs (.txt, .md)")
    parser.add_argument("-n", type=int, default=300, help="briefs to store")
    parser.add_argument("--postgres-url", default=None, help="admin URL: time PostgreSQL")
    parser.add_argument("--repeat", type=int, default=1, help="runs, each on a fresh database")
    args = parser.parse_args(argv)
    briefs = parsed_briefs(args.folder, args.n)
    code = str(Path(app.__file__).parent.parent)
    for _ in range(args.repeat):
        if args.postgres_url:
            with fresh_postgres(args.postgres_url) as url:
                figures = store_all(url, briefs)
        else:
            with tempfile.TemporaryDirectory() as folder:
                figures = store_all(f"sqlite:///{folder}/writer.db", briefs)
        database = "postgresql" if args.postgres_url else "sqlite"
        print(json.dumps({"code": code, "database": database, "briefs": len(briefs)} | figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
