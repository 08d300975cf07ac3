"""The snippet around a mention: about 60 characters each side, cut at word boundaries."""

from __future__ import annotations

from app.api.snippets import CONTEXT, WINDOW, snippet


def _around(before: str, mention: str, after: str) -> tuple[str, int, int]:
    return before + mention + after, len(before), len(before) + len(mention)


def test_short_sides_are_kept_whole() -> None:
    found = snippet(*_around("Lead: On Monday ", "Angela Merkel", " spoke."))
    assert (found.text, found.start, found.end) == ("Lead: On Monday Angela Merkel spoke.", 16, 29)


def test_long_sides_are_cut_at_the_nearest_word_inside_60_characters() -> None:
    before = "word " * 20  # 100 characters, a boundary every 5
    after = " " + "longer " * 15
    window, start, end = _around(before[-WINDOW:], "Mark Rutte", after[:WINDOW])
    found = snippet(window, start, end)
    assert found.text == "word " * 12 + "Mark Rutte" + " longer" * 8
    assert found.text[found.start : found.end] == "Mark Rutte"
    assert found.start <= CONTEXT
    assert len(found.text) - found.end <= CONTEXT


def test_a_cut_on_a_space_keeps_the_whole_word_next_to_it() -> None:
    before = "x" * 20 + " " + "y" * 59 + " "  # the 61st character back is a space
    found = snippet(*_around(before, "Xi", ""))
    assert found.text == "y" * 59 + " Xi"


def test_one_word_longer_than_the_context_is_cut_inside_it() -> None:
    found = snippet(*_around("z" * 80, "Xi", "q" * 80))
    assert found.text == "z" * 60 + "Xi" + "q" * 60
    assert (found.start, found.end) == (60, 62)


def test_line_breaks_read_as_one_space_and_the_offsets_follow() -> None:
    found = snippet(*_around("Context & Impact\n\n", "Angela\nMerkel", "\n- Next.\n"))
    assert found.text == "Context & Impact Angela Merkel - Next."
    assert found.text[found.start : found.end] == "Angela Merkel"
