"""Every matching row as NDJSON, streamed in batches read by keyset pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session

from app.api.repositories.keyset import Page, PageRequest
from app.db import session_scope

T = TypeVar("T", bound=BaseModel)
Fetch = Callable[[Session, PageRequest], Page[T]]

NDJSON_MEDIA_TYPE = "application/x-ndjson"
NDJSON_BATCH = 500


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


def ndjson_response(
    session: Session, page_request: PageRequest, fetch: Fetch[T]
) -> StreamingResponse:
    """Every row `fetch` finds, from the first batch on, one JSON object a line."""
    batch = replace(page_request, limit=NDJSON_BATCH, include_total=False)
    chunks = _ndjson(fetch, fetch(session, batch), batch)
    return StreamingResponse(chunks, media_type=NDJSON_MEDIA_TYPE)
