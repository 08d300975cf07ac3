"""Items as JSON (or CSV) text written by the database, for exports.

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

A CSV line is written likewise (`csv_line_text`): each cell quoted as Python's csv module
quotes it, and a cell may join a column of related rows (`RelatedRows`: a claim's actors'
slugs, ordered by name then id as `load_actor_refs` orders them), so that a row's whole line
is one text from the query and Python only joins the lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union

import orjson
from sqlalchemy import (
    Boolean,
    ColumnElement,
    Text,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by

from app.api.repositories.keyset import AnySelect, SqlColumn


@dataclass(frozen=True)
class RelatedRows:
    """The rows of `rows(dialect)`, related to the outer query's row by the select's
    WHERE, ordered by `order(dialect, columns)` (of its selected columns)."""

    rows: Callable[[str], AnySelect]
    order: Callable[[str, Any], Sequence[ColumnElement[Any]]]
    # The outer query's tables `rows()` refers to (SQLite reads the rows in a subquery of
    # their own, which SQLAlchemy correlates only when told to).
    correlate: Sequence[Any] = ()


# A field's value: a column (or SQL expression), or a nested object.
JsonValue = Union[SqlColumn, "JsonFields"]
JsonFields = Sequence[tuple[str, JsonValue]]


def text_literal(text: str) -> ColumnElement[str]:
    """`text` as an SQL string literal (written from code, never from input)."""
    return literal_column("'" + text.replace("'", "''") + "'", Text)


def _nested(value: JsonValue) -> JsonFields | None:
    return value if isinstance(value, Sequence) and not isinstance(value, str) else None


def _joined(dialect: str, related: RelatedRows, column: str, separator: str) -> ColumnElement[str]:
    """`column` of each of the related rows, in their order, joined with `separator`
    (NULL when no row is related)."""
    rows = related.rows(dialect)
    columns = rows.selected_columns
    element, order = columns[column], related.order(dialect, columns)
    if dialect == "postgresql":
        joined = func.string_agg(element, aggregate_order_by(text_literal(separator), *order))
        return rows.with_only_columns(joined).scalar_subquery()
    # SQLite 3.40 has no ORDER BY inside an aggregate: the rows are ordered in a subquery,
    # which SQLite never flattens into an aggregate query, so group_concat reads them in
    # that order (tests/api/export/test_reader.py holds the order to Python's).
    inner = (
        rows.with_only_columns(element.label("element"))
        .order_by(*order)
        .correlate(*related.correlate)
        .subquery()
    )
    joined = func.group_concat(inner.c.element, text_literal(separator))
    return select(joined).select_from(inner).scalar_subquery()


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


@dataclass(frozen=True)
class CsvCell:
    """A CSV cell from a column: `text` cells are quoted when they must be, `date` cells
    written as ISO dates, the rest (integers) as they are; NULL is an empty cell."""

    value: SqlColumn
    kind: Literal["text", "date", "plain"] = "plain"


@dataclass(frozen=True)
class CsvJoined:
    """A CSV cell holding `column` of each of the `related` rows, in order, joined with
    `separator` (a list of actors as their slugs). Never quoted: the values must hold
    none of `_CSV_SPECIAL` (slugs are URL-safe ASCII: `app.vocabulary.slugify`), and a
    quoted cell would read the related rows three times."""

    related: RelatedRows
    column: str
    separator: str = ";"


# Characters that make a cell quoted: Python's csv module (QUOTE_MINIMAL, lineterminator
# "\n") quotes the delimiter, the quote and the line feed; a carriage return is quoted too,
# since many readers take a bare one for a line break.
_CSV_SPECIAL = ',"\n\r'


def _needs_quotes(dialect: str, text: ColumnElement[str]) -> ColumnElement[bool]:
    if dialect == "postgresql":
        return text.op("~", return_type=Boolean)(text_literal('[,"\\r\\n]'))
    # instr for each character: 5.6 µs a claim's line against 6.4 with one GLOB '*[...]*'
    return or_(*[func.instr(text, text_literal(char)) > 0 for char in _CSV_SPECIAL])


def _csv_cell(dialect: str, cell: CsvCell | CsvJoined) -> ColumnElement[str]:
    text: Any
    if isinstance(cell, CsvJoined):
        text = _joined(dialect, cell.related, cell.column, cell.separator)
        kind = "plain"
    else:
        text, kind = cell.value, cell.kind
        if kind == "date" and dialect == "postgresql":
            text = func.to_char(text, text_literal("YYYY-MM-DD"))  # whatever DateStyle says
        elif kind != "text":
            text = cast(text, Text)
    cell_text: ColumnElement[str] = func.coalesce(text, text_literal(""))
    if kind != "text":
        return cell_text
    text = cell_text
    quoted = (
        text_literal('"')
        .op("||", return_type=Text)(func.replace(text, text_literal('"'), text_literal('""')))
        .op("||", return_type=Text)(text_literal('"'))
    )
    return case((_needs_quotes(dialect, text), quoted), else_=text)


def csv_line_text(dialect: str, cells: Sequence[CsvCell | CsvJoined]) -> ColumnElement[str]:
    """An SQL expression writing `cells` as one CSV line (without its line break), the
    bytes Python's csv module writes for the same values (but a bare carriage return,
    quoted here)."""
    parts = [_csv_cell(dialect, cell) for cell in cells]
    line = parts[0]
    for part in parts[1:]:
        line = line.op("||", return_type=Text)(text_literal(",")).op("||", return_type=Text)(part)
    return line
