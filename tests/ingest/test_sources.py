"""Which files a path names, under which names they are stored, and how they are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import BriefError, BriefTooLargeError
from app.ingest.sources import BriefSource, discover, read_bytes


def test_directories_are_walked_recursively(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.MD").write_text("x")
    (tmp_path / "notes.json").write_text("{}")
    names = [source.name for source in discover([str(tmp_path)])]
    assert names == ["a.txt", "sub/b.MD"]


def test_a_file_argument_is_stored_under_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("x")
    assert list(discover([str(path)])) == [BriefSource(name="brief.txt", path=path)]


def test_stdin_takes_the_given_name() -> None:
    assert list(discover(["-"], stdin_name="wire/1")) == [BriefSource("wire/1", None)]


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(BriefTooLargeError, match="larger than the limit of 100 bytes"):
        read_bytes(BriefSource("big.txt", path), max_bytes=100)
    assert read_bytes(BriefSource("big.txt", path), max_bytes=101) == b"a" * 101


def test_missing_file_is_a_brief_error(tmp_path: Path) -> None:
    with pytest.raises(BriefError) as caught:
        read_bytes(BriefSource("gone.txt", tmp_path / "gone.txt"), max_bytes=100)
    assert str(caught.value) == f"{tmp_path / 'gone.txt'}:1: no such file"
