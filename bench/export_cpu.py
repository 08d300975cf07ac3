"""`python -m bench.export_cpu URL`: CPU per exported claim, each way of writing it, in turns.

Over HTTP on a shared machine the rates move with the load more than with the code, so
this reads every claim of the database at URL in this process, batch by batch as an export
does, and times each way with `time.process_time` (this process's CPU), in turns, for
`--rounds` rounds:

- `ndjson from item data`: the item dicts the pages validate, written by orjson (main's);
- `ndjson from the database`: each row's JSON written by the database (`JsonRows`);
- `csv from item data`: cells read from the item dicts (main's);
- `csv from the rows`: cells read straight from the query's rows (`Listing.csv_cells`);
- `csv from the database`: each row's CSV line written by the database (`csv_query`).

On PostgreSQL the CPU of the backend serving this process (read from `/proc`: the server
runs on this machine) is reported beside it, since there the database does more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Engine, text

from app.api.export.formats import CsvWriter, ndjson_chunk
from app.api.export.reader import BatchReader
from app.api.repositories import claims
from app.api.repositories.keyset import PageRequest
from app.api.schemas.claims import ClaimItem
from app.db import get_engine
from bench.export import cpu_seconds


def _then(batch: Any, write: Callable[[Any], bytes]) -> bytes | None:
    return None if batch is None else write(batch)


def _chunks(reader: BatchReader, writer: CsvWriter, way: str) -> Iterator[bytes]:
    reads: dict[str, Callable[[], bytes | None]] = {
        "ndjson from item data": lambda: _then(reader.next_batch(), ndjson_chunk),
        "ndjson from the database": reader.next_ndjson,
        "csv from item data": lambda: _then(reader.next_batch(), writer.chunk),
        "csv from the rows": lambda: _then(reader.next_cells(writer), writer.rows),
        "csv from the database": lambda: _then(
            reader.claim(), lambda span: reader.read_csv(span, writer)[0]
        ),
    }
    while (chunk := reads[way]()) is not None:
        yield chunk


def _backend_pids(engine: Engine) -> list[int]:
    if engine.dialect.name != "postgresql":
        return []
    query = text("select pid from pg_stat_activity where datname = current_database()")
    with engine.connect() as connection:
        return [int(pid) for pid in connection.execute(query).scalars()]


def measure(engine: Engine, way: str) -> dict[str, Any]:
    """Microseconds of CPU per claim, this process's and its database backends'."""
    reader = BatchReader(engine, claims.CLAIMS, [], PageRequest(0, True))
    writer = CsvWriter(ClaimItem)
    pids = _backend_pids(engine)
    backend_before = sum(cpu_seconds(pid) for pid in pids)
    started = time.process_time()
    rows = sum(chunk.count(b"\n") for chunk in _chunks(reader, writer, way))
    python = time.process_time() - started
    backend = sum(cpu_seconds(pid) for pid in pids) - backend_before
    return {"way": way, "rows": rows, "python_us": python / rows * 1e6,
            "database_us": backend / rows * 1e6}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export_cpu", description=__doc__)
    parser.add_argument("url", help="database URL (a copy)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    engine = get_engine(args.url)
    with engine.connect():
        pass  # the pool's one connection, whose backend is measured
    ways = ["ndjson from item data", "ndjson from the database", "csv from item data",
            "csv from the rows", "csv from the database"]  # fmt: skip
    results = [measure(engine, way) for _ in range(args.rounds) for way in ways]
    for result in results:
        print(json.dumps(result), flush=True)
    print("| way | rows | Python CPU µs per row (median; each round) | database CPU µs per row |")
    print("| --- | ---: | --- | ---: |")
    for way in ways:
        mine = [r for r in results if r["way"] == way]
        python = [r["python_us"] for r in mine]
        database = statistics.median(r["database_us"] for r in mine)
        rounds = ", ".join(f"{x:.1f}" for x in python)
        print(f"| {way} | {mine[0]['rows']:,} | {statistics.median(python):.1f} ({rounds}) | "
              f"{database:.1f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
