"""Answer a list request in the format asked for: a JSON page, or an NDJSON or CSV export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar, get_args

import orjson
from fastapi import Request, Response
from pydantic import BaseModel
from sqlmodel import Session

from app.api.cursors import encode_cursor
from app.api.export.formats import CsvWriter
from app.api.export.process import forwarded_or
from app.api.export.reader import BatchReader
from app.api.rendering.export_stream import csv_encoder, export_response, ndjson_encoder
from app.api.repositories.base import Data, Listing
from app.api.repositories.conditions import Conditions
from app.api.repositories.keyset import PageRequest
from app.api.schemas.common import ListBody, ListFormat
from app.db import get_engine

T = TypeVar("T", bound=BaseModel)


def _link(request: Request, token: str | None) -> dict[str, str]:
    if token is None:
        return {}
    return {"Link": f'<{request.url.include_query_params(cursor=token)}>; rel="next"'}


def item_model(body: type[ListBody[Any]]) -> type[BaseModel]:
    """The item model of a page model."""
    model: type[BaseModel] = get_args(body.model_fields["items"].annotation)[0]
    return model


def render_list(
    request: Request,
    session: Session,
    fmt: ListFormat,
    page_request: PageRequest,
    listing: Listing[T],
    conditions: Conditions,
    body: type[ListBody[T]],
    kept_total: Callable[[Session], int | None] | None = None,
) -> Response:
    """Answer a list request in the format asked for; `kept_total` answers `total` from the
    kept counts where it can (None: the rows are counted)."""
    if fmt is not ListFormat.json:
        # The filters are resolved: the export reads in its own short transactions, and
        # the request's must not stay open (and on SQLite pin a snapshot) while it streams.
        session.close()

        def streamed_here() -> Response:
            reader = BatchReader(get_engine(), listing, conditions, page_request)
            csv = fmt is ListFormat.csv
            encoder = csv_encoder(CsvWriter(item_model(body))) if csv else ndjson_encoder()
            return export_response(request, reader, encoder)

        # Built only where the export streams here: a forwarded one needs no reader.
        return forwarded_or(request, streamed_here)
    total = kept_total(session) if page_request.include_total and kept_total else None
    if total is not None:
        page_request = replace(page_request, include_total=False)
    page = listing.page(session, conditions, page_request)
    token = encode_cursor(page.next_cursor) if page.next_cursor else None
    total = page.total if total is None else total
    content = page_json(page.items, token, total)
    return Response(content, media_type="application/json", headers=_link(request, token))


def page_json(items: list[Data], next_cursor: str | None, total: int | None) -> bytes:
    """A page as its `ListBody` model writes it, from item data (`Listing.page`), with no
    model built: validating the items into models and writing them back was about 7% of
    an uncached list request's Python work (docs/benchmarks.md, "A lean list path");
    tests/api/rendering/test_page_bytes.py holds the bytes to the models'."""
    page: Data = {"items": items, "next_cursor": next_cursor}
    if total is not None:  # `ListBody.total` is left out unless asked for
        page["total"] = total
    return orjson.dumps(page)
