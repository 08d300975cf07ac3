"""Corpora and databases for the scale benchmark, cached under `bench/out/scale/`.

Brief `i` of the generator does not depend on `n`, so the corpus is written in parts
(`0-1000`, `1000-10000`, ...) and each database size is the previous one plus one part:
the 100k database costs one 100k ingestion, not 111k.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from app import migrate
from app.db import get_engine
from app.ingest.job import ingest_sources
from app.ingest.sources import discover
from bench.generator import generate_brief

OUT = Path(__file__).resolve().parent.parent / "out" / "scale"
SEED = 1


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def write_part(start: int, stop: int) -> Path:
    """Briefs `start..stop-1` in their own folder, written once."""
    folder = OUT / "corpus" / f"{start}-{stop}"
    done = folder / ".complete"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(start, stop):
            name, text = generate_brief(index, SEED)
            (folder / name).write_bytes(text.encode("utf-8"))
        done.touch()
    return folder


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file and leave WAL mode (Chancery turns it back on when
    it connects), so the database is one file that can be copied or renamed."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def ingest_part(db: Path, folder: Path) -> None:
    url = sqlite_url(db)
    migrate.upgrade(url)
    report = ingest_sources(discover([str(folder)]), database_url=url)
    get_engine(url).dispose()
    if report.counts.get("rejected"):
        raise RuntimeError(f"ingesting {folder} went wrong: {report.counts}")
    checkpoint(db)


def sqlite_database(size: int, sizes: Sequence[int]) -> Path:
    """The SQLite database of the first `size` briefs, built from the next smaller one."""
    db = OUT / f"chancery-{size}.db"
    if db.exists():
        migrate.upgrade(sqlite_url(db))
        return db
    smaller = [s for s in sizes if s < size]
    start = max(smaller, default=0)
    partial = db.with_suffix(".partial")
    for leftover in OUT.glob(f"{partial.name}*"):
        leftover.unlink()
    if start:
        shutil.copyfile(sqlite_database(start, smaller), partial)
    ingest_part(partial, write_part(start, size))
    partial.rename(db)
    return db


def build_all(sizes: Sequence[int]) -> dict[int, Path]:
    """Every database size, smallest first."""
    ordered = sorted(sizes)
    return {size: sqlite_database(size, ordered) for size in ordered}


if __name__ == "__main__":
    import sys

    wanted = [int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000]
    for size, path in build_all(wanted).items():
        print(size, path)
