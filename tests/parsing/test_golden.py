"""Golden briefs: every variation of the format, with hand-checked expected output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.parsing import parse_brief
from app.parsing.models import ParsedBrief

GOLDEN = Path(__file__).parent / "golden"
BRIEFS = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md"))


def test_every_golden_brief_has_an_expectation() -> None:
    assert len(BRIEFS) >= 5
    for path in BRIEFS:
        assert path.with_suffix(".expected.json").exists(), path.name


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_golden_brief(path: Path) -> None:
    parsed = parse_brief(path.read_bytes(), file=path.name)
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    assert json.loads(parsed.model_dump_json()) == expected


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_golden_spans_point_at_their_text(path: Path) -> None:
    parsed = parse_brief(path.read_bytes())
    texts = [(c.span, c.text) for c in parsed.claims]
    texts += [(s.span, s.text) for s in parsed.statements]
    texts += [(i.span, i.text) for i in parsed.impacts]
    for (start, end), text in texts:
        assert parsed.source[start:end] == text


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_golden_output_survives_validation(path: Path) -> None:
    """The parser validates its item lists in one call each; validating the whole brief
    again from its dumped values must give the same models."""
    parsed = parse_brief(path.read_bytes())
    validated = ParsedBrief.model_validate({**parsed.model_dump(), "source": parsed.source})
    assert validated == parsed


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_golden_mentions_slice_an_alias_of_their_actor(path: Path) -> None:
    """Every mention's span slices the source at one of its actor's surface forms, in the
    section it names, and every actor is mentioned at least once."""
    parsed = parse_brief(path.read_bytes())
    aliases = {actor.key: actor.aliases for actor in parsed.actors}
    sections = {s.name: s.span for s in parsed.sections}
    for mention in parsed.mentions:
        start, end = mention.span
        assert " ".join(parsed.source[start:end].split()) in aliases[mention.actor]
        section_start, section_end = sections[mention.section]
        assert section_start <= start < end <= section_end
    assert {m.actor for m in parsed.mentions} == set(aliases)
