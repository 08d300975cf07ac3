"""How a list is answered: its format, page size, cursor, total and sort order."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import Depends, Query

from app.api.cursors import decode_cursor
from app.api.dependencies.filters import CommonQueryDep
from app.api.repositories.keyset import PageRequest
from app.api.schemas.common import ListFormat, NameSort, SearchedSort
from app.errors import InvalidParameterError

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
SearchedSortQuery = Annotated[
    SearchedSort,
    Query(
        description=(
            "`-occurred_on` newest first (default), `occurred_on`, or `relevance`: best "
            "match of `q` first (needs `q`)."
        )
    ),
]
NameSortQuery = Annotated[NameSort, Query(description="`name` A to Z (default) or `-name`.")]


def _page(limit: int, cursor: str | None, include_total: bool, descending: bool) -> PageRequest:
    decoded = decode_cursor(cursor) if cursor else None
    return PageRequest(limit, descending, decoded, include_total)


async def searched_page(
    common: CommonQueryDep,
    limit: LimitQuery = DEFAULT_LIMIT,
    cursor: CursorQuery = None,
    include_total: IncludeTotalQuery = False,
    sort: SearchedSortQuery = SearchedSort.occurred_on_desc,
) -> PageRequest:
    """Paging for the searched lists: by date, or by relevance to `q`; snippets with `q`."""
    by_relevance = sort is SearchedSort.relevance
    if by_relevance and not common.terms:
        raise InvalidParameterError.for_param("query.sort", "relevance needs q")
    page = _page(limit, cursor, include_total, sort is SearchedSort.occurred_on_desc)
    return replace(page, search=common.terms, by_relevance=by_relevance)


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


SearchedPageDep = Annotated[PageRequest, Depends(searched_page)]
NamePageDep = Annotated[PageRequest, Depends(name_page)]
TextOrderPageDep = Annotated[PageRequest, Depends(text_order_page)]
