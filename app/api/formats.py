"""List representations: a JSON page, a CSV page, or every row as streamed NDJSON."""

from __future__ import annotations

import csv
import io
import types
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TypeVar, Union, get_args, get_origin

from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session

from app.api.pagination import Page, PageRequest, encode_cursor
from app.api.schemas.common import ListBody, ListFormat
from app.db import session_scope

T = TypeVar("T", bound=BaseModel)
Fetch = Callable[[Session, PageRequest], Page[T]]

NDJSON_MEDIA_TYPE = "application/x-ndjson"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
NDJSON_BATCH = 500
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


def _ndjson(fetch: Fetch[T], first: Page[T], request: PageRequest) -> Iterator[bytes]:
    page = first
    # The rest is read in its own session: the request's closes when the handler returns.
    with session_scope() as session:
        while True:
            for item in page.items:
                yield item.model_dump_json().encode() + b"\n"
            if page.next_cursor is None:
                return
            page = fetch(session, replace(request, cursor=page.next_cursor))


def _link(request: Request, token: str | None) -> dict[str, str]:
    if token is None:
        return {}
    return {"Link": f'<{request.url.include_query_params(cursor=token)}>; rel="next"'}


def render_list(
    request: Request,
    session: Session,
    fmt: ListFormat,
    page_request: PageRequest,
    fetch: Fetch[T],
    body: type[ListBody[T]],
) -> Response:
    """Answer a list request in the format asked for."""
    if fmt is ListFormat.ndjson:
        batch = replace(page_request, limit=NDJSON_BATCH, include_total=False)
        chunks = _ndjson(fetch, fetch(session, batch), batch)
        return StreamingResponse(chunks, media_type=NDJSON_MEDIA_TYPE)
    page = fetch(session, page_request)
    token = encode_cursor(page.next_cursor) if page.next_cursor else None
    headers = _link(request, token)
    if fmt is ListFormat.csv:
        item_model = body.model_fields["items"].annotation
        model = get_args(item_model)[0]
        return Response(render_csv(page.items, model), media_type=CSV_MEDIA_TYPE, headers=headers)
    payload = body(items=page.items, next_cursor=token, total=page.total)
    return Response(payload.model_dump_json(), media_type="application/json", headers=headers)
