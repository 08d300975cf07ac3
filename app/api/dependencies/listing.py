"""How a list is answered: its format, page size, cursor, total and sort order."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from app.api.cursors import decode_cursor
from app.api.repositories.keyset import PageRequest
from app.api.schemas.common import DateSort, ListFormat, NameSort

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

FormatQuery = Annotated[
    ListFormat,
    Query(
        alias="format",
        description=(
            "`json`: a page. `ndjson`, `csv`: an export, not a page: every matching row "
            "(from `cursor` on; `limit` ignored), streamed."
        ),
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


async def text_order_page(
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    include_total: IncludeTotalQuery = False,
) -> PageRequest:
    """Paging for lists in one fixed order (brief by brief, in text order): no `sort`."""
    return _page(limit, cursor, include_total, descending=False)


DatePageDep = Annotated[PageRequest, Depends(date_page)]
NamePageDep = Annotated[PageRequest, Depends(name_page)]
TextOrderPageDep = Annotated[PageRequest, Depends(text_order_page)]
