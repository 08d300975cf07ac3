"""Parse throughput on one core, against a baseline measured in the same run.

Run with `python -m bench.parse_bench`; prints Markdown table rows: the real sample brief
(4.5 KB) alone, then all golden briefs. The baseline is `normalise_source` +
`str.splitlines` on the same texts: the cost of merely reading a brief, so the ratio says
how much the parsing itself costs. The garbage collector is settled once the caches are warm,
as in the ingest job's parser processes (`app.interpreter`), unless `--unsettled`.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from app.interpreter import settle_collector
from app.parsing import normalise_source, parse_brief

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "parsing" / "golden"


SAMPLE = GOLDEN / "2025-09-04-paris-security-guarantees.txt"


def golden_briefs() -> list[bytes]:
    """The golden briefs (every variation of the format, 1-5 KiB each)."""
    return [p.read_bytes() for p in sorted(GOLDEN.iterdir()) if p.suffix in (".txt", ".md")]


def _rate(work: Callable[[bytes], object], briefs: list[bytes], seconds: float) -> float:
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for raw in briefs:
            work(raw)
        done += len(briefs)
    return done / elapsed


def _baseline(raw: bytes) -> object:
    return normalise_source(raw).splitlines()


def _row(label: str, briefs: list[bytes], seconds: float, settled: bool) -> str:
    for raw in briefs:  # warm the caches (data files, compiled patterns) first
        parse_brief(raw)
    if settled:
        settle_collector()  # as a parser process does after its first brief
    parse_rate = _rate(parse_brief, briefs, seconds)
    base_rate = _rate(_baseline, briefs, seconds)
    size = sum(map(len, briefs)) // len(briefs)
    ratio = base_rate / parse_rate
    return f"| {label} | {size:,} | {parse_rate:,.0f} | {base_rate:,.0f} | {ratio:,.0f}x |"


def main() -> None:
    """Measure and print the Markdown rows (the real sample brief, then every golden)."""
    parser = argparse.ArgumentParser(description="Parse throughput on one core.")
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    parser.add_argument(
        "--unsettled",
        action="store_true",
        help="leave the garbage collector as Python starts it (not as a parser process runs)",
    )
    args = parser.parse_args()
    settled = not args.unsettled
    print("| briefs | mean bytes | parse briefs/s | baseline briefs/s | baseline / parse |")
    print("|---|---|---|---|---|")
    print(_row("sample brief", [SAMPLE.read_bytes()], args.seconds, settled))
    print(_row("golden briefs", golden_briefs(), args.seconds, settled))


if __name__ == "__main__":
    main()
