"""Reading the curated word lists in `app/parsing/data/`.

Every word list the parser uses lives in a data file, and the code builds its sets and
patterns from them. A file is read through `DataFile`, which notes each top-level key the
parser reads, so a test can show that no list in a file is dead
(tests/parsing/lexicon/test_files.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

_READ: dict[str, set[str]] = {}


class DataFile(Mapping[str, Any]):
    """One data file's top-level mapping, noting which keys are read (`_doc` included when
    the whole file is walked)."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self._data = data
        self._read = _READ.setdefault(name, set())

    def __getitem__(self, key: str) -> Any:
        self._read.add(key)
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def load_data(name: str) -> DataFile:
    """Load one curated JSON file from `app/parsing/data`."""
    text = resources.files("app.parsing").joinpath("data").joinpath(name).read_text("utf-8")
    return DataFile(name, json.loads(text))


def read_keys(name: str) -> frozenset[str]:
    """The top-level keys of the data file `name` read so far in this process."""
    return frozenset(_READ.get(name, ()))
