"""A list of values bound as one parameter: `column IN (values)` in a statement built once.

An `IN` list is rendered, keyed and compiled per number of values: a statement holding one
must be built again for every request, and for an export's batch of thousands of ids
rendering it took longer than running the query. `in_bound` binds the values as one
parameter instead (a JSON array read by `json_each` on SQLite, an array compared with
`= ANY` on PostgreSQL), so a statement can be built once and run with any values. On
PostgreSQL integers go as the text of an array literal, cast in SQL, rather than as a list
that psycopg dumps value by value in Python: a query with 5,000 ids took 6.8 ms that way
against 9.5 (docs/benchmarks.md, "Exports", seventh look).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Integer,
    Text,
    any_,
    bindparam,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY


def in_bound(column: Any, name: str, dialect: str, type_: Any = Integer) -> ColumnElement[bool]:
    """`column` is one of the values of the parameter `name` (`bound_values`)."""
    if dialect == "postgresql":
        if type_ is Integer:
            bound: Any = cast(bindparam(name, type_=Text()), ARRAY(Integer))
        else:
            bound = bindparam(name, type_=ARRAY(type_))
        matches: ColumnElement[bool] = column == any_(bound)
        return matches
    values: Any = select(literal_column("value")).select_from(func.json_each(bindparam(name)))
    within: ColumnElement[bool] = column.in_(values)
    return within


def bound_values(dialect: str, values: Iterable[Any], type_: Any = Integer) -> Any:
    """`values` (of `type_`, as `in_bound` was given it) as that parameter takes them."""
    if dialect != "postgresql":
        return orjson.dumps(list(values)).decode()
    if type_ is Integer:
        return "{" + ",".join([str(int(value)) for value in values]) + "}"
    return list(values)
