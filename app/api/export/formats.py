"""How a batch of item data is written: NDJSON lines or CSV rows, as bytes.

No model is built per row: orjson writes the dicts the repositories build (dates included)
in one call per row, and the csv module writes the flattened cells of many rows in one.
Both give what a page says: the JSON of an item, and the cells of its CSV row.
"""

from __future__ import annotations

import csv
import io
import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.api.repositories.base import Data

NDJSON_MEDIA_TYPE = "application/x-ndjson"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
Column = tuple[str, ...]
Cell = Callable[[Data], Any]


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `annotation` (`Model` or `Model | None`), if it is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        models = [arg for arg in get_args(annotation) if _nested_model(arg)]
        return models[0] if models else None
    return None


def csv_columns(model: type[BaseModel], prefix: Column = ()) -> list[Column]:
    """Flattened column paths of `model`: nested models become `outer_inner` columns."""
    columns: list[Column] = []
    for name, field in model.model_fields.items():
        nested = _nested_model(field.annotation)
        path = (*prefix, name)
        columns.extend(csv_columns(nested, path) if nested else [path])
    return columns


def _joined(values: list[Any]) -> str:
    # Lists of actors show their slugs; other lists their values.
    return ";".join(str(v.get("slug", v) if isinstance(v, dict) else v) for v in values)


def _plain(value: Any) -> Any:
    return _joined(value) if isinstance(value, list) else value


def _cell(path: Column) -> Cell:
    """The function reading one column's cell from an item (None is written empty)."""
    if len(path) == 1:
        (name,) = path
        return lambda data: _plain(data[name])
    outer, *inner = path

    def nested(data: Data) -> Any:
        value: Any = data[outer]
        for key in inner:
            value = value.get(key) if isinstance(value, dict) else None
        return _plain(value)

    return nested


def ndjson_chunk(items: list[Data]) -> bytes:
    """One JSON object a line, as compact as a page writes it."""
    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    return b"".join([dumps(item, option=newline) for item in items])


class CsvWriter:
    """The CSV of items shaped as `model`: a fixed header, then one row an item."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns = csv_columns(model)
        self._cells = [_cell(column) for column in self.columns]

    def header(self) -> bytes:
        """The header line."""
        return self._write([["_".join(column) for column in self.columns]])

    def cells(self, items: list[Data]) -> list[list[Any]]:
        """The cells of each item's row (None where empty)."""
        cells = self._cells
        return [[cell(item) for cell in cells] for item in items]

    def chunk(self, items: list[Data]) -> bytes:
        """The rows of `items`."""
        return self._write(self.cells(items))

    @staticmethod
    def _write(rows: list[list[Any]]) -> bytes:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode()
