"""Property tests: whatever arrives, only BriefError escapes and every span is exact."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import BriefError
from app.parsing.brief import parse_source
from app.parsing.document.source import check_size, normalise_source
from app.parsing.models import ParsedBrief
from app.vocabulary import StatementKind

GOLDEN = Path(__file__).parent / "golden"
SAMPLES = [p.read_bytes() for p in sorted(GOLDEN.iterdir()) if p.suffix in (".txt", ".md")]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse_or_reject(raw: bytes | str) -> ParsedBrief | None:
    """Parse without parse_brief's safety net, so a parser bug fails the test."""
    try:
        check_size(raw, 1_048_576)
        return parse_source(normalise_source(raw))
    except BriefError:
        return None


def check(raw: bytes | str) -> None:
    """Either a BriefError (swallowed) or a brief whose spans are all exact."""
    parsed = parse_or_reject(raw)
    if parsed is not None:
        assert_spans_exact(parsed)


def assert_spans_exact(parsed: ParsedBrief) -> None:
    size = len(parsed.source)
    spans = [s.span for s in parsed.sections] + [e.span for e in parsed.events]
    spans += [c.span for c in parsed.claims] + [s.span for s in parsed.statements]
    spans += [i.span for i in parsed.impacts]
    for start, end in spans:
        assert 0 <= start <= end <= size
    for claim in parsed.claims:
        assert parsed.source[claim.span[0] : claim.span[1]] == claim.text
    for statement in parsed.statements:
        assert parsed.source[statement.span[0] : statement.span[1]] == statement.text
        if statement.kind is StatementKind.quote:
            assert statement.text[:1] not in '"“”'
    keys = {a.key for a in parsed.actors}
    assert len(keys) == len(parsed.actors)
    mentioned = [c.actors for c in parsed.claims] + [s.actors for s in parsed.statements]
    for actors in mentioned:
        assert set(actors) <= keys


@SETTINGS
@given(st.text())
def test_random_text(text: str) -> None:
    check(text)


@SETTINGS
@given(st.binary())
def test_random_bytes(raw: bytes) -> None:
    check(raw)


def _lines(sample: bytes) -> list[bytes]:
    return sample.split(b"\n")


@st.composite
def mutated_briefs(draw: st.DrawFn) -> bytes:
    lines = _lines(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "noise"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = draw(st.binary(max_size=40)) + lines[index]
    return b"\n".join(lines)


@SETTINGS
@given(mutated_briefs())
def test_mutated_briefs(raw: bytes) -> None:
    check(raw)


@SETTINGS
@given(st.sampled_from(SAMPLES), st.integers(0, 5000))
def test_truncated_briefs(sample: bytes, cut: int) -> None:
    check(sample[: cut % (len(sample) + 1)])


@SETTINGS
@given(st.sampled_from(SAMPLES), st.permutations(range(8)))
def test_shuffled_lines(sample: bytes, order: list[int]) -> None:
    lines = _lines(sample)
    head = [lines[i] for i in order if i < len(lines)]
    check(b"\n".join(head + lines[8:]))
