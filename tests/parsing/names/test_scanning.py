"""The two-scan word finder gives exactly what the single selective pattern gives."""

from __future__ import annotations

import random

import pytest

from app.parsing.names.mentions import context_words
from app.parsing.names.scanning import _selective, selected_words

TRICKY = [
    "President Emmanuel Macron met the foreign minister in Paris.",
    "anti-American protests; post-Soviet states; al-Assad’s forces; ash-Sharaa said",
    "X.attorney general said",  # the scans overlap: the single pattern decides
    "U.S.the Gen.of Mr. Lee, vice-president-elect and secretary-general",
    "the",
    "al-",
    "9 of 10 ministers, the attorney general of Kenya",
]


def _single(text: str, start: int, end: int) -> list[tuple[int, str]]:
    pattern = _selective(context_words())
    return [(m.start(), m.group()) for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize("text", TRICKY)
def test_same_words_as_the_single_pattern(text: str) -> None:
    for start in range(len(text) + 1):
        for end in (start, len(text), max(start, len(text) - 3)):
            assert selected_words(text, start, end, context_words()) == _single(text, start, end)


def test_same_words_on_random_text() -> None:
    pieces = [*"aelbdsnhrtAEX.-’' \n,1_é", "the", "of", "al-", "gen.", "attorney general", "X."]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert selected_words(text, start, end, context_words()) == _single(text, start, end)
