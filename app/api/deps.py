"""Dependencies and parameter types shared by the routes."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.dependencies.rate_limits import check_client, check_key
from app.api.pagination import PageRequest, decode_cursor
from app.api.repositories.conditions import MAX_ID
from app.api.schemas.common import DateSort, ListFormat, NameSort
from app.config import get_settings
from app.db import SessionDep
from app.errors import UnauthorizedError, WritesDisabledError
from app.vocabulary import ClaimStatus, StatementKind

__all__ = ["SessionDep"]

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

IdPath = Annotated[
    int, Path(ge=1, le=MAX_ID, description="Numeric id of the resource.", examples=[1])
]
BriefQuery = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Only rows extracted from this brief (id).", examples=[1]),
]
LocationQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "Place, matched ignoring case and accents against the whole location or the "
            "part before its first comma (`Paris` matches `Paris, France`)."
        ),
        examples=["Paris"],
    ),
]
FormatQuery = Annotated[
    ListFormat,
    Query(
        alias="format",
        description="`json` (a page), `csv` (the same page), `ndjson` (every matching row).",
    ),
]
StatusQuery = Annotated[
    list[ClaimStatus],
    Query(
        default_factory=list, description="Verification status; repeat it to accept any of several."
    ),
]
StatementKindQuery = Annotated[
    list[StatementKind],
    Query(
        default_factory=list,
        description="`quote` (verbatim) or `reported` speech; repeat for either.",
    ),
]
LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.", examples=[DEFAULT_LIMIT])
]
CursorQuery = Annotated[
    str | None,
    Query(
        max_length=1000,
        description="Opaque `next_cursor` of the previous page; omit for the first page.",
    ),
]
IncludeTotalQuery = Annotated[
    bool, Query(description="Add `total`, the number of matching rows (costs a count).")
]
DateSortQuery = Annotated[
    DateSort, Query(description="`-occurred_on` newest first (default) or `occurred_on`.")
]
NameSortQuery = Annotated[NameSort, Query(description="`name` A to Z (default) or `-name`.")]


def _page(limit: int, cursor: str | None, include_total: bool, descending: bool) -> PageRequest:
    decoded = decode_cursor(cursor) if cursor else None
    return PageRequest(limit, descending, decoded, include_total)


async def date_page(
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    include_total: IncludeTotalQuery = False,
    sort: DateSortQuery = DateSort.occurred_on_desc,
) -> PageRequest:
    """Paging for lists ordered by date."""
    return _page(limit, cursor, include_total, sort is DateSort.occurred_on_desc)


async def name_page(
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    include_total: IncludeTotalQuery = False,
    sort: NameSortQuery = NameSort.name,
) -> PageRequest:
    """Paging for lists ordered by name."""
    return _page(limit, cursor, include_total, sort is NameSort.name_desc)


DatePageDep = Annotated[PageRequest, Depends(date_page)]
NamePageDep = Annotated[PageRequest, Depends(name_page)]

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="apiKey",
    description="A key from `CHANCERY_API_KEYS`, as `Authorization: Bearer <key>`.",
)


def _is_known(given: str, keys: list[str]) -> bool:
    # Every key is compared, in constant time, so timing tells nothing about which matched.
    found = False
    for key in keys:
        found |= hmac.compare_digest(given.encode(), key.encode())
    return found


def require_writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the request through only with a configured bearer key, within the write limits."""
    keys = get_settings().api_keys
    if not keys:
        raise WritesDisabledError("Writes are disabled: the server has no API keys configured.")
    # The client's bucket is spent before the key is checked, so guessing keys is throttled.
    check_client(request)
    if credentials is None or not _is_known(credentials.credentials, keys):
        raise UnauthorizedError("A valid `Authorization: Bearer <key>` header is required.")
    check_key(request, credentials.credentials)


WriterDep = Annotated[None, Depends(require_writer)]
