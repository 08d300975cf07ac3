"""OpenAPI details the route decorators cannot say by themselves."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from app.api.formats import CSV_MEDIA_TYPE, NDJSON_MEDIA_TYPE
from app.api.problems import PROBLEM_MEDIA_TYPE, Problem
from app.api.schemas.briefs import BriefInput

REF_PREFIX = "#/components/schemas/"
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

# Components referenced from hand-written parts of the document (the POST body).
EXTRA_SCHEMAS: tuple[type[BaseModel], ...] = (BriefInput,)


def problems(*codes: int) -> Responses:
    """Problem+json responses for `codes`."""
    return {code: {"model": Problem, "description": _DESCRIPTIONS[code]} for code in codes}


def read_responses() -> Responses:
    """What every GET of one resource can answer besides 200."""
    return {304: {"description": _DESCRIPTIONS[304]}, **problems(404, 422, 503)}


def list_responses() -> Responses:
    """What every list can answer: a JSON or CSV page, NDJSON rows, 304, problems."""
    text = {"schema": {"type": "string"}}
    ok = {
        "description": "A page (JSON or CSV) or every matching row (NDJSON).",
        "headers": {**_GET_HEADERS, **_LINK_HEADER},
        "content": {CSV_MEDIA_TYPE.split(";")[0]: text, NDJSON_MEDIA_TYPE: text},
    }
    return {200: ok, 304: {"description": _DESCRIPTIONS[304]}, **problems(422, 503)}


def _fix_problem_media_types(document: dict[str, Any]) -> None:
    # FastAPI files a `model=Problem` response under the route's media type; errors are
    # always sent as problem+json, whatever the route's success type.
    problem = {"schema": {"$ref": REF_PREFIX + Problem.__name__}}
    for path in document.get("paths", {}).values():
        for operation in path.values():
            for response in operation.get("responses", {}).values():
                if problem in response.get("content", {}).values():
                    response["content"] = {PROBLEM_MEDIA_TYPE: problem}


def _add_schemas(document: dict[str, Any]) -> None:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in EXTRA_SCHEMAS:
        schema = model.model_json_schema(ref_template=REF_PREFIX + "{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI 3.1 document, built once and cached on the app."""
    if app.openapi_schema is None:
        document = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
            separate_input_output_schemas=False,
        )
        _fix_problem_media_types(document)
        _add_schemas(document)
        app.openapi_schema = document
    return app.openapi_schema
