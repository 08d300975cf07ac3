"""What an ingestion run did with each brief."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.ingest.writer import Outcome


@dataclass(frozen=True)
class FileResult:
    source: str
    name: str
    outcome: Outcome
    brief_id: int | None = None
    error: str | None = None
    # What the brief's new revision added, removed and changed (RevisionSummary); none
    # when it was unchanged.
    changes: dict[str, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and v != {}}

    @property
    def error_line(self) -> int | None:
        """The line a rejection names (its error reads `FILE:LINE: message`)."""
        if self.error is None or not self.error.startswith(self.source + ":"):
            return None
        line = self.error[len(self.source) + 1 :].split(":", 1)[0]
        return int(line) if line.isdigit() else None


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    elapsed_s: float = 0.0
    # Stopped early (SIGTERM): every brief in `results` is whole, the rest was not started.
    interrupted: bool = False
    not_started: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(result.outcome.value for result in self.results)
        return {outcome.value: counted.get(outcome.value, 0) for outcome in Outcome}

    @property
    def briefs_per_second(self) -> float:
        return len(self.results) / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == Outcome.rejected]

    def summary_line(self) -> str:
        parts = ", ".join(f"{n} {outcome}" for outcome, n in self.counts.items())
        line = f"{parts} in {self.elapsed_s:.2f}s ({self.briefs_per_second:.0f} briefs/s)"
        if self.interrupted:
            line += f"; interrupted, {self.not_started} not started"
        return line

    def as_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts,
            "elapsed_s": round(self.elapsed_s, 3),
            "briefs_per_second": round(self.briefs_per_second, 1),
            "interrupted": self.interrupted,
            "not_started": self.not_started,
            "results": [result.as_dict() for result in self.results],
        }
