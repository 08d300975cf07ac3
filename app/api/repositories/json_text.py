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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Union

import orjson
from sqlalchemy import ColumnElement, Text, cast, func, literal_column

from app.api.repositories.keyset import SqlColumn

# A field's value: a column (or SQL expression), or a nested object.
JsonValue = Union[SqlColumn, "JsonFields"]
JsonFields = Sequence[tuple[str, JsonValue]]


def text_literal(text: str) -> ColumnElement[str]:
    """`text` as an SQL string literal (written from code, never from input)."""
    return literal_column("'" + text.replace("'", "''") + "'", Text)


def _nested(value: JsonValue) -> JsonFields | None:
    return value if isinstance(value, Sequence) and not isinstance(value, str) else None


def _sqlite_object(fields: JsonFields) -> ColumnElement[Any]:
    arguments: list[Any] = []
    for key, value in fields:
        nested = _nested(value)
        arguments += [text_literal(key), value if nested is None else _sqlite_object(nested)]
    return func.json_object(*arguments)


def _postgres_pieces(fields: JsonFields, out: list[str | ColumnElement[Any]]) -> None:
    out.append("{")
    for index, (key, value) in enumerate(fields):
        out.append(("," if index else "") + orjson.dumps(key).decode() + ":")
        nested = _nested(value)
        if nested is not None:
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
