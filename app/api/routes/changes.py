"""`/v1/changes`: the change feed."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse

from app.api import feed
from app.api.dependencies.filters import ActorQuery, BriefQuery, none_given
from app.api.dependencies.listing import DEFAULT_LIMIT, LimitQuery
from app.api.export.formats import NDJSON_MEDIA_TYPE
from app.api.openapi.responses import Responses, problems
from app.api.repositories.changes import ChangeFilters, FeedWindow
from app.api.repositories.conditions import MAX_ID
from app.api.schemas.history import ChangeItem, ChangePage
from app.errors import InvalidParameterError
from app.vocabulary import ChangeType

router = APIRouter(prefix="/changes", tags=["changes"])


class FeedFormat(StrEnum):
    """One JSON page, or every change as NDJSON."""

    json = "json"
    ndjson = "ndjson"


class FeedSort(StrEnum):
    """`id`: the oldest change first (commit order); `-id`: the newest first."""

    id = "id"
    id_desc = "-id"


AfterQuery = Annotated[
    str,
    Query(
        pattern=r"^[0-9]{1,15}$",
        description="`next_cursor` of the previous answer (the id of the last change seen); "
        "`0` or omitted: from the first change.",
        examples=["0"],
    ),
]
BeforeQuery = Annotated[
    str | None,
    Query(
        pattern=r"^[0-9]{1,15}$",
        description="Only changes with an id below this one: with `sort=-id`, the "
        "`next_cursor` of the previous answer, to read older changes; omitted: no bound.",
        examples=["120"],
    ),
]
FeedSortQuery = Annotated[
    FeedSort,
    Query(
        description="`id` (the oldest first, in commit order) or `-id` (the newest first: "
        "the latest changes, then `before` to read back)."
    ),
]
TypeQuery = Annotated[
    list[ChangeType],
    Query(
        alias="type",
        default_factory=none_given,
        description="Change type; repeat it to accept any of several.",
    ),
]
WaitQuery = Annotated[
    float,
    Query(
        ge=0,
        le=30,
        description="Seconds to wait for a change when there is none yet (long polling); "
        "0 answers at once.",
    ),
]
FeedFormatQuery = Annotated[
    FeedFormat,
    Query(alias="format", description="`json` (a page) or `ndjson` (every change after)."),
]
FEED_RESPONSES: Responses = {
    200: {
        "description": "A page of changes (JSON), or every change after the cursor (NDJSON).",
        "content": {NDJSON_MEDIA_TYPE: {"schema": {"type": "string"}}},
    },
    **problems(422, 503),
}


def _cursor(name: str, text: str) -> int:
    if (cursor := int(text)) > MAX_ID:
        raise InvalidParameterError.for_param(f"query.{name}", "No change has so large an id.")
    return cursor


def _window(after: str, before: str | None, sort: FeedSort) -> FeedWindow:
    upper = None if before is None else _cursor("before", before)
    return FeedWindow(_cursor("after", after), upper, sort is FeedSort.id_desc)


def _next_cursor(items: list[ChangeItem], window: FeedWindow) -> str:
    """The last change given; when none was, the cursor the client sent (`before`, newest
    first; `0` when it sent none, as nothing lies before the start)."""
    if items:
        return str(items[-1].id)
    return str(window.before or 0) if window.newest_first else str(window.after)


@router.get(
    "",
    operation_id="listChanges",
    summary="Follow the change feed.",
    response_model=ChangePage,
    responses=FEED_RESPONSES,
)
async def list_changes(
    request: Request,
    actor: ActorQuery,
    types: TypeQuery,
    after: AfterQuery = "0",
    before: BeforeQuery = None,
    sort: FeedSortQuery = FeedSort.id,
    limit: LimitQuery = DEFAULT_LIMIT,
    brief: BriefQuery = None,
    wait: WaitQuery = 0,
    fmt: FeedFormatQuery = FeedFormat.json,
) -> Response:
    """Every change after the cursor, in commit order (or the newest first): briefs created,
    updated and deleted; claims added, removed and changing status; statements and events
    added and removed."""
    filters = ChangeFilters(brief, tuple(actor), tuple(types))
    window = _window(after, before, sort)
    size = feed.NDJSON_BATCH if fmt is FeedFormat.ndjson else limit
    items = await feed.wait_for_changes(filters, window, size, wait, request.is_disconnected)
    if fmt is FeedFormat.ndjson:
        lines = feed.ndjson_lines(filters, window, items)
        return StreamingResponse(lines, media_type=NDJSON_MEDIA_TYPE)
    page = ChangePage(items=items, next_cursor=_next_cursor(items, window))
    return JSONResponse(page.model_dump(mode="json"))
