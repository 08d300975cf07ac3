"""Answer a list request in the format asked for: a JSON page, a CSV page, or NDJSON."""

from __future__ import annotations

from typing import TypeVar, get_args

from fastapi import Request, Response
from pydantic import BaseModel
from sqlmodel import Session

from app.api.cursors import encode_cursor
from app.api.rendering.csv_page import CSV_MEDIA_TYPE, render_csv
from app.api.rendering.ndjson_stream import Fetch, ndjson_response
from app.api.repositories.keyset import PageRequest
from app.api.schemas.common import ListBody, ListFormat

T = TypeVar("T", bound=BaseModel)


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
        return ndjson_response(session, page_request, fetch)
    page = fetch(session, page_request)
    token = encode_cursor(page.next_cursor) if page.next_cursor else None
    headers = _link(request, token)
    if fmt is ListFormat.csv:
        item_model = body.model_fields["items"].annotation
        model = get_args(item_model)[0]
        return Response(render_csv(page.items, model), media_type=CSV_MEDIA_TYPE, headers=headers)
    payload = body(items=page.items, next_cursor=token, total=page.total)
    return Response(payload.model_dump_json(), media_type="application/json", headers=headers)
