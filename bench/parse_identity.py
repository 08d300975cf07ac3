"""Whether a parser change leaves its output byte for byte as it was, on a wide corpus.

    python -m bench.parse_identity OUT            # one line per brief: name, digest
    python -m bench.parse_identity --compare A B  # the briefs whose digest differs

The corpus: the seeds, every brief under tests/ (golden, evaluation, extraction sets),
generated briefs (`bench.generator`, seed 11) and mutations of the evaluation briefs (cut,
a line dropped or doubled, a stretch's case swapped, a character or a word inserted: a
control character, a BOM, a CR, U+2028, ' and ', ' of the ', brackets, ' UN '), the same
every run. A brief's digest is the SHA-1 of `parse_brief(...).model_dump_json()`, or of
its error message: a speed-up that changes no output changes no line. Write OUT before and
after the change (from two checkouts, or before and after editing) and compare.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.errors import BriefError
from app.parsing import parse_brief
from bench.generator import generate_briefs

ROOT = Path(__file__).resolve().parent.parent
_INSERTS = ("\x0c", "\ufeff", "\r", "\u2028", " and ", " of the ", "(", ")", " UN ")


def corpus(generated: int = 1500, mutations: int = 1500) -> Iterator[tuple[str, bytes]]:
    """(name, raw bytes) of every brief of the corpus, in a fixed order."""
    files = [*ROOT.glob("seeds/*"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("tests/**/*.md")]
    written = [p for p in sorted(files) if p.name != "README.md"]
    for path in written:
        yield str(path.relative_to(ROOT)), path.read_bytes()
    for name, text in generate_briefs(generated, seed=11):
        yield name, text.encode()
    sets = ROOT / "tests" / "parsing"
    evaluation = [
        p.read_bytes()
        for p in written
        if p.parent.parent == sets and p.parent.name.startswith("eval")
    ]
    rng = random.Random(5)
    for number in range(mutations):
        yield f"mutation-{number}", mutated(rng.choice(evaluation), rng)


def mutated(raw: bytes, rng: random.Random) -> bytes:
    """`raw` changed in one of five ways, chosen by `rng`."""
    text = raw.decode("utf-8", "ignore")
    lines = text.split("\n")
    way = rng.randrange(5)
    if way == 0:
        return raw[: rng.randrange(len(raw))]
    if way in (1, 2) and len(lines) > 3:
        at = rng.randrange(len(lines))
        lines[at : at + 1] = [] if way == 1 else [lines[at], lines[at]]
        return "\n".join(lines).encode()
    at = rng.randrange(len(text))
    if way == 3:
        stop = min(len(text), at + 200)
        return (text[:at] + text[at:stop].swapcase() + text[stop:]).encode()
    return (text[:at] + rng.choice(_INSERTS) + text[at:]).encode()


def digest(raw: bytes) -> str:
    """The SHA-1 of the parser's JSON output for `raw`, or of its error."""
    try:
        out = parse_brief(raw).model_dump_json()
    except BriefError as error:
        out = f"error: {error}"
    return hashlib.sha1(out.encode()).hexdigest()


def differing(before: Path, after: Path) -> list[str]:
    """The names whose digest differs between two outputs (or that only one of them has)."""
    old, new = (_digests(path) for path in (before, after))
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def _digests(path: Path) -> dict[str, str]:
    return dict(line.split("\t") for line in path.read_text().splitlines())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="file to write the digests to")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--generated", type=int, default=1500, help="generated briefs")
    parser.add_argument("--mutations", type=int, default=1500, help="mutated briefs")
    args = parser.parse_args(argv)
    if args.compare:
        changed = differing(*args.compare)
        print("\n".join(changed) if changed else "identical")
        return 1 if changed else 0
    if args.out is None:
        parser.error("give OUT, or --compare BEFORE AFTER")
    lines = [f"{name}\t{digest(raw)}" for name, raw in corpus(args.generated, args.mutations)]
    args.out.write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} briefs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
