"""Latency of text search (`/v1/claims?q=word`), uncached, one request at a time on one
kept-alive connection, each request a different word.

Starts Chancery's own uvicorn process (one worker, response cache off) over the database,
picks `--words` distinct words from the stored claims (every word of a spread of claims,
so rare and common words both come up; the same words for any code given the same
database), sends `--warmup` of them unmeasured and then one request per word, and prints
p50, p90, p99 and the largest in milliseconds; `--missing` searches words no row holds.
`--checkout DIR` serves another checkout's
code (a baseline) over the same database:
`python -m bench.search_latency sqlite:///db --checkout ../baseline`.
"""

from __future__ import annotations

import argparse
import http.client
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import quote

from bench.aggregates_latency import _percentile, measure
from bench.scale.run import chancery
from bench.scale.servers import HOST, running

PORT = 8792


def sample_words(sqlite_path: str, n: int, seed: int = 14) -> list[str]:
    """`n` distinct words of 4 letters or more from the folded text of sampled claims."""
    with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as connection:
        (largest,) = connection.execute("SELECT max(id) FROM claims").fetchone()
        picker = random.Random(seed)
        found: dict[str, None] = {}
        while len(found) < n:
            claim_id = picker.randint(1, largest)
            row = connection.execute(
                "SELECT search_text FROM claims WHERE id >= ? ORDER BY id LIMIT 1", (claim_id,)
            ).fetchone()
            words = [w.strip(".,;:'\"()") for w in row[0].split()] if row else []
            words = [w for w in words if len(w) >= 4 and w.isalpha()]
            if words:
                found[picker.choice(words)] = None
    return list(found)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", help="sqlite:///PATH (the words are read from it)")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--path", default="/v1/claims?q={word}")
    parser.add_argument("--checkout", default=None, help="serve this checkout's code")
    parser.add_argument(
        "--missing",
        action="store_true",
        help="search words no row holds (each sampled word + 'qx'): the rarest term",
    )
    args = parser.parse_args(argv)
    words = sample_words(args.database_url.removeprefix("sqlite:///"), args.words + args.warmup)
    words = [f"{word}qx" for word in words] if args.missing else words
    server = replace(chancery(args.database_url, PORT), checkout=args.checkout)
    timings: list[float] = []
    with running(server) as started:
        connection = http.client.HTTPConnection(HOST, started.port, timeout=600)
        for i, word in enumerate(words):
            path = args.path.format(word=quote(word))
            timings += measure(connection, path, 0, 1) if i >= args.warmup else []
            if i < args.warmup:
                measure(connection, path, 1, 0)
        connection.close()
    figures = {f: _percentile(timings, f) for f in (0.5, 0.9, 0.99, 1.0)}
    print(f"{args.path} over {len(timings)} words: " + ", ".join(
        f"p{round(f * 100)} {ms:.1f} ms" for f, ms in figures.items()
    ))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
