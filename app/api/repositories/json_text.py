"""Items as JSON text written by the database, for exports.

An NDJSON export spent most of its time in Python: a dict per row, then orjson writing it.
Here the database writes each row's JSON as text (as PostgREST has PostgreSQL do), the
bytes orjson would write: compact, keys in the item model's order, strings escaped as
orjson escapes them (`"`, `\\`, `\\b\\t\\n\\f\\r`, other control characters as `\\u00xx`,
nothing else), dates as ISO text. tests/api/repositories/test_json_text.py holds both
databases to orjson.

SQLite writes it with `json_object` (nested objects stay JSON), at about the cost of
reading the same columns as Python values. PostgreSQL's `json_build_object` writes
`"key" : value` with spaces, so there the text is one `||` concatenation of the keys and
each value's `to_json`.

A field may also be a JSON array the database writes from related rows (`JsonArray`: a
claim's actors, ordered by name then id as `load_actor_refs` orders them), so that a row's
whole line is one text from the query and Python only joins the lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Union

import orjson
from sqlalchemy import ColumnElement, Text, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from app.api.repositories.keyset import AnySelect, SqlColumn


@dataclass(frozen=True)
class JsonArray:
    """A field holding an array of objects, one per row of `rows(dialect)` (related to the
    outer row by the select's WHERE), each object its selected columns under their names,
    ordered by `order(dialect, columns)`."""

    rows: Callable[[str], AnySelect]
    order: Callable[[str, Any], Sequence[ColumnElement[Any]]]
    # The outer query's tables `rows()` refers to (SQLite reads the rows in a subquery of
    # their own, which SQLAlchemy correlates only when told to).
    correlate: Sequence[Any] = ()


# A field's value: a column (or SQL expression), a nested object, or an array of objects.
JsonValue = Union[SqlColumn, "JsonFields", JsonArray]
JsonFields = Sequence[tuple[str, JsonValue]]


def text_literal(text: str) -> ColumnElement[str]:
    """`text` as an SQL string literal (written from code, never from input)."""
    return literal_column("'" + text.replace("'", "''") + "'", Text)


def _nested(value: JsonValue) -> JsonFields | None:
    return value if isinstance(value, Sequence) and not isinstance(value, str) else None


def _bracketed(text: ColumnElement[Any]) -> ColumnElement[str]:
    opened = text_literal("[").op("||", return_type=Text)(text)
    return opened.op("||", return_type=Text)(text_literal("]"))


def _array_text(dialect: str, array: JsonArray) -> ColumnElement[str]:
    """The array as JSON text, `[]` when no row is related."""
    rows = array.rows(dialect)
    columns = rows.selected_columns
    element = json_object_text(dialect, [(str(column.key), column) for column in columns])
    order = array.order(dialect, columns)
    if dialect == "postgresql":
        joined = func.string_agg(element, aggregate_order_by(text_literal(","), *order))
        text = func.coalesce(_bracketed(joined), text_literal("[]"))
        return rows.with_only_columns(text).scalar_subquery()
    # SQLite 3.40 has no ORDER BY inside an aggregate: the rows are ordered in a subquery,
    # which SQLite never flattens into an aggregate query, so group_concat reads them in
    # that order (tests/api/repositories/test_json_text.py holds the order to Python's).
    inner = (
        rows.with_only_columns(element.label("element"))
        .order_by(*order)
        .correlate(*array.correlate)
        .subquery()
    )
    joined = func.coalesce(func.group_concat(inner.c.element, text_literal(",")), text_literal(""))
    return select(_bracketed(joined)).select_from(inner).scalar_subquery()


def _sqlite_object(fields: JsonFields) -> ColumnElement[Any]:
    arguments: list[Any] = []
    for key, value in fields:
        nested = _nested(value)
        if isinstance(value, JsonArray):  # a subquery's text: json() makes it JSON again
            arguments += [text_literal(key), func.json(_array_text("sqlite", value))]
            continue
        arguments += [text_literal(key), value if nested is None else _sqlite_object(nested)]
    return func.json_object(*arguments)


def _postgres_pieces(fields: JsonFields, out: list[str | ColumnElement[Any]]) -> None:
    out.append("{")
    for index, (key, value) in enumerate(fields):
        out.append(("," if index else "") + orjson.dumps(key).decode() + ":")
        nested = _nested(value)
        if isinstance(value, JsonArray):
            out.append(_array_text("postgresql", value))
        elif nested is not None:
            _postgres_pieces(nested, out)
        else:
            out.append(func.coalesce(cast(func.to_json(value), Text), text_literal("null")))
    out.append("}")


def _postgres_object(fields: JsonFields) -> ColumnElement[Any]:
    pieces: list[str | ColumnElement[Any]] = []
    _postgres_pieces(fields, pieces)
    merged: list[str | ColumnElement[Any]] = []
    for piece in pieces:  # adjacent keys and braces as one literal
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    parts = [text_literal(p) if isinstance(p, str) else p for p in merged]
    text = parts[0]
    for part in parts[1:]:
        text = text.op("||", return_type=Text)(part)
    return text


def json_object_text(dialect: str, fields: JsonFields) -> ColumnElement[str]:
    """An SQL expression writing `fields` as one compact JSON object, keys in order."""
    if dialect == "postgresql":
        return _postgres_object(fields)
    return _sqlite_object(fields)
