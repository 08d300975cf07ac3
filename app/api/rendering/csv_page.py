"""A page as CSV: nested models flattened into `outer_inner` columns, a fixed header."""

from __future__ import annotations

import csv
import io
import types
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
Column = tuple[str, ...]


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


def _cell(data: Any, path: Column) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    if isinstance(data, list):
        # Lists of actors show their slugs; other lists their values.
        return ";".join(str(v.get("slug", v) if isinstance(v, dict) else v) for v in data)
    return "" if data is None else data


def render_csv(items: list[T], model: type[T]) -> str:
    """The items as CSV with a fixed header derived from `model`."""
    columns = csv_columns(model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow("_".join(column) for column in columns)
    for item in items:
        data = item.model_dump(mode="json")
        writer.writerow(_cell(data, column) for column in columns)
    return out.getvalue()
