"""The benchmark brief generator: deterministic, unique names, sample-sized, valid, varied."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest

from bench.generator import MAX_BYTES, MIN_BYTES, generate_briefs

SAMPLE = 200
REQUIRED_SECTIONS = {
    "key takeaways",
    "verified facts",
    "context & impact",
    "official statements",
    "unconfirmed",
    "bottom line",
}
OPTIONAL_SECTIONS = {"disputed", "disputed claims", "contested", "denied"}
EXTRA_SECTIONS = {"background", "timeline", "next steps", "regional reactions"}
DATE = r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2})"
LEAD = re.compile(rf"^(?:\*\*Lead:\*\*|Lead:) .*{DATE}.* in [A-Z][^,]*,")
QUOTE = re.compile(r'^(?:> )?["“]')


@pytest.fixture(scope="module")
def briefs() -> list[tuple[str, str]]:
    return list(generate_briefs(SAMPLE, seed=7))


def lines_of(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")


def section_name(line: str) -> str | None:
    name = line.removeprefix("## ").rstrip(":").casefold().replace(" and ", " & ")
    return name if name in REQUIRED_SECTIONS | OPTIONAL_SECTIONS | EXTRA_SECTIONS else None


def test_same_seed_gives_same_briefs() -> None:
    assert list(generate_briefs(30, seed=3)) == list(generate_briefs(30, seed=3))
    assert list(generate_briefs(30, seed=3)) != list(generate_briefs(30, seed=4))


def test_brief_does_not_depend_on_count() -> None:
    assert list(generate_briefs(10, seed=1)) == list(generate_briefs(25, seed=1))[:10]


def test_file_names_are_unique(briefs: list[tuple[str, str]]) -> None:
    names = [name for name, _ in briefs]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.(txt|md)", n) for n in names)


def test_sizes_are_sample_sized(briefs: list[tuple[str, str]]) -> None:
    sizes = {name: len(text.encode("utf-8")) for name, text in briefs}
    outside = {name: n for name, n in sizes.items() if not MIN_BYTES <= n <= MAX_BYTES}
    assert not outside


def validity_problems(text: str) -> list[str]:
    lines = [line for line in lines_of(text) if line.strip() not in ("", ">")]
    problems = [] if any(LEAD.match(line) for line in lines) else ["no Lead with date and place"]
    sections = {name for line in lines if (name := section_name(line))}
    problems += [f"missing {name}" for name in REQUIRED_SECTIONS - sections]
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if QUOTE.match(line) and (
            QUOTE.match(following) or section_name(following) or not following
        ):
            problems.append(f"no attribution after {line[:40]!r}")
    return problems


def test_every_brief_is_valid(briefs: list[tuple[str, str]]) -> None:
    problems = {name: p for name, text in briefs if (p := validity_problems(text))}
    assert not problems


VARIATIONS: dict[str, Callable[[str, str], bool]] = {
    "markdown": lambda name, text: name.endswith(".md"),
    "plain text": lambda name, text: name.endswith(".txt"),
    "CRLF": lambda name, text: "\r\n" in text,
    "BOM": lambda name, text: text.startswith("\ufeff"),
    "no blank lines": lambda name, text: "\n\n" not in text.replace("\r\n", "\n"),
    "blockquote statements": lambda name, text: "\n> — " in text.replace("\r\n", "\n"),
    "uppercase headings": lambda name, text: "KEY TAKEAWAYS" in text,
    "heading colons": lambda name, text: "Bottom Line:" in text or "BOTTOM LINE:" in text,
    "and in context heading": lambda name, text: "context and impact" in text.casefold(),
    "ampersand in context heading": lambda name, text: "context & impact" in text.casefold(),
    "numbered bullets": lambda name, text: "\n1. " in text.replace("\r\n", "\n"),
    "dash bullets": lambda name, text: "\n- " in text,
    "star bullets": lambda name, text: "\n* " in text,
    "dot bullets": lambda name, text: "\n• " in text,
    "en dash bullets": lambda name, text: "\n– " in text,
    "curly quotes": lambda name, text: "“" in text,
    "straight quotes": lambda name, text: '\n"' in text or '> "' in text,
    "curly apostrophes": lambda name, text: "’" in text,
    "ISO dates": lambda name, text: re.search(r"Lead:\**\s*On \d{4}-\d{2}-\d{2}", text) is not None,
    "day-first dates": lambda name, text: (
        re.search(r"on \d{1,2} [A-Z][a-z]+ \d{4}", text) is not None
    ),
    "disputed section": lambda name, text: any(
        section_name(line) in OPTIONAL_SECTIONS for line in lines_of(text)
    ),
    "extra section": lambda name, text: any(
        section_name(line) in EXTRA_SECTIONS for line in lines_of(text)
    ),
    "untitled": lambda name, text: lines_of(text)[0].startswith(("Lead:", "**Lead:**")),
    "diacritics": lambda name, text: re.search(r"[À-ÿĀ-ž]", text) is not None,
}


def test_format_variations_all_occur(briefs: list[tuple[str, str]]) -> None:
    seen = Counter(
        label for name, text in briefs for label, test in VARIATIONS.items() if test(name, text)
    )
    missing = [label for label in VARIATIONS if seen[label] == 0]
    assert not missing, seen
