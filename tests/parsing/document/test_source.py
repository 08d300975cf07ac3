from __future__ import annotations

import pytest

from app.errors import BriefError, BriefTooLargeError
from app.parsing import normalise_source
from app.parsing.document.source import LineIndex, check_size, split_lines


def test_normalise_removes_bom_and_unifies_line_endings() -> None:
    assert normalise_source("\ufeffa\r\nb\rc\n".encode()) == "a\nb\nc\n"


def test_normalise_accepts_str() -> None:
    assert normalise_source("\ufeffLead: x\r\n") == "Lead: x\n"


def test_non_utf8_reports_line_and_column_of_first_bad_byte() -> None:
    with pytest.raises(BriefError) as caught:
        normalise_source(b"Lead: ok\nsecond \xe9t\xe9\n")
    assert (caught.value.line, caught.value.column) == (2, 8)
    assert "UTF-8" in caught.value.message


def test_binary_control_characters_are_rejected() -> None:
    with pytest.raises(BriefError) as caught:
        normalise_source("Lead: a\nb\x00")
    assert caught.value.line == 2


def test_size_limit_counts_utf8_bytes() -> None:
    check_size("é" * 5, 10)
    with pytest.raises(BriefTooLargeError):
        check_size("é" * 6, 10)


def test_lines_keep_exact_offsets() -> None:
    text = "ab\n\ncd"
    lines = split_lines(text)
    assert [(ln.number, text[ln.start : ln.end]) for ln in lines] == [
        (1, "ab"),
        (2, ""),
        (3, "cd"),
    ]


def test_line_index_positions() -> None:
    index = LineIndex("ab\ncd")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
