"""The responses routes declare besides 200: problems, 304, and a list's formats."""

from __future__ import annotations

from typing import Any

from app.api.export.formats import CSV_MEDIA_TYPE, NDJSON_MEDIA_TYPE
from app.api.problems.model import Problem

Responses = dict[int | str, dict[str, Any]]

_DESCRIPTIONS = {
    304: "Not modified: the `If-None-Match` tag is still current.",
    401: "Missing or invalid bearer key.",
    403: "Writes are disabled on this server.",
    404: "No such resource.",
    413: "The brief is larger than `CHANCERY_MAX_BRIEF_BYTES`.",
    415: "The body is neither `text/plain` nor `application/json`.",
    422: "Invalid parameter, cursor or body; or an unparseable brief.",
    429: "Too many writes from this key or client; retry after `Retry-After` seconds.",
    503: "The database is unavailable.",
}

_GET_HEADERS = {
    "ETag": {"description": "Weak hash of the body.", "schema": {"type": "string"}},
    "Cache-Control": {"description": "Always `no-cache`.", "schema": {"type": "string"}},
}
_LINK_HEADER = {
    "Link": {"description": 'URL of the next page, as `<url>; rel="next"`.',
             "schema": {"type": "string"}},
}  # fmt: skip


def problems(*codes: int) -> Responses:
    """Problem+json responses for `codes`."""
    return {code: {"model": Problem, "description": _DESCRIPTIONS[code]} for code in codes}


def read_responses() -> Responses:
    """What every GET of one resource can answer besides 200."""
    return {304: {"description": _DESCRIPTIONS[304]}, **problems(404, 422, 503)}


def list_responses() -> Responses:
    """What every list can answer: a JSON page, an NDJSON or CSV export, 304, problems."""
    text = {"schema": {"type": "string"}}
    ok = {
        "description": (
            "`format=json`: one page. `format=ndjson` or `format=csv`: an export, not a page: "
            "every matching row (from `cursor` on, if given; `limit` ignored), streamed, "
            "gzip-encoded when asked; one JSON item a line, or one header line and one row "
            "an item. Exports carry no `Link`, `ETag` or `total`."
        ),
        "headers": {**_GET_HEADERS, **_LINK_HEADER},
        "content": {CSV_MEDIA_TYPE.split(";")[0]: text, NDJSON_MEDIA_TYPE: text},
    }
    return {200: ok, 304: {"description": _DESCRIPTIONS[304]}, **problems(422, 503)}
