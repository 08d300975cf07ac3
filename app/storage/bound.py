"""A list of values bound as one parameter: `column IN (values)` in a statement built once.

An `IN` list is rendered, keyed and compiled per number of values: a statement holding one
must be built again for every request, and for an export's batch of thousands of ids
rendering it took longer than running the query. `in_bound` binds the values as one
parameter instead (a JSON array read by `json_each` on SQLite, an array compared with
`= ANY` on PostgreSQL), so a statement can be built once and run with any values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Integer, any_, bindparam, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY


def in_bound(column: Any, name: str, dialect: str, type_: Any = Integer) -> ColumnElement[bool]:
    """`column` is one of the values of the parameter `name` (`bound_values`)."""
    if dialect == "postgresql":
        matches: ColumnElement[bool] = column == any_(bindparam(name, type_=ARRAY(type_)))
        return matches
    values: Any = select(literal_column("value")).select_from(func.json_each(bindparam(name)))
    within: ColumnElement[bool] = column.in_(values)
    return within


def bound_values(dialect: str, values: Iterable[Any]) -> Any:
    """`values` as an `in_bound` parameter takes them."""
    return list(values) if dialect == "postgresql" else orjson.dumps(list(values)).decode()
