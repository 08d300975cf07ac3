"""Every error rendered as a problem: the application's own, HTTP, validation, database."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.api.problems.model import PROBLEM_BASE, PROBLEM_MEDIA_TYPE, Problem
from app.errors import ChanceryError, DatabaseUnavailableError, InvalidParameterError
from app.logs import REQUEST_ID

log = logging.getLogger(__name__)


def problem_response(
    status: int,
    slug: str,
    title: str,
    detail: str,
    request: Request,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """Render a problem+json response."""
    body = Problem(
        type=PROBLEM_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        request_id=REQUEST_ID.get(),
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _slug(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-")


# In the order an `Allow` header lists them. HEAD and OPTIONS count only where a route
# serves them: FastAPI's routes take exactly the methods they declare.
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at the request's path, matched as the router matches.

    Starlette's 405 names only the methods of the first route whose path matched, so
    `OPTIONS /v1/briefs` was told `Allow: GET` although a second route there takes POST.
    """
    routes = request.app.router.routes
    allowed = []
    for method in METHODS:
        # A fresh `fastapi` entry: FastAPI keeps the request's matching state there.
        probe = {**request.scope, "method": method, "fastapi": {}}
        if any(route.matches(probe)[0] is Match.FULL for route in routes):
            allowed.append(method)
    return allowed


# Extensions of a ChanceryError that the Problem model renders; others stay server-side.
RENDERED_EXTENSIONS = ("line", "column", "invalid_params")


async def _chancery_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ChanceryError)
    extra = {k: v for k, v in exc.extensions.items() if k in RENDERED_EXTENSIONS}
    headers = exc.response_headers() or None
    return problem_response(exc.status, exc.slug, exc.title, exc.detail, request, headers, **extra)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    phrase = HTTPStatus(exc.status_code).phrase
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    slug = _slug(exc.status_code)
    headers = exc.headers
    if exc.status_code == 405 and headers and "Allow" in headers:
        headers = {**headers, "Allow": ", ".join(allowed_methods(request))}
    return problem_response(exc.status_code, slug, phrase, detail, request, headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return await _chancery_error(request, InvalidParameterError.from_validation(exc.errors()))


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", type(exc).__name__)
    error = DatabaseUnavailableError("The database is unavailable; retry shortly.")
    return problem_response(
        error.status, error.slug, error.title, error.detail, request, {"Retry-After": "5"}
    )


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(
        500, "internal-error", "Internal error", "An unexpected error occurred.", request
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error through the problem+json renderers above."""
    app.add_exception_handler(ChanceryError, _chancery_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, _database_error)
    app.add_exception_handler(PoolTimeoutError, _database_error)
    app.add_exception_handler(InterfaceError, _database_error)
    app.add_exception_handler(Exception, _unexpected_error)
