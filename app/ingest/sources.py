"""Find and read the brief files named on the command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.errors import BriefError, BriefTooLargeError

BRIEF_SUFFIXES = frozenset({".txt", ".md"})
STDIN = "-"


@dataclass(frozen=True)
class BriefSource:
    """One brief to ingest: the name it is stored under and where its bytes come from."""

    name: str
    path: Path | None  # None for standard input

    @property
    def display(self) -> str:
        return str(self.path) if self.path else "<stdin>"


def discover(paths: list[str], stdin_name: str | None = None) -> Iterator[BriefSource]:
    """Expand files and directories (recursively, `.txt` and `.md`) into brief sources.

    A file inside a directory argument is stored under its path relative to that directory,
    a file argument under its own name, so re-ingesting the same tree names the same briefs.
    """
    for raw in paths:
        if raw == STDIN:
            yield BriefSource(name=stdin_name or "stdin", path=None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in BRIEF_SUFFIXES:
                    yield BriefSource(name=child.relative_to(path).as_posix(), path=child)
        else:
            yield BriefSource(name=path.name, path=path)


def read_bytes(source: BriefSource, max_bytes: int) -> bytes:
    """Read at most `max_bytes` of the brief; anything larger is refused before it is read whole."""
    try:
        if source.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with source.path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise BriefError("no such file", line=1, file=source.display) from None
    except OSError as exc:
        raise BriefError(f"cannot read: {exc.strerror}", line=1, file=source.display) from None
    if len(data) > max_bytes:
        raise BriefTooLargeError(
            f"brief is larger than the limit of {max_bytes} bytes", line=1, file=source.display
        )
    return data
