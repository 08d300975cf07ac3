"""Query parameters that take one value refuse several."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args, get_origin

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.errors import InvalidParameterError

_SEQUENCES = (list, tuple, set, frozenset)
REASON = "takes one value, was given several"


def _is_sequence(annotation: object) -> bool:
    if get_origin(annotation) in _SEQUENCES:
        return True
    return any(get_origin(arg) in _SEQUENCES for arg in get_args(annotation))


def _query_fields(dependant: Dependant) -> Iterator[tuple[str, object]]:
    for field in dependant.query_params:
        yield field.alias, field.field_info.annotation
    for sub in dependant.dependencies:
        yield from _query_fields(sub)


# Per route (by its unique id; routes are not hashable): its one-value query parameters.
_SINGLE_VALUED: dict[str, frozenset[str]] = {}


def _single_valued(route: APIRoute) -> frozenset[str]:
    found = _SINGLE_VALUED.get(route.unique_id)
    if found is None:
        fields = _query_fields(route.dependant)
        found = frozenset(name for name, kind in fields if not _is_sequence(kind))
        _SINGLE_VALUED[route.unique_id] = found
    return found


async def refuse_repeated_scalars(request: Request) -> None:
    """Dependency: `?limit=1&limit=2` is a 422, not a silent pick of one of the values.

    FastAPI keeps the last value of a repeated one-value parameter; a client that repeats
    one has made a mistake it should hear about (repeatable filters are declared as lists).
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    single = _single_valued(route)
    names = [name for name, _ in request.query_params.multi_items() if name in single]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        params = [(f"query.{name}", REASON) for name in repeated]
        # The detail has always named the first one only; every one is in `invalid_params`.
        raise InvalidParameterError.for_params(params, detail=f"{params[0][0]}: {REASON}")
