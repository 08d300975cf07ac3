"""The OpenAPI document: FastAPI's, with problem media types and hand-referenced schemas."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from app.api.problems.model import PROBLEM_MEDIA_TYPE, Problem
from app.api.schemas.briefs import BriefInput

REF_PREFIX = "#/components/schemas/"

# Components referenced from hand-written parts of the document (the POST body).
EXTRA_SCHEMAS: tuple[type[BaseModel], ...] = (BriefInput,)


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
