from __future__ import annotations

import pytest

from app.parsing.document.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.N. agreed on Sept. 4 to meet.",
        "The call was at 8 a.m. ET on Sept. 4, 2025, in Paris.",
        "Talks end at 5 p.m. Moscow time.",
        "Gen. Valery Gerasimov and Dr. Tedros met at No. 10 Downing Street.",
        "They visited St. Petersburg after growth of 3.67 percent.",
        "Former President George W. Bush met J. Smith.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_sentence_ending_in_closing_quote() -> None:
    text = "Leaders were called the “Coalition of the Willing.” Macron spoke next."
    assert sentences(text) == [
        "Leaders were called the “Coalition of the Willing.”",
        "Macron spoke next.",
    ]


def test_acronym_at_sentence_end_before_a_sentence_starter() -> None:
    text = "Tariffs were imposed by the U.S. The talks continued."
    assert sentences(text) == ["Tariffs were imposed by the U.S.", "The talks continued."]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Will it hold? Nobody knows! Maybe.") == [
        "Will it hold?",
        "Nobody knows!",
        "Maybe.",
    ]


def test_spans_are_trimmed_and_offset_into_the_whole_text() -> None:
    text = "xx  One. Two.  "
    spans = split_sentences(text, 2, len(text))
    assert [text[s:e] for s, e in spans] == ["One.", "Two."]
