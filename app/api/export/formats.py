"""How a batch of item data is written: NDJSON lines or CSV rows, as bytes.

No model is built per row: orjson writes the dicts the repositories build (dates included)
in one call per row, and the csv module writes the flattened cells of many rows in one.
Both give what a page says: the JSON of an item, and the cells of its CSV row.
"""

from __future__ import annotations

import csv
import io
import types
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.api.repositories.base import Data

NDJSON_MEDIA_TYPE = "application/x-ndjson"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
Column = tuple[str, ...]
Cells = list[Sequence[Any]]
T = TypeVar("T")


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
        if field.exclude_if is not None:  # a search snippet: for pages, not exports
            continue
        nested = _nested_model(field.annotation)
        path = (*prefix, name)
        columns.extend(csv_columns(nested, path) if nested else [path])
    return columns


def _slugs(actors: list[Data]) -> str:
    return ";".join([actor["slug"] for actor in actors])


def _values(values: list[Any]) -> str:
    return ";".join(map(str, values))


def leaf_type(model: type[BaseModel], path: Column) -> Any:
    """The annotation of the field a column holds, `X | None` read as `X`."""
    annotation: Any = model
    for name in path:
        annotation = annotation.model_fields[name].annotation
        if get_origin(annotation) in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def _cell_source(model: type[BaseModel], path: Column) -> str:
    """A Python expression reading one column's cell from an item `d` (None if absent)."""
    outer, *inner = path
    expression = f"d[{outer!r}]"
    for key in inner:
        expression = f"({expression} or EMPTY).get({key!r})"
    leaf = leaf_type(model, path)
    if get_origin(leaf) is list:
        (element,) = get_args(leaf)
        slugs = _nested_model(element) is not None and "slug" in element.model_fields
        expression = f"{'slugs' if slugs else 'values'}({expression})"
    return expression


def row_reader(model: type[BaseModel]) -> Callable[[Data], list[Any]]:
    """One function returning an item's cells, in `csv_columns` order.

    Written out as one expression per model (`[d['id'], (d['span'] or EMPTY).get('start'),
    slugs(d['actors']), ...]`) and compiled: a call per cell (a closure per column) took
    twice as long as the csv module's writing of the row. The expression is built from the
    model's own field names, never from input.
    """
    cells = ", ".join(_cell_source(model, column) for column in csv_columns(model))
    scope = {"EMPTY": {}, "slugs": _slugs, "values": _values}
    function: Callable[[Data], list[Any]] = eval(f"lambda d: [{cells}]", scope)
    return function


def ndjson_chunk(items: list[Data]) -> bytes:
    """One JSON object a line, as compact as a page writes it."""
    dumps, newline = orjson.dumps, orjson.OPT_APPEND_NEWLINE
    return b"".join([dumps(item, option=newline) for item in items])


class CsvWriter:
    """The CSV of items shaped as `model`: a fixed header, then one row an item."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.columns = csv_columns(model)
        self._row = row_reader(model)

    def header(self) -> bytes:
        """The header line."""
        return self.rows([["_".join(column) for column in self.columns]])

    def cells(self, items: list[Data]) -> Cells:
        """The cells of each item's row (None where empty)."""
        return list(map(self._row, items))

    def chunk(self, items: list[Data]) -> bytes:
        """The rows of `items`."""
        return self.rows(self.cells(items))

    @staticmethod
    def rows(cells: Cells) -> bytes:
        """Rows of these cells."""
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(cells)
        return out.getvalue().encode()
