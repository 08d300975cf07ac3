"""Held-out evaluation of `parse_brief` on hand-annotated briefs in `eval/` and `eval2/`.

Every `NAME.txt` or `NAME.md` there has a `NAME.expected.json` written by hand from the brief
alone, independently of the parser and its golden tests. The briefs cover real events in the
format variations of FORMAT.md. Each folder is a separate set that must reach the thresholds on
its own. Failures list every miss, so a red run says what to fix.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from app.parsing.names.org_model import fold as normalise

if TYPE_CHECKING:
    from app.parsing.models import ParsedBrief

EVAL_DIRS = [Path(__file__).parent / name for name in ("eval", "eval2", "eval3")]
BRIEF_SUFFIXES = {".txt", ".md"}
STATUSES = ("verified", "reported", "unconfirmed", "disputed")
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@dataclass(frozen=True)
class Case:
    """One eval brief, its hand-written expectations and what the parser made of it."""

    name: str
    expected: dict[str, Any]
    parsed: ParsedBrief


def brief_paths(eval_dir: Path) -> list[Path]:
    return sorted(p for p in eval_dir.iterdir() if p.suffix in BRIEF_SUFFIXES)


def expected_path(brief: Path) -> Path:
    return brief.with_name(f"{brief.stem}.expected.json")


@pytest.fixture(scope="module", params=EVAL_DIRS, ids=lambda d: d.name)
def eval_dir(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture(scope="module")
def cases(eval_dir: Path) -> list[Case]:
    # Imported here, not at module level, so the eval set stays collectable (and its
    # completeness test runs) while the parser is still being written.
    from app.parsing import parse_brief

    return [
        Case(
            name=path.name,
            expected=json.loads(expected_path(path).read_text(encoding="utf-8")),
            parsed=parse_brief(path.read_bytes(), file=path.name),
        )
        for path in brief_paths(eval_dir)
    ]


def test_eval_set_pairs_every_brief_with_expectations(eval_dir: Path) -> None:
    briefs = brief_paths(eval_dir)
    expectations = sorted(eval_dir.glob("*.expected.json"))
    assert len(briefs) >= 8
    assert [expected_path(b) for b in briefs] == expectations


def person_names(brief: ParsedBrief) -> set[str]:
    return {normalise(a.name) for a in brief.actors if a.kind == "person"}


def test_person_precision_and_recall(cases: list[Case]) -> None:
    found = expected = matched = 0
    misses: list[str] = []
    for case in cases:
        got = person_names(case.parsed)
        want = {normalise(n) for n in case.expected["persons"]}
        found, expected, matched = found + len(got), expected + len(want), matched + len(got & want)
        misses += [f"{case.name}: missed person {n!r}" for n in sorted(want - got)]
        misses += [f"{case.name}: spurious person {n!r}" for n in sorted(got - want)]
    precision = matched / found if found else 0.0
    recall = matched / expected
    report = f"precision {precision:.3f}, recall {recall:.3f}\n" + "\n".join(misses)
    assert precision >= MIN_PRECISION, report
    assert recall >= MIN_RECALL, report


def opening(text: str) -> str:
    """A statement's text as compared with `quote_start`: normalised, quote marks off."""
    return normalise(text).lstrip("\"' ")


def statement_misses(case: Case) -> list[str]:
    """Each expected Official Statement must be a quote, in order, with the right speaker."""
    names = {a.key: normalise(a.name) for a in case.parsed.actors}
    quotes = [s for s in case.parsed.statements if s.kind == "quote"]
    wanted = case.expected["statements"]
    misses = [] if len(quotes) == len(wanted) else [f"{len(quotes)} quotes, want {len(wanted)}"]
    for position, want in enumerate(wanted):
        start = normalise(want["quote_start"])
        hits = [i for i, s in enumerate(quotes) if opening(s.text).startswith(start)]
        if not hits:
            misses.append(f"no quote starting {want['quote_start']!r}")
            continue
        speaker_key = quotes[hits[0]].speaker
        speaker = names.get(speaker_key) if speaker_key else None
        if speaker != normalise(want["speaker"]):
            misses.append(f"{want['quote_start']!r}: speaker {speaker!r}, want {want['speaker']!r}")
        if hits[0] != position:
            misses.append(f"{want['quote_start']!r}: at position {hits[0]}, want {position}")
    return [f"{case.name}: {m}" for m in misses]


def test_official_statements_are_attributed(cases: list[Case]) -> None:
    misses = [m for case in cases for m in statement_misses(case)]
    assert not misses, "\n".join(misses)


def test_claim_counts_per_status(cases: list[Case]) -> None:
    misses = []
    for case in cases:
        counts = Counter(str(c.status) for c in case.parsed.claims)
        got = {status: counts[status] for status in STATUSES}
        want = {status: case.expected["claims"][status] for status in STATUSES}
        if got != want:
            misses.append(f"{case.name}: claims {got}, want {want}")
    assert not misses, "\n".join(misses)


def test_dates_and_places(cases: list[Case]) -> None:
    misses = []
    for case in cases:
        want_date = date.fromisoformat(case.expected["occurred_on"])
        if case.parsed.occurred_on != want_date:
            misses.append(f"{case.name}: date {case.parsed.occurred_on}, want {want_date}")
        place = case.parsed.location
        if place is None or normalise(place) != normalise(case.expected["location"]):
            misses.append(f"{case.name}: place {place!r}, want {case.expected['location']!r}")
    assert not misses, "\n".join(misses)
